import { expect, test } from '@playwright/test';
import { isScimError } from '../../scim/errors/scim-error.js';
import { checkContentType, parseJsonText, readBodyText } from './request-body.js';

const contentTypes: { value: string | null; accepted: boolean }[] = [
  { value: null, accepted: true },
  { value: 'application/scim+json', accepted: true },
  { value: 'Application/SCIM+JSON; charset=utf-8', accepted: true },
  { value: 'application/json', accepted: true },
  { value: 'text/plain', accepted: false },
  { value: 'application/x-www-form-urlencoded', accepted: false },
  { value: 'application/jsonp', accepted: false },
];
for (const row of contentTypes) {
  test(`Content-Type ${JSON.stringify(row.value)} is ${row.accepted ? 'accepted' : 'refused with 415'}`, () => {
    if (row.accepted) expect(() => checkContentType(row.value)).not.toThrow();
    else expect(() => checkContentType(row.value)).toThrow(expect.objectContaining({ status: 415 }));
  });
}

const texts: { name: string; text: string; error?: 'invalidSyntax' }[] = [
  { name: 'an object', text: '{"a":[1,{"b":"[[[["}]}' },
  { name: 'brackets inside strings do not count as nesting', text: `{"a":"${'['.repeat(1000)}"}` },
  { name: 'escaped quotes inside strings', text: '{"a":"\\"[[[[[[","b":1}' },
  { name: 'truncated JSON', text: '{"a":', error: 'invalidSyntax' },
  { name: '33 levels of nesting', text: `${'['.repeat(33)}${']'.repeat(33)}`, error: 'invalidSyntax' },
  { name: '32 levels of nesting', text: `${'['.repeat(32)}${']'.repeat(32)}` },
];
for (const row of texts) {
  test(`parseJsonText: ${row.name}`, () => {
    if (row.error === undefined) expect(() => parseJsonText(row.text)).not.toThrow();
    else expect(() => parseJsonText(row.text)).toThrow(expect.objectContaining({ scimType: row.error }));
  });
}

test('readBodyText refuses a streamed body as soon as it passes the limit', async () => {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += 1;
      controller.enqueue(new Uint8Array(1024));
      if (pulled > 1000) controller.close();
    },
  });
  const request = new Request('http://127.0.0.1/x', {
    method: 'POST',
    body: stream,
    duplex: 'half',
  } as RequestInit);
  const error = await readBodyText(request, 4096).catch((caught: unknown) => caught);
  expect(isScimError(error, 413)).toBe(true);
  expect(pulled).toBeLessThan(10);
});

test('readBodyText refuses an announced Content-Length above the limit without reading', async () => {
  const request = new Request('http://127.0.0.1/x', {
    method: 'POST',
    body: 'x',
    headers: { 'content-length': '999999' },
  });
  const error = await readBodyText(request, 10).catch((caught: unknown) => caught);
  expect(isScimError(error, 413)).toBe(true);
});

test('readBodyText returns undefined for no body and text for a body', async () => {
  expect(await readBodyText(new Request('http://127.0.0.1/x'), 10)).toBeUndefined();
  expect(await readBodyText(new Request('http://127.0.0.1/x', { method: 'POST', body: 'héllo' }), 10)).toBe(
    'héllo',
  );
});
