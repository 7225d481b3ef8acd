import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Who owns an application key: a SCIM User (by its id) or a service account (Datadog's non-human principal).
 * @see /work/shared/research/datadog-scim.md §3
 */
export type PrincipalRef = { kind: 'user'; id: string } | { kind: 'serviceAccount'; id: string };

/** A Datadog-style service account: owns keys, is not a SCIM resource, is never deprovisioned by SCIM. */
export interface ServiceAccount {
  id: string;
  name: string;
  email: string;
  created: string;
}

/** What may be shown about a key: never its secret (Datadog's one-time-read model). */
export interface ApplicationKeyInfo {
  id: string;
  name: string;
  owner: PrincipalRef;
  created: string;
  /**
   * When the key was revoked (owner deprovisioned, or revoked by the admin API); null while it works. A time still
   * to come is a scheduled revocation: the key works until then.
   */
  revokedAt: string | null;
}

/** A freshly minted key: the only moment the secret is available. */
export interface MintedKey {
  info: ApplicationKeyInfo;
  secret: string;
}

export type KeyVerification =
  | { ok: true; key: ApplicationKeyInfo }
  | { ok: false; reason: 'unknown' | 'revoked' };

interface KeyRecord {
  info: ApplicationKeyInfo;
  hash: Buffer;
  /** Revoked because its owner was deprovisioned (not by the admin API): what reactivating could bring back. */
  revokedWithOwner?: boolean;
}

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Whether a key's revocation has taken effect (a scheduled one has not, until its time). */
function isRevoked(info: ApplicationKeyInfo): boolean {
  return info.revokedAt !== null && Date.parse(info.revokedAt) <= Date.now();
}

function samePrincipal(a: PrincipalRef, b: PrincipalRef): boolean {
  return a.kind === b.kind && a.id === b.id;
}

/**
 * Service accounts and application keys. Secrets are kept only as SHA-256 hashes; verification compares
 * the presented secret's hash with every key's hash using `timingSafeEqual`, without stopping at a match,
 * so neither the secret's length nor the position of the matching key shows in the timing.
 * @see https://docs.datadoghq.com/account_management/api-app-keys/
 */
export class CredentialStore {
  readonly #serviceAccounts = new Map<string, ServiceAccount>();
  readonly #keys = new Map<string, KeyRecord>();

  createServiceAccount(name: string, email?: string): ServiceAccount {
    const id = randomUUID();
    const handle = name.toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'service-account';
    const account: ServiceAccount = {
      id,
      name,
      email: email ?? `${handle}@service-accounts.invalid`,
      created: new Date().toISOString(),
    };
    this.#serviceAccounts.set(id, account);
    return { ...account };
  }

  serviceAccount(id: string): ServiceAccount | undefined {
    const found = this.#serviceAccounts.get(id);
    return found ? { ...found } : undefined;
  }

  serviceAccounts(): ServiceAccount[] {
    return [...this.#serviceAccounts.values()].map((account) => ({ ...account }));
  }

  /** Mints a key: 40 lowercase hex characters (160 random bits), the shape of a Datadog application key. */
  mintKey(owner: PrincipalRef, name = 'scim'): MintedKey {
    const secret = randomBytes(20).toString('hex');
    const info: ApplicationKeyInfo = {
      id: randomUUID(),
      name,
      owner: { ...owner },
      created: new Date().toISOString(),
      revokedAt: null,
    };
    this.#keys.set(info.id, { info, hash: hashSecret(secret) });
    return { info: structuredClone(info), secret };
  }

  keys(): ApplicationKeyInfo[] {
    return [...this.#keys.values()].map((record) => structuredClone(record.info));
  }

  revokeKey(id: string): boolean {
    const record = this.#keys.get(id);
    if (!record) return false;
    const now = new Date().toISOString();
    if (record.info.revokedAt === null || record.info.revokedAt > now) record.info.revokedAt = now;
    record.revokedWithOwner = false;
    return true;
  }

  /**
   * Revokes every key the principal owns (deprovisioning); returns how many were newly revoked. With `delayMs`
   * the revocation takes effect that much later; an earlier revocation
   * already scheduled or done is kept.
   */
  revokeOwnedBy(owner: PrincipalRef, delayMs = 0): number {
    let revoked = 0;
    const at = new Date(Date.now() + delayMs).toISOString();
    for (const record of this.#keys.values()) {
      if (!samePrincipal(record.info.owner, owner)) continue;
      if (record.info.revokedAt === null) revoked += 1;
      if (record.info.revokedAt === null || record.info.revokedAt > at) {
        record.info.revokedAt = at;
        record.revokedWithOwner = true;
      }
    }
    return revoked;
  }

  /**
   * Brings back the keys the principal lost when it was deprovisioned (never those the admin API revoked), for a
   * reactivation plan that restores keys. Returns how many came back.
   */
  restoreOwnedBy(owner: PrincipalRef): number {
    let restored = 0;
    for (const record of this.#keys.values()) {
      if (samePrincipal(record.info.owner, owner) && record.revokedWithOwner === true) {
        record.info.revokedAt = null;
        record.revokedWithOwner = false;
        restored += 1;
      }
    }
    return restored;
  }

  verify(secret: string): KeyVerification {
    const presented = hashSecret(secret);
    let match: KeyRecord | undefined;
    for (const record of this.#keys.values()) {
      if (timingSafeEqual(presented, record.hash)) match = record;
    }
    if (!match) return { ok: false, reason: 'unknown' };
    if (isRevoked(match.info)) return { ok: false, reason: 'revoked' };
    return { ok: true, key: structuredClone(match.info) };
  }

  /** Like {@link verify}, but a revoked key still resolves (for key lookups, and an access seam that accepts revoked keys). */
  identify(secret: string): ApplicationKeyInfo | undefined {
    const presented = hashSecret(secret);
    let match: KeyRecord | undefined;
    for (const record of this.#keys.values()) {
      if (timingSafeEqual(presented, record.hash)) match = record;
    }
    return match ? structuredClone(match.info) : undefined;
  }
}
