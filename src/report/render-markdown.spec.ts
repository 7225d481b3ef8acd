import { expect, test } from '@playwright/test';
import type { CheckResult } from '../run-contract/index.js';
import { buildConformanceResult, describeVerdict } from './build-conformance-result.js';
import { INTERRUPTED_NOTICE } from './interrupted-run.js';
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from './render-markdown.js';
import { sampleConformanceResult, TEST_RUN } from './test-support/sample-results.js';

test('summary.md gives each verdict, the counts and one row per failure when it fits', () => {
  const { result, token, secret } = sampleConformanceResult();
  const md = renderMarkdown(result, { secrets: [secret] });
  for (const profile of result.profiles) {
    expect(md).toContain(
      `| \`${profile}\` | ${result.summary.verdicts[profile] === 'pass' ? '✅' : '❌'} ${describeVerdict(result, profile)} |`,
    );
  }
  expect(md).toContain(
    `**${result.summary.total}** checks: ${result.summary.passed} passed, ${result.summary.failed} failed`,
  );
  const failed = result.checks.filter((c) => c.status === 'failed');
  for (const check of failed) expect(md).toContain(`| \`${check.id}\` | ${check.level} |`);
  expect(md).toContain(`### Failures (${failed.length})`);
  expect(md).toContain(`### Could not evaluate (${result.summary.errored})`);
  expect(md).toContain(`### Unsupported (${result.summary.unsupported})`);
  expect(md).toContain(`${result.summary.unsupported} unsupported`);
  expect(md).not.toContain('more not shown');
  expect(md).not.toContain(token);
  expect(md).not.toContain(secret);
});

test('text from the target is inert: no raw HTML outside code spans, no links', () => {
  const { result } = sampleConformanceResult();
  const md = renderMarkdown(result);
  // Fenced blocks and code spans show the target's text verbatim; <details>/<summary> are the renderer's own.
  const outsideCode = md
    .replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, '')
    .replace(/`[^`\n]*`/g, '')
    .replace(/<details><summary>Full messages<\/summary>|<\/details>/g, '');
  expect(md).toContain('<details><summary>Full messages</summary>');
  expect(outsideCode).not.toMatch(/<[a-z/]/i);
  expect(outsideCode).not.toMatch(/https?:\/\//);
  expect(md).not.toMatch(/\]\(/);
  const rows = md.split('\n').filter((l) => /^\| `[^`]+` \| (MUST|SHOULD|MAY) \|/.test(l));
  expect(rows.length).toBe(result.summary.failed + result.summary.errored + result.summary.unsupported);
  for (const line of rows) {
    // Every row keeps its four cells: a pipe from the target would have split one.
    expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(6);
  }
});

// [case, checks, maxLength]
const LIMITS: [string, number, number][] = [
  ['a huge run under the GitHub limit', 3000, GITHUB_COMMENT_LIMIT],
  ['a small limit', 150, 4000],
  ['a tiny limit', 150, 1500],
];

for (const [name, checks, maxLength] of LIMITS) {
  test(`summary.md is cut with a note: ${name}`, () => {
    const { result } = sampleConformanceResult({ checks, status: 'failed' });
    const md = renderMarkdown(result, { maxLength });
    expect(md.length).toBeLessThanOrEqual(maxLength);
    const shown = md.split('\n').filter((l) => /^\| `[^`]+` \| (MUST|SHOULD|MAY) \|/.test(l)).length;
    if (md.includes('### Failures')) {
      const hidden = Number(/_(\d+) more not shown/.exec(md)?.[1]);
      expect(shown + hidden).toBe(result.summary.failed);
    }
  });
}

function check(
  overrides: Partial<CheckResult> & Pick<CheckResult, 'id' | 'status' | 'message'>,
): CheckResult {
  return {
    title: overrides.id,
    category: 'filter',
    level: 'MUST',
    rfc: 'RFC 7644 §3.4.2.2',
    profiles: ['rfc7644', 'entra'],
    evidence: [],
    ...overrides,
  };
}

function resultOf(checks: CheckResult[]) {
  return buildConformanceResult({
    ...TEST_RUN,
    profiles: ['rfc7644', 'entra'],
    checks,
  });
}

test('unsupported checks have their own count, verdict words and list: id, the profiles each fails, the reason', () => {
  const md = renderMarkdown(
    resultOf([
      check({
        id: 'filter.co.declined',
        status: 'unsupported',
        message: 'The target declines the co operator: it answered 400 invalidFilter',
        neededBy: ['entra'],
      }),
      check({ id: 'filter.sw.declined', status: 'unsupported', message: 'declined sw', neededBy: [] }),
    ]),
  );
  expect(md).toContain('| `rfc7644` | ✅ pass |');
  expect(md).toContain('| `entra` | ❌ fail (1 needed feature unsupported) |');
  expect(md).toContain('2 unsupported');
  expect(md).toContain('### Unsupported (2)');
  expect(md).toContain(
    '| `filter.co.declined` | MUST | `entra` | `The target declines the co operator: it answered 400 invalidFilter` |',
  );
  expect(md).toContain('| `filter.sw.declined` | MUST | none | `declined sw` |');
  expect(md).not.toContain('### Failures');
});

test('a message a cell cuts follows in full in a code block, with the decisive exchange; the target cannot close the fence', () => {
  const full = 'the PATCH succeeds (200 or 204)\n\nExpected: 200\nReceived: 400\n```\n# not a heading';
  const md = renderMarkdown(
    resultOf([
      check({
        id: 'patch.op.fails',
        status: 'failed',
        message: full,
        evidence: [
          {
            request: { method: 'PATCH', url: 'http://127.0.0.1:1/scim/Users/1', headers: {} },
            response: { status: 400, headers: {} },
            phase: 'check',
            decisive: true,
          },
        ],
      }),
      check({ id: 'patch.op.short', status: 'failed', message: 'one short line' }),
    ]),
  );
  expect(md).toContain(
    "| `patch.op.fails` | MUST | `RFC 7644 §3.4.2.2` | `the PATCH succeeds (200 or 204) · Expected: 200 · Received: 400 · ''' · # not a heading` |",
  );
  expect(md).toContain(
    `**\`patch.op.fails\`**\n\nDecisive exchange: \`PATCH http://127.0.0.1:1/scim/Users/1 -> 400\`\n\n\`\`\`\`text\n${full}\n\`\`\`\`\n`,
  );
  // A one-line message the cell holds whole is not repeated.
  expect(md).not.toContain('**`patch.op.short`**');
});

test('an interrupted run opens with a caution above the verdicts, each verdict naming the interruption', () => {
  const { result } = sampleConformanceResult();
  const md = renderMarkdown({ ...result, interrupted: true });
  const caution = md.indexOf(`> [!CAUTION]\n> **${INTERRUPTED_NOTICE}**`);
  expect(caution).toBeGreaterThan(0);
  expect(caution).toBeLessThan(md.indexOf('| profile | verdict |'));
  for (const profile of result.profiles) expect(md).toContain(`| \`${profile}\` | ❌ fail (run interrupted`);
  expect(renderMarkdown(result)).not.toContain('INTERRUPTED');
});
