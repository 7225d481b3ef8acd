import { randomUUID } from 'node:crypto';
import { HarnessError, type HarnessErrorCode } from '../errors/harness-error.js';
import type { ExchangeOutcome, ScimExchange } from './exchange.js';
import { REDIRECT_STATUSES } from './redirect-policy.js';
import { isJsonMediaType } from './response-record.js';
import type { ScimClient } from './scim-client.js';

/**
 * Before any suite runs: can the target be reached, does it accept the credentials, and is it a SCIM service at
 * all? Answers with what failed and what to do, so the CLI can stop with exit code 3 within seconds instead of
 * failing (or worse, passing) every check against a web page. Discovery (`/ServiceProviderConfig`) is tried first,
 * then a `/Users` lookup by a random `userName eq`. The second probe is sent even when discovery answers 2xx: a
 * provider may serve discovery without checking the token, so only an answer from `/Users` shows that the
 * credentials work. Each answer must be SCIM JSON carrying its message URN (or a SCIM Error); a redirect is
 * reported with where it points, never followed.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-4
 */
export interface PreflightResult {
  reachable: boolean;
  /** `undefined` when the target answered but neither probe could tell (e.g. both gave 500). */
  credentialsAccepted: boolean | undefined;
  /**
   * `false` when the target answered, but not as a SCIM service (an HTML page, JSON without SCIM's message URNs, a
   * redirect); absent when the probes could not tell.
   */
  scim?: boolean;
  /** One sentence: what happened. */
  detail: string;
  /** What the user can do about it; absent when all is well. */
  hint?: string;
  /** The probes sent, redacted, for the report. */
  exchanges: ScimExchange[];
}

/** The message URN a SCIM answer to each probe carries (RFC 7643 §5, RFC 7644 §3.4.2, §3.12). */
const URNS = {
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
} as const;

/** How many bytes of a non-SCIM body the preflight quotes. */
const FIRST_BYTES = 120;

function probes(): readonly { path: string; query?: Record<string, string>; urn: string }[] {
  return [
    { path: '/ServiceProviderConfig', urn: URNS.serviceProviderConfig },
    // A lookup no resource can match: every SCIM service answers it (an IdP's Test Connection sends the same).
    {
      path: '/Users',
      query: { filter: `userName eq "scim-harness-preflight-${randomUUID()}"` },
      urn: URNS.listResponse,
    },
  ];
}

function describeUnreachable(exchange: ScimExchange): { detail: string; hint: string } {
  const detail = `The target could not be reached: ${exchange.error ?? exchange.outcome}`;
  const hints: Readonly<Record<Exclude<ExchangeOutcome, 'ok'>, string>> = {
    timeout:
      'Check that the tenant URL is right and the service is up; if it is only slow, give run or replay a larger --request-timeout (ms).',
    'connection-refused': 'Check the host and port of the tenant URL; is the service running?',
    'connection-reset': 'The target dropped the connection; check for a proxy or a TLS/HTTP mismatch.',
    dns: 'Check the spelling of the host in the tenant URL and your DNS/network access.',
    tls: 'Check the certificate chain, or whether the URL should be http: rather than https:.',
    'too-large':
      'The discovery response passed the size limit on answers: check that --tenant-url is the SCIM base URL, not a page or file that streams a large body.',
    'redirect-loop': 'The tenant URL redirects without end; use the final URL as the tenant URL.',
    aborted: 'The preflight was cancelled.',
    'other-network': 'Check the tenant URL and network access.',
  };
  return { detail, hint: exchange.outcome === 'ok' ? '' : hints[exchange.outcome] };
}

function schemasOf(json: unknown): string[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return [];
  const schemas = Object.entries(json).find(([key]) => key.toLowerCase() === 'schemas')?.[1];
  return Array.isArray(schemas) ? schemas.filter((urn): urn is string => typeof urn === 'string') : [];
}

/**
 * Why an answer is not a SCIM service's, or `undefined` when it is: a JSON media type (`application/scim+json`, or
 * plain JSON as many providers send) and a body carrying the message URN the probe expects (a SCIM Error counts for
 * any probe). An HTML page answered with 200 is the case this exists for.
 */
export function notScimAnswer(exchange: ScimExchange, urn: string): string | undefined {
  const response = exchange.response;
  if (!response) return 'no answer';
  const shown = `${response.status} ${response.contentType || '(no Content-Type)'}`;
  const first = JSON.stringify(response.bodyText.slice(0, FIRST_BYTES));
  if (!isJsonMediaType(response.contentType) || response.json === undefined) {
    return `${shown}, not JSON: ${first}`;
  }
  const urns = schemasOf(response.json).map((value) => value.toLowerCase());
  if (urns.includes(urn.toLowerCase()) || urns.includes(URNS.error.toLowerCase())) return undefined;
  return `${shown} without the SCIM message URN ${urn}: ${first}`;
}

/** Probes the target. Never throws for what the target does; see {@link preflightError} to turn it into one. */
export async function preflight(client: ScimClient): Promise<PreflightResult> {
  const exchanges: ScimExchange[] = [];
  let last: ScimExchange | undefined;
  for (const probe of probes()) {
    const exchange = await client.get(probe.path, probe.query === undefined ? {} : { query: probe.query });
    exchanges.push(exchange);
    last = exchange;
    const status = exchange.response?.status;
    if (exchange.outcome !== 'ok' || status === undefined) {
      return {
        reachable: false,
        credentialsAccepted: undefined,
        exchanges,
        ...describeUnreachable(exchange),
      };
    }
    if (REDIRECT_STATUSES.has(status)) {
      const location = exchange.response?.headers.location;
      return {
        reachable: true,
        credentialsAccepted: undefined,
        scim: false,
        detail: `GET ${exchange.request.url} answered ${status}, a redirect${location ? ` to ${location}` : ' without a Location'}`,
        hint: 'Give the final URL as the tenant URL: the harness follows no redirect, since that would send its requests, their bodies and credentials elsewhere.',
        exchanges,
      };
    }
    if (status === 401 || status === 403) {
      return {
        reachable: true,
        credentialsAccepted: false,
        detail: `The target refused the credentials: GET ${exchange.request.url} answered ${status}`,
        hint:
          exchange.request.headers.authorization === undefined
            ? 'No token was sent; provide the SCIM bearer token.'
            : 'Check that the token is current and has the SCIM scope or role on this tenant.',
        exchanges,
      };
    }
    // Discovery is optional in practice (a 404 is judged by the discovery checks); what answers must be SCIM.
    const optionalMissing = probe.path === '/ServiceProviderConfig' && (status === 404 || status === 501);
    const notScim = optionalMissing ? undefined : notScimAnswer(exchange, probe.urn);
    if (notScim !== undefined && (status < 500 || status === 501)) {
      return {
        reachable: true,
        credentialsAccepted: undefined,
        scim: false,
        detail: `The target is not answering as a SCIM service: GET ${exchange.request.url} answered ${notScim}`,
        hint: 'Check that the tenant URL is the SCIM base (the path just before /Users), not a web page or a login portal.',
        exchanges,
      };
    }
    if (status >= 200 && status < 300 && probe.path === '/Users') {
      return {
        reachable: true,
        credentialsAccepted: true,
        scim: true,
        detail: `The target answered GET ${exchange.request.url} with ${status}`,
        exchanges,
      };
    }
  }
  return {
    reachable: true,
    credentialsAccepted: undefined,
    detail: `The target answered, but GET ${last?.request.url} gave ${last?.response?.status}, so the credentials could not be confirmed`,
    hint: 'Check that the tenant URL is the SCIM base (the path just before /Users).',
    exchanges,
  };
}

/**
 * The HarnessError a failed preflight means (exit code 3), or `undefined` when the suites can run. A target
 * that answered but could not confirm the credentials is let through: its checks will grade what it does.
 */
export function preflightError(result: PreflightResult): HarnessError | undefined {
  let code: HarnessErrorCode | undefined;
  if (!result.reachable) {
    code = result.exchanges.at(-1)?.outcome === 'timeout' ? 'TARGET_TIMEOUT' : 'TARGET_UNREACHABLE';
  } else if (result.credentialsAccepted === false) {
    code = 'CREDENTIALS_REJECTED';
  } else if (result.scim === false) {
    code = 'TARGET_RESPONSE_UNUSABLE';
  }
  return code === undefined
    ? undefined
    : new HarnessError(code, result.detail, result.hint === undefined ? {} : { hint: result.hint });
}
