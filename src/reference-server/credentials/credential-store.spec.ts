import { expect, test } from '@playwright/test';
import { CredentialStore } from './credential-store.js';

test('a minted key verifies, is 40 hex characters, and its secret is never listed', () => {
  const store = new CredentialStore();
  const account = store.createServiceAccount('SCIM provisioning');
  const minted = store.mintKey({ kind: 'serviceAccount', id: account.id });
  expect(minted.secret).toMatch(/^[0-9a-f]{40}$/);
  const verified = store.verify(minted.secret);
  expect(verified).toEqual({ ok: true, key: minted.info });
  expect(JSON.stringify(store.keys())).not.toContain(minted.secret);
});

test('two keys never share a secret', () => {
  const store = new CredentialStore();
  const owner = { kind: 'user', id: 'u1' } as const;
  const secrets = new Set(Array.from({ length: 50 }, () => store.mintKey(owner).secret));
  expect(secrets.size).toBe(50);
});

const rejected: { name: string; token: (secret: string) => string }[] = [
  { name: 'empty', token: () => '' },
  { name: 'a prefix of a real key', token: (secret) => secret.slice(0, 39) },
  { name: 'a real key plus one character', token: (secret) => `${secret}0` },
  { name: 'a different case', token: (secret) => secret.toUpperCase() },
  { name: 'a very long string', token: () => 'a'.repeat(100_000) },
];
for (const row of rejected) {
  test(`verify rejects ${row.name}`, () => {
    const store = new CredentialStore();
    const minted = store.mintKey({ kind: 'user', id: 'u1' });
    expect(store.verify(row.token(minted.secret))).toEqual({ ok: false, reason: 'unknown' });
  });
}

test('revoking by owner revokes only that owner, and revoked keys are reported as revoked', () => {
  const store = new CredentialStore();
  const user = store.mintKey({ kind: 'user', id: 'u1' });
  const other = store.mintKey({ kind: 'user', id: 'u2' });
  const account = store.mintKey({ kind: 'serviceAccount', id: 'u1' });
  expect(store.revokeOwnedBy({ kind: 'user', id: 'u1' })).toBe(1);
  expect(store.verify(user.secret)).toEqual({ ok: false, reason: 'revoked' });
  expect(store.identify(user.secret)?.id).toBe(user.info.id);
  expect(store.verify(other.secret).ok).toBe(true);
  expect(store.verify(account.secret).ok).toBe(true);
  expect(store.revokeOwnedBy({ kind: 'user', id: 'u1' })).toBe(0);
  expect(store.keys().find((key) => key.id === user.info.id)?.revokedAt).not.toBeNull();
});

test('revokeKey by id', () => {
  const store = new CredentialStore();
  const minted = store.mintKey({ kind: 'user', id: 'u1' });
  expect(store.revokeKey('nope')).toBe(false);
  expect(store.revokeKey(minted.info.id)).toBe(true);
  expect(store.verify(minted.secret).ok).toBe(false);
});

test('a revocation scheduled for later leaves the key working until then; restoreOwnedBy brings back only owner revocations', () => {
  const store = new CredentialStore();
  const later = store.mintKey({ kind: 'user', id: 'u1' });
  expect(store.revokeOwnedBy({ kind: 'user', id: 'u1' }, 60_000)).toBe(1);
  expect(store.verify(later.secret).ok).toBe(true);
  // An immediate revocation brings a scheduled one forward.
  store.revokeOwnedBy({ kind: 'user', id: 'u1' });
  expect(store.verify(later.secret)).toEqual({ ok: false, reason: 'revoked' });
  expect(store.restoreOwnedBy({ kind: 'user', id: 'u1' })).toBe(1);
  expect(store.verify(later.secret).ok).toBe(true);
  store.revokeKey(later.info.id);
  expect(store.restoreOwnedBy({ kind: 'user', id: 'u1' })).toBe(0);
  expect(store.verify(later.secret).ok).toBe(false);
});
