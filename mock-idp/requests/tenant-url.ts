import { parseTenantUrl as parseConfigTenantUrl } from '../../src/config/tenant-url.js';
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
 * Parses a Tenant URL such as `https://app.datadoghq.com/api/v2/scim?aadOptscim062020`: the URL itself is read by
 * the harness's one tenant-URL parser (src/config: precise errors, no credentials in the URL or its query, both flags
 * at once refused), and the Entra mode is taken from its flags. `override` wins over the flags.
 */
export function parseTenantUrl(tenantUrl: string, override?: EntraClientMode): TenantUrl {
  if (override !== undefined && !(ENTRA_CLIENT_MODES as readonly string[]).includes(override)) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `client mode must be legacy or compliant, got "${String(override)}"`,
    );
  }
  const parsed = parseConfigTenantUrl(tenantUrl);
  const flags = [...new Set(parsed.query.map((item) => item.name))];
  const baseUrl = parsed.base;
  if (override !== undefined) return { baseUrl, flags, mode: override, modeSource: 'override' };
  if (parsed.entraMode !== undefined) return { baseUrl, flags, mode: parsed.entraMode, modeSource: 'flag' };
  return { baseUrl, flags, mode: 'legacy', modeSource: 'default' };
}
