import type { CategoryScore } from './category-score.js';
import type { CheckResult, ConformanceResult, EvidenceExchange, Verdict } from './conformance-result.js';
import type { ClientDom } from './html-client-dom.js';

/**
 * Renders the conformance part of report.html into `#app`: verdicts, scores, the filterable table of checks,
 * failures, features the target declined (`unsupported`), checks that could not be evaluated, skipped checks. In the
 * evidence, setup and cleanup exchanges are labelled, greyed and collapsed apart from the check's own, and the
 * decisive exchange is highlighted (and named in the check's article). Runs in the browser.
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
  verdictText: Record<string, string>,
): void {
  const { h, table, cells, section } = dom;
  const app = doc.getElementById('app');
  const verdictLabel: Record<Verdict, string> = { pass: 'Pass', fail: 'Fail' };
  const statusLabel: Record<CheckResult['status'], string> = {
    passed: 'Passed',
    failed: 'Failed',
    unsupported: 'Unsupported',
    skipped: 'Skipped',
    error: 'Could not evaluate',
  };
  const phaseLabel: Record<NonNullable<EvidenceExchange['phase']>, string> = {
    setup: 'Setup',
    check: 'Check',
    cleanup: 'Cleanup',
  };
  /** The profiles of this run an unsupported check fails. */
  function failsProfiles(check: CheckResult): string[] {
    return (check.neededBy ?? []).filter((profile) => result.profiles.includes(profile));
  }
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

  function exchangeLine(exchange: EvidenceExchange): string {
    const answer = exchange.response ? String(exchange.response.status) : 'no response';
    return `${exchange.request.method} ${exchange.request.url} → ${answer}`;
  }

  function evidence(exchanges: EvidenceExchange[]): HTMLElement | null {
    if (exchanges.length === 0) return null;
    const items = exchanges.map((exchange, i) => {
      const request = `${exchange.request.method} ${exchange.request.url}\n${showHeaders(exchange.request.headers)}`;
      const requestBody = showBody(exchange.request.body);
      const response = exchange.response;
      const phase = exchange.phase;
      const body = [
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
      ];
      const heading = h(
        'h4',
        {},
        `Exchange ${i + 1}`,
        phase ? h('span', { class: `phase phase-label-${phase}` }, phaseLabel[phase]) : null,
        exchange.decisive ? h('span', { class: 'decisive-badge' }, 'Decisive') : null,
      );
      const classes = ['exchange', phase ? `phase-${phase}` : '', exchange.decisive ? 'decisive' : '']
        .filter((name) => name !== '')
        .join(' ');
      // Setup and cleanup are context, not what the check judges: collapsed to one line unless they decided it.
      const aside = (phase === 'setup' || phase === 'cleanup') && !exchange.decisive;
      return aside
        ? h(
            'li',
            { class: classes, 'data-phase': phase },
            h(
              'details',
              { class: 'phase-aside' },
              h('summary', {}, heading, ' ', h('code', {}, exchangeLine(exchange))),
              ...body,
            ),
          )
        : h('li', { class: classes, ...(phase ? { 'data-phase': phase } : {}) }, heading, ...body);
    });
    const count = `${exchanges.length} HTTP exchange${exchanges.length === 1 ? '' : 's'}`;
    const phases = (['setup', 'check', 'cleanup'] as const)
      .map((phase) => [phase, exchanges.filter((e) => e.phase === phase).length] as const)
      .filter(([, n]) => n > 0)
      .map(([phase, n]) => `${n} ${phase}`);
    const summary = phases.length > 0 ? `Evidence: ${count} (${phases.join(', ')})` : `Evidence: ${count}`;
    return h('details', { class: 'evidence' }, h('summary', {}, summary), h('ol', {}, ...items));
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
      ...(check.status === 'unsupported'
        ? [
            h('dt', {}, 'Fails profiles'),
            h(
              'dd',
              { class: 'fails-profiles' },
              failsProfiles(check).join(', ') || 'none (no profile of this run needs the feature)',
            ),
          ]
        : []),
    );
    const decisive = check.evidence.findLast((exchange) => exchange.decisive === true);
    const messageLabel = check.status === 'unsupported' ? 'What the target declined: ' : 'What happened: ';
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
      check.message
        ? h('div', { class: 'message' }, h('strong', {}, messageLabel), h('pre', {}, check.message))
        : null,
      decisive
        ? h(
            'p',
            { class: 'decisive-line' },
            h('strong', {}, 'Decisive exchange: '),
            h('code', {}, exchangeLine(decisive)),
          )
        : null,
      check.fix && check.status !== 'unsupported'
        ? h('p', { class: 'fix' }, h('strong', {}, 'How to fix: '), check.fix)
        : null,
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
    // The verdict in the summaries' words ("fail (2 needed features unsupported, 1 could not be evaluated)"), so
    // the target is not blamed for what the harness could not evaluate, and a declined feature is named as such.
    const words = verdictText[profile] ?? verdictLabel[verdict];
    const label = `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
    const row = h('tr', { 'data-profile': profile });
    row.append(
      h('th', { scope: 'row' }, profile),
      h('td', { class: `verdict verdict-${verdict}` }, label),
      ...cells([n('passed'), n('failed'), n('unsupported'), n('error'), n('skipped')]),
    );
    return row;
  });
  app?.append(
    section(
      'verdicts',
      'Verdict per profile',
      `${summary.total} checks: ${summary.passed} passed, ${summary.failed} failed, ${summary.unsupported} unsupported, ${summary.errored} could not be evaluated, ${summary.skipped} skipped. An unsupported check fails only the profiles whose client needs the feature.`,
      table(
        'Verdict per profile',
        ['Profile', 'Verdict', 'Passed', 'Failed', 'Unsupported', 'Could not evaluate', 'Skipped'],
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
        String(score.unsupported),
        String(score.errored),
        String(score.skipped),
      ]),
    );
  });
  app?.append(
    section(
      'scores',
      'Score per category',
      'Passed out of applicable: skipped checks did not apply, unsupported ones are features the target declined (neither a pass nor a failure), and errored ones could not be evaluated, so none of them counts.',
      table(
        'Score per category',
        ['Category', 'Passed / applicable', 'Failed', 'Unsupported', 'Could not evaluate', 'Skipped'],
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
      select('filter-status', 'Status', ['failed', 'unsupported', 'error', 'passed', 'skipped'], statusLabel),
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
      check.status === 'failed' || check.status === 'error' || check.status === 'unsupported'
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
  const unsupported = checks.filter((c) => c.status === 'unsupported');
  const errored = checks.filter((c) => c.status === 'error');
  const skipped = checks.filter((c) => c.status === 'skipped');
  const rank = { MUST: 0, SHOULD: 1, MAY: 2 } as const;
  failed.sort((a, b) => rank[a.level] - rank[b.level]);
  unsupported.sort((a, b) => rank[a.level] - rank[b.level]);
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
      'unsupported',
      `Unsupported (${unsupported.length})`,
      'The target declined these features in a way the RFC allows (for example 400 invalidFilter to a filter form it does not support, or 501 for /Bulk). That is neither a failure nor a skip: each fails only the profiles whose client needs the feature, named under "Fails profiles".',
      ...articles(unsupported),
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
