/** Conformance results: the contract, how they are built, compared and merged, and the reports rendered from them. */
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
  CHECK_STATUSES,
  type CheckResult,
  type CheckStatus,
  CONFORMANCE_SCHEMA_VERSION,
  type ConformanceResult,
  type ConformanceSummary,
  countsTowardsVerdict,
  EVIDENCE_PHASES,
  type EvidenceExchange,
  type EvidencePhase,
  FAIL_ON_LEVELS,
  type FailOn,
  type HeaderMap,
  type Leftover,
  levelRank,
  REQUIREMENT_LEVELS,
  type RecordedRequest,
  type RecordedResponse,
  type ReportNote,
  type RequirementLevel,
  type ShardInfo,
  VERDICTS,
  type Verdict,
} from './conformance-result.js';
export {
  CONFORMANCE_SCHEMA,
  CONFORMANCE_SCHEMA_V1,
  conformanceSchemaJson,
  isConformanceResult,
  parseConformanceResult,
} from './conformance-schema.js';
export {
  INTERRUPTED_NOTICE,
  isInterrupted,
  markInterrupted,
  REPLAY_INTERRUPTED_NOTICE,
} from './interrupted-run.js';
export {
  LATENCY_HISTOGRAM_FORMAT,
  LatencyHistogram,
  PRECISION as LATENCY_HISTOGRAM_PRECISION,
  type ReplayLatencyHistogram,
} from './latency-histogram.js';
export { mergeReplayResults } from './merge-replay-results.js';
export { mergeResults } from './merge-results.js';
export { type HtmlOptions, renderHtml } from './render-html.js';
export { type RenderOptions, renderJson } from './render-json.js';
export { renderJunit } from './render-junit.js';
export { GITHUB_COMMENT_LIMIT, type MarkdownOptions, renderMarkdown } from './render-markdown.js';
export { formatTable, renderTerminalSummary, type TerminalOptions } from './render-terminal.js';
export {
  describeKeyOwnerRestore,
  KEY_OWNER_RESTORE_SCHEMA,
  REPLAY_OWNER_RESTORES,
  type ReplayKeyOwnerRestore,
  type ReplayOwnerRestoreKind,
} from './replay-key-owner.js';
export {
  describeLeaverCells,
  formatSeconds,
  IPSIE_LEAVER_RULE,
  IPSIE_REACTIVATION_RULE,
  IPSIE_REVOKE_BUDGET_SECONDS,
  LEAVER_SHAPE_OUTCOMES,
  LEAVER_SHAPE_SCHEMA,
  LEAVER_SHAPES,
  type LeaverCells,
  type LeaverShapeName,
  type LeaverShapeOutcome,
  type ReplayLeaverShape,
} from './replay-leaver.js';
export {
  parseReplayResult,
  REPLAY_CYCLE_KINDS,
  REPLAY_QUARANTINE_EVENTS,
  REPLAY_SCHEMA,
  REPLAY_SCHEMA_VERSION,
  REPLAY_SUSTAIN_CHECKS,
  REPLAY_TARGET_ERROR_CHARS,
  REPLAY_TOKEN_OWNER_KINDS,
  REPLAY_TOKEN_SEVERITIES,
  type ReplayCycle,
  type ReplayCycleKind,
  type ReplayDivergence,
  type ReplayLatency,
  type ReplayQuarantineEvent,
  type ReplayQuarantineEventKind,
  type ReplayResult,
  type ReplayScenario,
  type ReplaySustain,
  type ReplaySustainCheck,
  type ReplaySustainCheckName,
  type ReplaySustainTotals,
  type ReplaySustainVerdict,
  type ReplaySustainWindow,
  type ReplayTargetError,
  type ReplayTokenOwner,
  type ReplayTotals,
  replayErrorsByCode,
  replayIdpName,
  replayTotals,
} from './replay-result.js';
export { REPORT_FILES, type WriteReportsOptions, writeReports } from './write-reports.js';
