/**
 * The conformance part of report.html, rendered into the file: complete and readable with JavaScript off. In reading
 * order: the verdict per profile; the failures grouped by category, the category with the most severe failure first,
 * each with the quoted requirement, the message, the decisive exchange and the fix; the features the target declined
 * (`unsupported`, with the profiles each fails); the checks that could not be evaluated, with their causes; the
 * skipped checks with their reasons; the pictures (profile × category matrix, score per category); and last the full
 * table of every check, each row with its evidence one click away. The page's small script only filters that table
 * and opens or closes its `<details>` (see page-script.ts).
 */

import {
  type CheckResult,
  type CheckStatus,
  type ConformanceResult,
  countsTowardsVerdict,
  levelRank,
  REQUIREMENT_LEVELS,
} from '../../run-contract/index.js';
import { describeVerdict, unsupportedFails } from '../build-conformance-result.js';
import { scoreCategories } from '../category-score.js';
import {
  type CompatibilityOutcome,
  clientCompatibility,
  describeCompatibility,
} from '../idp-compatibility.js';
import { unevaluatedCauses } from '../unevaluated-causes.js';
import { CategoryScoreChart, ProfileCategoryMatrix } from './conformance-pictures.js';
import { BodyStore, DecisiveExchange, decisiveIndex, EvidenceList, evidenceCount } from './exchange-view.js';
import { html, type VNode } from './markup.js';

/** A status in the page's words. */
export const STATUS_LABEL: Record<CheckStatus, string> = {
  passed: 'Passed',
  failed: 'Failed',
  unsupported: 'Unsupported',
  skipped: 'Skipped',
  error: 'Could not evaluate',
};

/** The order the status filter offers, what needs attention first. */
const STATUS_ORDER: readonly CheckStatus[] = ['failed', 'unsupported', 'error', 'passed', 'skipped'];

/** Statuses whose check is shown in full in its own section above the table; their rows link to it. */
const DETAILED: ReadonlySet<CheckStatus> = new Set(['failed', 'unsupported', 'error']);

/** Unique, URL-safe fragment ids for the checks (`check-users_create_returns-201`). */
export function checkAnchors(checks: readonly CheckResult[]): Map<string, string> {
  const anchors = new Map<string, string>();
  const taken = new Set<string>();
  for (const check of checks) {
    const base = `check-${check.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    let anchor = base;
    for (let n = 2; taken.has(anchor); n += 1) anchor = `${base}-${n}`;
    taken.add(anchor);
    anchors.set(check.id, anchor);
  }
  return anchors;
}

/** What every section needs: the (redacted) result, the checks' fragment ids, and the page's bodies. */
interface Parts {
  result: ConformanceResult;
  anchors: Map<string, string>;
  store: BodyStore;
}

/** Strongest level first, then by id. */
function byLevelThenId(a: CheckResult, b: CheckResult): number {
  return levelRank(b.level) - levelRank(a.level) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The failures grouped by category: the category whose most severe failure is strongest first (then the one with
 * more failures at that level, then by name), each category's failures strongest level first.
 */
export function failureGroups(checks: readonly CheckResult[]): { category: string; checks: CheckResult[] }[] {
  const groups = new Map<string, CheckResult[]>();
  for (const check of checks) {
    if (check.status !== 'failed') continue;
    groups.set(check.category, [...(groups.get(check.category) ?? []), check]);
  }
  const key = (list: CheckResult[]) => {
    const top = Math.max(...list.map((c) => levelRank(c.level)));
    return [top, list.filter((c) => levelRank(c.level) === top).length] as const;
  };
  return [...groups]
    .map(([category, list]) => ({ category, checks: list.sort(byLevelThenId) }))
    .sort((a, b) => {
      const [ta, na] = key(a.checks);
      const [tb, nb] = key(b.checks);
      return tb - ta || nb - na || a.category.localeCompare(b.category);
    });
}

/** A check id that may wrap after each dot, and nowhere inside a word. */
function CheckId(props: { id: string }): VNode {
  const parts = props.id.split(/(?<=\.)/);
  return html`<code class="check-id">${parts.map((part, i) => (i === 0 ? part : html`<wbr />${part}`))}</code>`;
}

function LevelBadge(props: { level: CheckResult['level'] }): VNode {
  return html`<span class=${`badge level level-${props.level}`}>${props.level}</span>`;
}

function StatusBadge(props: { status: CheckStatus }): VNode {
  return html`<span class=${`badge status status-${props.status}`}>${STATUS_LABEL[props.status]}</span>`;
}

const cap = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * One check in full, for the sections above the table: the level and id, the title, the section and profiles, the
 * quoted requirement, what happened, the decisive exchange (open), the fix, then every exchange (collapsed).
 */
function CheckArticle(props: {
  check: CheckResult;
  anchor: string;
  result: ConformanceResult;
  store: BodyStore;
  heading: 'h3' | 'h4';
}): VNode {
  const { check, anchor, result, store } = props;
  const failOn = result.failOn ?? 'must';
  const Heading = props.heading;
  const fails = (check.neededBy ?? []).filter((profile) => result.profiles.includes(profile));
  const messageLabel =
    check.status === 'unsupported'
      ? 'What the target declined'
      : check.status === 'error'
        ? 'Why it could not be evaluated'
        : 'What happened';
  const belowFailOn = check.status === 'failed' && !countsTowardsVerdict(check.level, failOn);
  return html`<article class=${`check check-${check.status}`} id=${anchor} data-check=${check.id}>
    <${Heading} class="check-heading"><${LevelBadge} level=${check.level} /> <${CheckId} id=${check.id} /></${Heading}>
    <p class="title">${check.title}</p>
    <dl class="facts">
      <dt>Section</dt><dd>${check.rfc}</dd>
      <dt>Category</dt><dd>${check.category}</dd>
      <dt>Profiles</dt><dd>${check.profiles.join(', ')}</dd>
      ${
        check.status === 'unsupported'
          ? html`<dt>Fails profiles</dt><dd class="fails-profiles">${fails.join(', ') || 'none (no profile of this run needs the feature)'}</dd>`
          : null
      }
    </dl>
    ${belowFailOn ? html`<p class="below-fail-on">Fails no profile: the run fails on ${failOn} only.</p>` : null}
    ${check.requirement ? html`<blockquote class="requirement">${check.requirement}</blockquote>` : null}
    ${check.message ? html`<div class="message"><p class="io-label">${messageLabel}</p><pre>${check.message}</pre></div>` : null}
    <${DecisiveExchange} check=${check} anchor=${anchor} store=${store} />
    ${
      check.fix && check.status !== 'unsupported'
        ? html`<p class="fix"><strong>How to fix: </strong>${check.fix}</p>`
        : null
    }
    <${EvidenceList} check=${check} anchor=${anchor} store=${store} decisiveShown=${decisiveIndex(check) >= 0} summaryPrefix="All exchanges" />
  </article>`;
}

/** Buttons that open or close every `<details>` under `scope`; in the file hidden, shown by the page's script. */
function OpenAll(props: { scope: string }): VNode {
  return html`<p class="toolbar js-only" hidden>
    <button type="button" data-details="open" data-scope=${props.scope}>Open all exchanges</button>
    <button type="button" data-details="close" data-scope=${props.scope}>Close all</button>
  </p>`;
}

/** A section labelled by its heading; `lead` is the sentence under it. */
function Section(props: { id: string; title: string; lead?: string; children?: unknown }): VNode {
  return html`<section id=${props.id} aria-labelledby=${`${props.id}-heading`}>
    <h2 id=${`${props.id}-heading`}>${props.title}</h2>
    ${props.lead ? html`<p class="lead">${props.lead}</p>` : null}
    ${props.children}
  </section>`;
}

/** The run in one line, for the page header: target, run id, seed, when, the tool, the fail-on level. */
export function RunInfo(props: { result: ConformanceResult }): VNode {
  const r = props.result;
  const seed = r.seed === undefined ? '' : ` · seed ${r.seed}`;
  const shard = r.shard ? ` · shard ${r.shard.index}/${r.shard.total}` : '';
  const when = (iso: string) =>
    html`<time datetime=${iso}>${iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')}</time>`;
  return html`<p id="run-info">
    ${'Target '}<code>${r.target.url}</code>${r.target.embedded ? ' (embedded reference server)' : ''}${' · run '}
    <code>${r.runId}</code>${seed}${shard}${' · '}${when(r.startedAt)}${' to '}${when(r.finishedAt)}
    ${` · ${r.tool.name} ${r.tool.version} · fails on ${r.failOn ?? 'must'}`}
  </p>`;
}

function VerdictSection(props: { result: ConformanceResult }): VNode {
  const { result } = props;
  const { summary, checks } = result;
  const columns: [string, (c: CheckResult) => boolean][] = [
    ['Passed', (c) => c.status === 'passed'],
    ['Failed', (c) => c.status === 'failed'],
    ['Unsupported', (c) => c.status === 'unsupported'],
    ['Could not evaluate', (c) => c.status === 'error'],
    ['Skipped', (c) => c.status === 'skipped'],
  ];
  const lead = `${summary.total} checks: ${summary.passed} passed, ${summary.failed} failed, ${summary.unsupported} unsupported, ${summary.errored} could not be evaluated, ${summary.skipped} skipped. A profile passes when every check of it at or above the fail-on level (${result.failOn ?? 'must'}) was evaluated and passed; an unsupported check fails only the profiles whose client needs the feature.`;
  return html`<${Section} id="verdicts" title="Verdict per profile" lead=${lead}>
    <div class="table-wrap">
      <table class="verdict-table cards" aria-labelledby="verdicts-heading">
        <thead>
          <tr><th scope="col">Profile</th><th scope="col">Verdict</th>${columns.map(([name]) => html`<th scope="col" class="num">${name}</th>`)}</tr>
        </thead>
        <tbody>
          ${result.profiles.map((profile) => {
            const verdict = summary.verdicts[profile] ?? 'fail';
            const mine = checks.filter((c) => c.profiles.includes(profile));
            return html`<tr data-profile=${profile}>
              <th scope="row">${profile}</th>
              <td class=${`verdict verdict-${verdict}`} data-label="Verdict">${cap(describeVerdict(result, profile))}</td>
              ${columns.map(([name, keep]) => html`<td class="num" data-label=${name}>${mine.filter(keep).length}</td>`)}
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
  </${Section}>`;
}

const COMPATIBILITY_CLASS: Record<CompatibilityOutcome, string> = {
  works: 'verdict verdict-pass',
  breaks: 'verdict verdict-fail',
  unknown: 'verdict',
  'not-tested': '',
};

/**
 * "Will it work with Entra / with Okta?" on one screen: a row per client variant, with the checks of the requests the
 * target refused or mishandled, each linked to its evidence.
 */
function ClientsSection(props: Parts): VNode {
  const { result, anchors } = props;
  const rows = clientCompatibility(result);
  const lead =
    "Each client's documented requests, as its checks send them: a client works when every one at or above the fail-on level was handled.";
  return html`<${Section} id="clients" title="Will it work with Microsoft Entra ID / Okta?" lead=${lead}>
    <div class="table-wrap">
      <table class="clients-table cards" aria-labelledby="clients-heading">
        <thead>
          <tr><th scope="col">Client</th><th scope="col">Answer</th><th scope="col">Requests refused or mishandled</th></tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr data-client=${row.variant} data-outcome=${row.outcome}>
              <th scope="row">${row.name}</th>
              <td class=${COMPATIBILITY_CLASS[row.outcome]} data-label="Answer">${cap(describeCompatibility(row))}</td>
              <td data-label="Refused or mishandled">${
                row.broken.length === 0
                  ? '—'
                  : html`<ul class="client-breaks">${row.broken.map(
                      (check) =>
                        html`<li><a href=${`#${anchors.get(check.id) ?? ''}`}><code>${check.id}</code></a>: ${check.title}</li>`,
                    )}</ul>`
              }</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </${Section}>`;
}

/** The notes of the run: requirements left ungraded because the profile's documents contradict each other. */
function NotesSection(props: { result: ConformanceResult }): VNode | null {
  const notes = props.result.notes ?? [];
  if (notes.length === 0) return null;
  return html`<${Section} id="notes" title=${`Notes (${notes.length})`} lead="Left ungraded where the documents contradict each other.">
    <ul class="notes">${notes.map((note) => html`<li data-profile=${note.profile}><strong>${note.profile}</strong>: ${note.text}</li>`)}</ul>
  <//>`;
}

function FailuresSection(props: Parts): VNode {
  const { result, anchors, store } = props;
  const groups = failureGroups(result.checks);
  const total = groups.reduce((n, g) => n + g.checks.length, 0);
  if (total === 0) {
    return html`<${Section} id="failures" title="Failures (0)" lead="The target broke no requirement that was checked." />`;
  }
  return html`<${Section}
    id="failures"
    title=${`Failures (${total})`}
    lead="The target broke these requirements. Grouped by category, the category with the most severe failure first."
  >
    <${OpenAll} scope="#failures" />
    ${groups.map((group) => {
      const byLevel = REQUIREMENT_LEVELS.map(
        (level) => [level, group.checks.filter((c) => c.level === level).length] as const,
      )
        .filter(([, n]) => n > 0)
        .map(([level, n]) => `${n} ${level}`)
        .join(', ');
      return html`<section class="failure-group" data-category=${group.category} aria-labelledby=${`failures-${group.category}`}>
        <h3 id=${`failures-${group.category}`}>${group.category} <span class="group-count">${byLevel}</span></h3>
        ${group.checks.map(
          (check) =>
            html`<${CheckArticle} check=${check} anchor=${anchors.get(check.id)} result=${result} store=${store} heading="h4" />`,
        )}
      </section>`;
    })}
  </${Section}>`;
}

function UnsupportedSection(props: Parts): VNode | null {
  const { result, anchors, store } = props;
  const list = result.checks.filter((c) => c.status === 'unsupported').sort(byLevelThenId);
  if (list.length === 0) return null;
  const failing = list.filter((c) => result.profiles.some((p) => unsupportedFails(c, p))).length;
  return html`<${Section}
    id="unsupported"
    title=${`Unsupported (${list.length})`}
    lead=${`The target declined these features in a way the RFC allows (for example 400 invalidFilter to a filter form it does not support, or 501 for /Bulk). That is neither a failure nor a skip: each fails only the profiles whose client needs the feature, named under "Fails profiles" (${failing} of ${list.length} fail a profile of this run).`}
  >
    ${list.map((check) => html`<${CheckArticle} check=${check} anchor=${anchors.get(check.id)} result=${result} store=${store} heading="h3" />`)}
  </${Section}>`;
}

function UnevaluatedSection(props: Parts): VNode | null {
  const { result, anchors, store } = props;
  const list = result.checks.filter((c) => c.status === 'error').sort(byLevelThenId);
  if (list.length === 0) return null;
  const causes = unevaluatedCauses(list);
  return html`<${Section}
    id="errors"
    title=${`Could not evaluate (${list.length})`}
    lead="The harness could not run these checks (unreachable target, unusable answer, harness fault). They are not failures of the target and say nothing about it either way, but a profile they belong to cannot pass."
  >
    <p class="causes-label">By cause:</p>
    <ul class="causes">${causes.map(({ cause, count }) => html`<li><strong>${count}</strong> ${cause}</li>`)}</ul>
    ${list.map((check) => html`<${CheckArticle} check=${check} anchor=${anchors.get(check.id)} result=${result} store=${store} heading="h3" />`)}
  </${Section}>`;
}

function SkippedSection(props: { result: ConformanceResult }): VNode | null {
  const list = props.result.checks.filter((c) => c.status === 'skipped');
  if (list.length === 0) return null;
  return html`<${Section} id="skipped" title=${`Skipped (${list.length})`} lead="These checks did not apply to the target.">
    <div class="table-wrap">
      <table class="skipped-table cards" aria-labelledby="skipped-heading">
        <thead><tr><th scope="col">Check</th><th scope="col">Reason</th></tr></thead>
        <tbody>
          ${list.map(
            (check) => html`<tr data-check=${check.id}>
              <th scope="row"><${CheckId} id=${check.id} /><span class="check-title">${check.title}</span></th>
              <td data-label="Reason">${check.skipReason ?? check.message}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </${Section}>`;
}

function ScoresSection(props: { result: ConformanceResult }): VNode {
  const { result } = props;
  const scores = scoreCategories(result.checks);
  return html`<${Section}
    id="scores"
    title="Scores by category"
    lead="Skipped checks did not apply, unsupported ones are features the target declined (neither a pass nor a failure), and checks that could not be evaluated say nothing either way: none of them counts in a score."
  >
    <div class="pictures">
      <${ProfileCategoryMatrix}
        checks=${result.checks}
        profiles=${result.profiles}
        categories=${scores.map((s) => s.category)}
        failOn=${result.failOn ?? 'must'}
      />
      <${CategoryScoreChart} scores=${scores} />
    </div>
  </${Section}>`;
}

function Select(props: { id: string; label: string; options: [string, string][] }): VNode {
  return html`<div class="field">
    <label for=${props.id}>${props.label}</label>
    <select id=${props.id}>
      <option value="">All</option>
      ${props.options.map(([value, words]) => html`<option value=${value}>${words}</option>`)}
    </select>
  </div>`;
}

/** The filters of the full table: in the file but hidden, shown by the page's script, which makes them work. */
function Filters(props: { result: ConformanceResult }): VNode {
  const { result } = props;
  const categories = [...new Set(result.checks.map((c) => c.category))].sort();
  return html`<form id="filters" class="js-only" role="search" aria-label="Filter the checks" hidden>
    <${Select} id="filter-status" label="Status" options=${STATUS_ORDER.map((s) => [s, STATUS_LABEL[s]])} />
    <${Select} id="filter-level" label="Level" options=${REQUIREMENT_LEVELS.map((l) => [l, l])} />
    <${Select} id="filter-category" label="Category" options=${categories.map((c) => [c, c])} />
    <${Select} id="filter-profile" label="Profile" options=${result.profiles.map((p) => [p, p])} />
    <div class="field field-text">
      <label for="filter-text">Search</label>
      <input id="filter-text" type="search" placeholder="id, title, section…" />
    </div>
    <div class="field field-buttons">
      <button type="button" data-details="open" data-scope="#checks-table">Open all evidence</button>
      <button type="button" data-details="close" data-scope="#checks-table">Close all</button>
    </div>
  </form>`;
}

/** The full table, last: every check with its level, category, profiles and status, and its evidence. */
function AllChecksSection(props: Parts): VNode {
  const { result, anchors, store } = props;
  const { checks } = result;
  return html`<${Section}
    id="checks"
    title=${`All checks (${checks.length})`}
    lead="Every check of the run. Failures, unsupported features and checks that could not be evaluated link to their details above; the others open their evidence here."
  >
    <${Filters} result=${result} />
    <p id="filter-count" class="js-only" aria-live="polite" hidden></p>
    <div class="table-wrap">
      <table id="checks-table" class="checks-table cards" aria-labelledby="checks-heading">
        <thead>
          <tr><th scope="col">Check</th><th scope="col">Level</th><th scope="col">Category</th><th scope="col">Profiles</th><th scope="col">Status</th></tr>
        </thead>
        <tbody>
          ${checks.map((check) => {
            const anchor = anchors.get(check.id) ?? '';
            const detail = DETAILED.has(check.status)
              ? html`<a class="to-details" href=${`#${anchor}`}>Details above</a>`
              : check.evidence.length > 0 || check.requirement
                ? html`<details class="row-evidence evidence">
                    <summary>${check.evidence.length > 0 ? `Evidence: ${evidenceCount(check.evidence)}` : 'Requirement'}</summary>
                    ${check.requirement ? html`<blockquote class="requirement">${check.requirement}</blockquote>` : null}
                    ${check.skipReason ? html`<p class="skip-reason">Skipped: ${check.skipReason}</p>` : null}
                    <${EvidenceList} check=${check} anchor=${anchor} store=${store} decisiveShown=${false} bare=${true} />
                  </details>`
                : null;
            return html`<tr
              id=${`row-${anchor}`}
              class=${`row-${check.status}`}
              data-check=${check.id}
              data-status=${check.status}
              data-level=${check.level}
              data-category=${check.category}
              data-profiles=${check.profiles.join(' ')}
            >
              <th scope="row" class="check-cell">
                <${CheckId} id=${check.id} />
                <span class="check-title">${check.title}</span>
                <span class="check-section">${check.rfc}</span>
                ${detail}
              </th>
              <td data-label="Level"><${LevelBadge} level=${check.level} /></td>
              <td data-label="Category">${check.category}</td>
              <td data-label="Profiles">${check.profiles.join(', ')}</td>
              <td data-label="Status"><${StatusBadge} status=${check.status} /></td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
  </${Section}>`;
}

/** The links at the top of the page, with the counts, so a reader can jump to any part. */
function Contents(props: { result: ConformanceResult; replay: boolean }): VNode {
  const { summary } = props.result;
  const links: [string, string][] = [
    ['#verdicts', 'Verdicts'],
    ['#clients', 'Entra / Okta'],
    ['#failures', `Failures (${summary.failed})`],
    ...(summary.unsupported > 0
      ? [['#unsupported', `Unsupported (${summary.unsupported})`] as [string, string]]
      : []),
    ...(summary.errored > 0
      ? [['#errors', `Could not evaluate (${summary.errored})`] as [string, string]]
      : []),
    ...(summary.skipped > 0 ? [['#skipped', `Skipped (${summary.skipped})`] as [string, string]] : []),
    ['#scores', 'Scores'],
    ['#checks', `All checks (${summary.total})`],
    ...(props.replay ? [['#replay', 'Replay'] as [string, string]] : []),
  ];
  return html`<nav class="contents" aria-label="Contents">
    <ul>${links.map(([href, words]) => html`<li><a href=${href}>${words}</a></li>`)}</ul>
  </nav>`;
}

/** The whole conformance report, in reading order; `result` must already be redacted. */
export function ConformanceReport(props: { result: ConformanceResult; replay: boolean }): VNode {
  const { result } = props;
  // Rendered in this order, so a body several exchanges share is written in the first (the highest on the page).
  const parts: Parts = { result, anchors: checkAnchors(result.checks), store: new BodyStore() };
  return html`<${Contents} result=${result} replay=${props.replay} />
    <${VerdictSection} result=${result} />
    <${ClientsSection} ...${parts} />
    <${NotesSection} result=${result} />
    <${FailuresSection} ...${parts} />
    <${UnsupportedSection} ...${parts} />
    <${UnevaluatedSection} ...${parts} />
    <${SkippedSection} result=${result} />
    <${ScoresSection} result=${result} />
    <${AllChecksSection} ...${parts} />`;
}
