import { expect, test } from '@playwright/test';
import { HARNESS_ERROR_CODES, HarnessError, type HarnessErrorCode } from '../errors/harness-error.js';
import { SecretRegistry } from '../secrets/redaction.js';
import { reportError, UsageError } from './error-report.js';
import { EXIT_CODES, exitCodeFor } from './exit-codes.js';
import { captureStream } from './test-support/capture-io.js';

const EXPECTED_EXIT: Record<HarnessErrorCode, number> = {
  CONFIG_INVALID: 2,
  SECRET_EXPOSED: 2,
  TARGET_UNREACHABLE: 3,
  CREDENTIALS_REJECTED: 3,
  TARGET_TIMEOUT: 3,
  TARGET_RESPONSE_UNUSABLE: 3,
  CHECK_PRECONDITION: 1,
  IO_FAILED: 1,
  INTERNAL: 1,
};

for (const code of HARNESS_ERROR_CODES) {
  test(`HarnessError ${code} → exit ${EXPECTED_EXIT[code]}, message and hint on stderr`, () => {
    const stderr = captureStream();
    const exit = reportError(new HarnessError(code, 'what happened', { hint: 'what to do' }), stderr);
    expect(exit).toBe(EXPECTED_EXIT[code]);
    expect(exitCodeFor(code)).toBe(EXPECTED_EXIT[code]);
    expect(stderr.text()).toBe('scim-harness: what happened\nhint: what to do\n');
  });
}

test('a usage error points at --help and exits 2', () => {
  const stderr = captureStream();
  expect(reportError(new UsageError('Unknown argument: x'), stderr)).toBe(EXIT_CODES.usage);
  expect(stderr.text()).toBe('scim-harness: Unknown argument: x\nRun "scim-harness --help" for usage.\n');
});

for (const debug of [false, true]) {
  test(`an unexpected error exits 1 with ${debug ? 'its stack' : 'one line and no stack'}, secrets scrubbed`, () => {
    const stderr = captureStream();
    const secrets = new SecretRegistry().register('registered-secret-value');
    const error = new TypeError('boom with registered-secret-value and Bearer abc.def');
    expect(reportError(error, stderr, { debug, secrets })).toBe(EXIT_CODES.failures);
    expect(stderr.text()).toContain(
      'scim-harness: internal error: boom with [REDACTED] and Bearer [REDACTED]',
    );
    expect(stderr.text()).not.toContain('registered-secret-value');
    expect(stderr.text()).not.toContain('abc.def');
    if (debug) expect(stderr.text()).toMatch(/\n\s+at /);
    else expect(stderr.text()).toContain('Run again with --debug for the stack trace.');
  });
}
