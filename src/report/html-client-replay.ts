import type { ClientDom } from './html-client-dom.js';
import type { ReplayView } from './report-view-model.js';

/**
 * Renders the mock-IdP replay into `#app`: per cycle counts by action and status, latency, throughput, errors
 * by code, the quarantine timeline (each cycle's state and the events in it, reasons in words), who owns the
 * token, what became of a scenario's external key owner, and divergences. Runs in the browser.
 *
 * Part of the report.html script: this function is serialised with `Function.prototype.toString`
 * and called in the browser, so it may reference nothing outside its own body and parameters (type imports
 * only). Every value from the target reaches the page through `textContent` or `setAttribute`, never through
 * HTML parsing, so a body of `<script>` is shown, not run.
 */
export function renderReplayView(doc: Document, dom: ClientDom, data: ReplayView): void {
  const { h, table, cells, section } = dom;
  const app = doc.getElementById('app');
  const json = (value: unknown) =>
    typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
  const codes = (map: Record<string, number>) =>
    Object.entries(map)
      .filter(([, n]) => n > 0)
      .map(([code, n]) => `${code}×${n}`)
      .join(', ') || 'none';
  const cycleRows = data.cycles.map((c) =>
    h(
      'tr',
      { 'data-cycle': String(c.n) },
      h('th', { scope: 'row' }, String(c.n)),
      ...cells([
        c.kind,
        String(c.requests),
        `${c.durationMs} ms`,
        String(c.latencyMs.p50),
        String(c.latencyMs.p95),
        String(c.latencyMs.p99),
        `${c.throughputRps}`,
        c.converged ? 'yes' : 'no',
        codes(c.errorsByCode),
        c.quarantined ? 'yes' : 'no',
      ]),
    ),
  );
  const operations = data.cycles.map((c) => {
    const statuses = [
      ...new Set(Object.values(c.operations).flatMap((byStatus) => Object.keys(byStatus))),
    ].sort();
    const rows = Object.entries(c.operations).map(([action, byStatus]) =>
      h('tr', {}, h('th', { scope: 'row' }, action), ...cells(statuses.map((s) => String(byStatus[s] ?? 0)))),
    );
    return table(`Cycle ${c.n} (${c.kind}): operations by action and status`, ['Action', ...statuses], rows);
  });
  const divergences = data.cycles.flatMap((c) =>
    c.divergences.map((d) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, String(c.n)),
        ...cells([d.object, d.attribute, json(d.expected), json(d.found)]),
      ),
    ),
  );
  // Each cycle's state, then what happened to the job during it, the reason in words (computed in the view model).
  const timeline = h(
    'ol',
    { class: 'timeline', 'aria-label': 'Quarantine timeline' },
    ...data.timeline.map((c) =>
      h(
        'li',
        { class: c.quarantined ? 'quarantined' : 'active', 'data-cycle': String(c.n) },
        `Cycle ${c.n}: ${c.quarantined ? 'quarantined' : 'active'}`,
        c.events.length > 0
          ? h(
              'ul',
              { class: 'events' },
              ...c.events.map((e) =>
                h(
                  'li',
                  { class: `event-${e.event}`, 'data-event': e.event },
                  h('time', { datetime: e.at }, e.at),
                  ' ',
                  e.words,
                ),
              ),
            )
          : null,
      ),
    ),
  );
  const owner = (finding: NonNullable<ReplayView['tokenOwner']>) =>
    h(
      'span',
      { class: `token-owner severity-${finding.severity}` },
      `${finding.severity}: ${finding.message}`,
    );
  const facts = h(
    'dl',
    {},
    h('dt', {}, 'Run'),
    h('dd', {}, data.runId),
    h('dt', {}, 'Mode'),
    h('dd', {}, data.mode),
    h('dt', {}, 'Seed'),
    h('dd', {}, String(data.seed)),
    data.tokenOwner ? h('dt', {}, 'Token owner') : null,
    data.tokenOwner ? h('dd', {}, owner(data.tokenOwner)) : null,
  );
  const scenario = data.scenario
    ? h(
        'div',
        { class: 'scenario' },
        h('h3', {}, `Scenario: ${data.scenario.name}`),
        h('p', {}, h('strong', {}, 'Outcome: '), data.scenario.outcome),
        h('p', {}, data.scenario.explanation),
        data.scenario.owner && data.scenario.ownerLine
          ? h(
              'p',
              { class: `key-owner-restore restore-${data.scenario.owner.restore}` },
              data.scenario.ownerLine,
            )
          : null,
        data.scenario.keyOwner
          ? h('p', {}, h('strong', {}, 'Owner of the key: '), owner(data.scenario.keyOwner))
          : null,
      )
    : null;
  app?.append(
    section(
      'replay',
      'Mock IdP replay',
      'Provisioning cycles as Microsoft Entra would run them against the target. Latency in milliseconds, throughput in requests per second.',
      facts,
      scenario,
      table(
        'Cycles',
        [
          'Cycle',
          'Kind',
          'Requests',
          'Duration',
          'p50',
          'p95',
          'p99',
          'Throughput',
          'Converged',
          'Errors by code',
          'Quarantined',
        ],
        cycleRows,
      ),
      h('h3', {}, 'Quarantine timeline'),
      timeline,
      h('h3', {}, 'Operations'),
      ...operations,
      h('h3', {}, 'Divergences'),
      divergences.length > 0
        ? table(
            'Divergences after each cycle',
            ['Cycle', 'Object', 'Attribute', 'Expected', 'Found'],
            divergences,
          )
        : h('p', {}, 'The target matched the source after every cycle.'),
    ),
  );
}
