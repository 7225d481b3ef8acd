/**
 * The markup both report pages are written in: htm's tagged templates bound to Preact's `h`, rendered to a string on
 * the server by preact-render-to-string, which escapes every text and attribute value (see
 * docs/decisions/0006-reports-rendered-into-the-file.md). No Preact code runs in the page.
 */
import { html as htmPreact } from 'htm/preact';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

export type { VNode };

/** `html\`<p>${text}</p>\`` → a VNode; interpolated values are escaped when rendered. */
export const html = htmPreact;

/** A VNode rendered to its HTML string. */
export function renderMarkup(node: VNode): string {
  return render(node);
}
