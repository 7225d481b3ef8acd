import type { PrincipalRef } from '../credentials/credential-store.js';

/**
 * One SCIM request, once HTTP is peeled off: what the routes and bulk operations both run.
 * `segments` are the decoded path segments after the SCIM base path (`['Users', '2819c223']`).
 */
export interface ScimOperation {
  method: string;
  segments: string[];
  params: URLSearchParams;
  /** The parsed JSON body; undefined when there was none. */
  body: unknown;
  ifMatch: string | null;
  ifNoneMatch: string | null;
  principal: PrincipalRef | undefined;
  /**
   * The credential of the request (an application key id; `anonymous` when authentication is not enforced): RFC 9865
   * cursors are bound to it.
   */
  actor: string;
  /** The SCIM base URL the request came in on (no trailing slash). */
  baseUrl: string;
  /** Set for operations run from inside /Bulk, which may not nest another bulk request. */
  inBulk: boolean;
}
