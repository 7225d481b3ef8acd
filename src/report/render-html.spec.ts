import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { INTERRUPTED_NOTICE, REPLAY_INTERRUPTED_NOTICE } from './interrupted-run.js';
import { embedJson, renderHtml } from './render-html.js';
import {
  HOSTILE_PAYLOADS,
  sampleConformanceResult,
  sampleReplayResult,
} from './test-support/sample-results.js';

function embedded(html: string): unknown {
  const json = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
  return JSON.parse(json ?? 'null');
}

test('hostile bodies never appear as markup: the data is escaped JSON and reads back intact', () => {
  const { result } = sampleConformanceResult();
  const html = renderHtml(result);
  for (const payload of HOSTILE_PAYLOADS) expect(html).not.toContain(payload);
  // Exactly two script elements: the data and the page's own code; none smuggled in by the data.
  expect(html.match(/<script/g)).toHaveLength(2);
  expect(html.match(/<\/script>/g)).toHaveLength(2);
  const model = embedded(html) as { result: unknown };
  expect(JSON.stringify(model.result)).toContain(JSON.stringify(HOSTILE_PAYLOADS[0]).slice(1, -1));
});

// [case, value]
const EMBED_CASES: [string, unknown][] = [
  ['closing script tag', '</script><script>alert(1)</script>'],
  ['html comment opener', '<!-- <script>'],
  ['ampersands and line separators', 'a & b \u2028 c \u2029'],
  ['nested', { a: ['</SCRIPT >', { b: '<img onerror=x>' }] }],
];

for (const [name, value] of EMBED_CASES) {
  test(`embedJson: ${name}`, () => {
    const text = embedJson(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
}

test('the page is self-contained and its policy allows only its own script, by hash', () => {
  const { result } = sampleConformanceResult({ checks: 20 });
  const html = renderHtml(result, { replay: sampleReplayResult() });
  // The data block holds the target's text (escaped); everything else is the page's own.
  const outsideData = html.replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');
  expect(outsideData).not.toMatch(/\b(src|href)\s*=/i);
  expect(outsideData).not.toMatch(/@import|url\(/i);
  expect(outsideData).not.toMatch(/https?:\/\//);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(csp).toContain("default-src 'none'");
  const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
  const hash = createHash('sha256').update(script).digest('base64');
  expect(csp).toContain(`'sha256-${hash}'`);
});

test('tokens and declared secrets are scrubbed from the page', () => {
  const { result, token, secret } = sampleConformanceResult();
  const html = renderHtml(result, { secrets: [secret] });
  expect(html).not.toContain(token);
  expect(html).not.toContain(secret);
  expect(html).toContain('[REDACTED]');
});

test('a replay alone renders, and nothing at all is refused', () => {
  const replay = sampleReplayResult();
  const html = renderHtml(null, { replay });
  expect(html).toContain('<title>Mock IdP replay report</title>');
  const model = embedded(html) as {
    result: unknown;
    replay: { cycles: { errorsByCode: Record<string, number> }[] };
  };
  expect(model.result).toBeNull();
  expect(model.replay.cycles[2]?.errorsByCode).toMatchObject({ '429': 7 });
  expect(() => renderHtml(null)).toThrow(/needs a conformance result, a replay, or both/);
});

test('the page gets each verdict in the words of the other summaries, declined features named', () => {
  const { result } = sampleConformanceResult({ seed: 3 });
  const model = embedded(renderHtml(result)) as { verdictText: Record<string, string> };
  expect(Object.keys(model.verdictText)).toEqual(result.profiles);
  expect(Object.values(model.verdictText).some((text) => /needed features? unsupported/.test(text))).toBe(
    true,
  );
});

test('an interrupted run or replay is announced in the static page, above the data', () => {
  const { result } = sampleConformanceResult();
  const html = renderHtml({ ...result, interrupted: true });
  expect(html).toContain(`<p id="interrupted" role="alert">${INTERRUPTED_NOTICE}</p>`);
  const model = embedded(html) as { interruptedNotice: string; verdictText: Record<string, string> };
  expect(model.interruptedNotice).toBe(INTERRUPTED_NOTICE);
  expect(Object.values(model.verdictText).every((text) => text.startsWith('fail (run interrupted'))).toBe(
    true,
  );
  const replay = renderHtml(null, { replay: { ...sampleReplayResult(), interrupted: true } });
  expect(replay).toContain(`<p id="interrupted" role="alert">${REPLAY_INTERRUPTED_NOTICE}</p>`);
  expect(renderHtml(result)).not.toContain('id="interrupted"');
});
