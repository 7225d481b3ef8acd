/**
 * The IPC messages between the throughput benchmark and the autocannon process it forks. The token travels
 * over the channel, never on the command line (where `ps` would show it).
 */

import { MAPPING_PRESET_NAMES, type MappingPresetName } from '../mock-idp/index.js';
import { isJsonObject } from '../src/json/json-guards.js';
import type { PhaseOutcome } from './autocannon-phase.js';

/** Benchmark → autocannon process: the replay to mirror and the server to send it to. */
export interface AutocannonJob {
  readonly kind: 'start';
  readonly baseUrl: string;
  readonly token: string;
  readonly users: number;
  readonly groups: number;
  readonly seed: number;
  readonly runId: string;
  readonly mapping: MappingPresetName;
  readonly connections: number;
}

/** Autocannon process → benchmark. */
export type AutocannonMessage =
  | {
      readonly kind: 'done';
      /** Building the plan (directory, mapping, bodies), before any request. */
      readonly planMs: number;
      /** The plan's requests by kind. */
      readonly planMix: Record<string, number>;
      readonly phases: readonly PhaseOutcome[];
    }
  | { readonly kind: 'failed'; readonly message: string };

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isCountRecord(value: unknown): value is Record<string, number> {
  return isJsonObject(value) && Object.values(value).every(isCount);
}

function isPhaseOutcome(value: unknown): value is PhaseOutcome {
  return (
    isJsonObject(value) &&
    typeof value.name === 'string' &&
    isCount(value.requests) &&
    isCount(value.durationMs) &&
    isCount(value.spanMs) &&
    isJsonObject(value.statuses) &&
    Object.values(value.statuses).every(isCountRecord) &&
    isCount(value.errors) &&
    isCount(value.timeouts) &&
    isCount(value.unresolved) &&
    isCount(value.idsMissing)
  );
}

export function isAutocannonJob(value: unknown): value is AutocannonJob {
  return (
    isJsonObject(value) &&
    value.kind === 'start' &&
    typeof value.baseUrl === 'string' &&
    typeof value.token === 'string' &&
    isCount(value.users) &&
    isCount(value.groups) &&
    isCount(value.seed) &&
    typeof value.runId === 'string' &&
    MAPPING_PRESET_NAMES.some((name) => name === value.mapping) &&
    isCount(value.connections) &&
    value.connections >= 1
  );
}

export function isAutocannonMessage(value: unknown): value is AutocannonMessage {
  if (!isJsonObject(value)) return false;
  switch (value.kind) {
    case 'done':
      return (
        isCount(value.planMs) &&
        isCountRecord(value.planMix) &&
        Array.isArray(value.phases) &&
        value.phases.every(isPhaseOutcome)
      );
    case 'failed':
      return typeof value.message === 'string';
    default:
      return false;
  }
}
