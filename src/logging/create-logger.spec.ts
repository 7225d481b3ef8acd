import { expect, test } from '@playwright/test';
import { SecretRegistry } from '../secrets/redaction.js';
import { createLogger, type Logger } from './create-logger.js';

const TOKEN = 'tk_9f8e7d6c5b4a39281706';

/** Collects what the logger writes, exactly as it would reach a file or terminal. */
function capture(isTTY = false) {
  const lines: string[] = [];
  return { lines, isTTY, write: (line: string) => lines.push(line), text: () => lines.join('') };
}

interface LeakCase {
  name: string;
  log: (logger: Logger) => void;
}

const LEAK_CASES: LeakCase[] = [
  {
    name: 'req.headers.authorization',
    log: (l) => l.info({ req: { headers: { authorization: `Bearer ${TOKEN}` } } }),
  },
  { name: 'res.headers.Authorization', log: (l) => l.info({ res: { headers: { Authorization: TOKEN } } }) },
  { name: 'headers.Authorization at top level', log: (l) => l.info({ headers: { Authorization: TOKEN } }) },
  { name: 'headers.AUTHORIZATION', log: (l) => l.info({ headers: { AUTHORIZATION: TOKEN } }) },
  { name: 'token', log: (l) => l.info({ token: TOKEN }) },
  { name: '*.token', log: (l) => l.info({ config: { token: TOKEN } }) },
  { name: 'adminToken', log: (l) => l.info({ adminToken: TOKEN }) },
  { name: 'AdminToken', log: (l) => l.info({ server: { AdminToken: TOKEN } }) },
  { name: 'apiKey', log: (l) => l.info({ apiKey: TOKEN }) },
  { name: 'DD-API-KEY header', log: (l) => l.info({ request: { headers: { 'DD-API-KEY': TOKEN } } }) },
  { name: 'dd-application-key header', log: (l) => l.info({ headers: { 'dd-application-key': TOKEN } }) },
  {
    name: 'token nested deeper than any path',
    log: (l) => l.info({ a: { b: { c: { d: { token: TOKEN } } } } }),
  },
  {
    name: 'authorization header nested deeper than any path',
    log: (l) => l.info({ a: { b: { c: { headers: { authorization: TOKEN } } } } }),
  },
  { name: 'Bearer inside the message', log: (l) => l.warn(`retrying with Authorization: Bearer ${TOKEN}`) },
  {
    name: 'bearer inside a string field',
    log: (l) => l.info({ curl: `curl -H 'authorization: bearer ${TOKEN}'` }),
  },
  {
    name: 'Bearer inside an error message and stack',
    log: (l) => l.error(new Error(`401 for Bearer ${TOKEN}`), 'request failed'),
  },
  {
    name: 'token in a URL query',
    log: (l) => l.info({ url: `https://idp.example/scim/Users?access_token=${TOKEN}` }),
  },
  {
    name: 'token in a child binding',
    log: (l) => l.child({ component: 'http', token: TOKEN }).info('hello'),
  },
  {
    name: 'request headers carried on an error object',
    log: (l) =>
      l.error({
        err: Object.assign(new Error('401'), { request: { headers: { authorization: `Bearer ${TOKEN}` } } }),
      }),
  },
];

for (const { name, log } of LEAK_CASES) {
  for (const pretty of [false, true]) {
    test(`no token in the output: ${name}${pretty ? ' (pretty)' : ''}`, () => {
      const out = capture();
      log(createLogger({ destination: out, pretty, level: 'trace' }));
      expect(out.lines.length).toBeGreaterThan(0);
      expect(out.text()).not.toContain(TOKEN);
      expect(out.text()).toContain('[REDACTED]');
      if (!pretty) for (const line of out.lines) expect(() => JSON.parse(line)).not.toThrow();
    });
  }
}

test('a registered secret is scrubbed wherever it appears, also JSON-escaped and registered late', () => {
  const secrets = new SecretRegistry();
  const out = capture();
  const logger = createLogger({ destination: out, secrets }).child({ component: 'reference-server' });
  const odd = 'plain"quote\\slash-value';
  secrets.register(odd);
  logger.info({ note: `admin token is ${odd}`, list: [odd] }, `issued ${odd}`);
  expect(out.text()).not.toContain(odd);
  expect(out.text()).not.toContain(JSON.stringify(odd).slice(1, -1));
  expect(out.text().match(/\[REDACTED\]/g)?.length).toBe(3);
});

test('JSON lines carry the level, message and component binding, and stay parseable after scrubbing', () => {
  const out = capture();
  createLogger({ destination: out, pretty: false })
    .child({ component: 'reference-server' })
    .info({ url: `http://127.0.0.1/scim?token=${TOKEN}` }, 'listening');
  const line: unknown = JSON.parse(out.lines[0] ?? '');
  expect(line).toMatchObject({
    level: 30,
    msg: 'listening',
    component: 'reference-server',
    url: 'http://127.0.0.1/scim?token=[REDACTED]',
  });
});

test("pretty 'auto' follows the destination: JSON for a pipe, formatted text for a terminal", () => {
  const pipe = capture(false);
  createLogger({ destination: pipe, pretty: 'auto' }).info('hello');
  expect(() => JSON.parse(pipe.text())).not.toThrow();
  const tty = capture(true);
  createLogger({ destination: tty, pretty: 'auto' }).info('hello');
  expect(tty.text()).toContain('hello');
  expect(() => JSON.parse(tty.text())).toThrow();
});

test('the level filters lines and values that only name a secret are kept', () => {
  const out = capture();
  const logger = createLogger({ destination: out, level: 'warn' });
  logger.info('dropped');
  logger.warn({ tokenEnv: 'SCIM_TOKEN', tokenFile: '/run/secrets/scim' }, 'kept');
  expect(out.lines).toHaveLength(1);
  expect(JSON.parse(out.lines[0] ?? '')).toMatchObject({
    tokenEnv: 'SCIM_TOKEN',
    tokenFile: '/run/secrets/scim',
  });
});

test('scrubbing keeps every JSON line parseable, whatever shape a credential key holds', () => {
  const out = capture();
  const logger = createLogger({ destination: out, pretty: false });
  const deep = { a: { b: { token: { kind: 'env', name: 'SCIM_TOKEN' }, apiKey: [1, 2], adminToken: 7 } } };
  logger.info({ deep, msgs: [`Bearer ${TOKEN}`, `token=${TOKEN}`], quote: `"authorization":"${TOKEN}"` });
  const line: unknown = JSON.parse(out.text());
  expect(line).toMatchObject({ deep });
  expect(out.text()).not.toContain(TOKEN);
});
