import { ScimError } from '../../scim/errors/scim-error.js';
import type { QuirkEntries } from './entry.js';

function withoutHeader(headers: Record<string, string> | undefined, name: string): Record<string, string> {
  const { [name]: _dropped, ...rest } = headers ?? {};
  return rest;
}

/** Authentication and key-revocation faults. */
export const AUTH_QUIRKS = {
  'auth-not-enforced': {
    access: (outcome) => (outcome.ok ? outcome : { ok: true }),
  },
  'revoked-key-accepted': {
    access: (outcome, context) => {
      if (outcome.ok || outcome.failure !== 'revoked' || context.token === undefined) return outcome;
      const key = context.credentials.identify(context.token);
      return key ? { ok: true, key } : outcome;
    },
  },
  'missing-www-authenticate': {
    status: (result, outcome) =>
      outcome.event === 'unauthorized'
        ? { ...result, headers: withoutHeader(result.headers, 'WWW-Authenticate') }
        : result,
  },
  // Quotes the credential back, as naive "invalid token: …" messages do.
  'token-echoed-in-error': {
    refuse: (error, refusal) =>
      refusal.rule === 'unauthenticated' && refusal.reason === 'invalid' && refusal.token && error
        ? new ScimError(error.status, error.scimType, `${error.detail} (${refusal.token})`)
        : error,
  },
} satisfies QuirkEntries;
