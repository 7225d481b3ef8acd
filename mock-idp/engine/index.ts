export type { ConvergenceInput } from './convergence.js';
export { checkConvergence, compareResource, readTargetPath } from './convergence.js';
export type { CycleEngineOptions } from './cycle-engine.js';
export { CycleEngine } from './cycle-engine.js';
export { CycleMetrics } from './cycle-metrics.js';
export { FailedTasks } from './failed-tasks.js';
export type { ReplayHeapPolicy } from './heap-policy.js';
export { applyReplayHeapPolicy, REPLAY_HEAP_GROWING_PERCENT } from './heap-policy.js';
export type { ObjectState } from './object-state.js';
export { resolvableAttributes, sameAttributes, withoutReferences } from './object-state.js';
export type {
  LoggedExchange,
  LoggedRetry,
  ProvisioningAction,
  ProvisioningLogEntry,
  ProvisioningLogSink,
  ProvisioningStatus,
} from './provisioning-log.js';
export {
  JsonlProvisioningLog,
  MemoryProvisioningLog,
  PROVISIONING_ACTIONS,
  PROVISIONING_STATUSES,
} from './provisioning-log.js';
export type { QuarantineEvent } from './quarantine.js';
export { ESCROW_LIMITS, QuarantineState } from './quarantine.js';
export type { QuarantineReason, Reaction, ReactionEffect, ReactionKind } from './reactions.js';
export {
  classifyExchange,
  ENTRA_REACTIONS,
  OKTA_REACTIONS,
  QUARANTINE_REASONS,
  REACTION_EFFECTS,
  REACTION_KINDS,
  statusKey,
} from './reactions.js';
export type {
  Replay429Policy,
  ReplayContext,
  ReplayIdp,
  ReplayOptions,
  ReplayOutcome,
} from './replay.js';
export {
  OKTA_RETRY_429,
  OKTA_TIMEOUT_MS,
  REPLAY_429_POLICIES,
  REPLAY_IDPS,
  ReplayInterruptedError,
  runReplay,
  testConnection,
} from './replay.js';
export type { ReplayPhase, ReplayProgress } from './replay-progress.js';
export { ProgressTracker, provisioningPhaseOf, REPLAY_PHASES } from './replay-progress.js';
export type { ReplaySweepFindings } from './replay-reports.js';
export { REPLAY_JSON, recordReplaySweep } from './replay-reports.js';
export { runPool } from './run-pool.js';
export type { ProbeAnswer, ProbeLoopOptions, ProbeResult } from './scenarios/credential-probe.js';
export { probeUntilRefused } from './scenarios/credential-probe.js';
export type { KeyOwnerAccount } from './scenarios/key-owner-account.js';
export { findKeyOwner, setKeyOwnerActive } from './scenarios/key-owner-account.js';
export type {
  KeyOwnerRestore,
  KeyRevocationOptions,
  KeyRevocationOutcome,
  KeyRevocationScenario,
  ScenarioKeySource,
} from './scenarios/key-revocation.js';
export {
  describeRestore,
  EXPECTED_OUTCOMES,
  KEY_REVOCATION_SCENARIOS,
  OWNER_RESTORES,
  runKeyRevocation,
} from './scenarios/key-revocation.js';
export type { LeaverOptions, LeaverOutcome, LeaverPair, LeaverSource } from './scenarios/leaver.js';
export {
  formatLeaverMatrix,
  LEAVER_EXPECTED_OUTCOME,
  LEAVER_OUTCOMES,
  LEAVER_SCENARIO,
  leaverVerdict,
  OKTA_LEAVER_NOTE,
  oktaLeaverShape,
  runLeaver,
  UNTESTED_DELETE,
  UNTESTED_NO_PAIR,
  UNTESTED_OKTA_DELETE,
} from './scenarios/leaver.js';
export type { SustainKind, SustainOptions } from './sustain/index.js';
export {
  DEFAULT_MAX_IN_FLIGHT,
  runArrivals,
  runSustainedLoad,
  SUSTAIN_MIX,
  SUSTAIN_THRESHOLDS,
  SUSTAIN_WINDOW_MS,
  SustainMix,
  sustainVerdict,
} from './sustain/index.js';
