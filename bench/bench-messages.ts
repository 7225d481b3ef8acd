/**
 * The IPC messages between the benchmark and the server process it forks per directory size. The server
 * process runs the reference server alone, so the memory it reports is the server's, not the client's.
 */
import { isJsonObject } from '../src/json/json-guards.js';
import type { UserSample } from './bench-scenarios.js';

/** A process's memory, in bytes. */
export interface MemoryFigures {
  /** Resident set size now. */
  rssBytes: number;
  /** V8 heap in use now. */
  heapUsedBytes: number;
  /** The largest resident set size the process has had (getrusage maxrss). */
  peakRssBytes: number;
}

/** Server process → benchmark. */
export type ServerMessage =
  | {
      kind: 'ready';
      users: number;
      groups: number;
      baseUrl: string;
      /** The admin application key; kept in memory, never printed. */
      token: string;
      /** From starting the server to its first answer: seeding included. */
      readyMs: number;
      /** Right after seeding and a full GC, before any request; its peak is the peak while seeding. */
      memory: MemoryFigures;
      samples: UserSample[];
    }
  | { kind: 'memory'; memory: MemoryFigures }
  | { kind: 'failed'; message: string };

/** Benchmark → server process. */
export type ControlMessage = { kind: 'measure' } | { kind: 'stop' };

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

export function isMemoryFigures(value: unknown): value is MemoryFigures {
  return (
    isJsonObject(value) &&
    isCount(value.rssBytes) &&
    isCount(value.heapUsedBytes) &&
    isCount(value.peakRssBytes)
  );
}

export function isUserSample(value: unknown): value is UserSample {
  return (
    isJsonObject(value) &&
    typeof value.id === 'string' &&
    typeof value.userName === 'string' &&
    typeof value.externalId === 'string'
  );
}

export function isServerMessage(value: unknown): value is ServerMessage {
  if (!isJsonObject(value)) return false;
  switch (value.kind) {
    case 'ready':
      return (
        isCount(value.users) &&
        isCount(value.groups) &&
        typeof value.baseUrl === 'string' &&
        typeof value.token === 'string' &&
        isCount(value.readyMs) &&
        isMemoryFigures(value.memory) &&
        Array.isArray(value.samples) &&
        value.samples.every(isUserSample)
      );
    case 'memory':
      return isMemoryFigures(value.memory);
    case 'failed':
      return typeof value.message === 'string';
    default:
      return false;
  }
}

export function isControlMessage(value: unknown): value is ControlMessage {
  return isJsonObject(value) && (value.kind === 'measure' || value.kind === 'stop');
}
