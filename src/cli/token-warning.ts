/**
 * The token-ownership warning `run` and `replay` print before they change anything: who `GET /Me` says owns the
 * token, and what that means when the owner is a person. It informs and never blocks: the operator decides.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.11
 * @see https://docs.datadoghq.com/account_management/scim/
 */
import { assessTokenOwner, type ScimClient, type TokenOwnerFinding } from '../http/index.js';

/** The part of a finding the console shows (replay.json's `tokenOwner` has the same shape). */
export type TokenWarningFinding = Pick<TokenOwnerFinding, 'severity' | 'message'>;

/** How loud each severity is on the console; `danger` must not be missed in a scrolling log. */
const LABELS: Readonly<Record<TokenOwnerFinding['severity'], string>> = {
  none: 'Token owner',
  unverified: 'Token owner UNVERIFIED',
  caution: 'WARNING, token owner',
  danger: '!!! DANGER, token owner',
};

/**
 * The one line `run` prints under its summary when the token is a person's (`caution`, `danger`): the paragraph was
 * printed once, before anything changed, and has scrolled away by now. Nothing for the other severities.
 */
export function formatTokenReminder(finding: TokenWarningFinding): string | undefined {
  if (finding.severity !== 'caution' && finding.severity !== 'danger') return undefined;
  return `${LABELS[finding.severity]} (the run's token): a person's key, which is revoked when that person leaves; see the warning at the start of the run.\n`;
}

/** One paragraph for stderr, ending in a newline; `whose` names the token (`the run's token`, `the key in VAR`). */
export function formatTokenWarning(finding: TokenWarningFinding, whose = "the run's token"): string {
  const label = LABELS[finding.severity];
  const line = `${label} (${whose}): ${finding.message}\n`;
  return finding.severity === 'danger'
    ? `${line}${label}: the run goes on as asked; stop it now (Ctrl-C) if this is not intended.\n`
    : line;
}

/**
 * Asks `/Me` who owns the client's token, writes the warning with `write`, and returns the finding. Never throws:
 * a target that cannot say is reported as unverified.
 */
export async function warnAboutTokenOwner(
  client: ScimClient,
  write: (text: string) => void,
  inScopeUserNames?: Iterable<string>,
): Promise<TokenOwnerFinding> {
  const finding = await assessTokenOwner(client, inScopeUserNames);
  write(formatTokenWarning(finding));
  return finding;
}
