/**
 * Minting application keys on the embedded reference server through its admin API, for checks that need a
 * credential owned by a user they created (revocation on deprovisioning, `/Me`). The admin call goes through its own
 * unrecorded client: its answer carries the new secret, which must never reach a check's evidence. The caller
 * registers the secret with its recorded client before using it, so every later exchange is redacted.
 */
import { HarnessError } from '../../src/errors/harness-error.js';
import { createScimClient } from '../../src/http/index.js';
import type { TargetEnv } from '../../src/run-contract/index.js';
import { stringMember } from './case-insensitive-json.js';

/** POST /admin/keys for a SCIM User; returns the key's secret. Throws CHECK_PRECONDITION when it cannot. */
export async function mintUserKey(target: TargetEnv, userId: string): Promise<string> {
  if (target.adminOrigin === undefined) {
    throw new HarnessError('CHECK_PRECONDITION', 'Minting a key needs the reference server admin API');
  }
  const admin = createScimClient({
    tenantUrl: target.adminOrigin,
    token: target.token,
    timeoutMs: target.timeoutMs,
  });
  const exchange = await admin.post('/admin/keys', {
    owner: { kind: 'user', id: userId },
    name: 'scim-harness check',
  });
  const key = stringMember(exchange.response?.json, 'key');
  if (exchange.response?.status !== 201 || key === undefined) {
    throw new HarnessError(
      'CHECK_PRECONDITION',
      `Could not mint a key for the user this check created: POST /admin/keys answered ${
        exchange.response?.status ?? exchange.outcome
      }`,
    );
  }
  return key;
}
