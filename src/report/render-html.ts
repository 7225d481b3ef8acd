import { createHash } from 'node:crypto';
import { HarnessError } from '../errors/harness-error.js';
import type { ConformanceResult, ReplayResult } from '../run-contract/index.js';
import { redact } from '../secrets/redaction.js';
import { ConformanceReport, RunInfo } from './html/conformance-report.js';
import { html, renderMarkup, type VNode } from './html/markup.js';
import { pageScript } from './html/page-script.js';
import { REPLAY_CSS, ReplaySection } from './html/replay-section.js';
import { REPORT_CSS } from './html-styles.js';
import { INTERRUPTED_NOTICE, isInterrupted, REPLAY_INTERRUPTED_NOTICE } from './interrupted-run.js';
import type { RenderOptions } from './render-json.js';
import { replaySafetyFinding, runSafetyFinding, type SafetyFinding } from './safety-findings.js';

export interface HtmlOptions extends RenderOptions {
  /** The mock-IdP replay, rendered in its own section; alone when there is no conformance result. */
  replay?: ReplayResult;
}

/**
 * A sweep's findings as a section: what it is and why it is a safety failure, then each resource (endpoint, name, id,
 * deleted or NOT) and each search that could not be completed.
 */
function SafetySection(props: { finding: SafetyFinding }): VNode {
  const { finding } = props;
  const id = finding.source === 'run' ? 'leftovers' : 'replay-leftovers';
  return html`<section id=${id} class="safety" role="alert" aria-labelledby=${`${id}-heading`}>
    <h2 id=${`${id}-heading`}>${finding.heading}</h2>
    <p>${finding.notice}</p>
    ${
      finding.leftovers.length === 0
        ? null
        : html`<div class="table-wrap"><table aria-labelledby=${`${id}-heading`}>
            <thead><tr><th scope="col">Endpoint</th><th scope="col">Name</th><th scope="col">Id</th><th scope="col">Sweep</th></tr></thead>
            <tbody>
              ${finding.leftovers.map((l) => {
                const deleted = l.deleted === true;
                return html`<tr class=${deleted ? 'leftover-deleted' : 'leftover-remaining'}><td>${l.endpoint}</td><td>${l.name}</td><td><code>${l.id}</code></td><td class="sweep-state">${deleted ? 'deleted by the sweep' : 'NOT deleted: still on the target'}</td></tr>`;
              })}
            </tbody>
          </table></div>`
    }
    ${
      finding.incomplete.length === 0
        ? null
        : html`<p>Searches the sweep could not complete:</p>
          <ul class="sweep-incomplete">${finding.incomplete.map((line) => html`<li>${line}</li>`)}</ul>`
    }
  </section>`;
}

/**
 * The renderer escapes `"` as `&quot;` in text too, where it means nothing. Evidence bodies are JSON, full of quotes,
 * so inside the page's `<pre>` elements they are put back: the renderer escaped every `<` of their text, so a `<pre>`
 * holds no markup and ends at the first `</pre>`, and a `"` in element text cannot end or start anything. This only
 * shrinks the file (by about a fifth for a run's evidence); it escapes nothing.
 */
function unquotePre(markup: string): string {
  return markup.replace(
    /(<pre\b[^>]*>)([^<]*)(<\/pre>)/g,
    (_all, open: string, text: string, close: string) =>
      text.includes('&quot;') ? `${open}${text.replaceAll('&quot;', '"')}${close}` : `${open}${text}${close}`,
  );
}

/**
 * `report.html`: one self-contained page, rendered into the file, that is complete and readable with JavaScript off.
 * On top, the harness's own words: the title, the run, the interrupted notice when the run or the replay was stopped,
 * and what the sweep after either found still carrying the run id (a safety failure). Then the conformance report
 * (see html/conformance-report.ts: verdicts, failures with their evidence, unsupported, could not evaluate, skipped,
 * pictures, the full table) and the replay (html/replay-section.ts). A replay-only page (`result` null) shows the top
 * and the replay.
 *
 * Nothing from the target is written as markup: Preact's renderer escapes every text and attribute value (see
 * docs/decisions/0006-reports-rendered-into-the-file.md). The page's only script enhances (filters, opening and
 * closing; html/page-script.ts), and a Content-Security-Policy allows only that script (by hash) and no network at
 * all, so even a mistake in escaping could neither run injected code nor call out.
 * @see https://www.w3.org/TR/CSP3/#grammardef-hash-source
 */
export function renderHtml(result: ConformanceResult | null, options: HtmlOptions = {}): string {
  if (!result && !options.replay) {
    throw new HarnessError('INTERNAL', 'renderHtml needs a conformance result, a replay, or both');
  }
  const clean = result ? redact(result, options) : null;
  const replay = options.replay ? redact(options.replay, options) : null;
  const script = pageScript();
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  const csp = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src 'sha256-${hash}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const title = clean ? 'SCIM conformance report' : 'Mock IdP replay report';
  // The harness's own words, never the target's.
  const notice = isInterrupted(clean)
    ? INTERRUPTED_NOTICE
    : isInterrupted(replay)
      ? REPLAY_INTERRUPTED_NOTICE
      : null;
  const safety = [clean ? runSafetyFinding(clean) : null, replay ? replaySafetyFinding(replay) : null].filter(
    (finding): finding is SafetyFinding => finding !== null,
  );
  const body = html`<header>
      <h1>${title}</h1>
      ${clean ? html`<${RunInfo} result=${clean} />` : null}
      ${notice === null ? null : html`<p id="interrupted" role="alert">${notice}</p>`}
    </header>
    ${safety.map((finding) => html`<${SafetySection} finding=${finding} />`)}
    <main id="app">
      ${clean ? html`<${ConformanceReport} result=${clean} replay=${replay !== null} />` : null}
      ${replay ? html`<${ReplaySection} replay=${replay} />` : null}
    </main>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${REPORT_CSS}${REPLAY_CSS}</style>
</head>
<body>
${unquotePre(renderMarkup(body))}
<script>${script}</script>
</body>
</html>
`;
}
