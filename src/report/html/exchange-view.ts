/**
 * A check's evidence in report.html: its HTTP exchanges, each with its phase (setup, check, cleanup) and the decisive
 * one highlighted. Setup and cleanup are context, not what the check judges, so they are greyed and collapsed to one
 * line (a native `<details>`, which opens without JavaScript); the decisive exchange is shown open where the reader
 * meets the failure. Every value from the target is text, escaped by the renderer.
 */

import type { CheckResult, EvidenceExchange, EvidencePhase } from '../../run-contract/index.js';
import { html, type VNode } from './markup.js';

const PHASE_LABEL: Record<EvidencePhase, string> = { setup: 'Setup', check: 'Check', cleanup: 'Cleanup' };

/** `GET http://…/Users/1 → 404`: an exchange on one line, as its summary. */
export function exchangeSummaryLine(exchange: EvidenceExchange): string {
  const answer = exchange.response ? String(exchange.response.status) : 'no response';
  return `${exchange.request.method} ${exchange.request.url} → ${answer}`;
}

/** The exchange that decided the check's outcome, when the recorder marked one (the last so marked). */
export function decisiveIndex(check: Pick<CheckResult, 'evidence'>): number {
  return check.evidence.findLastIndex((exchange) => exchange.decisive === true);
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

/** `Evidence: 3 HTTP exchanges (1 setup, 1 check, 1 cleanup)`. */
export function evidenceCount(exchanges: readonly EvidenceExchange[]): string {
  const count = `${exchanges.length} HTTP exchange${exchanges.length === 1 ? '' : 's'}`;
  const phases = (['setup', 'check', 'cleanup'] as const)
    .map((phase) => [phase, exchanges.filter((e) => e.phase === phase).length] as const)
    .filter(([, n]) => n > 0)
    .map(([phase, n]) => `${n} ${phase}`);
  return phases.length > 0 ? `${count} (${phases.join(', ')})` : count;
}

/**
 * Bodies already on the page, so a long body that several exchanges received (a /Schemas document, a large list) is
 * written once and the others link to it: the page stays a reasonable size and nothing is cut. One per rendered page.
 */
export class BodyStore {
  readonly #seen = new Map<string, { id: string; where: string }>();
  /** Bodies shorter than this are written wherever they occur: a link would save little. */
  static readonly MIN_SHARED = 1024;

  /** Where `text` was first written, or `undefined` after recording that it is written now at `id` (`where` says it in words). */
  firstSeen(text: string, id: string, where: string): { id: string; where: string } | undefined {
    if (text.length < BodyStore.MIN_SHARED) return undefined;
    const first = this.#seen.get(text);
    if (first) return first;
    this.#seen.set(text, { id, where });
    return undefined;
  }
}

/** Where an exchange's body is, in words and as an id: `the response of exchange 2 of users.create.returns-201`. */
interface BodyPlace {
  check: string;
  n: number;
  anchor: string;
}

/** A body, or a link to the same body written earlier on the page. */
function Body(props: {
  text: string;
  store: BodyStore;
  place: BodyPlace;
  half: 'request' | 'response';
}): VNode {
  const { text, store, place, half } = props;
  const id = `${place.anchor}-x${place.n}-${half === 'request' ? 'req' : 'res'}-body`;
  const first = store.firstSeen(text, id, `the ${half} of exchange ${place.n} of ${place.check}`);
  return first
    ? html`<p class="same-body">Body: the same ${text.length.toLocaleString('en-US')} characters as <a href=${`#${first.id}`}>${first.where}</a>.</p>`
    : html`<pre class="body" id=${id}>${text}</pre>`;
}

/** The request and the response of one exchange, in full (start line and headers, then the body pretty-printed). */
function ExchangeBody(props: { exchange: EvidenceExchange; store: BodyStore; place: BodyPlace }): VNode {
  const { exchange, store, place } = props;
  const { request, response, note } = exchange;
  const requestBody = showBody(request.body);
  const responseBody = response ? showBody(response.body) : '';
  return html`${note ? html`<p class="note">${note}</p>` : null}<pre class="req">${`${request.method} ${request.url}\n${showHeaders(request.headers)}`}</pre>${
    requestBody ? html`<${Body} text=${requestBody} store=${store} place=${place} half="request" />` : null
  }${
    response
      ? html`<pre class="res">${`${response.status}\n${showHeaders(response.headers)}`}</pre>${
          responseBody
            ? html`<${Body} text=${responseBody} store=${store} place=${place} half="response" />`
            : null
        }`
      : html`<p class="res-none">No response arrived.</p>`
  }`;
}

/** `Exchange 2 [Check] [Decisive]`: the label an exchange is known by. */
function ExchangeLabel(props: { exchange: EvidenceExchange; n: number }): VNode {
  const { phase, decisive } = props.exchange;
  return html`<b>Exchange ${props.n}</b>${
    phase ? html` <span class=${`phase phase-label-${phase}`}>${PHASE_LABEL[phase]}</span>` : null
  }${decisive ? html` <span class="decisive-badge">Decisive</span>` : null}`;
}

/** `exchange` and `decisive` when it decided the outcome; the phase is in `data-phase`, which the stylesheet reads. */
function itemClass(exchange: EvidenceExchange): string {
  return exchange.decisive ? 'exchange decisive' : 'exchange';
}

/**
 * The decisive exchange, open and highlighted, for the top of a failure: what the target answered that decided the
 * outcome, without opening anything.
 */
export function DecisiveExchange(props: {
  check: CheckResult;
  anchor: string;
  store: BodyStore;
}): VNode | null {
  const { check, anchor, store } = props;
  const index = decisiveIndex(check);
  const exchange = check.evidence[index];
  if (!exchange) return null;
  return html`<div class="decisive-exchange" id=${`${anchor}-decisive`}>
    <p class="decisive-line"><strong>Decisive exchange: </strong><code>${exchangeSummaryLine(exchange)}</code></p>
    <div class=${itemClass(exchange)} data-phase=${exchange.phase}>
      <p class="exchange-head"><${ExchangeLabel} exchange=${exchange} n=${index + 1} /></p>
      <${ExchangeBody} exchange=${exchange} store=${store} place=${{ check: check.id, n: index + 1, anchor }} />
    </div>
  </div>`;
}

/**
 * Every exchange of a check, in order. The check's own exchanges are shown whole; setup and cleanup are collapsed to
 * one line each (and greyed), unless one of them decided the outcome. When the decisive exchange is already shown
 * above (`decisiveShown`), its entry here only points to it, so the page holds it once. Inside one collapsed
 * `<details class="evidence">` (summary `summaryPrefix: 3 HTTP exchanges (…)`), or bare (`bare`) when the caller's
 * own `<details>` holds it.
 */
export function EvidenceList(props: {
  check: CheckResult;
  anchor: string;
  store: BodyStore;
  decisiveShown: boolean;
  summaryPrefix?: string;
  bare?: boolean;
}): VNode | null {
  const { check, anchor, store, decisiveShown } = props;
  if (check.evidence.length === 0) return null;
  const shownAbove = decisiveShown ? decisiveIndex(check) : -1;
  const items = check.evidence.map((exchange, i) => {
    const label = html`<${ExchangeLabel} exchange=${exchange} n=${i + 1} />`;
    const line = html`<code>${exchangeSummaryLine(exchange)}</code>`;
    const place = { check: check.id, n: i + 1, anchor };
    if (i === shownAbove) {
      return html`<li class=${itemClass(exchange)} data-phase=${exchange.phase}>
        <p class="exchange-head">${label} ${line} <a href=${`#${anchor}-decisive`}>shown above</a></p>
      </li>`;
    }
    const aside = (exchange.phase === 'setup' || exchange.phase === 'cleanup') && exchange.decisive !== true;
    return aside
      ? html`<li class=${itemClass(exchange)} data-phase=${exchange.phase}>
          <details class="phase-aside"><summary>${label} ${line}</summary><${ExchangeBody} exchange=${exchange} store=${store} place=${place} /></details>
        </li>`
      : html`<li class=${itemClass(exchange)} data-phase=${exchange.phase}>
          <p class="exchange-head">${label}</p><${ExchangeBody} exchange=${exchange} store=${store} place=${place} />
        </li>`;
  });
  const list = html`<ol class="exchanges">${items}</ol>`;
  return props.bare
    ? list
    : html`<details class="evidence">
        <summary>${props.summaryPrefix ?? 'Evidence'}: ${evidenceCount(check.evidence)}</summary>${list}
      </details>`;
}
