import { createHash } from 'node:crypto';
import { HarnessError } from '../errors/harness-error.js';
import { redact } from '../secrets/redaction.js';
import type { ConformanceResult } from './conformance-result.js';
import { renderChecksView } from './html-client-checks.js';
import { createClientDom } from './html-client-dom.js';
import { renderReplayView } from './html-client-replay.js';
import { REPORT_CSS } from './html-styles.js';
import type { RenderOptions } from './render-json.js';
import type { ReplayResult } from './replay-result.js';
import { buildReportViewModel } from './report-view-model.js';

export interface HtmlOptions extends RenderOptions {
  /** The mock-IdP replay, rendered in its own section; alone when there is no conformance result. */
  replay?: ReplayResult;
}

/**
 * JSON made safe inside `<script type="application/json">`: `<`, `>` and `&` as `\u` escapes, so no `</script>`
 * or `<!--` can end the element early, and the line separators JavaScript once refused in strings.
 * `JSON.parse` reads the escapes back to the same characters.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The page's script: the view functions, serialised, called on the embedded data. Built from the functions
 * themselves, so what runs in the browser is the code the type checker saw.
 */
function pageScript(): string {
  return `(() => {
const data = document.getElementById('report-data');
const model = JSON.parse(data ? data.textContent : 'null');
if (!model) return;
const dom = (${createClientDom.toString()})(document);
if (model.result) (${renderChecksView.toString()})(document, dom, model.result, model.scores, model.verdictText);
if (model.replay) (${renderReplayView.toString()})(document, dom, model.replay);
})();`;
}

/**
 * `report.html`: one self-contained page (inline CSS and script, no URL to load) showing the verdicts, scores,
 * filterable checks, failures with evidence, features the target declined (`unsupported`), checks that could not be
 * evaluated, skipped checks, and the replay. Evidence shows each exchange's phase (setup and cleanup collapsed and
 * greyed, apart from the check's own) and highlights the decisive one. An interrupted run or replay is announced
 * first, in the static HTML, so the notice shows without JavaScript too.
 *
 * Nothing from the target is written as HTML: the data travels as escaped JSON and the script sets it with
 * `textContent`. A Content-Security-Policy allows only this page's own script (by hash) and no network at all,
 * so even a mistake in escaping could neither run injected code nor call out.
 * @see https://www.w3.org/TR/CSP3/#grammardef-hash-source
 */
export function renderHtml(result: ConformanceResult | null, options: HtmlOptions = {}): string {
  if (!result && !options.replay) {
    throw new HarnessError('INTERNAL', 'renderHtml needs a conformance result, a replay, or both');
  }
  const clean = result ? redact(result, options) : null;
  const replay = options.replay ? redact(options.replay, options) : null;
  const model = buildReportViewModel(clean, replay);
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
  // The harness's own words, never the target's; escaped all the same.
  const interrupted =
    model.interruptedNotice === null
      ? ''
      : `<p id="interrupted" role="alert">${model.interruptedNotice.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>\n`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p id="run-info"></p>
${interrupted}</header>
<noscript><p>This report shows its content with JavaScript, which is off. The same data is in conformance.json and summary.md.</p></noscript>
<main id="app"></main>
<script type="application/json" id="report-data">${embedJson(model)}</script>
<script>${script}</script>
</body>
</html>
`;
}
