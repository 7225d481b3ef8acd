import { expect, test } from '@playwright/test';
import { classifyNetworkError } from './network-fault.js';

/** Builds the shape undici throws: TypeError('fetch failed') with the system error as `cause`. */
function fetchFailed(code: string | undefined, message: string, name = 'Error'): TypeError {
  const cause = Object.assign(new Error(message), code === undefined ? { name } : { code, name });
  return new TypeError('fetch failed', { cause });
}

const CASES: ReadonlyArray<{ error: unknown; outcome: string; mentions: string }> = [
  {
    error: fetchFailed('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'),
    outcome: 'connection-refused',
    mentions: 'ECONNREFUSED',
  },
  {
    error: fetchFailed('ECONNRESET', 'read ECONNRESET'),
    outcome: 'connection-reset',
    mentions: 'ECONNRESET',
  },
  {
    error: fetchFailed('UND_ERR_SOCKET', 'other side closed', 'SocketError'),
    outcome: 'connection-reset',
    mentions: 'other side closed',
  },
  {
    error: fetchFailed('ENOTFOUND', 'getaddrinfo ENOTFOUND scim.invalid'),
    outcome: 'dns',
    mentions: 'scim.invalid',
  },
  {
    error: fetchFailed('EAI_AGAIN', 'getaddrinfo EAI_AGAIN scim.example'),
    outcome: 'dns',
    mentions: 'EAI_AGAIN',
  },
  {
    error: fetchFailed('ERR_SSL_WRONG_VERSION_NUMBER', 'wrong version number'),
    outcome: 'tls',
    mentions: 'wrong version',
  },
  {
    error: fetchFailed('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'),
    outcome: 'tls',
    mentions: 'self-signed',
  },
  { error: fetchFailed('CERT_HAS_EXPIRED', 'certificate has expired'), outcome: 'tls', mentions: 'expired' },
  {
    error: fetchFailed('UND_ERR_HEADERS_TIMEOUT', 'Headers Timeout Error'),
    outcome: 'timeout',
    mentions: 'Headers Timeout',
  },
  { error: fetchFailed('ETIMEDOUT', 'connect ETIMEDOUT'), outcome: 'timeout', mentions: 'ETIMEDOUT' },
  {
    error: new TypeError('fetch failed', {
      cause: Object.assign(
        new AggregateError(
          [Object.assign(new Error('connect ECONNREFUSED ::1:9'), { code: 'ECONNREFUSED' })],
          'all failed',
        ),
      ),
    }),
    outcome: 'connection-refused',
    mentions: 'ECONNREFUSED',
  },
  {
    error: new DOMException('The operation was aborted', 'AbortError'),
    outcome: 'aborted',
    mentions: 'aborted',
  },
  {
    error: new DOMException('The operation timed out', 'TimeoutError'),
    outcome: 'timeout',
    mentions: 'timed out',
  },
  { error: new TypeError('terminated'), outcome: 'connection-reset', mentions: 'terminated' },
  { error: fetchFailed(undefined, 'something odd'), outcome: 'other-network', mentions: 'something odd' },
  { error: 'a string', outcome: 'other-network', mentions: 'unknown error' },
];

for (const [index, row] of CASES.entries()) {
  test(`#${index} classifies ${row.outcome}: ${row.mentions}`, () => {
    const fault = classifyNetworkError(row.error, 'https://scim.example/Users');
    expect(fault.outcome).toBe(row.outcome);
    expect(fault.error).toContain('https://scim.example/Users');
    expect(fault.error).toContain(row.mentions);
  });
}
