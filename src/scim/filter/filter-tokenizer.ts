/**
 * The lexical layer of the filter and PATCH path grammars (RFC 7644 §3.4.2.2 Figure 1, §3.5.2).
 * It knows brackets, strings and "words"; whether a word is an attribute path, an operator or a literal
 * is decided by the parser from the word's position, because `title`, `pr` and `true` share one shape.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
import type { ScimError } from '../errors/scim-error.js';

export type TokenKind = '(' | ')' | '[' | ']' | '.' | 'word' | 'string' | 'end';

export interface Token {
  kind: TokenKind;
  /** The source text of the token (for a string: with its quotes and escapes). */
  text: string;
  /** The decoded value of a string token. */
  value?: string;
  /** 0-based offset of the token's first character in the input. */
  start: number;
  /** Whether whitespace separates this token from the one before it. */
  spaced: boolean;
}

/** Builds the error a syntax fault becomes: `invalidFilter` for filters, `invalidPath` for PATCH paths. */
export type FailWith = (detail: string) => ScimError;

/**
 * Characters of a word: attribute names (`ALPHA *(nameChar)`), URNs (`:` and `.`), `$ref`, and JSON
 * numbers (`-`, `+`, `.` in `-1.5e+3`). A `.` that does not continue a word is its own token, so
 * `emails[type eq "work"].value` splits into `]`, `.`, `value`.
 */
const WORD_CHAR = /[A-Za-z0-9_\-.:$+]/;
const WORD_START = /[A-Za-z0-9_\-:$+]/;
/** RFC 7644 writes SP; tabs and line breaks are tolerated too (a filter pasted from a document). */
const WHITESPACE = /\s/;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** Describes a token for an error message. */
export function describeToken(token: Token): string {
  return token.kind === 'end'
    ? 'the end of the input'
    : `${JSON.stringify(token.text)} at position ${token.start}`;
}

/**
 * Splits `text` into tokens, ending with an `end` token.
 * @throws the error `fail` builds, naming the position, on an unterminated string, a bad escapeChar
 * or a character the grammar does not use.
 */
export function tokenize(text: string, fail: FailWith): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let spaced = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (WHITESPACE.test(ch)) {
      spaced = true;
      i++;
      continue;
    }
    const start = i;
    if (ch === '(' || ch === ')' || ch === '[' || ch === ']') {
      tokens.push({ kind: ch, text: ch, start, spaced });
      i++;
    } else if (ch === '"') {
      const { value, end } = readString(text, start, fail);
      tokens.push({ kind: 'string', text: text.slice(start, end), value, start, spaced });
      i = end;
    } else if (ch === '.') {
      tokens.push({ kind: '.', text: '.', start, spaced });
      i++;
    } else if (WORD_START.test(ch)) {
      while (i < text.length && WORD_CHAR.test(text[i]!)) i++;
      tokens.push({ kind: 'word', text: text.slice(start, i), start, spaced });
    } else if (ch === "'") {
      throw fail(`unexpected "'" at position ${start}; string values are written in double quotes`);
    } else {
      throw fail(`unexpected character ${JSON.stringify(ch)} at position ${start}`);
    }
    spaced = false;
  }
  tokens.push({ kind: 'end', text: '', start: text.length, spaced });
  return tokens;
}

/** Reads a JSON string (RFC 8259 §7) starting at the opening quote. */
function readString(text: string, start: number, fail: FailWith): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') return { value, end: i + 1 };
    if (ch === '\\') {
      const escapeChar = text[i + 1];
      if (escapeChar === undefined) break;
      if (escapeChar === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9A-Fa-f]{4}$/.test(hex)) {
          throw fail(`invalid \\u escapeChar at position ${i}; expected four hexadecimal digits`);
        }
        value += String.fromCharCode(Number.parseInt(hex, 16));
        i += 6;
        continue;
      }
      const simple = SIMPLE_ESCAPES[escapeChar];
      if (simple === undefined) {
        throw fail(
          `invalid escape "\\${escapeChar}" at position ${i}; JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX`,
        );
      }
      value += simple;
      i += 2;
      continue;
    }
    if (ch.charCodeAt(0) < 0x20) {
      throw fail(`unescaped control character at position ${i} in the string starting at position ${start}`);
    }
    value += ch;
    i++;
  }
  throw fail(`unterminated string starting at position ${start}; expected a closing '"'`);
}
