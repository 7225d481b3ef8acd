import { HarnessError } from '../../src/errors/harness-error.js';
import { SCIM_MEDIA_TYPE } from '../../src/scim/urns.js';
import { AUTHORIZATION_PLACEHOLDER, type HttpMethod } from './request-descriptor.js';

/**
 * The two kinds of Okta app a SCIM server meets: an OIN catalog app (PUT for profile updates, PATCH for
 * (de)activation, password and groups) and an App Integration Wizard app (PUT for everything).
 * @see https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/
 */
export const OKTA_APP_TYPES = ['oin', 'aiw'] as const;
export type OktaAppType = (typeof OKTA_APP_TYPES)[number];

/** The User-Agent of every request example in Okta's SCIM 2.0 reference. */
export const OKTA_USER_AGENT = 'Okta SCIM Client 1.0.0';

/**
 * Switches for what Okta leaves undocumented or documented in two ways. Each default says where it comes from
 * (the keys are those of /work/shared/research/okta-scim.md §0: REF20, WIRE, CONCEPT, FAQ).
 */
export interface OktaClientOptions {
  app: OktaAppType;
  /** Default `Okta SCIM Client 1.0.0` (REF20, every example). */
  userAgent?: string;
  /**
   * Send `Accept: application/scim+json` and `Accept-Charset: utf-8`. Current docs show only User-Agent and
   * Authorization; the only full captures (WIRE, 2018–2019) carry both. Default true.
   */
  sendAcceptHeaders?: boolean;
  /** The space in a lookup's filter: `percent` (`%20`, REF20) or `plus` (`+`, WIRE's capture). Default percent. */
  filterSpace?: 'percent' | 'plus';
  /** Send the Okta user id as `externalId` on create (REF20's main example does; its custom-attribute one does not). Default true. */
  sendExternalId?: boolean;
  /**
   * Echo `password` in a profile-update PUT. REF20's PUT body has none; WIRE's capture (Content-Length 506) has
   * one. Default true, the capture: it is the shape a server built for Entra alone is likeliest to refuse.
   */
  putPassword?: boolean;
  /**
   * Member operations per group PATCH; 0 puts every change of a cycle into one PATCH (WIRE's sample carries two
   * removes and an add of two members). Okta publishes no limit. Default 0.
   */
  memberBatchSize?: number;
  /**
   * Re-send the group's `{id, displayName}` after each membership PATCH: "The group name update operation is
   * triggered each time there's a group membership update operation" (REF20). Default true.
   */
  renameAfterMembership?: boolean;
}

/** {@link OktaClientOptions} with every default applied. */
export interface OktaClientProfile extends Readonly<Required<OktaClientOptions>> {
  readonly idp: 'okta';
}

/** The Content-Type of Okta's SCIM 2.0 bodies (WIRE: `application/scim+json; charset=utf-8`). */
export const OKTA_CONTENT_TYPE = `${SCIM_MEDIA_TYPE}; charset=utf-8`;

/** Applies defaults and checks values once, so builders never re-validate. */
export function resolveOktaClientProfile(options: OktaClientOptions): OktaClientProfile {
  if (!(OKTA_APP_TYPES as readonly string[]).includes(options.app)) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `Okta app type must be oin or aiw, got "${String(options.app)}"`,
    );
  }
  const memberBatchSize = options.memberBatchSize ?? 0;
  if (!Number.isInteger(memberBatchSize) || memberBatchSize < 0) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `memberBatchSize must be a non-negative integer, got ${String(memberBatchSize)}`,
    );
  }
  return {
    idp: 'okta',
    app: options.app,
    userAgent: options.userAgent ?? OKTA_USER_AGENT,
    sendAcceptHeaders: options.sendAcceptHeaders ?? true,
    filterSpace: options.filterSpace ?? 'percent',
    sendExternalId: options.sendExternalId ?? true,
    putPassword: options.putPassword ?? true,
    memberBatchSize,
    renameAfterMembership: options.renameAfterMembership ?? true,
  };
}

/**
 * The headers of one request in WIRE's published order: Accept and Accept-Charset, Content-Type on every request
 * with a body and on the group DELETE (which WIRE shows with one and no body), User-Agent, Authorization. GETs carry
 * no Content-Type. Host, Connection, Accept-Encoding and Content-Length are the transport's.
 * @see https://github.com/oktadeveloper/okta-blog-archive/pull/1956
 */
export function oktaHeaders(profile: OktaClientProfile, method: HttpMethod): Record<string, string> {
  const headers: Record<string, string> = {};
  if (profile.sendAcceptHeaders) {
    headers.Accept = SCIM_MEDIA_TYPE;
    headers['Accept-Charset'] = 'utf-8';
  }
  if (method !== 'GET') headers['Content-Type'] = OKTA_CONTENT_TYPE;
  headers['User-Agent'] = profile.userAgent;
  headers.Authorization = AUTHORIZATION_PLACEHOLDER;
  return headers;
}
