import { expect, test } from '@playwright/test';
import type { EvidenceExchange } from '../run-contract/index.js';
import { decisiveExchange, exchangeLine } from './evidence-line.js';

const exchange = (
  method: string,
  status?: number,
  extra: Partial<EvidenceExchange> = {},
): EvidenceExchange => ({
  request: { method, url: 'http://t/Users/1', headers: {} },
  ...(status === undefined ? {} : { response: { status, headers: {} } }),
  ...extra,
});

test('an exchange on one line: request, answer, note', () => {
  expect(exchangeLine(exchange('GET', 404))).toBe('GET http://t/Users/1 -> 404');
  expect(exchangeLine(exchange('GET', undefined, { note: 'timeout' }))).toBe(
    'GET http://t/Users/1 -> no response (timeout)',
  );
});

test('the decisive exchange is the last one marked, or none', () => {
  const marked = exchange('PATCH', 400, { phase: 'check', decisive: true });
  const evidence = [
    exchange('POST', 201, { phase: 'setup' }),
    exchange('GET', 200, { phase: 'check', decisive: true }),
    marked,
    exchange('DELETE', 204, { phase: 'cleanup', decisive: false }),
  ];
  expect(decisiveExchange({ evidence })).toBe(marked);
  expect(decisiveExchange({ evidence: [exchange('GET', 200)] })).toBeUndefined();
});
