/**
 * Attribute paths: `attrPath = [URI ":"] ATTRNAME *1subAttr` (RFC 7644 §3.4.2.2 Figure 1),
 * with `ATTRNAME = ALPHA *(nameChar)` and `nameChar = "-" / "_" / DIGIT / ALPHA` (RFC 7643 §2.1).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-2.1
 */
import { ScimError } from '../errors/scim-error.js';
import type { AttrPath } from './ast.js';
import { MAX_FILTER_LENGTH } from './filter-limits.js';
import { type FailWith, tokenize } from './filter-tokenizer.js';

/**
 * `$ref` is not an ATTRNAME by the ABNF, yet RFC 7643 itself names sub-attributes `$ref`
 * (`members.$ref`, `groups.$ref`), so it is accepted as a name.
 */
const ATTR_NAME = /^(?:[A-Za-z][A-Za-z0-9_-]*|\$ref)$/i;
/** A schema URN: `urn:` then colon-separated segments, e.g. `urn:ietf:params:scim:schemas:core:2.0:User`. */
const SCHEMA_URI = /^urn:[A-Za-z0-9][A-Za-z0-9_\-.+$]*(?::[A-Za-z0-9_\-.+$]+)+$/i;

/** Whether `name` is a valid attribute or sub-attribute name. */
export function isAttrName(name: string): boolean {
  return ATTR_NAME.test(name);
}

/**
 * Reads an attribute path from one word of the filter or path grammar.
 * A URN prefix is everything up to the last `:`; the rest is `ATTRNAME[.subAttr]`.
 * @param position where the word starts in the input, for error messages.
 */
export function attrPathFromWord(word: string, position: number, fail: FailWith): AttrPath {
  const lastColon = word.lastIndexOf(':');
  let uri: string | undefined;
  let rest = word;
  if (lastColon !== -1) {
    uri = word.slice(0, lastColon);
    rest = word.slice(lastColon + 1);
    if (!SCHEMA_URI.test(uri)) {
      throw fail(
        `invalid schema URI ${JSON.stringify(uri)} in attribute path at position ${position}; expected a URN such as "urn:ietf:params:scim:schemas:core:2.0:User"`,
      );
    }
    if (rest === '') {
      throw fail(`missing attribute name after the schema URI at position ${position}`);
    }
  }
  const parts = rest.split('.');
  if (parts.length > 2) {
    throw fail(
      `attribute path ${JSON.stringify(word)} at position ${position} has more than one sub-attribute; expected ATTRNAME or ATTRNAME.subAttr`,
    );
  }
  const [attr, subAttr] = parts as [string, string | undefined];
  for (const name of parts) {
    if (!isAttrName(name)) {
      throw fail(
        `invalid attribute name ${JSON.stringify(name)} in ${JSON.stringify(word)} at position ${position}; a name starts with a letter and continues with letters, digits, "-" or "_"`,
      );
    }
  }
  const path: AttrPath = { attr };
  if (uri !== undefined) path.uri = uri;
  if (subAttr !== undefined) path.subAttr = subAttr;
  return path;
}

/**
 * Parses a plain attribute path (no value filter), e.g. `name.familyName` or
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value`.
 * @throws ScimError `invalidPath` with the position and what was expected.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
export function parseAttrPath(text: string): AttrPath {
  if (typeof text !== 'string') throw ScimError.invalidPath('attribute path must be a string');
  if (text.length > MAX_FILTER_LENGTH) {
    throw ScimError.invalidPath(
      `attribute path is ${text.length} characters long; the limit is ${MAX_FILTER_LENGTH}`,
    );
  }
  const tokens = tokenize(text, ScimError.invalidPath);
  const first = tokens[0]!;
  if (first.kind === 'end') throw ScimError.invalidPath('attribute path is empty');
  if (first.kind !== 'word') {
    throw ScimError.invalidPath(
      `unexpected ${JSON.stringify(first.text)} at position ${first.start}; expected an attribute name`,
    );
  }
  const path = attrPathFromWord(first.text, first.start, ScimError.invalidPath);
  const next = tokens[1]!;
  if (next.kind !== 'end') {
    throw ScimError.invalidPath(
      `unexpected ${JSON.stringify(next.text)} at position ${next.start}; expected the end of the attribute path`,
    );
  }
  return path;
}

/**
 * Writes an attribute path back in its canonical form (`uri:attr.subAttr`).
 * @throws ScimError `invalidPath` when a name could not be parsed back.
 */
export function stringifyAttrPath(path: AttrPath): string {
  for (const name of path.subAttr === undefined ? [path.attr] : [path.attr, path.subAttr]) {
    if (!isAttrName(name)) throw ScimError.invalidPath(`invalid attribute name ${JSON.stringify(name)}`);
  }
  if (path.uri !== undefined && !SCHEMA_URI.test(path.uri)) {
    throw ScimError.invalidPath(`invalid schema URI ${JSON.stringify(path.uri)}`);
  }
  const local = path.subAttr === undefined ? path.attr : `${path.attr}.${path.subAttr}`;
  return path.uri === undefined ? local : `${path.uri}:${local}`;
}

/**
 * Whether two paths are written alike, ignoring case: names compare case-insensitively (RFC 7643 §2.1),
 * and so do schema URNs, as SCIM services match them. A URN-qualified core path and its unqualified
 * form are different spellings here; resolving them to one attribute is the schema's job.
 */
export function sameAttrPath(a: AttrPath, b: AttrPath): boolean {
  return sameName(a.attr, b.attr) && sameOptionalName(a.subAttr, b.subAttr) && sameOptionalName(a.uri, b.uri);
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function sameOptionalName(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined ? a === b : sameName(a, b);
}
