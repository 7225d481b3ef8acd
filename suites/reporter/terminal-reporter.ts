/**
 * The terminal reporter: what `scim-harness run` shows while the suites run, in place of Playwright's `list`
 * reporter (which a developer running `npx playwright test -c suites` keeps; see playwright.config.ts). It speaks in
 * checks, never in Playwright tests: a check runs once for all its selected profiles (twice when it declares a
 * per-profile variant, support/check.ts), and is done when all its runs are done. It never shows a test's location (every check is declared in support/check.ts).
 *
 * - On a terminal (`SCIM_HARNESS_TERMINAL=tty`): one progress line, rewritten in place: checks done of the total,
 *   how many failed and how many could not be evaluated so far, and the category of the check that started last.
 * - Otherwise (`plain`: a pipe, a file, a CI log): plain lines a log reads well, never a carriage return: one when
 *   a category's last check is done, and one each time another tenth of the checks is done.
 * - `--verbose` (`SCIM_HARNESS_VERBOSE=1`): a line per check as it is done (id, status, duration) instead.
 *
 * At the end, before the run command prints its summary tables (after this process exits): one line saying how many
 * checks were done, the failed checks (level, id, the profiles where it failed, the first line of the reason), and
 * how many checks could not be evaluated (only the count: the summary says why, once).
 *
 * Statuses and messages are those of the conformance report (check-outcome.ts, merge-check-runs.ts). Everything is
 * written to stderr: the run command keeps its stdout for the summary (suites-process.ts sends both of this
 * process's streams to the command's stderr; one stream keeps this reporter's lines in order with the conformance
 * reporter's notes). Every line is redacted with the run's token, and what a target wrote is made inert (no escape
 * sequences). Colour only on a terminal, never with NO_COLOR (as render-terminal.ts decides).
 * @see https://playwright.dev/docs/api/class-reporter
 */
import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestError,
  TestResult,
} from '@playwright/test/reporter';
import { messageExcerpt } from '../../src/report/message-excerpt.js';
import { inert } from '../../src/report/render-terminal.js';
import {
  type Category,
  type CheckResult,
  type CheckStatus,
  levelRank,
  RUN_ENV,
  selectedProfilesFrom,
  terminalFrom,
} from '../../src/run-contract/index.js';
import { redact } from '../../src/secrets/redaction.js';
import type { CheckDefinition } from '../support/check-definition.js';
import { checkDefinitionOf, checkResultOf, firstLine } from './check-outcome.js';
import { explainFailure } from './failure-message.js';
import { runProfilesOf, statusSeverity } from './merge-check-runs.js';

/** Options Playwright passes from the configuration; tests pass the environment and a collector. */
export interface TerminalReporterOptions {
  /** Read for the terminal, verbosity and the token; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Where output goes; default this process's stderr. */
  write?: (text: string) => void;
}

/** One check of the run: its definition, its runs so far and how many are still to come. */
interface CheckState {
  definition: CheckDefinition;
  pending: number;
  runs: { profile: string; result: CheckResult }[];
  /** The worst status of its runs, once they are all done. */
  status?: CheckStatus;
}

const COLOURS = {
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  green: '\u001b[32m',
  dim: '\u001b[2m',
  bold: '\u001b[1m',
};
const RESET = '\u001b[0m';
/** Erases the terminal's current line and returns to its start. */
const CLEAR_LINE = '\r\u001b[2K';

/** What a verbose line says of each status. */
const STATUS_WORDS: Record<CheckStatus, { mark: string; word: string; colour?: keyof typeof COLOURS }> = {
  passed: { mark: '✓', word: 'passed', colour: 'green' },
  failed: { mark: '✗', word: 'failed', colour: 'red' },
  error: { mark: '!', word: 'could not be evaluated', colour: 'yellow' },
  unsupported: { mark: '~', word: 'unsupported' },
  skipped: { mark: '-', word: 'skipped', colour: 'dim' },
};

/**
 * A source location (`suites/support/check.ts:25:3`, `/home/x/file.js:3:14`): never shown, as a check's location is
 * the same helper for every check and says nothing to whoever runs them.
 */
const LOCATION = /(?:[ \t]+at)?[ \t]*\(?(?:[A-Za-z]:)?[\w.@~/\\+-]*\.[cm]?[jt]sx?:\d+(?::\d+)?\)?/g;

/** The longest reason a failed check's line carries, in characters. */
const MAX_REASON = 160;

function withoutLocations(text: string): string {
  return text.replace(LOCATION, '');
}

/** `text` cut to `max` characters (code points), the last one an ellipsis. */
function fit(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, Math.max(0, max - 1)).join('')}…` : text;
}

/** `523 ms`, `1.2 s`, `2m 05s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export default class TerminalReporter implements Reporter {
  readonly #write: (text: string) => void;
  readonly #tty: boolean;
  readonly #verbose: boolean;
  readonly #color: boolean;
  readonly #columns: number;
  readonly #env: NodeJS.ProcessEnv;
  /** Every check of the run, by id, in the order Playwright listed them. */
  readonly #checks = new Map<string, CheckState>();
  /** The check id of each Playwright test that is one. */
  readonly #checkOfTest = new Map<string, string>();
  /** The selected profiles each test runs for, as its outcome is labelled ("rfc7644, entra"). */
  readonly #profilesOfTest = new Map<string, string>();
  readonly #ended = new Set<string>();
  readonly #categories = new Map<Category, { total: number; done: number }>();
  #done = 0;
  #failed = 0;
  #errored = 0;
  #current: Category | undefined;
  #lastMilestone = 0;
  /** Whether the progress line is on screen (and must be cleared before anything else is written). */
  #lineShown = false;

  constructor(options: TerminalReporterOptions = {}) {
    const env = options.env ?? process.env;
    this.#write = options.write ?? ((text) => process.stderr.write(text));
    const terminal = terminalFrom(env);
    this.#tty = terminal.terminal === 'tty';
    this.#verbose = terminal.verbose;
    this.#color = this.#tty && env.NO_COLOR === undefined;
    // Narrower than 20 columns, the progress line could not say anything: write it for a common width instead.
    this.#columns = terminal.columns !== undefined && terminal.columns >= 20 ? terminal.columns : 80;
    this.#env = env;
  }

  /**
   * The run's token, read when needed: with the embedded server, the global setup sets it after this reporter is
   * made (a tenant's comes from the run command).
   */
  get #secrets(): string[] {
    const token = this.#env[RUN_ENV.token];
    return token ? [token] : [];
  }

  /** It does: Playwright then adds no reporter of its own for the terminal (it would when none printed). */
  printsToStdio(): boolean {
    return true;
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    const selected = selectedProfilesFrom(this.#env);
    const profiles = new Set<string>();
    for (const test of suite.allTests()) {
      const definition = checkDefinitionOf(test);
      const ranFor = runProfilesOf(test, selected);
      if (!definition || ranFor.length === 0) continue;
      for (const profile of ranFor) profiles.add(profile);
      this.#checkOfTest.set(test.id, definition.id);
      this.#profilesOfTest.set(test.id, ranFor.join(', '));
      const known = this.#checks.get(definition.id);
      if (known) {
        known.pending += 1;
        continue;
      }
      this.#checks.set(definition.id, { definition, pending: 1, runs: [] });
      const category = this.#categories.get(definition.category) ?? { total: 0, done: 0 };
      category.total += 1;
      this.#categories.set(definition.category, category);
    }
    const ran = selected.filter((profile) => profiles.has(profile));
    const over = ran.length > 0 ? ` (profiles ${ran.join(', ')})` : '';
    if (this.#tty && !this.#verbose) this.#draw();
    else this.#say(`Running ${plural(this.#checks.size, 'check')}${over}`);
  }

  onTestBegin(test: TestCase): void {
    const id = this.#checkOfTest.get(test.id);
    const state = id === undefined ? undefined : this.#checks.get(id);
    if (!state) return;
    this.#current = state.definition.category;
    if (this.#tty && !this.#verbose) this.#draw();
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    // A failed attempt that Playwright retries is not the test's outcome yet.
    if (result.status !== 'passed' && result.status !== 'skipped' && result.retry < test.retries) return;
    const id = this.#checkOfTest.get(test.id);
    const state = id === undefined ? undefined : this.#checks.get(id);
    if (!state) {
      // Not a check (a setup): only its failure is worth a line; the conformance report says what it stopped.
      if (result.status !== 'passed' && result.status !== 'skipped')
        this.#say(`scim-harness: ${test.title}: ${firstLine(result.error?.message) || result.status}`);
      return;
    }
    if (this.#ended.has(test.id)) return;
    this.#ended.add(test.id);
    const outcome = checkResultOf(test, result, { secrets: this.#secrets });
    if (outcome) state.runs.push({ profile: this.#profilesOfTest.get(test.id) ?? '', result: outcome });
    state.pending -= 1;
    if (state.pending === 0) this.#checkDone(state);
  }

  onStdOut(chunk: string | Buffer, test?: TestCase): void {
    this.#output(chunk, test);
  }

  onStdErr(chunk: string | Buffer, test?: TestCase): void {
    this.#output(chunk, test);
  }

  onError(error: TestError): void {
    const said = firstLine(explainFailure(error.message ?? error.value));
    this.#say(`scim-harness: ${said || 'the suites reported an error'}`);
  }

  onEnd(result: FullResult): void {
    this.#clearLine();
    const total = this.#checks.size;
    const counts = `${this.#failed} failed, ${this.#errored} could not be evaluated`;
    const head =
      result.status === 'interrupted'
        ? `Interrupted: ${this.#done} of ${plural(total, 'check')} done in ${formatDuration(result.duration)}; ${counts}.`
        : this.#done === total
          ? `${plural(total, 'check')} done in ${formatDuration(result.duration)}: ${counts}.`
          : `${this.#done} of ${plural(total, 'check')} done in ${formatDuration(result.duration)}: ${counts}.`;
    const lines = [head];
    const failed = [...this.#checks.values()]
      .filter((state) => state.status === 'failed')
      .sort(
        (a, b) =>
          levelRank(b.definition.level) - levelRank(a.definition.level) ||
          a.definition.id.localeCompare(b.definition.id),
      );
    if (failed.length > 0) {
      lines.push('', this.#paint(`Failed checks (${failed.length}):`, 'bold'));
      const width = Math.max(...failed.map((state) => state.definition.level.length));
      for (const state of failed) lines.push(`  ${this.#failedLine(state, width)}`);
    }
    if (this.#errored > 0) {
      lines.push(
        '',
        `${plural(this.#errored, 'check')} could not be evaluated (not a verdict on the target); the summary below says why.`,
      );
    }
    this.#say(lines.join('\n'));
  }

  /** One failed check: level, id, the profiles where it failed, and why, in one line. */
  #failedLine(state: CheckState, levelWidth: number): string {
    const failedRuns = state.runs.filter((run) => run.result.status === 'failed');
    const profiles = failedRuns.map((run) => run.profile).join(', ');
    // The excerpt (lines joined with ` · `), not the first line alone: that is often only the assertion's label
    // ("status of the group POST"), with what was expected and what came back on the lines after it.
    const reason = fit(
      inert(withoutLocations(messageExcerpt(failedRuns[0]?.result.message ?? ''))),
      MAX_REASON,
    );
    const level = state.definition.level.padEnd(levelWidth);
    return `${this.#paint(level, 'red')}  ${inert(state.definition.id)} [${profiles}]${reason ? `: ${reason}` : ''}`;
  }

  #checkDone(state: CheckState): void {
    const [first, ...rest] = state.runs;
    let worst = first;
    for (const run of rest)
      if (worst && statusSeverity(run.result.status) > statusSeverity(worst.result.status)) worst = run;
    // No outcome at all cannot happen for a check (its definition parsed): count it as not evaluated.
    const status = worst?.result.status ?? 'error';
    state.status = status;
    this.#done += 1;
    if (status === 'failed') this.#failed += 1;
    if (status === 'error') this.#errored += 1;
    const category = this.#categories.get(state.definition.category);
    if (category) category.done += 1;
    if (this.#verbose) {
      this.#say(this.#verboseLine(state, status));
      return;
    }
    if (this.#tty) {
      this.#draw();
      return;
    }
    const total = this.#checks.size;
    const milestone = Math.floor((this.#done * 10) / Math.max(1, total));
    const categoryDone = category !== undefined && category.done === category.total;
    if (categoryDone) {
      this.#say(
        `${state.definition.category}: all ${plural(category.total, 'check')} done; ${this.#done}/${total} checks, ${this.#failed} failed, ${this.#errored} could not be evaluated`,
      );
    } else if (milestone > this.#lastMilestone) {
      this.#say(
        `${this.#done}/${total} checks done, ${this.#failed} failed, ${this.#errored} could not be evaluated`,
      );
    }
    this.#lastMilestone = Math.max(this.#lastMilestone, milestone);
  }

  /** `[ 12/276] ✓ users.create.returns-201 passed (523 ms)`; when its profiles disagree, where each outcome came. */
  #verboseLine(state: CheckState, status: CheckStatus): string {
    const total = this.#checks.size;
    const counter = `[${String(this.#done).padStart(String(total).length)}/${total}]`;
    const { mark, word, colour } = STATUS_WORDS[status];
    const duration = state.runs.reduce((sum, run) => sum + (run.result.durationMs ?? 0), 0);
    const statuses = new Set(state.runs.map((run) => run.result.status));
    const where =
      statuses.size > 1
        ? ` under ${state.runs
            .filter((run) => run.result.status === status)
            .map((run) => run.profile)
            .join(', ')} (${state.runs
            .filter((run) => run.result.status !== status)
            .map((run) => `${STATUS_WORDS[run.result.status].word} under ${run.profile}`)
            .join(', ')})`
        : '';
    const shown = colour ? this.#paint(`${mark} ${word}`, colour) : `${mark} ${word}`;
    return `${this.#paint(counter, 'dim')} ${inert(state.definition.id)} ${shown}${where} (${formatDuration(duration)})`;
  }

  /** The progress line, rewritten in place; never wider than the terminal, which would wrap it and break that. */
  #draw(): void {
    const total = this.#checks.size;
    const parts = [
      `${this.#done}/${total} checks`,
      `${this.#failed} failed`,
      `${this.#errored} could not be evaluated`,
      ...(this.#current ? [this.#current] : []),
    ];
    const plain = fit(parts.join(' · '), this.#columns - 1);
    // Coloured only when nothing was cut, so a cut never splits an escape sequence.
    const line =
      plain === parts.join(' · ')
        ? [
            parts[0],
            this.#failed > 0 ? this.#paint(parts[1] ?? '', 'red') : parts[1],
            this.#errored > 0 ? this.#paint(parts[2] ?? '', 'yellow') : parts[2],
            ...(this.#current ? [this.#paint(this.#current, 'dim')] : []),
          ].join(' · ')
        : plain;
    this.#write(`${CLEAR_LINE}${line}`);
    this.#lineShown = true;
  }

  #clearLine(): void {
    if (!this.#lineShown) return;
    this.#write(CLEAR_LINE);
    this.#lineShown = false;
  }

  /**
   * What a check or the runner printed: the runner's own output always (a warning), a check's only with --verbose
   * (it is in Playwright's HTML report too).
   */
  #output(chunk: string | Buffer, test: TestCase | undefined): void {
    if (test !== undefined && !this.#verbose) return;
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (text.trim() === '') return;
    this.#say(text.replace(/\n$/, ''));
  }

  /** Writes whole lines: the progress line is cleared first and drawn again after, all of it redacted. */
  #say(text: string): void {
    const shown = this.#lineShown;
    this.#clearLine();
    this.#write(`${redact(withoutLocations(text), { secrets: this.#secrets })}\n`);
    if (shown) this.#draw();
  }

  #paint(text: string, colour: keyof typeof COLOURS): string {
    return this.#color ? `${COLOURS[colour]}${text}${RESET}` : text;
  }
}
