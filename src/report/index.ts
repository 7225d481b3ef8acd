/**
 * Reports: how a run's result (its types are the run contract's, src/run-contract) is built, compared and merged, and
 * the reports rendered from it.
 */
export {
  buildConformanceResult,
  type ConformanceRunInput,
  describeVerdict,
  type ProfileOutcome,
  profileOutcome,
  profileVerdict,
  summarizeChecks,
  unsupportedFails,
  verdictCauses,
} from './build-conformance-result.js';
export { type CategoryScore, formatScore, scoreCategories } from './category-score.js';
export { type BaselineComparison, compareWithBaseline } from './compare-baseline.js';
export {
  INTERRUPTED_NOTICE,
  isInterrupted,
  markInterrupted,
  REPLAY_INTERRUPTED_NOTICE,
} from './interrupted-run.js';
export { mergeReplayResults } from './merge-replay-results.js';
export { mergeResults } from './merge-results.js';
export { type HtmlOptions, renderHtml } from './render-html.js';
export { type RenderOptions, renderJson } from './render-json.js';
export { renderJunit } from './render-junit.js';
export { GITHUB_COMMENT_LIMIT, type MarkdownOptions, renderMarkdown } from './render-markdown.js';
export { formatTable, renderTerminalSummary, type TerminalOptions } from './render-terminal.js';
export { REPORT_FILES, type WriteReportsOptions, writeReports } from './write-reports.js';
