import { ScimError } from '../../scim/errors/scim-error.js';
import { errorResult, type ScimResult } from '../http/scim-result.js';
import type { ComposedSeams } from '../seams.js';
import type { ApplicationKeyInfo, CredentialStore, PrincipalRef } from './credential-store.js';

/** The realm named in `WWW-Authenticate`. */
export const AUTH_REALM = 'scim-harness reference server';

export const AUTH_FAILURES = ['missing', 'malformed', 'invalid', 'revoked'] as const;
export type AuthFailure = (typeof AUTH_FAILURES)[number];

/**
 * Who a request acts for: a verified key, or (`key` absent) no one, when the server serves it without credentials.
 * `principal` names the principal when it is not the key's owner.
 */
export type AuthOutcome =
  | { ok: true; key?: ApplicationKeyInfo; principal?: PrincipalRef }
  | { ok: false; failure: AuthFailure };

/** The credential of an `Authorization: Bearer` header, when it has one. */
export function bearerToken(header: string | null): string | undefined {
  const match = header === null ? null : /^Bearer +(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** RFC 6750 §2.1 b64token: what a Bearer credential may contain. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * Authenticates `Authorization: Bearer <application key>`. A revoked key (its owner was deprovisioned) fails.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 */
export function authenticate(header: string | null, credentials: CredentialStore): AuthOutcome {
  if (header === null || header.trim() === '') return { ok: false, failure: 'missing' };
  const match = /^Bearer +(\S+)\s*$/i.exec(header);
  if (!match || !B64TOKEN.test(match[1]!)) return { ok: false, failure: 'malformed' };
  const token = match[1]!;
  const verified = credentials.verify(token);
  if (verified.ok) return { ok: true, key: verified.key };
  return { ok: false, failure: verified.reason === 'revoked' ? 'revoked' : 'invalid' };
}

const DETAILS: Record<AuthFailure, string> = {
  missing: 'Authentication required: send Authorization: Bearer <application key>.',
  malformed: 'The Authorization header is not a Bearer token.',
  invalid: 'The application key is not valid.',
  revoked: 'The application key has been revoked.',
};

/**
 * The 401 answer: a SCIM error body and a `WWW-Authenticate` challenge. Per RFC 6750 §3.1 a request with no
 * credentials gets the challenge without an error code; a bad or revoked token gets `error="invalid_token"`.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-2
 */
export function unauthorizedResult(
  failure: AuthFailure,
  seams: ComposedSeams,
  presented?: string | null,
): ScimResult {
  const refusal = new ScimError(401, undefined, DETAILS[failure]);
  const token = presented?.replace(/^Bearer\s+/i, '').slice(0, 300);
  const error = seams.refuse(refusal, { rule: 'unauthenticated', reason: failure, token }) ?? refusal;
  const result = errorResult(error, seams);
  const challenge =
    failure === 'missing'
      ? `Bearer realm="${AUTH_REALM}"`
      : `Bearer realm="${AUTH_REALM}", error="invalid_token", error_description="${DETAILS[failure]}"`;
  return seams.status(
    { ...result, headers: { ...result.headers, 'WWW-Authenticate': challenge } },
    { event: 'unauthorized' },
  );
}
