import { expect, test } from '@playwright/test';
import { main } from './main.js';
import { type CapturedIo, captureIo } from './test-support/capture-io.js';

/** The log records among what a command wrote to stderr (JSON lines; other stderr text is the command's own). */
function logRecords(io: CapturedIo): { level: number; msg: string; command?: string }[] {
  const records = [];
  for (const line of io.stderr.text().split('\n')) {
    try {
      const record: unknown = JSON.parse(line);
      if (typeof record === 'object' && record !== null && 'level' in record && 'msg' in record)
        records.push(record as { level: number; msg: string; command?: string });
    } catch {
      // Not a log line: the command's own message (a warning, an error report).
    }
  }
  return records;
}

const DEBUG = 20;
const TOKEN = 'log-level-spec-token';
/** A loopback port nothing listens on: a tenant there is unreachable at once (exit 3, after the config resolved). */
const UNREACHABLE = 'http://127.0.0.1:1/scim/v2';

/** Every command, each run to a quick end after it has resolved its configuration. */
const COMMANDS: {
  name: string;
  argv: string[];
  run?: (io: CapturedIo, argv: string[]) => Promise<number>;
}[] = [
  { name: 'run', argv: ['run', '--tenant-url', UNREACHABLE] },
  { name: 'cleanup', argv: ['cleanup', '--run-id', 'sh-log-level-1'] },
  { name: 'replay', argv: ['replay', '--tenant-url', UNREACHABLE] },
  { name: 'report merge', argv: ['report', 'merge', 'no-such-shard'] },
  {
    name: 'serve',
    argv: ['serve', '--port', '0'],
    // serve runs until Ctrl-C: stop it once it listens.
    run: async (io, argv) => {
      const exit = main(argv, io);
      await Promise.race([io.stdout.waitFor(/base URL/), exit]);
      io.interrupt();
      return exit;
    },
  },
];

for (const command of COMMANDS) {
  test(`${command.name} logs at --log-level: debug lines under debug, nothing under silent`, async () => {
    const outcomes = [];
    for (const level of ['debug', 'silent', 'info']) {
      const io = captureIo({ cwd: test.info().outputPath(level), env: { SCIM_TOKEN: TOKEN } });
      const argv = [...command.argv, '--log-level', level];
      const code = await (command.run ? command.run(io, argv) : main(argv, io));
      outcomes.push({ level, code, records: logRecords(io), stderr: io.stderr.text() });
      expect(io.stderr.text()).not.toContain(TOKEN);
    }
    const [debug, silent, info] = outcomes;
    const debugLines = debug?.records.filter((record) => record.level === DEBUG) ?? [];
    expect(
      debugLines.map((record) => record.msg),
      debug?.stderr,
    ).toContain('configuration resolved');
    expect(debugLines.every((record) => record.command === command.name)).toBe(true);
    expect(silent?.records, silent?.stderr).toEqual([]);
    expect(
      info?.records.filter((record) => record.level < 30),
      'info shows nothing below info',
    ).toEqual([]);
    // The level changes the logging only, never the outcome.
    expect(new Set(outcomes.map((outcome) => outcome.code)).size).toBe(1);
  });
}

test('--debug lowers the default level to debug', async () => {
  const io = captureIo({ cwd: test.info().outputPath() });
  await main(['cleanup', '--run-id', 'sh-log-level-2', '--debug'], io);
  expect(logRecords(io).some((record) => record.level === DEBUG)).toBe(true);
});
