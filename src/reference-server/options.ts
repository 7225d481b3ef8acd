import type { Logger } from 'pino';
import { pino } from 'pino';
import { HarnessError } from '../errors/harness-error.js';
import type { RateLimit } from './protocol/rate-limit.js';
import { isQuirkName, type QuirkName, type QuirkSet } from './quirks.js';
import { DEFAULT_KEY_REVOCATION_DELAY_MS } from './resources/resource-service.js';
import {
  featuresOf,
  isServerMode,
  SERVER_MODES,
  type ServerFeatures,
  type ServerMode,
} from './server-modes.js';

/** Options of {@link startReferenceServer} and {@link createReferenceHandler}. */
export interface ReferenceServerOptions {
  /** 0 or undefined: an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Named non-conformances to switch on (see QUIRKS). */
  quirks?: QuirkName[];
  /** How much of SCIM the server offers (see server-modes.ts). Default `full`. */
  mode?: ServerMode;
  /** A faker-generated directory, reproducible from `seed`. */
  seed?: { users: number; groups: number; seed: number };
  /** Default: silent. Tokens never reach it. */
  logger?: Logger;
  /** Bytes; bodies above it are refused with 413; advertised as bulk.maxPayloadSize. Default 1 MiB. */
  maxPayloadSize?: number;
  /** The /admin API (service accounts, keys). Default true: the server is for local and test use only. */
  adminApi?: boolean;
  /**
   * A per-credential rate limit (429 with Retry-After beyond it, as IPSIE AL SCIM profile draft 00 §4.3 requires).
   * Default: none, so benchmarks and replays are not throttled; the conformance suites set one.
   */
  rateLimit?: RateLimit;
  /**
   * Milliseconds a delayed revocation (a deprovision plan that waits) takes before a deprovisioned user's keys stop working.
   * Default 6 minutes (beyond IPSIE's 5); tests shorten it so a leaver probe with a small budget stays fast.
   */
  keyRevocationDelayMs?: number;
}

/** Every option filled in and checked. */
export interface ResolvedReferenceOptions {
  port: number;
  host: string;
  quirks: QuirkSet;
  /** The mode's features: which optional features, filters and attributes the server offers. */
  features: ServerFeatures;
  seed: { users: number; groups: number; seed: number } | undefined;
  logger: Logger;
  maxPayloadSize: number;
  adminApi: boolean;
  /** Advertised as bulk.maxOperations. */
  maxOperations: number;
  /** Advertised as filter.maxResults: the largest page. */
  maxResults: number;
  /** The page size when a request gives no count. */
  defaultCount: number;
  /** Advertised as pagination.cursorTimeout (RFC 9865 §4): seconds a cursor stays valid between page requests. */
  cursorTimeout: number;
  /** See {@link ReferenceServerOptions.keyRevocationDelayMs}. */
  keyRevocationDelayMs: number;
}

export const DEFAULT_MAX_PAYLOAD_SIZE = 1024 * 1024;
const MAX_SEED_RESOURCES = 1_000_000;

function invalid(message: string): HarnessError {
  return new HarnessError('CONFIG_INVALID', `Reference server: ${message}`);
}

function checkCount(name: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw invalid(`${name} must be an integer from 0 to ${max}, got ${String(value)}.`);
  }
  return value;
}

/** Turns options into resolved options: defaults applied, every value checked (HarnessError CONFIG_INVALID). */
export function resolveReferenceOptions(options: ReferenceServerOptions = {}): ResolvedReferenceOptions {
  const quirks = new Set<QuirkName>();
  for (const name of options.quirks ?? []) {
    if (!isQuirkName(name)) throw invalid(`unknown quirk ${JSON.stringify(name)}.`);
    quirks.add(name);
  }
  const mode = options.mode ?? 'full';
  if (!isServerMode(mode)) {
    throw invalid(`unknown mode ${JSON.stringify(mode)}; one of ${SERVER_MODES.join(', ')}.`);
  }
  const port = checkCount('port', options.port ?? 0, 65_535);
  const maxPayloadSize = options.maxPayloadSize ?? DEFAULT_MAX_PAYLOAD_SIZE;
  if (!Number.isInteger(maxPayloadSize) || maxPayloadSize < 1024) {
    throw invalid(`maxPayloadSize must be an integer of at least 1024 bytes, got ${String(maxPayloadSize)}.`);
  }
  const seed = options.seed && {
    users: checkCount('seed.users', options.seed.users, MAX_SEED_RESOURCES),
    groups: checkCount('seed.groups', options.seed.groups, MAX_SEED_RESOURCES),
    seed: checkCount('seed.seed', options.seed.seed, Number.MAX_SAFE_INTEGER),
  };
  const keyRevocationDelayMs = options.keyRevocationDelayMs ?? DEFAULT_KEY_REVOCATION_DELAY_MS;
  if (!Number.isInteger(keyRevocationDelayMs) || keyRevocationDelayMs < 0) {
    throw invalid(
      `keyRevocationDelayMs must be a non-negative integer, got ${String(keyRevocationDelayMs)}.`,
    );
  }
  return {
    port,
    host: options.host ?? '127.0.0.1',
    quirks,
    features: featuresOf(mode),
    seed,
    logger: options.logger ?? pino({ level: 'silent' }),
    maxPayloadSize,
    adminApi: options.adminApi ?? true,
    maxOperations: 1000,
    maxResults: 1000,
    defaultCount: 100,
    cursorTimeout: 600,
    keyRevocationDelayMs,
  };
}
