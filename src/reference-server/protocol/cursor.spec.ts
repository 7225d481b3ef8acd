import { expect, test } from '@playwright/test';
import { ScimError } from '../../scim/errors/scim-error.js';
import { CursorCodec, type CursorState, queryDigest } from './cursor.js';

const STATE: CursorState = {
  actor: 'key-a',
  query: queryDigest({ filter: 'userName sw "a"' }),
  count: 2,
  issuedAt: 0,
  after: { value: 'alice', type: 'User', id: 'u-1' },
};
const EXPECTED = { actor: 'key-a', query: STATE.query, count: 2 };

/** The scimType a decode throws, or `ok`. */
function outcome(codec: CursorCodec, text: string, expected = EXPECTED): string {
  try {
    codec.decode(text, expected);
    return 'ok';
  } catch (error) {
    if (error instanceof ScimError) return `${error.status} ${error.scimType}`;
    throw error;
  }
}

test('a cursor is URL-safe (RFC 3986 unreserved characters) and opaque: its state cannot be read in it', () => {
  const codec = new CursorCodec({ timeoutSeconds: 600, now: () => 0 });
  const cursor = codec.encode(STATE);
  expect(cursor).toMatch(/^[A-Za-z0-9._~-]+$/);
  expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toContain('alice');
  expect(codec.decode(cursor, EXPECTED)).toEqual(STATE);
  // Two cursors for the same position differ (a fresh IV each), so none can be guessed from another.
  expect(codec.encode(STATE)).not.toBe(cursor);
});

test('garbage, a flipped character and another server’s cursor are 400 invalidCursor', () => {
  const codec = new CursorCodec({ timeoutSeconds: 600, now: () => 0 });
  const cursor = codec.encode(STATE);
  const middle = Math.floor(cursor.length / 2);
  const flipped = `${cursor.slice(0, middle)}${cursor[middle] === 'A' ? 'B' : 'A'}${cursor.slice(middle + 1)}`;
  expect(outcome(codec, 'not-a-cursor')).toBe('400 invalidCursor');
  expect(outcome(codec, 'a/b+c=')).toBe('400 invalidCursor');
  expect(outcome(codec, flipped)).toBe('400 invalidCursor');
  expect(outcome(codec, 'x'.repeat(5000))).toBe('400 invalidCursor');
  expect(outcome(new CursorCodec({ timeoutSeconds: 600, now: () => 0 }), cursor)).toBe('400 invalidCursor');
});

test('a cursor is bound to its credential, its query and its count', () => {
  const codec = new CursorCodec({ timeoutSeconds: 600, now: () => 0 });
  const cursor = codec.encode(STATE);
  expect(outcome(codec, cursor, { ...EXPECTED, actor: 'key-b' })).toBe('400 invalidCursor');
  expect(codec.decode(cursor, { ...EXPECTED, actor: 'key-b', ignoreActor: true })).toEqual(STATE);
  expect(outcome(codec, cursor, { ...EXPECTED, query: queryDigest({ filter: 'other' }) })).toBe(
    '400 invalidCursor',
  );
  expect(outcome(codec, cursor, { ...EXPECTED, count: 3 })).toBe('400 invalidCount');
});

test('a cursor is valid for cursorTimeout seconds, then 400 expiredCursor', () => {
  let now = 1_000;
  const codec = new CursorCodec({ timeoutSeconds: 600, now: () => now });
  const cursor = codec.encode({ ...STATE, issuedAt: codec.now() });
  now += 600_000;
  expect(outcome(codec, cursor)).toBe('ok');
  now += 1;
  expect(outcome(codec, cursor)).toBe('400 expiredCursor');
});

test('the unsafe alphabet (a quirk) is standard base64 behind "v1/", and still reads back', () => {
  const codec = new CursorCodec({ timeoutSeconds: 600, now: () => 0 });
  const cursor = codec.encode(STATE, 'unsafe');
  expect(cursor.startsWith('v1/')).toBe(true);
  expect(codec.decode(cursor, EXPECTED)).toEqual(STATE);
});
