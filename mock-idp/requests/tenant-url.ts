import { HarnessError } from '../../src/errors/harness-error.js';

/**
 * The two request dialects of the Entra SCIM client: `legacy` (the default `scim` job) and `compliant`
 * (opted in with the `aadOptscim062020` Tenant URL flag).
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility#flags-to-alter-the-scim-behavior
 */
export const ENTRA_CLIENT_MODES = ['legacy', 'compliant'] as const;
export type EntraClientMode = (typeof ENTRA_CLIENT_MODES)[number];

/** The flag that opts in to RFC-compliant PATCH bodies. */
export const COMPLIANT_FLAG = 'aadOptscim062020';
/** The flag that keeps the 2017 behaviour once compliant becomes the default. */
export const LEGACY_FLAG = 'AzureAdScimPatch2017';

/** A Tenant URL split into the base the client appends `/Users` to, and its behaviour flags. */
export interface TenantUrl {
  /** Origin and path, no trailing slash, no query: `https://app.datadoghq.com/api/v2/scim`. */
  readonly baseUrl: string;
  /** Query parameter names of the Tenant URL, as written. Not echoed on requests (inferred). */
  readonly flags: readonly string[];
  readonly mode: EntraClientMode;
  readonly modeSource: 'override' | 'flag' | 'default';
}

/**
 * Parses a Tenant URL such as `https://app.datadoghq.com/api/v2/scim?aadOptscim062020`. Flags match
 * case-insensitively (IBM documents `aadOptSCIM062020=true`). `override` wins over the flags.
 * Errors never repeat the URL's user-info part.
 */
export function parseTenantUrl(tenantUrl: string, override?: EntraClientMode): TenantUrl {
  let url: URL;
  try {
    url = new URL(tenantUrl);
  } catch {
    throw new HarnessError('CONFIG_INVALID', 'tenant URL is not an absolute URL', {
      hint: 'e.g. https://app.datadoghq.com/api/v2/scim?aadOptscim062020',
    });
  }
  const where = `${url.origin}${url.pathname}`;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new HarnessError(
      'CONFIG_INVALID',
      `tenant URL must use https or http, got ${url.protocol} (${where})`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new HarnessError('SECRET_EXPOSED', `tenant URL must not carry credentials (${where})`, {
      hint: 'pass the token through the token option or environment, never in the URL',
    });
  }
  if (url.hash !== '') {
    throw new HarnessError('CONFIG_INVALID', `tenant URL must not have a #fragment (${where})`);
  }
  const flags = [...new Set([...url.searchParams.keys()])];
  const has = (flag: string) => flags.some((name) => name.toLowerCase() === flag.toLowerCase());
  const compliant = has(COMPLIANT_FLAG);
  const legacy = has(LEGACY_FLAG);
  if (override === undefined && compliant && legacy) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `tenant URL has both ${COMPLIANT_FLAG} and ${LEGACY_FLAG} (${where})`,
    );
  }
  if (override !== undefined && !(ENTRA_CLIENT_MODES as readonly string[]).includes(override)) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `client mode must be legacy or compliant, got "${String(override)}"`,
    );
  }
  const baseUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  if (override !== undefined) return { baseUrl, flags, mode: override, modeSource: 'override' };
  if (compliant) return { baseUrl, flags, mode: 'compliant', modeSource: 'flag' };
  if (legacy) return { baseUrl, flags, mode: 'legacy', modeSource: 'flag' };
  return { baseUrl, flags, mode: 'legacy', modeSource: 'default' };
}
