/**
 * The tenant a command talks to: a SCIM client carrying the resolved token, and the preflight that stops a run before
 * any check when the target cannot be reached or refuses the credentials (exit code 3, saying which and what to do).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-2 (authentication)
 */
import type { TenantTarget } from '../../config/index.js';
import { createScimClient, preflight, preflightError, type ScimClient } from '../../http/index.js';
import type { CommandContext } from '../command-context.js';

/** A client for the tenant; the token is registered as a secret first, so no output can show it. */
export function tenantClient(target: TenantTarget, context: CommandContext, timeoutMs?: number): ScimClient {
  const token = target.token.reveal();
  context.secrets.register(token);
  return createScimClient({
    tenantUrl: target.tenant.href,
    token,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    userAgent: 'scim-harness',
  });
}

/** Probes the tenant; throws the exit-code-3 HarnessError (unreachable, timeout, or credentials rejected) on failure. */
export async function assertTenantUsable(client: ScimClient): Promise<void> {
  const error = preflightError(await preflight(client));
  if (error) throw error;
}
