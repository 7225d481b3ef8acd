import { expect, test } from '@playwright/test';
import { buildConformanceResult } from './build-conformance-result.js';
import { INTERRUPTED_NOTICE } from './interrupted-run.js';
import { formatTable, renderTerminalSummary } from './render-terminal.js';
import { sampleConformanceResult, TEST_RUN } from './test-support/sample-results.js';

const ESC = '\u001b';

test('plain text by default: verdicts, scores, failures, no escape codes, no token', () => {
  const { result, token, secret } = sampleConformanceResult();
  const text = renderTerminalSummary(result, { secrets: [secret] });
  expect(text).not.toContain(ESC);
  for (const profile of result.profiles) {
    expect(text).toMatch(new RegExp(`^${profile} +${result.summary.verdicts[profile]?.toUpperCase()} `, 'm'));
  }
  expect(text).toContain(`${result.summary.total} checks: ${result.summary.passed} passed`);
  expect(text).toContain(`Could not evaluate ${result.summary.errored} check(s)`);
  expect(text).not.toContain(token);
  expect(text).not.toContain(secret);
});

test('colour only when asked for, and columns stay aligned with it', () => {
  const { result } = sampleConformanceResult({ checks: 20 });
  const coloured = renderTerminalSummary(result, { color: true });
  expect(coloured).toContain(`${ESC}[`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
  const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
  expect(strip(coloured)).toBe(renderTerminalSummary(result, { color: false }));
});

test('escape sequences from the target cannot reach the terminal', () => {
  const result = buildConformanceResult({
    ...TEST_RUN,
    checks: [
      {
        id: 'users.tty',
        title: 't',
        category: 'users',
        level: 'MUST',
        rfc: 'RFC 7644 §3.3',
        profiles: ['core'],
        status: 'failed',
        message: `clear${ESC}[2J${ESC}]0;owned\u0007 title\rover\u009b`,
        evidence: [],
      },
    ],
  });
  const text = renderTerminalSummary(result);
  expect(text).toContain('clear');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
});

// [headers, rows, expected lines]
const TABLES: [string[], string[][], string[]][] = [
  [['a', 'bb'], [['xxx', 'y']], ['a    bb', '---  --', 'xxx  y']],
  [['name'], [], ['name', '----']],
  [['é', 'n'], [['ü', '10']], ['é  n', '-  --', 'ü  10']],
];

for (const [headers, rows, lines] of TABLES) {
  test(`formatTable sizes columns to the widest cell: ${headers.join(',')}`, () => {
    expect(formatTable(headers, rows)).toBe(lines.join('\n'));
  });
}

test('unsupported has its own columns and section: id, the profiles of the run it fails, the reason', () => {
  const base = {
    title: 't',
    category: 'filter',
    level: 'MUST' as const,
    rfc: 'RFC 7644 §3.4.2.2',
    profiles: ['rfc7644', 'entra', 'datadog'],
    evidence: [],
  };
  const result = buildConformanceResult({
    ...TEST_RUN,
    profiles: ['rfc7644', 'entra'],
    checks: [
      {
        ...base,
        id: 'filter.co.declined',
        status: 'unsupported',
        message: 'The target declines the co operator:\nit answered 400 invalidFilter',
        neededBy: ['entra', 'datadog'],
      },
      { ...base, id: 'filter.sw.declined', status: 'unsupported', message: 'declined sw', neededBy: [] },
      {
        ...base,
        id: 'filter.eq.fails',
        status: 'failed',
        message: 'the filter finds the user\n\nExpected: 1\nReceived: 0',
      },
    ],
  });
  const text = renderTerminalSummary(result);
  expect(text).toMatch(/^profile +verdict +passed +failed +unsupported +errored +skipped$/m);
  expect(text).toMatch(/^category +score +failed +unsupported +errored +skipped$/m);
  expect(text).toMatch(/^filter +0 \/ 1 \(0%\) +1 +2 +0 +0$/m);
  expect(text).toMatch(/^entra +FAIL \(1 failed, 1 needed feature unsupported\) +0 +1 +2 +0 +0$/m);
  expect(text).toMatch(/^rfc7644 +FAIL +0 +1 +2 +0 +0$/m);
  expect(text).toContain('3 checks: 0 passed, 1 failed, 2 unsupported, 0 could not be evaluated, 0 skipped.');
  expect(text).toContain('Unsupported (the target declined these features):');
  // Only the run's profiles: datadog was not selected.
  expect(text).toMatch(
    /^MUST +filter\.co\.declined +entra +The target declines the co operator: · it answered 400 invalidFilter$/m,
  );
  expect(text).toMatch(/^MUST +filter\.sw\.declined +none +declined sw$/m);
  // A failure's message, several lines long, shows as one line with what came back.
  expect(text).toMatch(/filter\.eq\.fails .* the filter finds the user · Expected: 1 · Received: 0$/m);
});

test('an interrupted run is announced first, and no profile shows PASS', () => {
  const { result } = sampleConformanceResult();
  const text = renderTerminalSummary({ ...result, interrupted: true });
  expect(text.split('\n')[0]).toBe(INTERRUPTED_NOTICE);
  expect(text).toMatch(/FAIL \(run interrupted/);
  expect(text).not.toMatch(/ PASS /);
  expect(renderTerminalSummary(result)).not.toContain('INTERRUPTED');
});

test('failures already listed by the terminal reporter are counted in one line, not listed again', () => {
  const { result } = sampleConformanceResult({ checks: 20 });
  const failed = result.checks.filter((c) => c.status === 'failed');
  expect(failed.length).toBeGreaterThan(0);
  const listed = renderTerminalSummary(result, { failuresListed: true });
  expect(listed).toContain(`Failures: ${failed.length} check(s), listed above with their reasons`);
  expect(listed).not.toContain('Failures (the target broke these requirements):');
  for (const c of failed) expect(listed).not.toContain(c.id);
  expect(renderTerminalSummary(result)).toContain('Failures (the target broke these requirements):');
});
