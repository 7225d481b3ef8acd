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
  // Only DELETE revokes a user's keys.
  'deactivate-does-not-revoke': {
    beforeWrite: (plan) =>
      plan.kind === 'deprovision' && plan.how.method !== 'DELETE' ? { ...plan, revoke: false } : plan,
  },
  'delete-does-not-revoke': {
    beforeWrite: (plan) =>
      plan.kind === 'deprovision' && plan.how.method === 'DELETE' ? { ...plan, revoke: false } : plan,
  },
  // Beyond IPSIE's 5 minutes unless the server is told otherwise.
  'keys-revoked-after-delay': {
    beforeWrite: (plan) =>
      plan.kind === 'deprovision' ? { ...plan, delayMs: plan.configuredDelayMs } : plan,
  },
  // PATCH active "False", as the legacy Entra client sends it.
  'keys-survive-string-active': {
    beforeWrite: (plan) =>
      plan.kind === 'deprovision' && plan.how.method === 'PATCH' && plan.how.stringActive === true
        ? { ...plan, revoke: false }
        : plan,
  },
  // A path-less PATCH replace {"active": false}, the Okta shape.
  'keys-survive-path-less-deactivate': {
    beforeWrite: (plan) =>
      plan.kind === 'deprovision' && plan.how.method === 'PATCH' && plan.how.pathLessActive === true
        ? { ...plan, revoke: false }
        : plan,
  },
  'keys-survive-put-deactivate': {
    beforeWrite: (plan) =>
      plan.kind === 'deprovision' && plan.how.method === 'PUT' ? { ...plan, revoke: false } : plan,
  },
  'keys-restored-on-reactivate': {
    beforeWrite: (plan) => (plan.kind === 'reactivate' ? { ...plan, restoreKeys: true } : plan),
  },
  // As on servers that tie a key to whoever created it.
  'service-account-key-revoked-with-user': {
    beforeWrite: (plan) => (plan.kind === 'deprovision' ? { ...plan, serviceAccountsToo: true } : plan),
  },
} satisfies QuirkEntries;
