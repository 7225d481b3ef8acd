import { HarnessError } from '../../src/errors/harness-error.js';
import { SCIM_MEDIA_TYPE } from '../../src/scim/urns.js';
import type { OktaClientProfile } from './okta-client-profile.js';
import { AUTHORIZATION_PLACEHOLDER, type HttpMethod } from './request-descriptor.js';
import { ENTRA_CLIENT_MODES, type EntraClientMode } from './tenant-url.js';

/**
 * Switches for behaviour Microsoft leaves undocumented or that changed over time. Defaults follow the
 * documented or observed behaviour; each says where that comes from.
 */
export interface EntraClientOptions {
  mode: EntraClientMode;
  /**
   * `verbose`: one operation per changed attribute, each with a path. `merged`: one path-less
   * `replace` with dotted and URN keys. Default: verbose for legacy, merged for compliant (COMPAT).
   */
  patchBodyFormat?: 'verbose' | 'merged';
  /** Quote filter values (`userName eq "x"`), as the wire captures show. Default true. */
  quoteFilterValues?: boolean;
  /**
   * Member references per group PATCH. Microsoft documents no number for cycles; the only documented
   * limit is on-demand provisioning's "up to five members at a time". Default 5.
   */
  memberBatchSize?: number;
  /** Add `"$ref": null` to member values, as the TUTORIAL examples do. Default false (COMPAT, observed). */
  memberRefNull?: boolean;
  /**
   * How a removed manager is cleared: `replaceEmpty` (`replace` with `""`, Microsoft's validator
   * body), `remove` (a `remove` op with the path), or `none`. Default replaceEmpty.
   */
  managerRemoval?: 'replaceEmpty' | 'remove' | 'none';
  /**
   * What the client sends when any other attribute becomes empty. Entra "doesn't support provisioning
   * null values", so the default `omit` sends nothing; `remove` and `replaceEmpty` model other clients.
   */
  clearedAttributes?: 'omit' | 'remove' | 'replaceEmpty';
  /**
   * Manager PATCH shape: `urnString` (enterprise URN path, bare id: production captures and the
   * validator) or `refArray` (TUTORIAL Example 5: path `manager`, `[{$ref, value}]`). Default urnString.
   */
  managerShape?: 'urnString' | 'refArray';
  /** Needed for `refArray` manager references (`$ref`). */
  baseUrl?: string;
  /** Send `Accept: application/scim+json`. Entra does not document one; default false. */
  sendAcceptHeader?: boolean;
  /** A `User-Agent` to send; Entra's is undocumented, so none by default. */
  userAgent?: string;
  /** Content-Type of POST and PATCH; default `application/scim+json; charset=utf-8` (observed). */
  contentType?: string;
}

/** {@link EntraClientOptions} with every default applied. */
export type EntraClientProfile = Readonly<Required<Omit<EntraClientOptions, 'userAgent' | 'baseUrl'>>> & {
  /** Which IdP the profile emulates: the engine's passes choose their requests by it. */
  readonly idp: 'entra';
  readonly userAgent: string | undefined;
  readonly baseUrl: string | undefined;
};

export const DEFAULT_CONTENT_TYPE = `${SCIM_MEDIA_TYPE}; charset=utf-8`;

/** Applies defaults and checks values once, so builders never re-validate. */
export function resolveClientProfile(options: EntraClientOptions): EntraClientProfile {
  if (!(ENTRA_CLIENT_MODES as readonly string[]).includes(options.mode)) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `client mode must be legacy or compliant, got "${String(options.mode)}"`,
    );
  }
  const memberBatchSize = options.memberBatchSize ?? 5;
  if (!Number.isInteger(memberBatchSize) || memberBatchSize < 1) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `memberBatchSize must be a positive integer, got ${String(memberBatchSize)}`,
    );
  }
  const managerShape = options.managerShape ?? 'urnString';
  if (managerShape === 'refArray' && options.baseUrl === undefined) {
    throw new HarnessError('CONFIG_INVALID', 'managerShape "refArray" needs baseUrl to build $ref');
  }
  return {
    idp: 'entra',
    mode: options.mode,
    patchBodyFormat: options.patchBodyFormat ?? (options.mode === 'compliant' ? 'merged' : 'verbose'),
    quoteFilterValues: options.quoteFilterValues ?? true,
    memberBatchSize,
    memberRefNull: options.memberRefNull ?? false,
    managerRemoval: options.managerRemoval ?? 'replaceEmpty',
    clearedAttributes: options.clearedAttributes ?? 'omit',
    managerShape,
    baseUrl: options.baseUrl,
    sendAcceptHeader: options.sendAcceptHeader ?? false,
    userAgent: options.userAgent,
    contentType: options.contentType ?? DEFAULT_CONTENT_TYPE,
  };
}

/**
 * The headers of one request: the Authorization placeholder always; Content-Type on bodies; Accept and
 * User-Agent only when asked for.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups
 */
export function entraHeaders(profile: EntraClientProfile, method: HttpMethod): Record<string, string> {
  const headers: Record<string, string> = { Authorization: AUTHORIZATION_PLACEHOLDER };
  if (method === 'POST' || method === 'PATCH') headers['Content-Type'] = profile.contentType;
  if (profile.sendAcceptHeader) headers.Accept = SCIM_MEDIA_TYPE;
  if (profile.userAgent !== undefined) headers['User-Agent'] = profile.userAgent;
  return headers;
}

/** The `op` of a PATCH operation in the profile's casing (`Replace` legacy, `replace` compliant). */
export function opName(
  profile: EntraClientProfile,
  op: 'add' | 'replace' | 'remove',
): 'Add' | 'Replace' | 'Remove' | 'add' | 'replace' | 'remove' {
  if (profile.mode === 'compliant') return op;
  switch (op) {
    case 'add':
      return 'Add';
    case 'replace':
      return 'Replace';
    case 'remove':
      return 'Remove';
    default: {
      const unknown: never = op;
      return unknown;
    }
  }
}

/** A client profile of either IdP; `idp` tells them apart. */
export type ClientProfile = EntraClientProfile | OktaClientProfile;
