import { html, type VNode } from './markup.js';

/**
 * A picture with its caption, as every replay figure is drawn: the SVG sits in a box that scrolls sideways rather
 * than widen the page on a phone.
 */
export function Figure(id: string, caption: string, chart: VNode): VNode {
  return html`<figure class="replay-figure" id=${id}>
    <figcaption>${caption}</figcaption>
    <div class="chart-scroll">${chart}</div>
  </figure>` as VNode;
}
