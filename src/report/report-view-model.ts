import { describeVerdict } from './build-conformance-result.js';
import { type CategoryScore, scoreCategories } from './category-score.js';
import type { ConformanceResult } from './conformance-result.js';
import { INTERRUPTED_NOTICE, isInterrupted, REPLAY_INTERRUPTED_NOTICE } from './interrupted-run.js';
import { describeKeyOwnerRestore } from './replay-key-owner.js';
import {
  type ReplayCycle,
  type ReplayResult,
  type ReplayScenario,
  replayErrorsByCode,
} from './replay-result.js';
import { buildQuarantineTimeline, type ReplayTimelineCycle } from './replay-timeline.js';

/** A replay cycle with what the page shows but the contract does not carry. */
export interface ReplayCycleView extends ReplayCycle {
  errorsByCode: Record<string, number>;
}

/** A scenario with what became of its external key owner in words, shown under the explanation. */
export interface ReplayScenarioView extends ReplayScenario {
  ownerLine?: string;
}

export interface ReplayView extends Omit<ReplayResult, 'cycles' | 'scenario'> {
  cycles: ReplayCycleView[];
  scenario?: ReplayScenarioView;
  /** The quarantine timeline per cycle, reasons in words. */
  timeline: ReplayTimelineCycle[];
}

/** The data embedded in report.html: everything derived is computed here, so the page only displays. */
export interface ReportViewModel {
  result: ConformanceResult | null;
  scores: CategoryScore[];
  /**
   * Each profile's verdict in the words the other summaries use (`fail (2 needed features unsupported)`), so the
   * page states the rule's outcome rather than recomputing it.
   */
  verdictText: Record<string, string>;
  replay: ReplayView | null;
  /**
   * What the page says above everything else when the run or the replay was interrupted (report.html writes it as
   * static HTML, so it shows without JavaScript too); `null` for a run that ended by itself.
   */
  interruptedNotice: string | null;
}

/** Derives the view model; both inputs must already be redacted. */
export function buildReportViewModel(
  result: ConformanceResult | null,
  replay: ReplayResult | null,
): ReportViewModel {
  return {
    result,
    scores: result ? scoreCategories(result.checks) : [],
    verdictText: result
      ? Object.fromEntries(result.profiles.map((profile) => [profile, describeVerdict(result, profile)]))
      : {},
    replay: replay
      ? {
          ...replay,
          cycles: replay.cycles.map((c) => ({ ...c, errorsByCode: replayErrorsByCode(c) })),
          timeline: buildQuarantineTimeline(replay),
          ...(replay.scenario === undefined ? {} : { scenario: scenarioView(replay.scenario) }),
        }
      : null,
    interruptedNotice: isInterrupted(result)
      ? INTERRUPTED_NOTICE
      : isInterrupted(replay)
        ? REPLAY_INTERRUPTED_NOTICE
        : null,
  };
}

function scenarioView(scenario: ReplayScenario): ReplayScenarioView {
  return scenario.owner === undefined
    ? scenario
    : { ...scenario, ownerLine: describeKeyOwnerRestore(scenario.owner) };
}
