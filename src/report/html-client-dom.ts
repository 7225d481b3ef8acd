/**
 * Pieces of the report.html script. Each exported function is serialised with `Function.prototype.toString`
 * and called in the browser, so it may reference nothing outside its own body and parameters (type imports
 * only). Every value from the target reaches the page through `textContent` or `setAttribute`, never through
 * HTML parsing, so a body of `<script>` is shown, not run.
 */

export type DomChild = Node | string | null | undefined | false;

/** The few DOM builders the report views share. */
export interface ClientDom {
  h(tag: string, attrs?: Record<string, string>, ...children: DomChild[]): HTMLElement;
  /** A table with a caption and column headers; semantic, for screen readers. */
  table(caption: string, headers: string[], rows: HTMLElement[], attrs?: Record<string, string>): HTMLElement;
  cells(values: (string | Node)[]): HTMLElement[];
  /** A `<section>` labelled by its `<h2>`, with an introductory sentence. */
  section(id: string, title: string, intro: string, ...content: DomChild[]): HTMLElement;
}

/** Builds the helpers over `doc`; runs in the browser (see the note above). */
export function createClientDom(doc: Document): ClientDom {
  function h(tag: string, attrs: Record<string, string> = {}, ...children: DomChild[]): HTMLElement {
    const el = doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      el.append(typeof child === 'string' ? doc.createTextNode(child) : child);
    }
    return el;
  }
  function table(
    caption: string,
    headers: string[],
    rows: HTMLElement[],
    attrs: Record<string, string> = {},
  ) {
    const head = h('tr', {}, ...headers.map((label) => h('th', { scope: 'col' }, label)));
    return h('table', attrs, h('caption', {}, caption), h('thead', {}, head), h('tbody', {}, ...rows));
  }
  function cells(values: (string | Node)[]): HTMLElement[] {
    return values.map((value) => h('td', {}, value));
  }
  function section(id: string, title: string, intro: string, ...content: DomChild[]): HTMLElement {
    return h(
      'section',
      { id, 'aria-labelledby': `${id}-heading` },
      h('h2', { id: `${id}-heading` }, title),
      h('p', {}, intro),
      ...content,
    );
  }

  return { h, table, cells, section };
}
