/**
 * The conformance result: what `scim-harness run` writes as `conformance.json` and every renderer reads.
 * One check per requirement, graded by its RFC 2119 level, each quoting the sentence it enforces.
 *
 * A check that `failed` means the target broke the requirement; a check in `error` means the harness could not
 * evaluate it (a {@link HarnessError}: unreachable target, unusable answer, harness bug). The two are never merged.
 * A check that is `unsupported` means the target declined the feature it tests in a way the RFC allows (`400
 * invalidFilter` to a filter form it does not implement, 501 for /Bulk): neither a failure nor a skip. It fails only
 * the profiles whose client needs the feature ({@link CheckResult.neededBy}).
 *
 * @see https://www.rfc-editor.org/rfc/rfc2119 (MUST / SHOULD / MAY)
 * @see https://www.rfc-editor.org/rfc/rfc7644 (the protocol the checks exercise)
 */

import type { CheckStatus, FailOn, RequirementLevel, Verdict } from './check-vocabulary.js';

/**
 * The version of the `conformance.json` contract; bumped only on a breaking change.
 * - 1: statuses passed / failed / skipped / error.
 * - 2: adds the status `unsupported`, `summary.unsupported`, `neededBy` on a check, and `phase` / `decisive` on an
 *   evidence exchange. A version-1 file still reads (see parseConformanceResult): it is upgraded in memory.
 */
export const CONFORMANCE_SCHEMA_VERSION = 2;

/** An HTTP header map as recorded: one value per lower- or mixed-case name. */
export type HeaderMap = Record<string, string>;

/** The request half of a recorded exchange. `body` is parsed JSON when it was JSON, else the raw text. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: HeaderMap;
  body?: unknown;
}

/** The response half of a recorded exchange; absent when no response arrived (timeout, refused connection). */
export interface RecordedResponse {
  status: number;
  headers: HeaderMap;
  body?: unknown;
}

/** One HTTP exchange a check made, kept as evidence for its outcome. */
export interface EvidenceExchange {
  request: RecordedRequest;
  response?: RecordedResponse;
  /** Why this exchange matters ("the second GET still returns the deleted user"). */
  note?: string;
  /**
   * Where in the check the exchange was made: `setup` (creating what the check needs), `check` (the requests the
   * check judges) or `cleanup` (deleting what it created). Absent when the recorder did not say.
   */
  phase?: EvidencePhase;
  /** The exchange that decided the outcome (the answer the failing assertion, or the decline, was about). */
  decisive?: boolean;
}

/** Where in a check an exchange was made; see {@link EvidenceExchange.phase}. */
export const EVIDENCE_PHASES = ['setup', 'check', 'cleanup'] as const;
export type EvidencePhase = (typeof EVIDENCE_PHASES)[number];

/** The result of one check. */
export interface CheckResult {
  /** Stable id, e.g. `users.create.returns-201`; baselines and shard merges key on it. */
  id: string;
  title: string;
  /** Grouping for scores and JUnit suites, e.g. `users`, `filter`, `patch`. */
  category: string;
  level: RequirementLevel;
  /** The section the requirement comes from, e.g. `RFC 7644 §3.3`. */
  rfc: string;
  /** Profiles the check belongs to, e.g. `core`, `entra`, `datadog`. */
  profiles: string[];
  status: CheckStatus;
  /**
   * What happened, in full: every line of the explanation (what was expected, what came back), capped at a few
   * thousand characters; empty when the check passed and has nothing to add. For `unsupported`, the reason: the
   * feature and what the target answered.
   */
  message: string;
  evidence: EvidenceExchange[];
  /** The sentence of the RFC (or vendor doc) the check enforces, quoted. */
  requirement?: string;
  /** How a service provider fixes a failure of this check. */
  fix?: string;
  durationMs?: number;
  /** Why the check did not run (`skipped` only). */
  skipReason?: string;
  /**
   * The profiles whose client needs the feature this check tests: an `unsupported` result fails exactly these (and
   * no other). Absent or empty: declining the feature fails no profile.
   */
  neededBy?: string[];
  /**
   * The IdP client variants whose documented requests the check sends (run-contract CLIENT_VARIANTS): the run report's
   * "Will it work with…" matrix reads them. Absent: the check speaks for no client.
   */
  clients?: string[];
}

/** Counts over all checks, plus one verdict per profile. */
export interface ConformanceSummary {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  errored: number;
  /** Checks whose feature the target declined (status `unsupported`). */
  unsupported: number;
  verdicts: Record<string, Verdict>;
}

/** Which slice of a sharded run (`--shard index/total`) produced a result; absent for an unsharded run. */
export interface ShardInfo {
  /** 1-based, as in Playwright's `--shard 1/3`. */
  index: number;
  total: number;
  /** Shard indexes merged into this result (set by {@link mergeResults}). */
  merged?: number[];
}

/** The whole `conformance.json`. */
export interface ConformanceResult {
  schemaVersion: typeof CONFORMANCE_SCHEMA_VERSION;
  runId: string;
  /**
   * The seed every check's generated data came from (with the check's title and profile): `scim-harness run --seed N`
   * replays a check with the same values. Absent in results written before it was recorded.
   */
  seed?: number;
  tool: { name: string; version: string };
  /**
   * `embedded`: the run's own reference server, started for it (each shard of a run starts one, on its own port, so
   * their URLs differ while the target is the same).
   */
  target: { url: string; embedded?: boolean };
  profiles: string[];
  /** ISO 8601 timestamps. */
  startedAt: string;
  finishedAt: string;
  /** The fail-on level the verdicts were computed with; `must` when absent. */
  failOn?: FailOn;
  shard?: ShardInfo;
  /**
   * `true` when the run was stopped before it ended (Ctrl-C, SIGINT or SIGTERM reaching the suites; in a merge, when
   * any shard was): the report covers only the checks that ran before, every profile's verdict is `fail`, and
   * `--baseline` refuses it. Absent for a run that ended by itself.
   */
  interrupted?: boolean;
  summary: ConformanceSummary;
  checks: CheckResult[];
  /**
   * What the sweep after the run found on the target still carrying the run id, although the checks' own cleanup had
   * run (e.g. a group the target created itself as a side effect of a Bulk request). Any entry is a safety failure
   * (exit 1). Absent when nothing was found or no sweep ran (the embedded server's data ends with the run).
   */
  leftovers?: Leftover[];
  /**
   * The sweep's searches that could not be completed, one line each (`/Users: GET /Users answered 500`): the sweep
   * cannot say that nothing carrying the run id is left, a safety failure like a leftover. Absent when it searched the
   * whole target.
   */
  sweepIncomplete?: string[];
  /**
   * What a reader of a profile's verdict must know that no check can say: where the profile's own documents
   * contradict each other or another profile of the run, so the requirement was left ungraded. Attached by the suites
   * for the profiles the run selected (suites/support/profile-notes.ts). Absent when none applies.
   */
  notes?: ReportNote[];
}

/** One note of a run's report; see {@link ConformanceResult.notes}. */
export interface ReportNote {
  /** The profile the note is about, e.g. `interop`. */
  profile: string;
  /** The note, citing the documents and sections. */
  text: string;
}

/** A resource carrying the run id that the sweep after the run found; see {@link ConformanceResult.leftovers}. */
export interface Leftover {
  id: string;
  /** The resource endpoint, e.g. `/Groups`. */
  endpoint: string;
  /** Its userName or displayName. */
  name: string;
  /** Whether the sweep deleted it; `false`: it is still on the target. */
  deleted?: boolean;
}
