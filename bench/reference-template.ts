/**
 * Requests planned before the server has assigned any id: a path or body holds a placeholder for the target id
 * of a source object (the user a PATCH addresses, the manager or members it links), filled in when the request
 * is sent, from the ids the creates returned. Compiled once, so filling is a join, not a search.
 */

/** Entra objectIds are lower-case GUIDs; the placeholder keeps to characters that need no escaping in a URL or JSON. */
const PLACEHOLDER = /__ref_([0-9a-f-]{36})__/g;
const OBJECT_ID = /^[0-9a-f-]{36}$/;

/** A text split around its placeholders: `parts.length === refs.length + 1`. */
export interface ReferenceTemplate {
  readonly parts: readonly string[];
  /** The objectIds, in order. */
  readonly refs: readonly string[];
}

/** The outcome of filling a template. */
export interface FilledTemplate {
  readonly text: string;
  /** objectIds with no known target id; their placeholder stays in the text. */
  readonly missing: readonly string[];
}

/** The placeholder for the target id of `objectId`; throws on anything but a lower-case GUID. */
export function placeholderFor(objectId: string): string {
  if (!OBJECT_ID.test(objectId)) {
    throw new Error(`cannot plan a reference to "${objectId}": an objectId is a lower-case GUID`);
  }
  return `__ref_${objectId}__`;
}

/** Splits a text around its placeholders. */
export function compileTemplate(text: string): ReferenceTemplate {
  const parts: string[] = [];
  const refs: string[] = [];
  let from = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    parts.push(text.slice(from, match.index));
    refs.push(match[1]!);
    from = match.index + match[0].length;
  }
  parts.push(text.slice(from));
  return { parts, refs };
}

/** A target id escaped for a URL path segment (as `resourcePath` does). */
export const inPath = (id: string): string => encodeURIComponent(id);

/** A target id escaped for the inside of a JSON string. */
export const inJsonString = (id: string): string => JSON.stringify(id).slice(1, -1);

/** Puts the known target ids, escaped by `encode`, in place of the placeholders. */
export function fillTemplate(
  template: ReferenceTemplate,
  ids: ReadonlyMap<string, string>,
  encode: (id: string) => string,
): FilledTemplate {
  const { parts, refs } = template;
  if (refs.length === 0) return { text: parts[0] ?? '', missing: [] };
  const missing: string[] = [];
  let text = parts[0] ?? '';
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i]!;
    const id = ids.get(ref);
    if (id === undefined) missing.push(ref);
    text += (id === undefined ? `__ref_${ref}__` : encode(id)) + (parts[i + 1] ?? '');
  }
  return { text, missing };
}
