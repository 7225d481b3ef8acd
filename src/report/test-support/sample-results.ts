import type { Faker } from '@faker-js/faker';
import { createEnglishFaker } from '../../faker/english-faker.js';
import {
  type CheckResult,
  type CheckStatus,
  type ConformanceResult,
  type EvidenceExchange,
  type FailOn,
  REQUIREMENT_LEVELS,
  type ReplayCycle,
  type ReplayResult,
} from '../../run-contract/index.js';
import { buildConformanceResult } from '../build-conformance-result.js';

/** Payloads a hostile or broken target might answer; the report must show them as text, never run them. */
export const HOSTILE_PAYLOADS = [
  '</script><script>window.pwned=1</script>',
  '<img src=x onerror="window.pwned=1">',
  '"><svg onload=window.pwned=1>',
  ']]></failure><injected/>',
] as const;

const CATEGORIES = [
  { category: 'discovery', rfc: 'RFC 7644 §4', path: '/ServiceProviderConfig' },
  { category: 'users', rfc: 'RFC 7644 §3.3', path: '/Users' },
  { category: 'groups', rfc: 'RFC 7644 §3.3', path: '/Groups' },
  { category: 'filter', rfc: 'RFC 7644 §3.4.2.2', path: '/Users?filter=userName%20eq%20%22a%22' },
  { category: 'patch', rfc: 'RFC 7644 §3.5.2', path: '/Users/1' },
  { category: 'errors', rfc: 'RFC 7644 §3.12', path: '/Users/missing' },
  { category: 'pagination', rfc: 'RFC 7644 §3.4.2.4', path: '/Users?startIndex=1&count=2' },
  { category: 'schema', rfc: 'RFC 7643 §2', path: '/Schemas' },
] as const;

const PROFILE_SETS = [
  ['core'],
  ['core', 'entra'],
  ['core', 'entra', 'datadog'],
  ['entra'],
  ['datadog'],
] as const;

/** The run fields of a small hand-built result: `buildConformanceResult({ ...TEST_RUN, checks })`. */
export const TEST_RUN = {
  runId: 'r',
  tool: { name: 'scim-harness', version: '0.1.0' },
  target: { url: 'http://127.0.0.1:1/scim' },
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: '2026-01-01T00:00:01Z',
} as const;

export interface SampleOptions {
  seed?: number;
  checks?: number;
  failOn?: FailOn;
  runId?: string;
  /** Fix the status of every check (for small hand-shaped samples). */
  status?: CheckStatus;
}

export interface Sample {
  result: ConformanceResult;
  /** The bearer token the sample's evidence carries; no rendered report may contain it. */
  token: string;
  /** A password-like secret echoed in some bodies, scrubbed through the `secrets` option. */
  secret: string;
}

const TARGET = 'http://127.0.0.1:8080/scim/v2';

function pickStatus(faker: Faker): CheckStatus {
  const roll = faker.number.float({ min: 0, max: 1 });
  if (roll < 0.66) return 'passed';
  if (roll < 0.78) return 'failed';
  if (roll < 0.86) return 'unsupported';
  if (roll < 0.93) return 'skipped';
  return 'error';
}

function exchange(
  faker: Faker,
  path: string,
  token: string,
  secret: string,
  status: CheckStatus,
): EvidenceExchange {
  const hostile = faker.helpers.arrayElement(HOSTILE_PAYLOADS);
  const userName = faker.internet.email();
  return {
    request: {
      method: faker.helpers.arrayElement(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
      url: `${TARGET}${path}`,
      headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, password: secret },
    },
    ...(status === 'error' && faker.datatype.boolean()
      ? {}
      : {
          response: {
            status:
              status === 'failed'
                ? faker.helpers.arrayElement([200, 400, 500])
                : status === 'unsupported'
                  ? faker.helpers.arrayElement([400, 501])
                  : 200,
            headers: { 'content-type': 'text/html', 'x-echo': `Bearer ${token}` },
            body: {
              detail: hostile,
              echoed: `you sent Authorization: Bearer ${token} and ${secret}`,
              userName,
            },
          },
        }),
    note: status === 'failed' ? `answer was ${hostile}` : 'recorded',
  };
}

function check(faker: Faker, index: number, token: string, secret: string, fixed?: CheckStatus): CheckResult {
  const { category, rfc, path } = faker.helpers.arrayElement(CATEGORIES);
  const level = faker.helpers.weightedArrayElement([
    { weight: 6, value: REQUIREMENT_LEVELS[0] },
    { weight: 3, value: REQUIREMENT_LEVELS[1] },
    { weight: 1, value: REQUIREMENT_LEVELS[2] },
  ]);
  const status = fixed ?? pickStatus(faker);
  const slug = faker.helpers.slugify(faker.lorem.words(3)).toLowerCase();
  const base: CheckResult = {
    id: `${category}.${slug}-${index}`,
    title: faker.lorem.sentence(6),
    category,
    level,
    rfc,
    profiles: [...faker.helpers.arrayElement(PROFILE_SETS)],
    status,
    message: '',
    evidence: [],
    requirement: `The service provider ${level} ${faker.lorem.sentence(8)}`,
    durationMs: faker.number.int({ min: 2, max: 900 }),
  };
  switch (status) {
    case 'passed':
      return base;
    case 'skipped':
      return { ...base, skipReason: `ServiceProviderConfig says ${category} is not supported` };
    case 'failed':
      return {
        ...base,
        message: `the answer is as ${rfc} requires\n\nExpected: 201\nReceived: ${faker.helpers.arrayElement(HOSTILE_PAYLOADS)}`,
        fix: `Answer ${path} as ${rfc} requires.`,
        evidence: phased(
          Array.from({ length: faker.number.int({ min: 1, max: 3 }) }, () =>
            exchange(faker, path, token, secret, status),
          ),
          faker,
          path,
          token,
          secret,
        ),
      };
    case 'unsupported':
      return {
        ...base,
        message: `The target declines the ${category} feature this check tests: it answered 400 invalidFilter (${faker.helpers.arrayElement(HOSTILE_PAYLOADS)})`,
        neededBy: base.profiles.filter((profile) => profile !== 'core'),
        evidence: phased([exchange(faker, path, token, secret, status)], faker, path, token, secret),
      };
    case 'error':
      return {
        ...base,
        message: `TARGET_TIMEOUT: no answer within 10000 ms (Authorization: Bearer ${token})`,
        evidence: [exchange(faker, path, token, secret, status)],
      };
    default: {
      const unreachable: never = status;
      throw new TypeError(String(unreachable));
    }
  }
}

/**
 * The exchanges of a check as the suites record them: a setup exchange before, a cleanup one after, the last of the
 * check's own exchanges decisive.
 */
function phased(
  checkExchanges: EvidenceExchange[],
  faker: Faker,
  path: string,
  token: string,
  secret: string,
): EvidenceExchange[] {
  const last = checkExchanges.length - 1;
  return [
    { ...exchange(faker, '/Users', token, secret, 'passed'), phase: 'setup' },
    ...checkExchanges.map(
      (e, i): EvidenceExchange => ({
        ...e,
        phase: 'check',
        ...(i === last ? { decisive: true } : {}),
      }),
    ),
    { ...exchange(faker, `${path.split('?')[0]}`, token, secret, 'passed'), phase: 'cleanup' },
  ];
}

/**
 * A realistic result: by default 150 checks over eight categories, every level and status, evidence that carries
 * a bearer token and hostile bodies, in phases (setup, check, cleanup) with the decisive exchange marked. Seeded, so a failing test replays; the verdicts are computed, never written.
 */
export function sampleConformanceResult(options: SampleOptions = {}): Sample {
  const faker = createEnglishFaker();
  faker.seed(options.seed ?? 7);
  const token = `tok_${faker.string.alphanumeric(32)}`;
  const secret = `pw-${faker.string.alphanumeric(16)}`;
  const checks = Array.from({ length: options.checks ?? 150 }, (_, i) =>
    check(faker, i, token, secret, options.status),
  );
  const start = faker.date.recent({ days: 3, refDate: '2026-01-15T00:00:00Z' });
  const result = buildConformanceResult({
    runId: options.runId ?? `run-${faker.string.alphanumeric(8)}`,
    tool: { name: 'scim-harness', version: '0.1.0' },
    target: { url: TARGET },
    profiles: ['core', 'entra', 'datadog'],
    startedAt: start,
    finishedAt: new Date(start.getTime() + faker.number.int({ min: 5_000, max: 90_000 })),
    failOn: options.failOn ?? 'must',
    checks,
  });
  return { result, token, secret };
}

/**
 * A replay of a few Entra cycles, one of them throttled into quarantine, with a divergence whose value and whose
 * target's own error text are hostile.
 */
export function sampleReplayResult(seed = 11): ReplayResult {
  const faker = createEnglishFaker();
  faker.seed(seed);
  const cycles: ReplayCycle[] = Array.from({ length: 4 }, (_, i) => {
    const throttled = i === 2;
    const created = faker.number.int({ min: 5, max: 40 });
    return {
      n: i + 1,
      kind: i === 0 ? 'initial' : 'incremental',
      operations: {
        create: { '201': created, ...(throttled ? { '429': 7 } : {}) },
        update: { '200': faker.number.int({ min: 0, max: 20 }), '409': i === 1 ? 2 : 0 },
        delete: { '204': faker.number.int({ min: 0, max: 5 }) },
      },
      requests: created + 30,
      durationMs: faker.number.int({ min: 800, max: 9000 }),
      latencyMs: { p50: 12 + i, p95: 40 + i * 3, p99: 95 + i * 10 },
      throughputRps: faker.number.float({ min: 5, max: 60, fractionDigits: 1 }),
      converged: !throttled,
      divergences: throttled
        ? [
            {
              object: `User ${faker.internet.email()}`,
              attribute: 'displayName',
              expected: 'Ada',
              found: HOSTILE_PAYLOADS[1],
              targetError: {
                request: 'PATCH /scim/v2/Users/7f3a',
                status: '400',
                code: 'SystemForCrossDomainIdentityManagementBadRequest',
                text: `displayName is not allowed: ${HOSTILE_PAYLOADS[0]}`,
              },
            },
          ]
        : [],
      quarantined: throttled,
    };
  });
  return {
    schemaVersion: 1,
    runId: `replay-${faker.string.alphanumeric(6)}`,
    mode: 'entra',
    seed,
    cycles,
    scenario: {
      name: 'throttle',
      outcome: 'quarantined',
      explanation: 'The target answered 429 to 7 creates.',
    },
  };
}
