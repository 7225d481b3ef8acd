import { HarnessError } from '../errors/harness-error.js';
// From the module itself, not the folder's index: the index loads pino, and the suites' workers need only this list.
import { CREDENTIAL_NAMES } from '../secrets/redaction.js';

/**
 * Which request shapes Microsoft Entra sends, chosen by a flag in the Tenant URL's query string:
 * `aadOptscim062020` → 'compliant', `AzureAdScimPatch2017` → 'legacy'.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
 */
export const ENTRA_MODES = ['compliant', 'legacy'] as const;
export type EntraMode = (typeof ENTRA_MODES)[number];

/** The Tenant URL flags Entra recognises, matched case-insensitively (vendors spell them variously). */
export const ENTRA_MODE_FLAGS: readonly { flag: string; mode: EntraMode }[] = [
  { flag: 'aadOptscim062020', mode: 'compliant' },
  { flag: 'AzureAdScimPatch2017', mode: 'legacy' },
];

/** One `name` or `name=value` item of a query string, kept exactly as written. */
export interface QueryItem {
  /** Decoded name, for lookups. */
  name: string;
  /** The item as it appeared (still encoded, `=` only if it had one), for faithful re-emission. */
  raw: string;
}

/** A SCIM service provider's base URL as configured in Entra ("Tenant URL"). */
export interface TenantUrl {
  /** The URL as given, query string included. */
  href: string;
  /** Scheme, host and path, without query string or trailing slash: resource paths go after it. */
  base: string;
  /** The tenant's own query items (e.g. `aadOptscim062020`), sent along with every request. */
  query: readonly QueryItem[];
  /** Entra mode selected by a flag, undefined when no flag is present (the caller picks the default). */
  entraMode: EntraMode | undefined;
}

function invalid(message: string, hint?: string): HarnessError {
  return new HarnessError('CONFIG_INVALID', message, hint === undefined ? {} : { hint });
}

function decodeName(raw: string): string {
  const name = raw.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** Splits a query string (without `?`) into items, keeping each exactly as written. */
export function parseQueryItems(search: string): QueryItem[] {
  return search
    .replace(/^\?/, '')
    .split('&')
    .filter((raw) => raw.length > 0)
    .map((raw) => ({ name: decodeName(raw), raw }));
}

/** The Entra mode the query items select; both flags at once is a contradiction. */
export function entraModeFromQuery(query: readonly QueryItem[]): EntraMode | undefined {
  const names = new Set(query.map((item) => item.name.toLowerCase()));
  const found = ENTRA_MODE_FLAGS.filter(({ flag }) => names.has(flag.toLowerCase()));
  if (found.length > 1)
    throw invalid(
      `the tenant URL carries both ${found.map((f) => f.flag).join(' and ')}, which select opposite Entra behaviours`,
      'keep one flag: aadOptscim062020 (RFC-compliant PATCH) or AzureAdScimPatch2017 (legacy)',
    );
  return found[0]?.mode;
}

const SECRET_NAMES = new Set<string>(CREDENTIAL_NAMES.map((name) => name.toLowerCase()));

const EXAMPLE_HINT = 'give the SCIM base URL, e.g. https://api.datadoghq.com/api/v2/scim?aadOptscim062020';

/**
 * Why `text` is not a usable http(s) URL, as precisely as can be said: empty, no scheme, a scheme other than http(s),
 * no host, a port that is not a number or out of range, a host with characters no host name has. The WHATWG parser
 * only says "Invalid URL", and reads `localhost:8080/scim` as a URL with the scheme `localhost:`, so the parts are
 * looked at here first.
 */
function urlProblem(text: string): string | undefined {
  if (text === '') return '--tenant-url is empty';
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text)?.[1];
  if (scheme === undefined || !text.slice(scheme.length + 1).startsWith('//')) {
    if (scheme !== undefined && /^(https?|ftp|file|wss?)$/i.test(scheme))
      return `--tenant-url "${text}" has no // after ${scheme}:`;
    return `--tenant-url "${text}" has no scheme: it must start with https:// (or http://)`;
  }
  if (!/^https?$/i.test(scheme)) return `--tenant-url must use http or https, got ${scheme.toLowerCase()}`;
  const authority = /^[^:]+:\/\/([^/?#]*)/.exec(text)?.[1] ?? '';
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const portMatch = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(hostPort);
  const host = portMatch?.[1] ?? '';
  const port = portMatch?.[2];
  if (host === '') return `--tenant-url "${text}" has no host`;
  if (port !== undefined && port !== '') {
    if (!/^\d+$/.test(port)) return `--tenant-url "${text}" has a port that is not a number ("${port}")`;
    if (Number(port) < 1 || Number(port) > 65_535)
      return `--tenant-url "${text}" has port ${port}, out of range (1–65535)`;
  }
  if (/[\s<>"{}|\\^`]/.test(host) && !host.startsWith('['))
    return `--tenant-url "${text}" has a host with characters no host name has ("${host}")`;
  return undefined;
}

/**
 * Validates a Tenant URL: absolute http(s), no fragment, no credentials in it (they would end up in
 * logs and reports). The query string is kept exactly, flags without `=` included. A URL that cannot be used is
 * refused saying what is wrong with it ({@link urlProblem}).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.1
 */
export function parseTenantUrl(raw: string): TenantUrl {
  const text = raw.trim();
  const problem = urlProblem(text);
  if (problem !== undefined) throw invalid(problem, EXAMPLE_HINT);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(`--tenant-url "${text}" is not a valid URL`, EXAMPLE_HINT);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw invalid(`--tenant-url must use http or https, got ${url.protocol.replace(/:$/, '')}`);
  if (url.username !== '' || url.password !== '')
    throw new HarnessError('SECRET_EXPOSED', '--tenant-url must not contain credentials (user:password@)', {
      hint: 'pass the bearer token through SCIM_TOKEN, --token-env or --token-file',
    });
  if (url.hash !== '') throw invalid('--tenant-url must not contain a #fragment');
  const query = parseQueryItems(
    text.includes('?') ? (text.slice(text.indexOf('?') + 1).split('#')[0] ?? '') : '',
  );
  const leaked = query.find((item) => SECRET_NAMES.has(item.name.toLowerCase()));
  if (leaked)
    throw new HarnessError(
      'SECRET_EXPOSED',
      `--tenant-url carries a credential in its query string (${leaked.name})`,
      {
        hint: 'pass the bearer token through SCIM_TOKEN, --token-env or --token-file',
      },
    );
  return {
    href: text,
    base: `${url.origin}${url.pathname.replace(/\/+$/, '')}`,
    query,
    entraMode: entraModeFromQuery(query),
  };
}

/** RFC 3986 encoding as Entra sends it: spaces as %20 (never `+`), quotes as %22. */
function encodeQueryComponent(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The URL of a resource under a tenant: the path goes after the tenant's base path and BEFORE its
 * query string; the tenant's own query items come first, then the request's parameters (a request
 * parameter replaces a tenant item of the same name). `path` is used as given, so ids in it must
 * already be encoded.
 *
 * `resourceUrl('…/scim?aadOptscim062020', '/Users', { filter: 'userName eq "a"' })`
 * → `…/scim/Users?aadOptscim062020&filter=userName%20eq%20%22a%22`
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2
 */
export function resourceUrl(
  tenantUrl: URL | string | TenantUrl,
  path: string,
  query: Record<string, string> = {},
): URL {
  const tenant =
    typeof tenantUrl === 'object' && 'base' in tenantUrl ? tenantUrl : parseTenantUrl(String(tenantUrl));
  if (/[?#]/.test(path))
    throw new HarnessError(
      'INTERNAL',
      `resource path "${path}" must not contain a query or fragment; pass query parameters separately`,
    );
  const segment = path === '' || path === '/' ? '' : `/${path.replace(/^\/+/, '')}`;
  const own = new Set(Object.keys(query));
  const items = [
    ...tenant.query.filter((item) => !own.has(item.name)).map((item) => item.raw),
    ...Object.entries(query).map(
      ([name, value]) => `${encodeQueryComponent(name)}=${encodeQueryComponent(value)}`,
    ),
  ];
  return new URL(`${tenant.base}${segment}${items.length > 0 ? `?${items.join('&')}` : ''}`);
}
