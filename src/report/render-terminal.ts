import { type CheckResult, type ConformanceResult, levelRank, type Verdict } from '../run-contract/index.js';
import { redact } from '../secrets/redaction.js';
import { profileOutcome, verdictCauses } from './build-conformance-result.js';
import { formatScore, scoreCategories } from './category-score.js';
import { decisiveExchange, exchangeLine } from './evidence-line.js';
import { type ClientCompatibility, clientCompatibility, describeCompatibility } from './idp-compatibility.js';
import { INTERRUPTED_NOTICE } from './interrupted-run.js';
import { messageExcerpt } from './message-excerpt.js';
import type { RenderOptions } from './render-json.js';
import { describeUnevaluatedCauses } from './unevaluated-causes.js';

export interface TerminalOptions extends RenderOptions {
  /** ANSI colours; the CLI passes `process.stdout.isTTY` (and honours NO_COLOR). Off by default. */
  color?: boolean;
  /** Failures listed before "… and N more"; defaults to 20. */
  maxFailures?: number;
  /** Longest message shown, in characters; defaults to 100. */
  maxMessageLength?: number;
  /**
   * The failed checks were already listed, each with its reason (the run's terminal reporter does it as the suites
   * end): the summary then counts them in one line instead of listing them again.
   */
  failuresListed?: boolean;
}

const ANSI = {
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  bold: '\u001b[1m',
  reset: '\u001b[0m',
};

/**
 * Escape sequences and control characters a target could put in a message to rewrite the user's terminal
 * (move the cursor, set the title, hide lines): removed before anything is printed.
 */
const TERMINAL_CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the purpose
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[\u0000-\u001f\u007f-\u009f]/g;

/** `text` on one line, without the escape sequences and control characters a target could have put in it. */
export function inert(text: string): string {
  return text.replace(TERMINAL_CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Width of a cell as shown: code points, colour codes not counted. */
function shownWidth(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the purpose
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

/** A plain-text table; each column as wide as its widest cell. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(shownWidth(h), ...rows.map((r) => shownWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - shownWidth(c))))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * The summary `scim-harness run` prints: first, when the run was interrupted, that it was. Then verdict per profile,
 * score per category, the failures (MUST first), the
 * features the target declined (`unsupported`, with the profiles each fails) and how many checks could not be
 * evaluated. Messages are one-line excerpts (report.html and conformance.json carry them in full). Plain text;
 * colour only when asked for.
 */
export function renderTerminalSummary(result: ConformanceResult, options: TerminalOptions = {}): string {
  const clean = redact(result, options);
  const paint = (text: string, ...codes: (keyof typeof ANSI)[]) =>
    options.color ? `${codes.map((c) => ANSI[c]).join('')}${text}${ANSI.reset}` : text;
  const verdictText = (verdict: Verdict, causes: string) => {
    switch (verdict) {
      case 'pass':
        return paint('PASS', 'green', 'bold');
      case 'fail':
        return causes !== '' ? `${paint('FAIL', 'red', 'bold')} (${causes})` : paint('FAIL', 'red', 'bold');
      default: {
        const unreachable: never = verdict;
        return String(unreachable);
      }
    }
  };
  const maxMessage = options.maxMessageLength ?? 100;
  const maxFailures = options.maxFailures ?? 20;
  const { summary } = clean;
  const out: string[] = [
    ...(clean.interrupted === true ? [paint(INTERRUPTED_NOTICE, 'red', 'bold'), ''] : []),
    `SCIM conformance of ${inert(clean.target.url)} (run ${inert(clean.runId)}${
      clean.seed === undefined ? '' : `, seed ${clean.seed}`
    }, fail on ${clean.failOn ?? 'must'})`,
    '',
  ];
  const profileRows = clean.profiles.map((p) => {
    const outcome = profileOutcome(clean.checks, p, clean.failOn ?? 'must', clean.interrupted === true);
    const verdict = summary.verdicts[p] ?? outcome.verdict;
    const checks = clean.checks.filter((c) => c.profiles.includes(p));
    const n = (status: CheckResult['status']) => String(checks.filter((c) => c.status === status).length);
    return [
      inert(p),
      verdictText(verdict, verdictCauses(outcome)),
      n('passed'),
      n('failed'),
      n('unsupported'),
      n('error'),
      n('skipped'),
    ];
  });
  out.push(
    formatTable(['profile', 'verdict', 'passed', 'failed', 'unsupported', 'errored', 'skipped'], profileRows),
  );
  out.push('');
  const compatibilityText = (row: ClientCompatibility) => {
    const words = describeCompatibility(row);
    if (row.outcome === 'works') return paint(words, 'green');
    if (row.outcome === 'breaks') {
      const ids = row.broken.slice(0, 3).map((c) => inert(c.id));
      const more = row.broken.length > 3 ? `, +${row.broken.length - 3}` : '';
      return `${paint(words, 'red')} (${ids.join(', ')}${more})`;
    }
    return words;
  };
  out.push(
    formatTable(
      ['will it work with', 'answer'],
      clientCompatibility(clean).map((row) => [row.name, compatibilityText(row)]),
    ),
  );
  out.push('');
  out.push(
    formatTable(
      ['category', 'score', 'failed', 'unsupported', 'errored', 'skipped'],
      scoreCategories(clean.checks).map((s) => [
        inert(s.category),
        formatScore(s),
        String(s.failed),
        String(s.unsupported),
        String(s.errored),
        String(s.skipped),
      ]),
    ),
  );
  out.push('');
  out.push(
    `${summary.total} checks: ${summary.passed} passed, ${summary.failed} failed, ` +
      `${summary.unsupported} unsupported, ${summary.errored} could not be evaluated, ${summary.skipped} skipped.`,
  );
  const excerpt = (message: string) => cut(inert(messageExcerpt(message)), maxMessage);
  const failed = clean.checks
    .filter((c) => c.status === 'failed')
    .sort((a, b) => levelRank(b.level) - levelRank(a.level) || a.id.localeCompare(b.id));
  if (failed.length > 0 && options.failuresListed === true) {
    out.push(
      '',
      paint(
        `Failures: ${failed.length} check(s), listed above with their reasons; report.html has the evidence.`,
        'bold',
      ),
    );
  } else if (failed.length > 0) {
    out.push('', paint('Failures (the target broke these requirements):', 'bold'));
    out.push(
      formatTable(
        ['level', 'check', 'section', 'message'],
        failed.slice(0, maxFailures).map((c) => [c.level, inert(c.id), inert(c.rfc), excerpt(c.message)]),
      ),
    );
    if (failed.length > maxFailures) out.push(`… and ${failed.length - maxFailures} more in report.html`);
  }
  const unsupported = clean.checks
    .filter((c) => c.status === 'unsupported')
    .sort((a, b) => levelRank(b.level) - levelRank(a.level) || a.id.localeCompare(b.id));
  if (unsupported.length > 0) {
    out.push('', paint('Unsupported (the target declined these features):', 'bold'));
    out.push(
      formatTable(
        ['level', 'check', 'fails', 'reason'],
        unsupported.slice(0, maxFailures).map((c) => {
          // Only the profiles of this run: a declined feature fails those among them whose client needs it.
          const fails = (c.neededBy ?? []).filter((p) => clean.profiles.includes(p));
          const decisive = decisiveExchange(c);
          const reason = c.message || (decisive ? exchangeLine(decisive) : '');
          return [c.level, inert(c.id), fails.length > 0 ? inert(fails.join(', ')) : 'none', excerpt(reason)];
        }),
      ),
    );
    if (unsupported.length > maxFailures)
      out.push(`… and ${unsupported.length - maxFailures} more in report.html`);
  }
  const errored = clean.checks.filter((c) => c.status === 'error');
  if (errored.length > 0) {
    out.push(
      '',
      paint(`Could not evaluate ${errored.length} check(s) (harness or connection errors):`, 'bold'),
      `  by cause: ${describeUnevaluatedCauses(errored)}`,
    );
    for (const c of errored.slice(0, maxFailures)) out.push(`  ${inert(c.id)}: ${excerpt(c.message)}`);
    if (errored.length > maxFailures) out.push(`  … and ${errored.length - maxFailures} more in report.html`);
  }
  // A safety failure, whatever the verdicts: the run left something on the target that its checks did not remove.
  const leftovers = clean.leftovers ?? [];
  if (leftovers.length > 0) {
    out.push(
      '',
      paint(
        `Safety: ${leftovers.length} resource(s) carrying the run id were on the target after the checks' cleanup:`,
        'red',
        'bold',
      ),
    );
    for (const l of leftovers) {
      const state = l.deleted ? 'deleted by the sweep' : 'STILL ON THE TARGET';
      out.push(`  ${inert(l.endpoint)}/${inert(l.id)} ${inert(JSON.stringify(l.name))}: ${state}`);
    }
  }
  const notes = clean.notes ?? [];
  if (notes.length > 0) {
    out.push(
      '',
      paint('Notes (left ungraded where the documents contradict each other):', 'bold'),
      ...notes.map((note) => `  ${inert(note.profile)}: ${inert(note.text)}`),
    );
  }
  const incomplete = clean.sweepIncomplete ?? [];
  if (incomplete.length > 0) {
    out.push(
      '',
      paint(
        'Safety: the sweep after the run could not search the whole target, so resources carrying the run id may remain:',
        'red',
        'bold',
      ),
      ...incomplete.map((line) => `  ${inert(line)}`),
    );
  }
  return `${out.join('\n')}\n`;
}
