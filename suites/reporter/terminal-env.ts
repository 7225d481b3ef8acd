/**
 * How the run command tells the suites about the terminal they report to. Playwright's output reaches the user
 * through the run command (suites-process.ts pipes it to the command's stderr), so the child never sees a TTY of its
 * own: the command says what its stderr is. Unset (a developer running `npx playwright test -c suites`), the suites
 * keep Playwright's `list` reporter.
 * @see ./terminal-reporter.ts
 */
export const TERMINAL_ENV = {
  /**
   * `tty` when the run command's stderr is a terminal (one progress line rewritten in place), `plain` otherwise (a
   * pipe, a file, a CI log: plain lines). Set: the terminal reporter replaces `list`.
   */
  terminal: 'SCIM_HARNESS_TERMINAL',
  /** The terminal's width in columns, so the progress line never wraps (which would break rewriting it). */
  columns: 'SCIM_HARNESS_COLUMNS',
  /** `1` for `run --verbose`: a line per check (id, status, duration) instead of the progress line. */
  verbose: 'SCIM_HARNESS_VERBOSE',
} as const;
