/**
 * Peak RSS of the mock IdP's source side at 100k users: the seeded directory, every user mapped with the Datadog
 * preset (kept, as a replay keeps what it will send), and one incremental cycle of changes. Target: ≤ 300 MB peak.
 * Prints a markdown table; never asserts (a missed target does not fail anything).
 *
 *   npx tsc -p bench/tsconfig.json && node --expose-gc dist/bench/bench/directory-memory.js [--users 100000] [--groups 1000]
 */
import {
  createDirectory,
  generateChanges,
  MAPPING_PRESETS,
  mapUser,
  type ScimAttributeSet,
} from '../mock-idp/index.js';

/** MB are decimal (300 MB = 300 000 000 bytes), the stricter reading of the target. */
const MB = 1_000_000;
const TARGET_MB = 300;

interface Phase {
  name: string;
  seconds: number;
  rssAfterGc: number;
  heapUsedAfterGc: number;
  peakRss: number;
}

function collectGarbage(): void {
  const gc: unknown = Reflect.get(globalThis, 'gc');
  if (typeof gc === 'function') gc();
}

/** `maxRSS` is kilobytes (getrusage); it is the process's peak so far, so it only grows. */
function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

function readOption(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`--${name} must be a non-negative integer\n`);
    process.exit(2);
  }
  return value;
}

function measure(name: string, started: number): Phase {
  const seconds = (performance.now() - started) / 1000;
  const peakRss = peakRssBytes();
  collectGarbage();
  const usage = process.memoryUsage();
  return { name, seconds, rssAfterGc: usage.rss, heapUsedAfterGc: usage.heapUsed, peakRss };
}

const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;

function main(): void {
  const users = readOption('users', 100_000);
  const groups = readOption('groups', 1000);
  const seed = readOption('seed', 1);
  const gcExposed = typeof Reflect.get(globalThis, 'gc') === 'function';
  const phases: Phase[] = [measure('baseline (node + modules)', performance.now())];

  let started = performance.now();
  const directory = createDirectory({ seed, users, groups, runId: 'bench' });
  phases.push(
    measure(`createDirectory (${directory.users.size} users, ${directory.groups.size} groups)`, started),
  );

  started = performance.now();
  const mapping = MAPPING_PRESETS.datadog.user;
  const mapped: ScimAttributeSet[] = [];
  for (const user of directory.users.values()) mapped.push(mapUser(user, mapping));
  phases.push(measure(`mapUser × ${mapped.length} (datadog preset)`, started));

  started = performance.now();
  const next = generateChanges(directory, { cycle: directory.cycle + 1, churnRate: 0.05 });
  phases.push(measure(`generateChanges (1 cycle, churn 0.05: ${next.changes.length} changes)`, started));

  const peak = Math.max(...phases.map((phase) => phase.peakRss));
  const lines = [
    `Node ${process.version}, ${process.platform} ${process.arch}; seed ${seed}; --expose-gc ${gcExposed ? 'on' : 'OFF (after-GC figures include garbage)'}; ${new Date().toISOString()}`,
    '',
    '| phase | s | RSS after GC | heapUsed after GC | peak RSS so far |',
    '| ----- | -: | -----------: | ----------------: | --------------: |',
    ...phases.map(
      (phase) =>
        `| ${phase.name} | ${phase.seconds.toFixed(1)} | ${mb(phase.rssAfterGc)} | ${mb(phase.heapUsedAfterGc)} | ${mb(phase.peakRss)} |`,
    ),
    '',
    '| target | measured | limit | verdict |',
    '| ------ | -------: | ----: | ------- |',
    `| peak RSS, ${users} users: directory + mapping + one cycle | ${mb(peak)} | ≤ ${TARGET_MB} MB | ${peak <= TARGET_MB * MB ? '✅ met' : '❌ not met'} |`,
  ];
  // Keep the mapped users and the next directory alive until the figures are taken.
  if (mapped.length + next.directory.users.size < 0) lines.push('');
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
