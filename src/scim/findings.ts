/**
 * What the harness found wrong (or doubtful) in a SCIM message: the common currency of validators and
 * checks. A validator returns `Finding[]`; an empty array means the message is valid.
 */

export const FINDING_SEVERITIES = ['error', 'warning'] as const;
/** `error`: the message breaks a MUST of the RFC. `warning`: it is legal but unusual or non-canonical. */
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export interface Finding {
  /** Where in the message: a SCIM-style path (`meta.created`, `emails[1].value`); empty for the whole message. */
  path: string;
  /** A specific, human message that names the attribute and what it held, e.g. `meta.created must be …`. */
  message: string;
  /** The rule broken: a JSON Schema keyword (`type`, `required`, `format`, `enum`, …) or a SCIM rule name. */
  rule: string;
  severity: FindingSeverity;
}

/** True when no finding is an error (warnings alone do not make a message invalid). */
export function hasNoErrors(findings: readonly Finding[]): boolean {
  return findings.every((finding) => finding.severity !== 'error');
}

/** One line per finding, for assertion messages and reports. */
export function formatFindings(findings: readonly Finding[]): string {
  return findings
    .map(
      (finding) => `${finding.severity} [${finding.rule}] ${finding.path || '(message)'}: ${finding.message}`,
    )
    .join('\n');
}
