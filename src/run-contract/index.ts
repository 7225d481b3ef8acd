/**
 * The run contract: what the CLI, the suites, the mock IdP and the reports agree on. The words of a run (levels,
 * profiles, outcomes), the annotations a check's definition and outcome travel under in Playwright's results, the
 * environment that hands a run to the suites, the ledger of what a run created, how what it created is tagged, and the
 * result files (conformance.json, replay.json) with their schemas. It sits below all of
 * them, so none needs to import another to speak of a run.
 */
export {
  CHECK_ANNOTATION,
  EXCHANGES_ATTACHMENT,
  HARNESS_ERROR_ANNOTATION,
  PROFILE_VARIANT_ANNOTATION,
  UNSUPPORTED_ANNOTATION,
  VARIANT_TAG,
} from './check-annotations.js';
export {
  CAPABILITIES,
  CATEGORIES,
  type Capability,
  type Category,
  CHECK_STATUSES,
  type CheckStatus,
  CLIENT_VARIANT_INFO,
  CLIENT_VARIANTS,
  type ClientVariant,
  countsTowardsVerdict,
  DEFAULT_PROFILES,
  FAIL_ON_LEVELS,
  type FailOn,
  levelRank,
  PROFILES,
  type Profile,
  REQUIREMENT_LEVELS,
  type RequirementLevel,
  VERDICTS,
  type Verdict,
} from './check-vocabulary.js';
export {
  type CheckResult,
  CONFORMANCE_SCHEMA_VERSION,
  type ConformanceResult,
  type ConformanceSummary,
  EVIDENCE_PHASES,
  type EvidenceExchange,
  type EvidencePhase,
  type HeaderMap,
  type Leftover,
  type RecordedRequest,
  type RecordedResponse,
  type ReportNote,
  type ShardInfo,
} from './conformance-result.js';
export {
  CONFORMANCE_SCHEMA,
  CONFORMANCE_SCHEMA_V1,
  conformanceSchemaJson,
  isConformanceResult,
  parseConformanceResult,
} from './conformance-schema.js';
export {
  LATENCY_HISTOGRAM_FORMAT,
  LatencyHistogram,
  PRECISION as LATENCY_HISTOGRAM_PRECISION,
  percentile,
  type ReplayLatencyHistogram,
} from './latency-histogram.js';
export { appendLedger, LEDGER_FILE, type LedgerEntry, readOutstanding } from './ledger.js';
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
export {
  failOnFrom,
  RUN_ENV,
  readTargetEnv,
  runIdFrom,
  seedFrom,
  selectedProfilesFrom,
  type TargetEnv,
  type TerminalEnv,
  terminalFrom,
  timeoutFrom,
  workersFrom,
} from './run-env.js';
export { carriesRunId } from './run-tag.js';
