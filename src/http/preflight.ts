import { HarnessError, type HarnessErrorCode } from '../errors/harness-error.js';
import type { ExchangeOutcome, ScimExchange } from './exchange.js';
import type { ScimClient } from './scim-client.js';

/**
 * Before any suite runs: can the target be reached, and does it accept the credentials? Answers with which of the
 * two failed and what to do, so the CLI can stop with exit code 3 instead of failing every check.
 * Discovery (`/ServiceProviderConfig`) is tried first, then `/Users?count=1`. The second probe is sent even when
 * discovery answers 2xx: a provider may serve discovery without checking the token (or not implement it at all),
 * so only an answer from `/Users` shows that the credentials work.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-4
 */
export interface PreflightResult {
  reachable: boolean;
  /** `undefined` when the target answered but neither probe could tell (e.g. both gave 500). */
  credentialsAccepted: boolean | undefined;
  /** One sentence: what happened. */
  detail: string;
  /** What the user can do about it; absent when all is well. */
  hint?: string;
  /** The probes sent, redacted, for the report. */
  exchanges: ScimExchange[];
}

const PROBES = [
  { path: '/ServiceProviderConfig', query: undefined },
  { path: '/Users', query: { count: 1 } },
] as const;

function describeUnreachable(exchange: ScimExchange): { detail: string; hint: string } {
  const detail = `The target could not be reached: ${exchange.error ?? exchange.outcome}`;
  const hints: Readonly<Record<Exclude<ExchangeOutcome, 'ok'>, string>> = {
    timeout: 'Check that the tenant URL is right and the service is up; raise the timeout if it is slow.',
    'connection-refused': 'Check the host and port of the tenant URL; is the service running?',
    'connection-reset': 'The target dropped the connection; check for a proxy or a TLS/HTTP mismatch.',
    dns: 'Check the spelling of the host in the tenant URL and your DNS/network access.',
    tls: 'Check the certificate chain, or whether the URL should be http: rather than https:.',
    'too-large': 'The discovery response was too large; raise maxBodyBytes if this is expected.',
    'redirect-loop': 'The tenant URL redirects without end; use the final URL as the tenant URL.',
    aborted: 'The preflight was cancelled.',
    'other-network': 'Check the tenant URL and network access.',
  };
  return { detail, hint: exchange.outcome === 'ok' ? '' : hints[exchange.outcome] };
}

/** Probes the target. Never throws for what the target does; see {@link preflightError} to turn it into one. */
export async function preflight(client: ScimClient): Promise<PreflightResult> {
  const exchanges: ScimExchange[] = [];
  let last: ScimExchange | undefined;
  for (const probe of PROBES) {
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
    if (status >= 200 && status < 300 && probe.path === '/Users') {
      return {
        reachable: true,
        credentialsAccepted: true,
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
  }
  return code === undefined
    ? undefined
    : new HarnessError(code, result.detail, result.hint === undefined ? {} : { hint: result.hint });
}
