import { expect, test } from '@playwright/test';
import {
  IPSIE_REACTIVATION_RULE,
  parseReplayResult,
  type ReplayLeaverShape,
  type ReplayResult,
} from '../../run-contract/index.js';
import { renderMarkup } from './markup.js';
import { REPLAY_CSS, ReplaySection } from './replay-section.js';

const SHAPES: ReplayLeaverShape[] = [
  {
    shape: 'entra-legacy',
    request: 'PATCH /Users/{id} [{"op":"Replace","path":"active","value":"False"}]',
    revokedAfterMs: 412,
    withinBudget: true,
    restoredOnReactivation: false,
    outcome: 'revoked',
    probes: 2,
  },
  {
    shape: 'entra-compliant',
    request: 'PATCH /Users/{id} [{"op":"replace","path":"active","value":false}]',
    revokedAfterMs: 300,
    withinBudget: true,
    restoredOnReactivation: true,
    outcome: 'revoked',
    owner: { userName: 'jo@example.com', priorActive: true, restore: 'restored', status: '200' },
  },
  {
    shape: 'okta-path-less',
    request: 'PATCH /Users/{id} [{"op":"replace","value":{"active":false}}]',
    revokedAfterMs: null,
    withinBudget: false,
    restoredOnReactivation: null,
    outcome: 'not-revoked',
    note: 'the credential was never refused',
    notRefusals: { '503': 1 },
  },
  {
    shape: 'full-put',
    request: 'PUT /Users/{id} (the whole user as read, "active": false)',
    revokedAfterMs: null,
    withinBudget: null,
    restoredOnReactivation: null,
    outcome: 'untested',
    note: 'no owner/key given',
  },
  {
    shape: 'delete',
    request: 'DELETE /Users/{id}',
    revokedAfterMs: 90,
    withinBudget: true,
    restoredOnReactivation: null,
    outcome: 'revoked',
  },
];

const REPLAY: ReplayResult = {
  schemaVersion: 1,
  runId: 'leaver-1',
  mode: 'compliant',
  seed: 1,
  cycles: [],
  quarantine: [],
  scenario: {
    name: 'leaver',
    outcome: 'credential-outlived-owner',
    explanation: 'SECURITY PROBLEM: …',
    shapes: SHAPES,
    revokeBudgetMs: 300_000,
    probeIntervalMs: 5000,
  },
};

test('replay.json with scenario.shapes is a valid replay result; a bad row is refused', () => {
  expect(parseReplayResult(structuredClone(REPLAY))).toEqual(REPLAY);
  const bad = structuredClone(REPLAY);
  (bad.scenario?.shapes?.[0] as unknown as Record<string, unknown>).shape = 'soap';
  expect(() => parseReplayResult(bad)).toThrow(/not a valid replay result/);
  const missing = structuredClone(REPLAY) as unknown as { scenario: { shapes: Record<string, unknown>[] } };
  delete missing.scenario.shapes[0]?.withinBudget;
  expect(() => parseReplayResult(missing)).toThrow(/withinBudget/);
});

test('the matrix: a row per shape with its request, time to refusal, verdict and reactivation, in words and tone', () => {
  const markup = renderMarkup(ReplaySection({ replay: REPLAY }));
  expect(markup).toContain('Leaver matrix');
  expect(markup).toContain('budget 5 min, probed every 5 s');
  const row = (shape: string) =>
    new RegExp(
      `<tr class="leaver-row tone-(\\w+)" data-shape="${shape}" data-outcome="([\\w-]+)"[\\s\\S]*?</tr>`,
    ).exec(markup);
  expect(row('entra-legacy')?.slice(1)).toEqual(['ok', 'revoked']);
  expect(row('entra-legacy')?.[0]).toContain('0.4 s');
  expect(row('entra-legacy')?.[0]).toContain('no: it stays revoked');
  expect(row('entra-compliant')?.[0]).toMatch(/tone-warn">⚠ YES: the old credential works again/);
  expect(row('okta-path-less')?.slice(1)).toEqual(['fail', 'not-revoked']);
  expect(row('okta-path-less')?.[0]).toContain('still accepted after the budget (5 min)');
  expect(row('full-put')?.slice(1)).toEqual(['untested', 'untested']);
  expect(row('full-put')?.[0]).toContain('untested (no owner/key given)');
  expect(row('delete')?.[0]).toContain('not applicable (DELETE: nothing to reactivate)');
  // The request is text: its quotes are escaped, never markup.
  expect(markup).toContain('[{&quot;op&quot;:&quot;Replace&quot;');
  // What IPSIE expects, and the external owner's fate.
  expect(markup).toContain('§5.1');
  expect(markup).toContain('The Application MUST allow reactivation of a deactivated user.');
  expect(IPSIE_REACTIVATION_RULE).toMatch(/stays revoked/);
  expect(markup).toContain('Key owner jo@example.com: set back to active=true (200).');
  // No provisioning cycle ran: no empty cycle charts.
  expect(markup).not.toContain('replay-timeline-chart');
  expect(markup).not.toContain('replay-operations-chart');
});

test('the stylesheet colours the matrix', () => {
  for (const selector of [
    'tr.leaver-row.tone-ok',
    'tr.leaver-row.tone-fail',
    'td.tone-warn',
    'tone-untested',
  ])
    expect(REPLAY_CSS).toContain(selector);
});
