/**
 * The stylesheet of report.html: inline, system fonts only, so the page needs no network. Responsive without a
 * script: below 40rem the tables become one card per row (each value under its column's name, from `data-label`),
 * and words are never broken inside: short cells and badges do not wrap at all, long values (ids, URLs, bodies) break
 * only where they must (`overflow-wrap: break-word`, and check ids after their dots), and a table wider than the
 * screen scrolls inside its own box rather than squeezing its columns.
 */
export const REPORT_CSS = `
:root { color-scheme: light dark; --fail: #b42318; --pass: #067647; --warn: #b54708; --muted: #667085; --line: #d0d5dd; --unsupported: #6941c6; --decisive: #fdb022; --skip: #98a2b3; --bg-soft: rgba(127,127,127,0.1); }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; padding: 0 1.5rem 3rem; max-width: 90rem; overflow-wrap: break-word; }
header { border-bottom: 1px solid var(--line); margin-bottom: 1rem; }
h1 { font-size: 1.6rem; margin: 1rem 0 0.25rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 0.5rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
.lead { margin-top: 0; max-width: 60rem; }
code { font-size: 0.9em; }
#run-info { color: var(--muted); }
#run-info code { overflow-wrap: anywhere; }
#run-info time { white-space: nowrap; }
#interrupted { border: 2px solid var(--fail); border-left-width: 8px; border-radius: 4px; padding: 0.5rem 1rem; color: var(--fail); font-weight: 700; }
section.safety { border: 2px solid var(--fail); border-left-width: 8px; border-radius: 4px; padding: 0 1rem 0.5rem; margin: 1rem 0; }
section.safety h2 { color: var(--fail); margin-top: 0.75rem; }
.leftover-remaining .sweep-state { color: var(--fail); font-weight: 700; }
nav.contents ul { list-style: none; padding: 0; margin: 0.5rem 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
nav.contents a { white-space: nowrap; }
.table-wrap { overflow-x: auto; margin: 0.5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { font-size: 0.85rem; color: var(--muted); white-space: nowrap; }
th.num, td.num { text-align: right; white-space: nowrap; }
.verdict { font-weight: 700; }
.verdict-pass { color: var(--pass); }
.verdict-fail { color: var(--fail); }
.client-breaks { margin: 0; padding-left: 1.1rem; }
.badge { display: inline-block; white-space: nowrap; font-size: 0.75rem; font-weight: 600; line-height: 1.4; padding: 0.05rem 0.4rem; border-radius: 3px; border: 1px solid currentColor; }
.status-passed { color: var(--pass); }
.status-failed { color: var(--fail); }
.status-error { color: var(--warn); }
.status-skipped { color: var(--muted); }
.status-unsupported { color: var(--unsupported); }
.level-MUST { color: var(--fail); } .level-SHOULD { color: var(--warn); } .level-MAY { color: var(--muted); }
.check-id { font-weight: 600; }
.check-cell .check-title, .check-cell .check-section, .skipped-table .check-title { display: block; }
.check-cell .check-section { color: var(--muted); font-size: 0.85rem; }
.check-cell { font-weight: 400; min-width: 14rem; }
.checks-table td { white-space: nowrap; }
.checks-table td:nth-child(4) { white-space: normal; min-width: 6rem; }
.to-details { font-size: 0.85rem; }
.row-evidence { font-size: 0.9rem; }
.row-evidence > summary, details.evidence > summary, details.text-equivalent > summary { cursor: pointer; font-weight: 600; }
.toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem; }
button { font: inherit; font-size: 0.9rem; padding: 0.2rem 0.6rem; }
#filters { display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: flex-end; border: 1px solid var(--line); border-radius: 4px; padding: 0.5rem 0.75rem; }
.field { display: flex; flex-direction: column; font-size: 0.9rem; }
.field input, .field select { font: inherit; padding: 0.2rem; min-width: 8rem; }
.field-buttons { flex-direction: row; gap: 0.5rem; }
#filter-count { color: var(--muted); margin: 0.5rem 0 0; }
article.check { border: 1px solid var(--line); border-left: 6px solid var(--fail); border-radius: 4px; padding: 0.5rem 1rem; margin: 1rem 0; }
article.check-error { border-left-color: var(--warn); }
article.check-unsupported { border-left-color: var(--unsupported); }
.check-heading { margin: 0.25rem 0; font-size: 1.05rem; }
.failure-group h3 { text-transform: none; }
.group-count { font-size: 0.85rem; font-weight: 400; color: var(--muted); margin-left: 0.5rem; white-space: nowrap; }
.title { margin: 0.25rem 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; margin: 0.5rem 0; font-size: 0.9rem; }
dt { color: var(--muted); } dd { margin: 0; }
.below-fail-on { color: var(--muted); font-style: italic; }
blockquote { margin: 0.5rem 0; padding-left: 1rem; border-left: 3px solid var(--line); font-style: italic; }
.io-label { margin: 0.5rem 0 0.15rem; font-size: 0.8rem; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--bg-soft); padding: 0.5rem; border-radius: 4px; font-size: 0.85rem; margin: 0; max-height: 40rem; overflow-y: auto; }
.message pre { max-height: none; }
.fix { margin: 0.75rem 0; }
.decisive-line code, .exchange-head code { overflow-wrap: anywhere; }
.decisive-exchange { margin: 0.75rem 0; }
.decisive-exchange > .exchange, ol.exchanges > li.decisive { border-left: 4px solid var(--decisive); padding-left: 0.6rem; background: rgba(253,176,34,0.08); }
ol.exchanges { padding-left: 1.25rem; }
ol.exchanges > li { margin: 0.5rem 0; }
.exchange-head { margin: 0.25rem 0; }
pre.req, pre.res { margin-top: 0.4rem; }
pre.req::before, pre.res::before { display: block; font: 600 0.7rem system-ui, sans-serif; letter-spacing: 0.04em; color: var(--muted); }
pre.req::before { content: "REQUEST"; }
pre.res::before { content: "RESPONSE"; }
pre.body, .same-body { margin-top: 2px; }
.same-body { font-size: 0.85rem; color: var(--muted); }
.phase, .decisive-badge { display: inline-block; white-space: nowrap; font-size: 0.75rem; font-weight: 600; padding: 0.05rem 0.4rem; border-radius: 3px; border: 1px solid currentColor; }
.phase { color: var(--muted); }
.phase-label-check { color: inherit; }
li[data-phase="setup"], li[data-phase="cleanup"] { opacity: 0.65; }
details.phase-aside > summary { cursor: pointer; }
.decisive-badge { background: var(--decisive); color: #000; border-color: var(--decisive); }
.note { margin: 0.25rem 0; font-style: italic; }
.causes-label { margin-bottom: 0; }
#scores .pictures { display: flex; flex-wrap: wrap; gap: 1rem 3rem; align-items: flex-start; }
#scores figure.picture { margin: 0.5rem 0; max-width: 100%; }
#scores figcaption { max-width: 32rem; margin-bottom: 0.5rem; }
#scores svg.chart { display: block; max-width: 100%; height: auto; font: 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
#scores svg.chart text { fill: currentColor; }
#scores svg.chart .tick line { stroke: var(--line); }
#scores svg.chart .tick text { fill: var(--muted); font-size: 10px; }
#scores .matrix-cell text { font-weight: 600; }
#scores .state-fail rect, #scores .swatch.state-fail { fill: var(--fail); background: var(--fail); }
#scores .state-unsupported rect, #scores .swatch.state-unsupported { fill: var(--unsupported); background: var(--unsupported); }
#scores .state-error rect, #scores .swatch.state-error { fill: var(--warn); background: var(--warn); }
#scores .state-minor rect, #scores .swatch.state-minor { fill: #f79009; background: #f79009; }
#scores .state-pass rect, #scores .swatch.state-pass { fill: var(--pass); background: var(--pass); }
#scores .state-open rect, #scores .swatch.state-open { fill: var(--skip); background: var(--skip); }
#scores .state-none rect, #scores .swatch.state-none { fill: var(--bg-soft); background: var(--bg-soft); }
#scores svg.chart .matrix-cell:not(.state-none) text { fill: #fff; }
#scores .segment-passed, #scores .swatch.segment-passed { fill: var(--pass); background: var(--pass); }
#scores .segment-failed, #scores .swatch.segment-failed { fill: var(--fail); background: var(--fail); }
#scores .segment-unsupported, #scores .swatch.segment-unsupported { fill: var(--unsupported); background: var(--unsupported); }
#scores .segment-errored, #scores .swatch.segment-errored { fill: var(--warn); background: var(--warn); }
#scores .segment-skipped, #scores .swatch.segment-skipped { fill: var(--skip); background: var(--skip); }
#scores .score-value { font-weight: 600; }
#scores ul.legend { list-style: none; padding: 0; margin: 0.5rem 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.85rem; }
#scores ul.legend li { white-space: nowrap; }
#scores .swatch { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 2px; margin-right: 0.35rem; vertical-align: -0.1rem; }
#scores .state-text-fail { color: var(--fail); } #scores .state-text-unsupported { color: var(--unsupported); } #scores .state-text-error { color: var(--warn); }
@media (max-width: 40rem) {
  body { padding: 0 0.75rem 2rem; }
  table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.cards, table.cards tbody, table.cards tr { display: block; }
  table.cards tr { border-bottom: 1px solid var(--line); padding: 0.4rem 0; }
  table.cards th[scope="row"] { display: block; border: 0; padding: 0.2rem 0; }
  table.cards td { display: flex; justify-content: space-between; gap: 1rem; border: 0; padding: 0.1rem 0; white-space: normal; text-align: right; }
  table.cards td::before { content: attr(data-label); color: var(--muted); font-size: 0.85rem; text-align: left; white-space: nowrap; }
  .check-cell { min-width: 0; }
  .verdict-table.cards td.num, .checks-table.cards td { display: inline-flex; gap: 0.35rem; margin-right: 1rem; }
  article.check { padding: 0.5rem 0.6rem; }
}
[hidden] { display: none !important; }
`;
