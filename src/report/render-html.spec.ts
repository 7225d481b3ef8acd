import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { CheckResult, EvidenceExchange } from '../run-contract/index.js';
import { buildConformanceResult, describeVerdict } from './build-conformance-result.js';
import { INTERRUPTED_NOTICE, REPLAY_INTERRUPTED_NOTICE } from './interrupted-run.js';
import { renderHtml } from './render-html.js';
import {
  HOSTILE_PAYLOADS,
  sampleConformanceResult,
  sampleReplayResult,
  TEST_RUN,
} from './test-support/sample-results.js';

/** What preact-render-to-string writes for `text` in element content: `&`, `<` and `"` escaped. */
function asText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
}

/** The page without its one script and stylesheet: the rendered markup only. */
function markupOf(page: string): string {
  return page.replace(/<script>[\s\S]*?<\/script>/, '').replace(/<style>[\s\S]*?<\/style>/, '');
}

test('hostile bodies never appear as markup: every value is escaped text, and the only script is the page’s own', () => {
  const { result } = sampleConformanceResult();
  const page = renderHtml(result);
  for (const payload of HOSTILE_PAYLOADS) expect(page).not.toContain(payload);
  expect(page.match(/<script/g)).toHaveLength(1);
  expect(page.match(/<\/script>/g)).toHaveLength(1);
  expect(page).not.toMatch(/<(img|svg onload|injected|iframe|object|embed|link)\b/i);
  // The words are there, as text.
  expect(page).toContain(asText(HOSTILE_PAYLOADS[0]).replaceAll('&quot;', '"'));
  expect(page).toContain('&lt;img src=x onerror=');
});

test('a body that tries to close its <pre> stays inside it, quotes and all', () => {
  const hostileBody = '</pre><script>window.pwned=1</script>"quoted" & <b>';
  const check: CheckResult = {
    id: 'users.create.returns-201',
    title: 'POST answers 201',
    category: 'users',
    level: 'MUST',
    rfc: 'RFC 7644 §3.3',
    profiles: ['core'],
    status: 'failed',
    message: `Expected 201\n${hostileBody}`,
    evidence: [
      {
        request: { method: 'POST', url: 'http://t/Users', headers: {}, body: { userName: hostileBody } },
        response: { status: 200, headers: { 'x-a': hostileBody }, body: hostileBody },
        phase: 'check',
        decisive: true,
      },
    ],
  };
  const page = renderHtml(buildConformanceResult({ ...TEST_RUN, checks: [check] }));
  expect(page).not.toContain('</pre><script>');
  expect(page.match(/<script/g)).toHaveLength(1);
  // Inside <pre>, quotes are written as such (they mean nothing in element text); everything else stays escaped.
  expect(page).toContain(
    '<pre class="body" id="check-users_create_returns-201-x1-res-body">&lt;/pre>&lt;script>',
  );
  expect(page).toContain('"quoted" &amp; &lt;b>');
});

test('the page is self-contained and its policy allows only its own script, by hash', () => {
  const { result } = sampleConformanceResult({ checks: 20 });
  const page = renderHtml(result, { replay: sampleReplayResult() });
  const markup = markupOf(page);
  // No attribute loads anything (the target's words may say `src=`, as escaped text) and no style either; the
  // pictures' `url(#…)` are references within the page.
  expect(markup).not.toMatch(/<[a-z][^>]*\ssrc\s*=/i);
  expect(page).not.toMatch(/@import|url\((?!#)/i);
  expect(markup).not.toMatch(/<(img|link|iframe|object|embed)\b/i);
  // Links only within the page, each to an element that is there.
  const hrefs = [...markup.matchAll(/\bhref="([^"]*)"/g)].map((m) => m[1] ?? '');
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) {
    expect(href).toMatch(/^#/);
    expect(markup).toContain(`id="${href.slice(1)}"`);
  }
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("img-src 'none'");
  const script = /<script>([\s\S]*)<\/script>/.exec(page)?.[1] ?? '';
  const hash = createHash('sha256').update(script).digest('base64');
  expect(csp).toContain(`'sha256-${hash}'`);
});

test('tokens and declared secrets are scrubbed from the page', () => {
  const { result, token, secret } = sampleConformanceResult();
  const page = renderHtml(result, { secrets: [secret] });
  expect(page).not.toContain(token);
  expect(page).not.toContain(secret);
  expect(page).toContain('[REDACTED]');
});

test('a replay alone renders, and nothing at all is refused', () => {
  const page = renderHtml(null, { replay: sampleReplayResult() });
  expect(page).toContain('<title>Mock IdP replay report</title>');
  expect(page).toContain('<section id="replay"');
  expect(page).not.toContain('id="verdicts"');
  expect(page).not.toContain('id="checks-table"');
  // No heading repeats another (the page's title and the replay section's once read nearly the same).
  const headings = [...page.matchAll(/<h[12][^>]*>([^<]*)<\/h[12]>/g)].map((m) => m[1]?.trim().toLowerCase());
  expect(new Set(headings).size).toBe(headings.length);
  expect(
    headings.some((h) => h !== undefined && headings.some((o) => o !== h && o?.startsWith(h ?? ''))),
  ).toBe(false);
  expect(() => renderHtml(null)).toThrow(/needs a conformance result, a replay, or both/);
});

test('the page is complete without its script: no embedded data, no notice about JavaScript', () => {
  const { result } = sampleConformanceResult();
  const page = renderHtml(result);
  expect(page).not.toContain('<noscript');
  expect(page).not.toContain('application/json');
  // Every check is in the full table, with its status in words.
  for (const check of result.checks) expect(page).toContain(`data-check="${check.id}"`);
  expect(markupOf(page).match(/<tr id="row-/g)).toHaveLength(result.checks.length);
  // What needs the script is in the file but hidden, so nothing dead shows without it.
  expect(page).toMatch(/<form id="filters" class="js-only"[^>]* hidden>/);
});

test('each verdict is in the words of the other summaries, declined features named', () => {
  const { result } = sampleConformanceResult({ seed: 3 });
  const page = renderHtml(result);
  for (const profile of result.profiles) {
    const words = describeVerdict(result, profile);
    const label = `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
    expect(page).toMatch(
      new RegExp(
        `<tr data-profile="${profile}"><th scope="row">${profile}</th><td class="verdict verdict-(pass|fail)"[^>]*>${label.replace(/[()]/g, '\\$&')}</td>`,
      ),
    );
  }
  expect(result.profiles.some((p) => /needed features? unsupported/.test(describeVerdict(result, p)))).toBe(
    true,
  );
});

test('reading order: verdicts, failures with their decisive exchange, unsupported, could not evaluate, skipped, pictures, the full table', () => {
  const { result } = sampleConformanceResult({ seed: 3 });
  const page = renderHtml(result);
  const at = (needle: string) => {
    const i = page.indexOf(needle);
    expect(i, needle).toBeGreaterThan(-1);
    return i;
  };
  const order = [
    at('id="verdicts"'),
    at('id="failures"'),
    at('class="decisive-exchange"'),
    at('id="unsupported"'),
    at('id="errors"'),
    at('id="skipped"'),
    at('id="scores"'),
    at('id="checks-table"'),
  ];
  expect([...order].sort((a, b) => a - b)).toEqual(order);
});

test('failures are grouped by category, the one with the most severe failure first, each with requirement, message, decisive exchange and fix', () => {
  const base: Pick<CheckResult, 'rfc' | 'profiles' | 'evidence' | 'message'> = {
    rfc: 'RFC 7644 §3',
    profiles: ['core'],
    evidence: [],
    message: 'm',
  };
  const decisive: EvidenceExchange = {
    request: { method: 'GET', url: 'http://t/Users/1', headers: {} },
    response: { status: 500, headers: {}, body: { detail: 'boom' } },
    phase: 'check',
    decisive: true,
  };
  const checks: CheckResult[] = [
    {
      ...base,
      id: 'a.may',
      title: 't',
      category: 'alpha',
      level: 'MAY',
      status: 'failed',
      profiles: ['core'],
    },
    {
      ...base,
      id: 'a.should',
      title: 't',
      category: 'alpha',
      level: 'SHOULD',
      status: 'failed',
      profiles: ['core'],
    },
    {
      ...base,
      id: 'z.must',
      title: 't',
      category: 'zulu',
      level: 'MUST',
      status: 'failed',
      profiles: ['core'],
      requirement: 'The service provider MUST answer.',
      fix: 'Answer.',
      evidence: [decisive],
    },
    {
      ...base,
      id: 'm.pass',
      title: 't',
      category: 'mike',
      level: 'MUST',
      status: 'passed',
      profiles: ['core'],
    },
  ];
  const page = renderHtml(buildConformanceResult({ ...TEST_RUN, checks }));
  const failures =
    /<section id="failures"[\s\S]*?(?=<section id="(?:unsupported|errors|skipped|scores)")/.exec(page)?.[0] ??
    '';
  const groups = [...failures.matchAll(/class="failure-group" data-category="([^"]+)"/g)].map((m) => m[1]);
  expect(groups).toEqual(['zulu', 'alpha']);
  expect(failures.indexOf('data-check="a.should"')).toBeLessThan(failures.indexOf('data-check="a.may"'));
  const article = /<article[^>]*data-check="z.must"[\s\S]*?<\/article>/.exec(failures)?.[0] ?? '';
  const parts = [
    '<blockquote class="requirement">The service provider MUST answer.</blockquote>',
    '<pre>m</pre>',
    '<code>GET http://t/Users/1 → 500</code>',
    '<p class="fix"><strong>How to fix: </strong>Answer.</p>',
  ].map((part) => article.indexOf(part));
  for (const i of parts) expect(i).toBeGreaterThan(-1);
  expect([...parts].sort((a, b) => a - b)).toEqual(parts);
  // The decisive exchange is written once, open; the list of every exchange points to it.
  expect(article.match(/"detail": "boom"/g)).toHaveLength(1);
  expect(article).toContain('href="#check-z_must-decisive"');
  // A failure below the fail-on level is shown, and said to fail nothing.
  expect(page).toMatch(/data-check="a.may"[\s\S]*?Fails no profile: the run fails on must only\./);
});

test('a long body several exchanges received is written once; the others link to it', () => {
  const schemas = {
    Resources: Array.from({ length: 60 }, (_, i) => ({ id: `urn:x:${i}`, name: `schema ${i}` })),
  };
  const exchange = (url: string): EvidenceExchange => ({
    request: { method: 'GET', url, headers: {} },
    response: { status: 200, headers: {}, body: schemas },
    phase: 'check',
  });
  const check = (id: string): CheckResult => ({
    id,
    title: id,
    category: 'discovery',
    level: 'MUST',
    rfc: 'RFC 7644 §4',
    profiles: ['core'],
    status: 'passed',
    message: '',
    evidence: [exchange('http://t/Schemas')],
  });
  const page = renderHtml(buildConformanceResult({ ...TEST_RUN, checks: [check('d.one'), check('d.two')] }));
  expect(page.match(/"name": "schema 59"/g)).toHaveLength(1);
  expect(page).toMatch(
    /Body: the same [\d,]+ characters as <a href="#check-d_one-x1-res-body">the response of exchange 1 of d\.one<\/a>/,
  );
});

test('unsupported checks name the profiles each fails; checks that could not be evaluated come with their causes', () => {
  const { result } = sampleConformanceResult({ seed: 3 });
  const page = renderHtml(result);
  const unsupported = result.checks.find((c) => c.status === 'unsupported' && (c.neededBy ?? []).length > 0)!;
  expect(page).toMatch(
    new RegExp(
      `data-check="${unsupported.id}"[\\s\\S]*?<dd class="fails-profiles">${(unsupported.neededBy ?? []).join(', ')}</dd>`,
    ),
  );
  const errors = /<section id="errors"[\s\S]*?<ul class="causes">([\s\S]*?)<\/ul>/.exec(page)?.[1] ?? '';
  const errored = result.checks.filter((c) => c.status === 'error').length;
  expect(errors).toContain(
    `<li><strong>${errored}</strong> no answer at all (timeout, reset, unreachable)</li>`,
  );
  const skipped = result.checks.find((c) => c.status === 'skipped')!;
  expect(page).toMatch(new RegExp(`<section id="skipped"[\\s\\S]*?${skipped.skipReason}`));
});

test('the pictures are inline SVG with a caption and the table they summarise, and nothing to load', () => {
  const { result } = sampleConformanceResult({ seed: 3 });
  const page = renderHtml(result);
  const scores = /<section id="scores"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
  for (const id of ['matrix', 'scores']) {
    expect(scores).toMatch(new RegExp(`<figcaption id="${id}-caption">`));
    expect(scores).toMatch(new RegExp(`<svg class="chart ${id}" role="img" aria-labelledby="${id}-caption"`));
  }
  expect(scores.match(/<details class="text-equivalent">[\s\S]*?<table/g)).toHaveLength(2);
  expect(scores).not.toMatch(/xmlns|https?:|<image|<foreignObject/);
  // One matrix cell per category and profile.
  const categories = new Set(result.checks.map((c) => c.category)).size;
  expect(scores.match(/<g class="matrix-cell /g)).toHaveLength(categories * result.profiles.length);
});

test('an interrupted run or replay is announced in the page header', () => {
  const { result } = sampleConformanceResult();
  const page = renderHtml({ ...result, interrupted: true });
  expect(page).toContain(`<p id="interrupted" role="alert">${INTERRUPTED_NOTICE}</p>`);
  expect(page.indexOf('id="interrupted"')).toBeLessThan(page.indexOf('</header>'));
  for (const profile of result.profiles) {
    expect(page).toMatch(new RegExp(`data-profile="${profile}"[^]*?>Fail \\(run interrupted`));
  }
  const replay = renderHtml(null, { replay: { ...sampleReplayResult(), interrupted: true } });
  expect(replay).toContain(`<p id="interrupted" role="alert">${REPLAY_INTERRUPTED_NOTICE}</p>`);
  expect(renderHtml(result)).not.toContain('id="interrupted"');
});

test('what the sweep found carrying the run id is a safety section under the header, every value escaped', () => {
  const { result } = sampleConformanceResult();
  const leftovers = [
    { id: 'g-1', endpoint: '/Groups', name: `Side effect ${HOSTILE_PAYLOADS[1]}`, deleted: true },
    { id: '<b>u-2</b>', endpoint: '/Users', name: HOSTILE_PAYLOADS[0], deleted: false },
  ];
  const page = renderHtml({ ...result, interrupted: true, leftovers });
  for (const payload of HOSTILE_PAYLOADS) expect(page).not.toContain(payload);
  expect(page.match(/<script/g)).toHaveLength(1);
  const section =
    /<section id="leftovers" class="safety" role="alert"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
  // Right under the interrupted notice, before the report itself.
  expect(page.indexOf('id="interrupted"')).toBeLessThan(page.indexOf(section));
  expect(page.indexOf(section)).toBeLessThan(page.indexOf('<main id="app">'));
  expect(section).toContain("carried the run id after the checks' own cleanup");
  expect(section).toContain('This is a safety failure: the run exits 130, as it was interrupted.');
  expect(section).toContain(
    '<td>/Groups</td><td>Side effect &lt;img src=x onerror=&quot;window.pwned=1&quot;></td>',
  );
  expect(section).toContain('<code>&lt;b>u-2&lt;/b></code>');
  expect(section).toMatch(/leftover-deleted[\s\S]*deleted by the sweep/);
  expect(section).toMatch(/leftover-remaining[\s\S]*NOT deleted: still on the target/);
  expect(section).toContain(`cleanup --run-id ${result.runId}`);
  expect(renderHtml(result)).not.toContain('class="safety"');
});

test("the replay's sweep findings, leftovers and searches it could not complete, are a safety section too", () => {
  const replay = {
    ...sampleReplayResult(),
    leftovers: [{ id: 'g-9', endpoint: '/Groups', name: 'Side effect 9 sh-x', deleted: true }],
    sweepIncomplete: ['/Users: GET /Users answered 500 & <more>'],
  };
  const page = renderHtml(null, { replay });
  const section = /<section id="replay-leftovers" class="safety"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
  expect(section).toContain("carried the run id after the replay's own cleanup");
  expect(section).toContain('the replay exits 1');
  expect(section).toContain('<td>Side effect 9 sh-x</td>');
  expect(section).toContain('<li>/Users: GET /Users answered 500 &amp; &lt;more></li>');
  const interrupted = renderHtml(null, { replay: { ...replay, interrupted: true, leftovers: [] } });
  expect(interrupted).toContain('Safety: the sweep after the replay could not search the whole target');
  expect(interrupted).toContain('the replay exits 130, as it was interrupted');
  expect(interrupted).not.toContain('class="leftover-');
  expect(renderHtml(null, { replay: sampleReplayResult() })).not.toContain('class="safety"');
});

test('the Entra / Okta matrix answers per client variant and links each broken request to its evidence', () => {
  const base = { category: 'entra', level: 'MUST' as const, rfc: 'doc', message: 'x', evidence: [] };
  const checks: CheckResult[] = [
    {
      ...base,
      id: 'entra.patch-legacy.disable-with-string-false',
      title: 'Legacy disable',
      profiles: ['entra'],
      status: 'failed',
      clients: ['entra-legacy'],
    },
    {
      ...base,
      id: 'entra.users.create-returns-201',
      title: 'Create',
      profiles: ['entra'],
      status: 'passed',
      clients: ['entra-legacy', 'entra-aadOptscim062020'],
    },
  ];
  const page = markupOf(renderHtml(buildConformanceResult({ ...TEST_RUN, profiles: ['entra'], checks })));
  const row = (variant: string) =>
    page.match(new RegExp(`<tr data-client="${variant}"[\\s\\S]*?</tr>`))?.[0] ?? '';
  expect(row('entra-legacy')).toContain('data-outcome="breaks"');
  expect(row('entra-legacy')).toContain('href="#check-entra_patch-legacy_disable-with-string-false"');
  expect(page).toContain('id="check-entra_patch-legacy_disable-with-string-false"');
  expect(row('entra-aadOptscim062020')).toContain('data-outcome="works"');
  expect(row('okta-oin')).toContain('data-outcome="not-tested"');
});
