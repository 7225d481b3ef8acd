/**
 * Faults of the harness itself (bad configuration, an unreachable target, a check that could not run),
 * kept apart from {@link ScimError}, which describes what a SCIM service provider answered or must answer.
 * A report never confuses the two: a HarnessError makes a check `error`, never `failed`.
 */

export const HARNESS_ERROR_CODES = [
  /** Command-line or configuration input is invalid (exit code 2). */
  'CONFIG_INVALID',
  /** A secret was offered through a channel that would leak it (e.g. argv). */
  'SECRET_EXPOSED',
  /** The target could not be reached at all (exit code 3). */
  'TARGET_UNREACHABLE',
  /** The target rejected the credentials at preflight (exit code 3). */
  'CREDENTIALS_REJECTED',
  /** The target answered something the harness cannot interpret (non-JSON, wrong shape) where it needed to. */
  'TARGET_RESPONSE_UNUSABLE',
  /** A request to the target timed out. */
  'TARGET_TIMEOUT',
  /**
   * A step a check needed before it could judge anything (e.g. creating the user a PATCH check edits) did not
   * succeed on the target. The check is `error` ("could not evaluate"); the failing step is judged by its own check.
   */
  'CHECK_PRECONDITION',
  /** A file the harness had to read or write could not be used. */
  'IO_FAILED',
  /** An invariant of the harness itself was broken: a bug in the harness. */
  'INTERNAL',
] as const;

export type HarnessErrorCode = (typeof HARNESS_ERROR_CODES)[number];

export interface HarnessErrorOptions {
  cause?: unknown;
  /** A hint for the user: what to do about it. */
  hint?: string;
}

export class HarnessError extends Error {
  override readonly name = 'HarnessError';
  readonly code: HarnessErrorCode;
  readonly hint: string | undefined;

  constructor(code: HarnessErrorCode, message: string, options: HarnessErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
  }
}

export function isHarnessError(value: unknown, code?: HarnessErrorCode): value is HarnessError {
  return value instanceof HarnessError && (code === undefined || value.code === code);
}
