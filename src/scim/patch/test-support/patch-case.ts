import type { ScimType } from '../../errors/scim-types.js';
import type { ScimResource } from '../../resource.js';
import { SCHEMA_URNS } from '../../urns.js';
import type { NonCanonicalKind } from '../patch-request.js';

/**
 * One row of a PATCH table: a resource, the operations sent, and either the resource that must result or the
 * error that must be thrown (by `parsePatchRequest` or `applyPatch`; the request is atomic either way).
 */
export interface PatchCase {
  name: string;
  /** Which resource type's schemas apply. */
  resourceType: 'User' | 'Group';
  before: ScimResource;
  /** The `Operations`, sent in a PatchOp message; ignored when `body` is given. */
  operations?: unknown[];
  /** A whole request body, for rows about the message itself. */
  body?: unknown;
  after?: ScimResource;
  error?: { status: number; scimType: ScimType };
  /** The kinds of non-canonical input that must be noted, in order. Default: none. */
  notes?: NonCanonicalKind[];
}

/** The request body a row sends. */
export function requestBody(row: PatchCase): unknown {
  return row.body ?? { schemas: [SCHEMA_URNS.PatchOp], Operations: row.operations ?? [] };
}
