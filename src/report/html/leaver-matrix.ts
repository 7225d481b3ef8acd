/**
 * The leaver matrix in report.html (`replay --scenario leaver`): one row per deactivation shape with the request
 * sent, how soon the owner's credential was refused, whether that was within the budget, and whether it came back on
 * reactivation, in the words the terminal prints (describeLeaverCells). Colour repeats what the words and a symbol
 * already say: green refused in time, red outlived its owner, amber came back on reactivation, grey untested. What
 * IPSIE expects is quoted above and below the table.
 */

import {
  describeKeyOwnerRestore,
  describeLeaverCells,
  formatSeconds,
  IPSIE_LEAVER_RULE,
  IPSIE_REACTIVATION_RULE,
  type ReplayLeaverShape,
} from '../../run-contract/index.js';
import { html, type VNode } from './markup.js';

/** The tone of a row: what its outcome means for the owner's credential. */
function rowTone(row: ReplayLeaverShape): 'ok' | 'fail' | 'untested' {
  if (row.outcome === 'untested') return 'untested';
  return row.withinBudget === true ? 'ok' : 'fail';
}

/** The reactivation cell's tone: a credential back is a warning, one that stays revoked is as expected. */
function restoredTone(row: ReplayLeaverShape): 'warn' | 'ok' | 'na' {
  if (row.restoredOnReactivation === true) return 'warn';
  return row.restoredOnReactivation === false ? 'ok' : 'na';
}

const SYMBOL = { ok: '✓ ', fail: '✗ ', untested: '– ', warn: '⚠ ', na: '' } as const;

/** The matrix with what IPSIE expects; nothing when the replay ran no leaver scenario. */
export function LeaverMatrix(props: {
  shapes: readonly ReplayLeaverShape[] | undefined;
  budgetMs: number | undefined;
  intervalMs: number | undefined;
}): VNode | null {
  const { shapes } = props;
  if (shapes === undefined) return null;
  const budgetMs = props.budgetMs ?? 0;
  const budget = formatSeconds(budgetMs);
  const every = props.intervalMs === undefined ? '' : `, probed every ${formatSeconds(props.intervalMs)}`;
  const headers = ['Request', 'Revoked after', 'Within budget', 'Restored on reactivation'];
  const owners = shapes.filter((row) => row.owner !== undefined);
  return html`<div class="leaver">
    <h4 id="leaver-matrix-heading">Leaver matrix</h4>
    <p class="leaver-rule">${IPSIE_LEAVER_RULE}</p>
    <div class="table-wrap">
      <table class="cards leaver-matrix" aria-labelledby="leaver-matrix-heading">
        <caption>${`Each deactivation shape against its owner's credential: budget ${budget}${every}`}</caption>
        <thead><tr><th scope="col">Shape</th>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>
          ${shapes.map((row) => {
            const cells = describeLeaverCells(row, budgetMs);
            const tone = rowTone(row);
            const restored = restoredTone(row);
            return html`<tr class=${`leaver-row tone-${tone}`} data-shape=${row.shape} data-outcome=${row.outcome}>
              <th scope="row"><code>${cells.shape}</code></th>
              <td data-label="Request" class="request"><code>${cells.request}</code></td>
              <td data-label="Revoked after" class=${`revoked tone-${tone}`}>${SYMBOL[tone]}${cells.revokedAfter}</td>
              <td data-label="Within budget" class=${`budget tone-${tone}`}>${cells.withinBudget}</td>
              <td data-label="Restored on reactivation" class=${`restored tone-${restored}`}>${SYMBOL[restored]}${cells.restored}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    <p class="leaver-reactivation">${IPSIE_REACTIVATION_RULE}</p>
    ${
      owners.length === 0
        ? null
        : html`<ul class="leaver-owners">
            ${owners.map((row) =>
              row.owner === undefined
                ? null
                : html`<li class=${`key-owner-restore restore-${row.owner.restore}`}><code>${row.shape}</code>: ${describeKeyOwnerRestore(row.owner)}</li>`,
            )}
          </ul>`
    }
  </div>` as VNode;
}

/** Styles of the matrix, appended to the replay section's. */
export const LEAVER_CSS = `
#replay table.leaver-matrix td.request code { overflow-wrap: anywhere; }
#replay tr.leaver-row.tone-ok > th { border-left: 6px solid var(--pass, #067647); }
#replay tr.leaver-row.tone-fail > th { border-left: 6px solid var(--fail, #b42318); }
#replay tr.leaver-row.tone-untested > th { border-left: 6px dotted var(--muted, #667085); }
#replay table.leaver-matrix td.tone-ok { color: var(--pass, #067647); font-weight: 600; }
#replay table.leaver-matrix td.tone-fail { color: var(--fail, #b42318); font-weight: 700; }
#replay table.leaver-matrix td.tone-warn { color: var(--warn, #b54708); font-weight: 700; }
#replay table.leaver-matrix td.tone-untested, #replay table.leaver-matrix td.tone-na { color: var(--muted, #667085); }
#replay .leaver-rule, #replay .leaver-reactivation { max-width: 60rem; font-size: 0.95rem; }
`;
