import { expect, test } from '@playwright/test';
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from './render-markdown.js';
import { sampleConformanceResult } from './test-support/sample-results.js';

test('summary.md gives each verdict, the counts and one row per failure when it fits', () => {
  const { result, token, secret } = sampleConformanceResult();
  const md = renderMarkdown(result, { secrets: [secret] });
  for (const profile of result.profiles) {
    expect(md).toMatch(
      new RegExp(
        `\\| \`${profile}\` \\| \\S+ ${result.summary.verdicts[profile]}( \\(\\d+ could not be evaluated\\))? \\|`,
      ),
    );
  }
  expect(md).toContain(
    `**${result.summary.total}** checks: ${result.summary.passed} passed, ${result.summary.failed} failed`,
  );
  const failed = result.checks.filter((c) => c.status === 'failed');
  for (const check of failed) expect(md).toContain(`| \`${check.id}\` | ${check.level} |`);
  expect(md).toContain(`### Failures (${failed.length})`);
  expect(md).toContain(`### Could not evaluate (${result.summary.errored})`);
  expect(md).not.toContain('more not shown');
  expect(md).not.toContain(token);
  expect(md).not.toContain(secret);
});

test('text from the target is inert: no raw HTML outside code spans, no links', () => {
  const { result } = sampleConformanceResult();
  const md = renderMarkdown(result);
  const outsideCode = md.replace(/`[^`\n]*`/g, '');
  expect(outsideCode).not.toMatch(/<[a-z/]/i);
  expect(outsideCode).not.toMatch(/https?:\/\//);
  expect(md).not.toMatch(/\]\(/);
  const rows = md.split('\n').filter((l) => /^\| `[^`]+` \| (MUST|SHOULD|MAY) \|/.test(l));
  expect(rows.length).toBe(result.summary.failed + result.summary.errored);
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
