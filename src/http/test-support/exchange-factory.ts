import type { RecordedResponse, ScimExchange } from '../exchange.js';

/** A completed exchange with the given response fields, for tests of code that reads exchanges. */
export function exchangeWith(response: Partial<RecordedResponse> | undefined): ScimExchange {
  const exchange: ScimExchange = {
    request: { method: 'GET', url: 'https://scim.example/Users', headers: {} },
    outcome: response === undefined ? 'connection-refused' : 'ok',
    durationMs: 1,
    retries: [],
    redirects: [],
    timing: { startedAt: 0, endedAt: 1, serverMs: 1, retryWaitMs: 0, queuedMs: 0, clientMs: 0, attempts: 1 },
  };
  if (response !== undefined) {
    exchange.response = {
      status: 200,
      statusText: '',
      headers: {},
      contentType: 'application/scim+json',
      bodyText: '',
      bodyBytes: 0,
      bodyTruncated: false,
      ...response,
    };
  }
  return exchange;
}
