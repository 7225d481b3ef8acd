/**
 * Reading a rendered chart back in the charts' own tests: the markup, the `d` of its paths, the numbers of its
 * rectangles. Plain string work, so the unit tests need no DOM.
 */
import { renderMarkup, type VNode } from '../../html/markup.js';

/** The chart rendered to its HTML string. */
export const markup = (node: VNode): string => renderMarkup(node);

/** Every value of attribute `name` in `html`, in document order. */
export function attributeValues(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1] ?? '');
}

/** The `d` of every `<path>` with class `className` (exactly, or among others). */
export function pathsOf(html: string, className: string): string[] {
  return [...html.matchAll(/<path\b([^>]*)>/g)]
    .map((m) => m[1] ?? '')
    .filter((attrs) => new RegExp(`class="(?:[^"]* )?${className}(?: [^"]*)?"`).test(attrs))
    .map((attrs) => /\sd="([^"]*)"/.exec(attrs)?.[1] ?? '');
}

/** The coordinates of a path's commands, as [x, y] pairs (absolute M/L/H/V only, as d3-shape writes them). */
export function pointsOf(d: string): [number, number][] {
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** The boxes of the `rect.tone-fill` inside each `g.tone-<tone>`, in document order. */
export function toneRects(
  html: string,
  tone: string,
): { x: number; y: number; width: number; height: number; title: string }[] {
  const groups = [...html.matchAll(new RegExp(`<g class="tone tone-${tone}"[^>]*>(.*?)</g>`, 'g'))];
  return groups.flatMap((g) => {
    const inner = g[1] ?? '';
    const rect = /<rect class="tone-fill"([^>]*)>/.exec(inner)?.[1];
    if (rect === undefined) return [];
    const n = (name: string) => Number(new RegExp(`\\s${name}="([^"]*)"`).exec(rect)?.[1]);
    return [
      {
        x: n('x'),
        y: n('y'),
        width: n('width'),
        height: n('height'),
        title: /<title>(.*?)<\/title>/.exec(inner)?.[1] ?? '',
      },
    ];
  });
}
