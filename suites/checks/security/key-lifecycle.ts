/**
 * Steps shared by the key-lifecycle checks: minting a service-account key through the reference server's admin API,
 * revoking it afterwards, and proving a key works before the step under test (a precondition, not a verdict).
 * The admin calls use their own unrecorded client: their answers carry secrets, which must never reach evidence.
 * @see https://docs.datadoghq.com/account_management/org_settings/service_accounts
 */
import { HarnessError } from '../../../src/errors/harness-error.js';
import { createScimClient, type ScimClient, type ScimExchange } from '../../../src/http/index.js';
import type { TargetEnv } from '../../../src/run-contract/index.js';
import { stringMember } from '../../support/case-insensitive-json.js';

/** The Datadog sentence the revocation checks enforce, quoted from its SCIM setup page. */
export const DATADOG_KEY_REVOCATION =
  'If you use an application key tied to a user to enable SCIM and that user leaves your organization, their Datadog account becomes deprovisioned. That user-specific application key gets revoked, and you permanently break your SCIM integration';

/** Where the revocation checks' requirement is written. */
export const REVOCATION_SOURCE = 'Datadog: SCIM (account management), application key; RFC 6750 §3.1';

/** RFC 6750 §3.1, the answer a revoked token gets. */
export const INVALID_TOKEN =
  'invalid_token The access token provided is expired, revoked, malformed, or invalid for other reasons. The resource SHOULD respond with the HTTP 401 (Unauthorized) status code.';

export interface ServiceAccountKey {
  accountId: string;
  accountName: string;
  keyId: string;
  key: string;
  /** Revokes the key (best effort), so a check leaves no working credential behind. */
  revoke(): Promise<void>;
}

function adminClient(target: TargetEnv): ScimClient {
  if (target.adminOrigin === undefined) {
    throw new HarnessError('CHECK_PRECONDITION', 'Minting a key needs the reference server admin API');
  }
  return createScimClient({
    tenantUrl: target.adminOrigin,
    token: target.token,
    timeoutMs: target.timeoutMs,
  });
}

/** Creates a service account named `name` and mints a key for it. Throws CHECK_PRECONDITION when it cannot. */
export async function mintServiceAccountKey(target: TargetEnv, name: string): Promise<ServiceAccountKey> {
  const admin = adminClient(target);
  const created = await admin.post('/admin/service-accounts', { name });
  const accountId = stringMember(created.response?.json, 'id');
  if (created.response?.status !== 201 || accountId === undefined) {
    throw new HarnessError(
      'CHECK_PRECONDITION',
      `Could not create a service account: POST /admin/service-accounts answered ${created.response?.status ?? created.outcome}`,
    );
  }
  const minted = await admin.post('/admin/keys', {
    owner: { kind: 'serviceAccount', id: accountId },
    name: 'scim-harness check',
  });
  const key = stringMember(minted.response?.json, 'key');
  const keyId = stringMember(minted.response?.json, 'id');
  if (minted.response?.status !== 201 || key === undefined || keyId === undefined) {
    throw new HarnessError(
      'CHECK_PRECONDITION',
      `Could not mint a service-account key: POST /admin/keys answered ${minted.response?.status ?? minted.outcome}`,
    );
  }
  return {
    accountId,
    accountName: name,
    keyId,
    key,
    revoke: async () => {
      await admin.delete(`/admin/keys/${encodeURIComponent(keyId)}`);
    },
  };
}

/** GET /Users?count=1 with `key`; throws CHECK_PRECONDITION unless it answers 200 (the key must work to begin with). */
export async function requireWorkingKey(scim: ScimClient, key: string, whose: string): Promise<void> {
  const before = await scim.get('/Users', { token: key, query: { count: '1' } });
  if (before.response?.status !== 200) {
    throw new HarnessError(
      'CHECK_PRECONDITION',
      `${whose} did not work to begin with: GET /Users answered ${before.response?.status ?? before.outcome}`,
    );
  }
}

/** Throws CHECK_PRECONDITION unless a deprovisioning step (PUT, PATCH, DELETE) succeeded. */
export function requireSuccess(exchange: ScimExchange, step: string): void {
  const status = exchange.response?.status;
  if (status === undefined || status < 200 || status >= 300) {
    throw new HarnessError('CHECK_PRECONDITION', `${step} answered ${status ?? exchange.outcome}`);
  }
}
