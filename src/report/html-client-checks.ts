import type { CategoryScore } from './category-score.js';
import type { CheckResult, ConformanceResult, EvidenceExchange, Verdict } from './conformance-result.js';
import type { ClientDom } from './html-client-dom.js';

/**
 * Renders the conformance part of report.html into `#app`: verdicts, scores, the filterable table of checks,
 * failures, checks that could not be evaluated, skipped checks. Runs in the browser.
 *
 * Part of the report.html script: this function is serialised with `Function.prototype.toString`
 * and called in the browser, so it may reference nothing outside its own body and parameters (type imports
 * only). Every value from the target reaches the page through `textContent` or `setAttribute`, never through
 * HTML parsing, so a body of `<script>` is shown, not run.
 */
export function renderChecksView(
  doc: Document,
  dom: ClientDom,
  result: ConformanceResult,
  scores: CategoryScore[],
): void {
  const { h, table, cells, section } = dom;
  const app = doc.getElementById('app');
  const verdictLabel: Record<Verdict, string> = { pass: 'Pass', fail: 'Fail' };
  const levelRank: Record<CheckResult['level'], number> = { MUST: 3, SHOULD: 2, MAY: 1 };
  const failOnRank = { must: 3, should: 2, none: 4 }[result.failOn ?? 'must'];
  const statusLabel: Record<CheckResult['status'], string> = {
    passed: 'Passed',
    failed: 'Failed',
    skipped: 'Skipped',
    error: 'Could not evaluate',
  };
  function anchorOf(check: CheckResult): string {
    return `check-${check.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  }
  function showBody(body: unknown): string {
    if (body === undefined) return '';
    return typeof body === 'string' ? body : JSON.stringify(body, null, 2);
  }
  function showHeaders(headers: Record<string, string>): string {
    return Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\n');
  }

  function evidence(exchanges: EvidenceExchange[]): HTMLElement | null {
    if (exchanges.length === 0) return null;
    const items = exchanges.map((exchange, i) => {
      const request = `${exchange.request.method} ${exchange.request.url}\n${showHeaders(exchange.request.headers)}`;
      const requestBody = showBody(exchange.request.body);
      const response = exchange.response;
      return h(
        'li',
        { class: 'exchange' },
        h('h4', {}, `Exchange ${i + 1}`),
        exchange.note ? h('p', { class: 'note' }, exchange.note) : null,
        h('h5', {}, 'Request'),
        h('pre', {}, requestBody ? `${request}\n\n${requestBody}` : request),
        h('h5', {}, 'Response'),
        response
          ? h(
              'pre',
              {},
              `${response.status}\n${showHeaders(response.headers)}${response.body === undefined ? '' : `\n\n${showBody(response.body)}`}`,
            )
          : h('p', {}, 'No response arrived.'),
      );
    });
    const count = `${exchanges.length} HTTP exchange${exchanges.length === 1 ? '' : 's'}`;
    return h('details', { class: 'evidence' }, h('summary', {}, `Evidence: ${count}`), h('ol', {}, ...items));
  }

  function checkArticle(check: CheckResult): HTMLElement {
    const facts = h(
      'dl',
      {},
      h('dt', {}, 'Level'),
      h('dd', {}, check.level),
      h('dt', {}, 'Section'),
      h('dd', {}, check.rfc),
      h('dt', {}, 'Category'),
      h('dd', {}, check.category),
      h('dt', {}, 'Profiles'),
      h('dd', {}, check.profiles.join(', ')),
    );
    return h(
      'article',
      { class: `check check-${check.status}`, id: anchorOf(check), 'data-check': check.id },
      h(
        'h3',
        {},
        h('span', { class: `level level-${check.level}` }, check.level),
        ' ',
        h('code', {}, check.id),
      ),
      h('p', { class: 'title' }, check.title),
      facts,
      check.requirement ? h('blockquote', {}, check.requirement) : null,
      check.message ? h('p', { class: 'message' }, h('strong', {}, 'What happened: '), check.message) : null,
      check.fix ? h('p', { class: 'fix' }, h('strong', {}, 'How to fix: '), check.fix) : null,
      evidence(check.evidence),
    );
  }

  const filterable: { element: HTMLElement; check: CheckResult }[] = [];

  const runInfo = doc.getElementById('run-info');
  if (runInfo) {
    runInfo.textContent = `Target ${result.target.url} · run ${result.runId} · ${result.startedAt} to ${result.finishedAt} · ${result.tool.name} ${result.tool.version} · fails on ${result.failOn ?? 'must'}`;
  }
  const { checks, summary } = result;
  const verdictRows = result.profiles.map((profile) => {
    const verdict = summary.verdicts[profile] ?? 'fail';
    const mine = checks.filter((check) => check.profiles.includes(profile));
    const n = (status: CheckResult['status']) => String(mine.filter((c) => c.status === status).length);
    // Checks the harness could not evaluate fail the profile too; say so, so the target is not blamed for them.
    const unevaluated = mine.filter((c) => c.status === 'error' && levelRank[c.level] >= failOnRank).length;
    const label =
      verdict === 'fail' && unevaluated > 0
        ? `${verdictLabel[verdict]} (${unevaluated} could not be evaluated)`
        : verdictLabel[verdict];
    const row = h('tr', { 'data-profile': profile });
    row.append(
      h('th', { scope: 'row' }, profile),
      h('td', { class: `verdict verdict-${verdict}` }, label),
      ...cells([n('passed'), n('failed'), n('error'), n('skipped')]),
    );
    return row;
  });
  app?.append(
    section(
      'verdicts',
      'Verdict per profile',
      `${summary.total} checks: ${summary.passed} passed, ${summary.failed} failed, ${summary.errored} could not be evaluated, ${summary.skipped} skipped.`,
      table(
        'Verdict per profile',
        ['Profile', 'Verdict', 'Passed', 'Failed', 'Could not evaluate', 'Skipped'],
        verdictRows,
      ),
    ),
  );
  const scoreRows = scores.map((score) => {
    const percent = score.applicable === 0 ? 0 : Math.round((score.passed / score.applicable) * 100);
    const text = score.applicable === 0 ? 'n/a' : `${score.passed} / ${score.applicable} (${percent}%)`;
    const bar = h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${percent}%` }));
    return h(
      'tr',
      { 'data-category': score.category },
      h('th', { scope: 'row' }, score.category),
      ...cells([
        h('span', {}, bar, text),
        String(score.failed),
        String(score.errored),
        String(score.skipped),
      ]),
    );
  });
  app?.append(
    section(
      'scores',
      'Score per category',
      'Passed out of applicable: skipped checks did not apply and errored ones could not be evaluated, so neither counts.',
      table(
        'Score per category',
        ['Category', 'Passed / applicable', 'Failed', 'Could not evaluate', 'Skipped'],
        scoreRows,
      ),
    ),
  );

  const select = (id: string, label: string, values: string[], names: Record<string, string> = {}) =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      h(
        'select',
        { id },
        h('option', { value: '' }, 'All'),
        ...values.map((v) => h('option', { value: v }, names[v] ?? v)),
      ),
    );
  const categories = [...new Set(checks.map((c) => c.category))].sort();
  const form = h(
    'form',
    { id: 'filters', role: 'search' },
    h(
      'fieldset',
      {},
      h('legend', {}, 'Filter checks'),
      select('filter-status', 'Status', ['failed', 'error', 'passed', 'skipped'], statusLabel),
      select('filter-level', 'Level', ['MUST', 'SHOULD', 'MAY']),
      select('filter-category', 'Category', categories),
      select('filter-profile', 'Profile', result.profiles),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'filter-text' }, 'Search'),
        h('input', { id: 'filter-text', type: 'search', placeholder: 'id, title, message…' }),
      ),
    ),
  );
  const count = h('p', { id: 'filter-count', 'aria-live': 'polite' });
  const rows = checks.map((check) => {
    const idCell =
      check.status === 'failed' || check.status === 'error'
        ? h('a', { href: `#${anchorOf(check)}` }, h('code', {}, check.id))
        : h('code', {}, check.id);
    const row = h(
      'tr',
      { 'data-check': check.id, class: `row-${check.status}` },
      h('th', { scope: 'row' }, idCell),
      ...cells([check.title, check.level, check.category, check.profiles.join(', '), check.rfc]),
      h('td', { class: `status status-${check.status}` }, statusLabel[check.status]),
    );
    filterable.push({ element: row, check });
    return row;
  });
  app?.append(
    section(
      'checks',
      'All checks',
      'Filters apply to this table and to the sections below.',
      form,
      count,
      table('Checks', ['Check', 'Title', 'Level', 'Category', 'Profiles', 'Section', 'Status'], rows, {
        id: 'checks-table',
      }),
    ),
  );

  const failed = checks.filter((c) => c.status === 'failed');
  const errored = checks.filter((c) => c.status === 'error');
  const skipped = checks.filter((c) => c.status === 'skipped');
  const rank = { MUST: 0, SHOULD: 1, MAY: 2 } as const;
  failed.sort((a, b) => rank[a.level] - rank[b.level]);
  const articles = (list: CheckResult[]) =>
    list.map((check) => {
      const article = checkArticle(check);
      filterable.push({ element: article, check });
      return article;
    });
  app?.append(
    section(
      'failures',
      `Failures (${failed.length})`,
      'The target broke these requirements.',
      ...articles(failed),
    ),
    section(
      'errors',
      `Could not evaluate (${errored.length})`,
      'The harness could not run these checks (unreachable target, unusable answer, harness fault). They are not failures of the target and say nothing about it either way.',
      ...articles(errored),
    ),
  );
  const skippedRows = skipped.map((check) => {
    const row = h(
      'tr',
      { 'data-check': check.id },
      h('th', { scope: 'row' }, h('code', {}, check.id)),
      ...cells([check.title, check.skipReason ?? check.message]),
    );
    filterable.push({ element: row, check });
    return row;
  });
  app?.append(
    section(
      'skipped',
      `Skipped (${skipped.length})`,
      'These checks did not apply to the target.',
      table('Skipped checks', ['Check', 'Title', 'Reason'], skippedRows),
    ),
  );

  const value = (id: string) =>
    (doc.getElementById(id) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';
  const apply = () => {
    const status = value('filter-status');
    const level = value('filter-level');
    const category = value('filter-category');
    const profile = value('filter-profile');
    const text = value('filter-text').trim().toLowerCase();
    let shown = 0;
    for (const { element, check } of filterable) {
      const haystack = [
        check.id,
        check.title,
        check.message,
        check.category,
        check.rfc,
        check.requirement ?? '',
        check.skipReason ?? '',
      ]
        .join('\n')
        .toLowerCase();
      const match =
        (!status || check.status === status) &&
        (!level || check.level === level) &&
        (!category || check.category === category) &&
        (!profile || check.profiles.includes(profile)) &&
        (!text || haystack.includes(text));
      element.hidden = !match;
      if (match && element.tagName === 'TR' && element.closest('#checks-table')) shown += 1;
    }
    count.textContent = `Showing ${shown} of ${checks.length} checks`;
  };
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  apply();
}
