/**
 * How one Playwright test result becomes one check result: the table the conformance reporter applies. Pure, and
 * typed on the few fields it reads, so its tests pass plain objects.
 *
 * | Playwright                                   | check status |
 * | -------------------------------------------- | ------------ |
 * | passed                                       | passed       |
 * | skipped with `scim-unsupported` (reason = its description) | unsupported |
 * | skipped (reason from the `skip` annotation)  | skipped      |
 * | failed                                       | failed       |
 * | failed with `scim-harness-error`             | error        |
 * | failed by a HarnessError                     | error        |
 * | failed, not by an assertion, after the target dropped a connection | error |
 * | timedOut, interrupted                        | error        |
 *
 * `error` means the harness could not evaluate the check: never a verdict on the target. `unsupported` means the
 * target declined the feature as the RFC allows; the result carries the profiles that need it (`neededBy`).
 *
 * The message is the full explanation (see failure-message.ts): every line of the error, redacted, then capped.
 */

import { readFileSync } from 'node:fs';
import { isJsonObject, isStringArray } from '../../src/json/json-guards.js';
import {
  CATEGORIES,
  CHECK_ANNOTATION,
  type CheckResult,
  type CheckStatus,
  CLIENT_VARIANTS,
  EXCHANGES_ATTACHMENT,
  HARNESS_ERROR_ANNOTATION,
  PROFILES,
  REQUIREMENT_LEVELS,
  UNSUPPORTED_ANNOTATION,
} from '../../src/run-contract/index.js';
import { redact } from '../../src/secrets/redaction.js';
import { type CheckDefinition, clientsOf, neededByOf } from '../support/check-definition.js';
import { evidenceFromAttachment } from './exchange-evidence.js';
import { capMessage, explainFailure, explainFailures } from './failure-message.js';

export interface AnnotationLike {
  type: string;
  description?: string;
}

/** The fields of Playwright's `TestCase` the mapping reads. */
export interface ReportedTest {
  title: string;
  annotations: readonly AnnotationLike[];
}

/** The fields of Playwright's `TestStep` the mapping reads: `expect` steps with an error are failed assertions. */
export interface StepLike {
  category: string;
  error?: unknown;
  steps?: readonly StepLike[];
}

/** The fields of Playwright's `TestResult` the mapping reads. */
export interface ReportedResult {
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  duration: number;
  /** Annotations added while the test ran (`test.skip(…, reason)`, `scim-harness-error`). */
  annotations?: readonly AnnotationLike[];
  error?: { message?: string; stack?: string; value?: string };
  /** Every error of the run (several with soft assertions); the first is `error`. */
  errors?: readonly { message?: string; stack?: string; value?: string }[];
  attachments: readonly { name: string; contentType: string; path?: string; body?: Buffer }[];
  steps?: readonly StepLike[];
}

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

/** The check definition a test carries in its `scim-check` annotation; `undefined` for any other test. */
export function checkDefinitionOf(test: ReportedTest): CheckDefinition | undefined {
  const annotation = test.annotations.find((a) => a.type === CHECK_ANNOTATION);
  if (!annotation?.description) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(annotation.description);
  } catch {
    return undefined;
  }
  if (!isJsonObject(parsed)) return undefined;
  const {
    id,
    title,
    level,
    rfc,
    category,
    profiles,
    requirement,
    levelBasis,
    fix,
    quirks,
    requires,
    neededBy,
    clients,
  } = parsed;
  if (typeof id !== 'string' || typeof title !== 'string' || typeof rfc !== 'string') return undefined;
  if (!isOneOf(REQUIREMENT_LEVELS, level) || !isOneOf(CATEGORIES, category)) return undefined;
  if (!Array.isArray(profiles) || !profiles.every((p) => isOneOf(PROFILES, p))) return undefined;
  if (typeof requirement !== 'string' || typeof fix !== 'string' || !isStringArray(quirks)) return undefined;
  // Quirk and capability names are checked where they are declared (assertCheckDefinition, the type system).
  return {
    id,
    title,
    level,
    rfc,
    category,
    profiles,
    requirement,
    ...(typeof levelBasis === 'string' ? { levelBasis } : {}),
    fix,
    quirks: quirks as CheckDefinition['quirks'],
    ...(isStringArray(requires) ? { requires: requires as CheckDefinition['requires'] } : {}),
    // Only profiles of the check itself: anything else in the annotation is ignored, falling back to the default.
    ...(Array.isArray(neededBy) && neededBy.every((p) => isOneOf(profiles, p)) ? { neededBy } : {}),
    ...(Array.isArray(clients) && clients.every((c) => isOneOf(CLIENT_VARIANTS, c)) ? { clients } : {}),
  };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing terminal colour codes is the purpose
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** The first non-empty line of an error message, without colour codes (for one-line notes such as a setup failure). */
export function firstLine(text: string | undefined): string {
  for (const line of (text ?? '').replace(ANSI, '').split('\n')) if (line.trim() !== '') return line.trim();
  return '';
}

function annotation(result: ReportedResult, test: ReportedTest, type: string): AnnotationLike | undefined {
  return result.annotations?.find((a) => a.type === type) ?? test.annotations.find((a) => a.type === type);
}

function attachmentText(
  attachment: ReportedResult['attachments'][number],
  readFile: (file: string) => string,
): string {
  if (attachment.body) return attachment.body.toString('utf8');
  if (attachment.path) {
    try {
      return readFile(attachment.path);
    } catch {
      return '';
    }
  }
  return '';
}

function failedAssertion(steps: readonly StepLike[] | undefined): boolean {
  return (steps ?? []).some(
    (step) => (step.category === 'expect' && step.error !== undefined) || failedAssertion(step.steps),
  );
}

/**
 * What made a failed test a harness fault rather than a verdict, or `undefined` when it is a verdict. A dropped
 * connection counts only when no assertion failed: an assertion on an answer that did arrive is a verdict, even if
 * the teardown's DELETE afterwards found the connection dropped.
 */
function harnessFault(
  test: ReportedTest,
  result: ReportedResult,
  dropped: string | undefined,
): string | undefined {
  const marked = annotation(result, test, HARNESS_ERROR_ANNOTATION);
  if (marked) return `Could not evaluate: ${marked.description ?? 'harness error'}`;
  const error = result.error;
  const text = `${error?.stack ?? ''}\n${error?.message ?? ''}`;
  if (/^\s*HarnessError\b/m.test(text.replace(ANSI, ''))) {
    return `Could not evaluate: ${explainFailure(error?.message ?? error?.stack).replace(/^HarnessError:\s*/, '')}`;
  }
  if (dropped && !failedAssertion(result.steps)) {
    return `Could not evaluate: the target dropped the connection: ${dropped}`;
  }
  return undefined;
}

export interface OutcomeOptions {
  /** Values to scrub from the message (the token). */
  secrets?: readonly string[];
  readFile?: (file: string) => string;
}

/** The full explanation of a failed run: every error (soft assertions), else the error's message, value or stack. */
function failureText(result: ReportedResult): string {
  const errors = result.errors ?? [];
  if (errors.length > 1) return explainFailures(errors.map((e) => e.message ?? e.value ?? e.stack));
  const error = result.error ?? errors[0];
  return explainFailure(error?.message ?? error?.value ?? error?.stack);
}

/** The status and message of one test run, before the definition is attached. */
export function outcomeOf(
  test: ReportedTest,
  result: ReportedResult,
  options: OutcomeOptions = {},
): Pick<CheckResult, 'status' | 'message' | 'evidence' | 'durationMs' | 'skipReason'> {
  const readFile = options.readFile ?? ((file: string) => readFileSync(file, 'utf8'));
  const attachment = result.attachments.find((a) => a.name === EXCHANGES_ATTACHMENT);
  const { evidence, dropped } = attachment
    ? evidenceFromAttachment(attachmentText(attachment, readFile))
    : { evidence: [], dropped: undefined };
  let status: CheckStatus;
  let message = '';
  let skipReason: string | undefined;
  switch (result.status) {
    case 'passed':
      status = 'passed';
      break;
    case 'skipped': {
      const declined = annotation(result, test, UNSUPPORTED_ANNOTATION);
      if (declined) {
        status = 'unsupported';
        message = declined.description?.trim() || 'the target declined the feature this check tests';
        break;
      }
      status = 'skipped';
      skipReason = annotation(result, test, 'skip')?.description ?? 'skipped';
      message = skipReason;
      break;
    }
    case 'failed': {
      const fault = harnessFault(test, result, dropped);
      status = fault ? 'error' : 'failed';
      message = fault ?? failureText(result);
      break;
    }
    case 'timedOut':
      status = 'error';
      message = `Could not evaluate: ${explainFailure(result.error?.message) || `the check timed out after ${result.duration} ms`}`;
      break;
    case 'interrupted':
      status = 'error';
      message = 'Could not evaluate: the run was interrupted';
      break;
    default: {
      const unreachable: never = result.status;
      throw new Error(`unknown test status ${String(unreachable)}`);
    }
  }
  const secrets = options.secrets ?? [];
  return {
    status,
    // Redacted before it is cut, so a cut never leaves part of a token behind.
    message: capMessage(redact(message, { secrets })),
    evidence: redact(evidence, { secrets }),
    durationMs: Math.max(0, Math.round(result.duration)),
    ...(skipReason === undefined ? {} : { skipReason: redact(skipReason, { secrets }) }),
  };
}

/** The check result of one test run, or `undefined` when the test is not a check (e.g. the capabilities setup). */
export function checkResultOf(
  test: ReportedTest,
  result: ReportedResult,
  options: OutcomeOptions = {},
): CheckResult | undefined {
  const definition = checkDefinitionOf(test);
  if (!definition) return undefined;
  return { ...resultSkeleton(definition), ...outcomeOf(test, result, options) };
}

/** A check result's definition fields, with no outcome yet; `neededBy` resolved (see neededByOf). */
export function resultSkeleton(
  definition: CheckDefinition,
): Omit<CheckResult, 'status' | 'message' | 'evidence'> {
  return {
    id: definition.id,
    title: definition.title,
    category: definition.category,
    level: definition.level,
    rfc: definition.rfc,
    profiles: [...definition.profiles],
    requirement: definition.requirement,
    fix: definition.fix,
    neededBy: [...new Set(neededByOf(definition))],
    ...(clientsOf(definition).length > 0 ? { clients: clientsOf(definition) } : {}),
  };
}
