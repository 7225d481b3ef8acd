/** The stylesheet of report.html: inline, system fonts only, so the page needs no network. */
export const REPORT_CSS = `
:root { color-scheme: light dark; --fail: #b42318; --pass: #067647; --warn: #b54708; --muted: #667085; --line: #d0d5dd; --unsupported: #6941c6; --decisive: #fdb022; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; padding: 0 1.5rem 3rem; max-width: 90rem; }
header { border-bottom: 1px solid var(--line); margin-bottom: 1rem; }
h1 { font-size: 1.6rem; margin: 1rem 0 0.25rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; }
#run-info { color: var(--muted); overflow-wrap: anywhere; }
#interrupted { border: 2px solid var(--fail); border-left-width: 8px; border-radius: 4px; padding: 0.5rem 1rem; color: var(--fail); font-weight: 700; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { font-size: 0.85rem; color: var(--muted); }
.verdict, .status { font-weight: 700; }
.verdict-pass, .status-passed { color: var(--pass); }
.verdict-fail, .status-failed { color: var(--fail); }
.status-error { color: var(--warn); }
.status-skipped { color: var(--muted); }
.status-unsupported { color: var(--unsupported); }
.bar { display: inline-block; width: 6rem; height: 0.6rem; margin-right: 0.5rem; background: var(--line); border-radius: 3px; overflow: hidden; }
.bar > span { display: block; height: 100%; background: var(--pass); }
fieldset { border: 1px solid var(--line); display: flex; flex-wrap: wrap; gap: 0.75rem; }
.field { display: flex; flex-direction: column; font-size: 0.9rem; }
.field input, .field select { font: inherit; padding: 0.2rem; min-width: 9rem; }
article.check { border: 1px solid var(--line); border-left: 6px solid var(--fail); border-radius: 4px; padding: 0.5rem 1rem; margin: 1rem 0; }
article.check-error { border-left-color: var(--warn); }
article.check-unsupported { border-left-color: var(--unsupported); }
.message pre { margin: 0.25rem 0 0; }
article.check h3 { margin: 0.25rem 0; font-size: 1.05rem; }
.level { font-size: 0.75rem; padding: 0.1rem 0.4rem; border-radius: 3px; border: 1px solid currentColor; }
.level-MUST { color: var(--fail); } .level-SHOULD { color: var(--warn); } .level-MAY { color: var(--muted); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; margin: 0.5rem 0; }
dt { color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
blockquote { margin: 0.5rem 0; padding-left: 1rem; border-left: 3px solid var(--line); font-style: italic; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: rgba(127,127,127,0.1); padding: 0.5rem; border-radius: 4px; font-size: 0.85rem; }
details.evidence summary { cursor: pointer; font-weight: 600; }
.phase, .decisive-badge { font-size: 0.75rem; font-weight: 600; margin-left: 0.5rem; padding: 0.05rem 0.4rem; border-radius: 3px; border: 1px solid currentColor; }
.phase { color: var(--muted); }
.phase-label-check { color: inherit; }
li.phase-setup, li.phase-cleanup { opacity: 0.65; }
details.phase-aside > summary { cursor: pointer; font-weight: 400; }
details.phase-aside > summary h4 { display: inline; }
li.decisive { border-left: 4px solid var(--decisive); padding-left: 0.5rem; background: rgba(253,176,34,0.08); }
.decisive-badge { background: var(--decisive); color: #000; border-color: var(--decisive); }
article h4, article h5 { margin: 0.5rem 0 0.25rem; font-size: 0.9rem; }
.timeline { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; padding: 0; }
.timeline li { padding: 0.25rem 0.6rem; border-radius: 3px; border: 1px solid var(--line); }
.timeline li.quarantined { background: var(--fail); color: #fff; }
.timeline li.active { color: var(--pass); }
.key-owner-restore.restore-failed { color: var(--fail); font-weight: 700; }
[hidden] { display: none !important; }
`;
