import { type CheckResult, type ConformanceResult, levelRank, type Verdict } from '../run-contract/index.js';
import { redact } from '../secrets/redaction.js';
import { describeVerdict } from './build-conformance-result.js';
import { formatScore, scoreCategories } from './category-score.js';
import { decisiveExchange, exchangeLine } from './evidence-line.js';
import {
  type CompatibilityOutcome,
  clientCompatibility,
  describeCompatibility,
} from './idp-compatibility.js';
import { INTERRUPTED_NOTICE } from './interrupted-run.js';
import { messageExcerpt } from './message-excerpt.js';
import type { RenderOptions } from './render-json.js';
import { describeUnevaluatedCauses } from './unevaluated-causes.js';

/** GitHub's limit on a comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface MarkdownOptions extends RenderOptions {
  /** Longest output, in characters; defaults to {@link GITHUB_COMMENT_LIMIT}. */
  maxLength?: number;
  /**
   * Longest message shown in a table cell before it is cut with `…`; defaults to 160. A message that does not fit
   * its cell whole (too long, or several lines) is also given in full in a collapsed "Full messages" block.
   */
  maxMessageLength?: number;
}

/** Longest message given in full (conformance.json caps messages at about this size too). */
const MAX_FULL_MESSAGE = 4000;

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
  const line = messageExcerpt(text).replace(/\s+/g, ' ').trim();
  const cut = line.length > max ? `${line.slice(0, max - 1)}…` : line;
  if (cut === '') return '';
  return `\`${cut.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

/** Whether a message loses something in a one-line cell of `max` characters. */
function cutInCell(text: string, max: number): boolean {
  return /\n/.test(text.trim()) || text.trim().length > max;
}

/**
 * Text from the target as a fenced code block: shown verbatim, never rendered. The fence is longer than any run of
 * backticks in the text, so the text cannot close it.
 */
function codeBlock(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = text.length > MAX_FULL_MESSAGE ? `${text.slice(0, MAX_FULL_MESSAGE - 1)}…` : text;
  return `${fence}text\n${body}\n${fence}`;
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

/** One full message under its check id, with the exchange that decided the outcome when one is marked. */
function fullMessage(check: CheckResult): string {
  const decisive = decisiveExchange(check);
  const decided = decisive
    ? `\n\nDecisive exchange: ${cell(exchangeLine({ ...decisive, note: '' }), 300)}`
    : '';
  return `**${cell(check.id, 120)}**${decided}\n\n${codeBlock(check.message)}\n`;
}

/**
 * The collapsed block of the full messages that a table cell cut, as many as fit in `budget` (none when none fit).
 * `<details>` and `<summary>` are this renderer's own; the target's text is only ever inside the code blocks.
 */
function fullMessages(checks: readonly CheckResult[], max: number, budget: number): string {
  const open = '\n<details><summary>Full messages</summary>\n\n';
  const close = '</details>\n';
  const blocks = fitRows(
    checks.filter((check) => cutInCell(check.message, max)).map(fullMessage),
    budget - open.length - close.length,
  );
  return blocks.length > 0 ? `${open}${blocks.join('\n')}${close}` : '';
}

interface TableShape {
  title: string;
  intro: string;
  /** Column headers after `check | level`. */
  columns: readonly string[];
  /** The cells of a check under {@link columns}, the message last; `profiles` are the run's. */
  cells: (check: CheckResult, max: number, profiles: readonly string[]) => string[];
}

function table(
  shape: TableShape,
  checks: readonly CheckResult[],
  budget: number,
  max: number,
  profiles: readonly string[],
): string {
  if (checks.length === 0) return '';
  const columns = ['check', 'level', ...shape.columns];
  const head = `### ${shape.title} (${checks.length})\n\n${shape.intro}\n\n| ${columns.join(' | ')} |\n|${' --- |'.repeat(columns.length)}\n`;
  const rows = checks.map(
    (check) => `| ${[cell(check.id, 120), check.level, ...shape.cells(check, max, profiles)].join(' | ')} |`,
  );
  const reserve = 200;
  const kept = fitRows(rows, Math.max(0, budget - head.length - reserve));
  const hidden = rows.length - kept.length;
  const note =
    hidden > 0
      ? `\n_${hidden} more not shown here to fit a comment; report.html and conformance.json list all._\n`
      : '';
  const used = head.length + kept.join('\n').length + 1 + note.length;
  // The full messages only of the rows shown, in what the budget leaves (the reserve is kept for the caller's joins).
  const details = fullMessages(checks.slice(0, kept.length), max, budget - used - reserve);
  return `${head}${kept.join('\n')}\n${note}${details}`;
}

const FAILURES: TableShape = {
  title: 'Failures',
  intro: 'The target broke these requirements.',
  columns: ['section', 'message'],
  cells: (check, max) => [cell(check.rfc, 40), cell(check.message, max)],
};

const UNSUPPORTED: TableShape = {
  title: 'Unsupported',
  intro:
    'The target declined these features, as the RFC allows. Each fails only the profiles whose client needs it.',
  columns: ['fails', 'reason'],
  cells: (check, max, profiles) => {
    // Only the profiles of this run: a declined feature fails those among them whose client needs it.
    const fails = (check.neededBy ?? []).filter((profile) => profiles.includes(profile));
    return [fails.length > 0 ? cell(fails.join(', '), 60) : 'none', cell(check.message, max)];
  },
};

const UNEVALUATED: TableShape = {
  title: 'Could not evaluate',
  intro: 'The harness could not run these checks; they say nothing about the target.',
  columns: ['section', 'message'],
  cells: (check, max) => [cell(check.rfc, 40), cell(check.message, max)],
};

/**
 * `summary.md`: a PR comment. First, when the run was interrupted, a caution saying so. Verdict per profile, counts,
 * scores per category, then the failures (the target
 * broke a requirement), the features the target declined (`unsupported`, with the profiles each fails) and, apart,
 * the checks the harness could not evaluate. Each table cell holds a one-line excerpt; a message it cuts follows in
 * full, in a fenced code block inside a collapsed `<details>`, with the decisive exchange when one is marked. No
 * links, no HTML from the target; never longer than `maxLength` (the lists are cut with a note when they would be).
 */
const COMPATIBILITY_ICON: Record<CompatibilityOutcome, string> = {
  works: '✅',
  breaks: '❌',
  unknown: '❔',
  'not-tested': '➖',
};

/** "Will it work with…": a row per client variant, naming the checks of the requests it breaks on. */
function compatibilityLines(result: ConformanceResult): string[] {
  const rows = clientCompatibility(result);
  return [
    '### Will it work with Microsoft Entra ID / Okta?',
    '',
    '| client | answer | requests refused or mishandled |',
    '| --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${COMPATIBILITY_ICON[row.outcome]} ${describeCompatibility(row)} | ${row.broken
          .slice(0, 8)
          .map((check) => `\`${check.id}\``)
          .join(', ')}${row.broken.length > 8 ? `, and ${row.broken.length - 8} more` : ''} |`,
    ),
    '',
  ];
}

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
      `| ${cell(score.category, 60)} | ${formatScore(score)} | ${score.failed} | ${score.unsupported} | ${score.errored} | ${score.skipped} |`,
  );
  const header = [
    '## SCIM conformance',
    '',
    // A GitHub alert, above the verdicts: a partial report must not be read as a whole one.
    ...(clean.interrupted === true ? ['> [!CAUTION]', `> **${INTERRUPTED_NOTICE}**`, ''] : []),
    // A safety failure, whatever the verdicts: the run left something tagged with its id on the target.
    ...((clean.leftovers ?? []).length > 0
      ? [
          '> [!WARNING]',
          `> **Safety: ${clean.leftovers?.length} resource(s) carrying the run id were on the target after the checks' cleanup:** ${(
            clean.leftovers ?? []
          )
            .slice(0, 20)
            .map((l) => `${cell(`${l.endpoint}/${l.id}`, 120)} (${cell(l.name, 120)})`)
            .join(', ')}`,
          '',
        ]
      : []),
    ...((clean.sweepIncomplete ?? []).length > 0
      ? [
          '> [!WARNING]',
          `> **Safety: the sweep after the run could not search the whole target, so resources carrying the run id may remain:** ${(
            clean.sweepIncomplete ?? []
          )
            .map((line) => cell(line, 200))
            .join('; ')}`,
          '',
        ]
      : []),
    ...((clean.notes ?? []).length > 0
      ? [
          '> [!NOTE]',
          '> **Left ungraded where the documents contradict each other:**',
          ...(clean.notes ?? []).map((note) => `> - ${cell(note.profile, 40)}: ${cell(note.text, 600)}`),
          '',
        ]
      : []),
    `Target ${cell(clean.target.url, 200)}, run ${cell(clean.runId, 80)}${
      clean.seed === undefined ? '' : `, seed ${clean.seed} (\`--seed ${clean.seed}\` replays its data)`
    }, fail on ${clean.failOn ?? 'must'}.`,
    '',
    '| profile | verdict |',
    '| --- | --- |',
    ...verdictRows,
    '',
    `**${summary.total}** checks: ${summary.passed} passed, ${summary.failed} failed, ` +
      `${summary.unsupported} unsupported, ${summary.errored} could not be evaluated, ${summary.skipped} skipped.`,
    '',
    ...compatibilityLines(clean),
    '| category | score | failed | unsupported | errored | skipped |',
    '| --- | --- | --- | --- | --- | --- |',
    ...scoreRows,
    '',
    '',
  ].join('\n');
  const failed = clean.checks.filter((check) => check.status === 'failed').sort(byLevelThenId);
  const unsupported = clean.checks.filter((check) => check.status === 'unsupported').sort(byLevelThenId);
  const errored = clean.checks.filter((check) => check.status === 'error').sort(byLevelThenId);
  // Errors and declined features get at most a quarter of what is left each: failures are what the comment is for.
  const left = maxLength - header.length;
  const causes = describeUnevaluatedCauses(errored);
  const errorShape =
    causes === '' ? UNEVALUATED : { ...UNEVALUATED, intro: `${UNEVALUATED.intro} By cause: ${causes}.` };
  const errorTable = table(errorShape, errored, Math.floor(left / 4), maxMessage, clean.profiles);
  const unsupportedTable = table(UNSUPPORTED, unsupported, Math.floor(left / 4), maxMessage, clean.profiles);
  const failureTable = table(
    FAILURES,
    failed,
    left - errorTable.length - unsupportedTable.length - 4,
    maxMessage,
    clean.profiles,
  );
  const out = [failureTable, unsupportedTable, errorTable]
    .filter((part) => part !== '')
    .reduce((text, part, i) => `${text}${i > 0 ? '\n' : ''}${part}`, header);
  // The header alone can only overflow with an absurd limit; cut hard rather than break the promise.
  return out.length > maxLength ? `${out.slice(0, maxLength - 2)}…\n` : out;
}
