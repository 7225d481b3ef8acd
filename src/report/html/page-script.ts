/**
 * The one script of report.html, and all it does is enhance a page that is complete without it: it shows the full
 * table's filters and the "open all" / "close all" buttons (in the file, `hidden`, class `js-only`) and makes them
 * work: the filters hide rows, the buttons open and close `<details>`. It builds nothing from data: the rows are already in the page, and it only sets `hidden` and
 * `open`, so no value from the target is ever parsed as HTML by it.
 *
 * {@link enhanceReport} is serialised with `Function.prototype.toString` and called in the browser, so it may
 * reference nothing outside its own body and parameters (type imports only); the page's policy allows it by hash.
 */

/** Runs in the browser on load (see the note above). */
export function enhanceReport(doc: Document): void {
  // Controls that need the script are in the file, hidden; with the script they work, so they show.
  for (const element of Array.from(doc.querySelectorAll<HTMLElement>('.js-only'))) element.hidden = false;
  for (const button of Array.from(doc.querySelectorAll<HTMLButtonElement>('button[data-details]'))) {
    button.addEventListener('click', () => {
      const open = button.dataset.details === 'open';
      const scope = doc.querySelector(button.dataset.scope ?? 'main') ?? doc.body;
      for (const details of Array.from(scope.querySelectorAll('details'))) {
        // Only what is shown: opening the evidence of filtered-out rows would cost time for nothing.
        if (open && details.closest('[hidden]')) continue;
        details.open = open;
      }
    });
  }

  const form = doc.getElementById('filters') as HTMLFormElement | null;
  const table = doc.getElementById('checks-table');
  const count = doc.getElementById('filter-count');
  if (!form || !table || !count) return;
  const rows = Array.from(table.querySelectorAll<HTMLTableRowElement>('tbody > tr')).map((row) => {
    const words = ['.check-id', '.check-title', '.check-section']
      .map((selector) => row.querySelector(selector)?.textContent ?? '')
      .concat(row.dataset.category ?? '', row.dataset.profiles ?? '', row.dataset.status ?? '');
    return { row, text: words.join('\n').toLowerCase() };
  });
  const value = (id: string) =>
    (doc.getElementById(id) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';
  const apply = () => {
    const status = value('filter-status');
    const level = value('filter-level');
    const category = value('filter-category');
    const profile = value('filter-profile');
    const text = value('filter-text').trim().toLowerCase();
    let shown = 0;
    for (const { row, text: haystack } of rows) {
      const data = row.dataset;
      const match =
        (!status || data.status === status) &&
        (!level || data.level === level) &&
        (!category || data.category === category) &&
        (!profile || (data.profiles ?? '').split(' ').includes(profile)) &&
        (!text || haystack.includes(text));
      row.hidden = !match;
      if (match) shown += 1;
    }
    count.textContent = `Showing ${shown} of ${rows.length} checks`;
  };
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  apply();
}

/** The page's script text: {@link enhanceReport}, serialised, called on the document. */
export function pageScript(): string {
  return `(${enhanceReport.toString()})(document);`;
}
