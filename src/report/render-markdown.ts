import { describeVerdict } from './build-conformance-result.js';
import { formatScore, scoreCategories } from './category-score.js';
import type { CheckResult, ConformanceResult, Verdict } from './conformance-result.js';
import { levelRank } from './conformance-result.js';
import { redact } from './redaction.js';
import type { RenderOptions } from './render-json.js';

/** GitHub's limit on a comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface MarkdownOptions extends RenderOptions {
  /** Longest output, in characters; defaults to {@link GITHUB_COMMENT_LIMIT}. */
  maxLength?: number;
  /** Longest message shown in a table cell before it is cut with `…`; defaults to 160. */
  maxMessageLength?: number;
}

const VERDICT_ICON: Record<Verdict, string> = {
  pass: '✅',
  fail: '❌',
};

/**
 * Text from the target, made inert for a table cell: one line, cut to length, inside a code span so GitHub
 * neither renders HTML nor autolinks a URL in it. Backticks become `'` (they would close the span) and pipes are
 * escaped (GFM splits cells on them even inside code).
 */
function cell(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const cut = line.length > max ? `${line.slice(0, max - 1)}…` : line;
  if (cut === '') return '';
  return `\`${cut.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

function byLevelThenId(a: CheckResult, b: CheckResult): number {
  return levelRank(b.level) - levelRank(a.level) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Rows of a table, as many as fit in `budget` characters; the note about the rest is the caller's, so the
 * budget must leave room for it.
 */
function fitRows(rows: readonly string[], budget: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const row of rows) {
    if (used + row.length + 1 > budget) break;
    kept.push(row);
    used += row.length + 1;
  }
  return kept;
}

function table(
  title: string,
  intro: string,
  checks: readonly CheckResult[],
  budget: number,
  max: number,
): string {
  if (checks.length === 0) return '';
  const head = `### ${title} (${checks.length})\n\n${intro}\n\n| check | level | section | message |\n| --- | --- | --- | --- |\n`;
  const rows = checks.map(
    (check) =>
      `| ${cell(check.id, 120)} | ${check.level} | ${cell(check.rfc, 40)} | ${cell(check.message, max)} |`,
  );
  const reserve = 200;
  const kept = fitRows(rows, Math.max(0, budget - head.length - reserve));
  const hidden = rows.length - kept.length;
  const note =
    hidden > 0
      ? `\n_${hidden} more not shown here to fit a comment; report.html and conformance.json list all._\n`
      : '';
  return `${head}${kept.join('\n')}\n${note}`;
}

/**
 * `summary.md`: a PR comment. Verdict per profile, counts, scores per category, then the failures (the target
 * broke a requirement) and, apart, the checks the harness could not evaluate. No links, no HTML from the target;
 * never longer than `maxLength` (the failure list is cut with a note when it would be).
 */
export function renderMarkdown(result: ConformanceResult, options: MarkdownOptions = {}): string {
  const clean = redact(result, options);
  const maxLength = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const maxMessage = options.maxMessageLength ?? 160;
  const { summary } = clean;
  const verdictRows = clean.profiles.map((profile) => {
    const verdict = summary.verdicts[profile] ?? 'fail';
    return `| ${cell(profile, 60)} | ${VERDICT_ICON[verdict]} ${describeVerdict(clean, profile)} |`;
  });
  const scoreRows = scoreCategories(clean.checks).map(
    (score) =>
      `| ${cell(score.category, 60)} | ${formatScore(score)} | ${score.failed} | ${score.errored} | ${score.skipped} |`,
  );
  const header = [
    '## SCIM conformance',
    '',
    `Target ${cell(clean.target.url, 200)}, run ${cell(clean.runId, 80)}, fail on ${clean.failOn ?? 'must'}.`,
    '',
    '| profile | verdict |',
    '| --- | --- |',
    ...verdictRows,
    '',
    `**${summary.total}** checks: ${summary.passed} passed, ${summary.failed} failed, ` +
      `${summary.errored} could not be evaluated, ${summary.skipped} skipped.`,
    '',
    '| category | score | failed | errored | skipped |',
    '| --- | --- | --- | --- | --- |',
    ...scoreRows,
    '',
    '',
  ].join('\n');
  const failed = clean.checks.filter((check) => check.status === 'failed').sort(byLevelThenId);
  const errored = clean.checks.filter((check) => check.status === 'error').sort(byLevelThenId);
  // Errors get at most a quarter of what is left: failures are what the comment is for.
  const left = maxLength - header.length;
  const errorTable = table(
    'Could not evaluate',
    'The harness could not run these checks; they say nothing about the target.',
    errored,
    Math.floor(left / 4),
    maxMessage,
  );
  const failureTable = table(
    'Failures',
    'The target broke these requirements.',
    failed,
    left - errorTable.length - 2,
    maxMessage,
  );
  const out = `${header}${failureTable}${failureTable && errorTable ? '\n' : ''}${errorTable}`;
  // The header alone can only overflow with an absurd limit; cut hard rather than break the promise.
  return out.length > maxLength ? `${out.slice(0, maxLength - 2)}…\n` : out;
}
