/**
 * A recursive-descent parser for the SCIM filter (RFC 7644 §3.4.2.2) and PATCH path (§3.5.2) grammars.
 *
 * Precedence, lowest first: `or`, `and`, `not`/grouping (RFC 7644 §3.4.2.2: "not" over "and" over "or").
 * `and`/`or` chains build left-nested trees (`a and b and c` is `(a and b) and c`).
 * Attribute names, operators and the literals `true`/`false`/`null` are case-insensitive: RFC 7644 says
 * "Attribute names and attribute operators used in filters are case insensitive"; its ABNF spells the
 * literals in lowercase, but clients send `True` (seen from Entra-era tooling), and accepting them costs
 * nothing.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
import { ScimError } from '../errors/scim-error.js';
import {
  type AttrPath,
  COMPARE_OPERATORS,
  type CompareOperator,
  type Filter,
  type FilterValue,
  type PatchPath,
} from './ast.js';
import { attrPathFromWord, isAttrName } from './attr-path.js';
import { MAX_FILTER_DEPTH, MAX_FILTER_LENGTH } from './filter-limits.js';
import { describeToken, type FailWith, type Token, tokenize } from './filter-tokenizer.js';

const ORDERING_OPERATORS: readonly CompareOperator[] = ['gt', 'ge', 'lt', 'le'];
const SUBSTRING_OPERATORS: readonly CompareOperator[] = ['co', 'sw', 'ew'];
/** JSON number (RFC 8259 §6). */
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
const OPERATOR_LIST = `${COMPARE_OPERATORS.join(', ')}, pr`;

function isCompareOperator(word: string): word is CompareOperator {
  return (COMPARE_OPERATORS as readonly string[]).includes(word);
}

function isOperatorWord(token: Token): boolean {
  if (token.kind !== 'word') return false;
  const word = token.text.toLowerCase();
  return word === 'pr' || isCompareOperator(word);
}

function isKeyword(token: Token, keyword: 'and' | 'or' | 'not'): boolean {
  return token.kind === 'word' && token.text.toLowerCase() === keyword;
}

/** Reads `true`/`false`/`null`/a number from a word, or `undefined` when it is none of them. */
function literalFromWord(word: string): { value: FilterValue } | undefined {
  const lower = word.toLowerCase();
  if (lower === 'true') return { value: true };
  if (lower === 'false') return { value: false };
  if (lower === 'null') return { value: null };
  if (JSON_NUMBER.test(word)) return { value: Number(word) };
  return undefined;
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly fail: FailWith,
  ) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  expect(kind: Token['kind'], what: string): Token {
    const token = this.next();
    if (token.kind !== kind) throw this.fail(`expected ${what}, found ${describeToken(token)}`);
    return token;
  }

  enter(token: Token): void {
    this.depth++;
    if (this.depth > MAX_FILTER_DEPTH) {
      throw this.fail(
        `filter nests deeper than ${MAX_FILTER_DEPTH} levels of "(", "not (" or "[" (at position ${token.start})`,
      );
    }
  }

  leave(): void {
    this.depth--;
  }

  /** `or` has the lowest precedence. */
  parseOr(inValuePath: boolean): Filter {
    let left = this.parseAnd(inValuePath);
    while (isKeyword(this.peek(), 'or')) {
      this.next();
      left = { kind: 'or', left, right: this.parseAnd(inValuePath) };
    }
    return left;
  }

  parseAnd(inValuePath: boolean): Filter {
    let left = this.parseUnary(inValuePath);
    while (isKeyword(this.peek(), 'and')) {
      this.next();
      left = { kind: 'and', left, right: this.parseUnary(inValuePath) };
    }
    return left;
  }

  /** `"(" FILTER ")"`, `"not" "(" FILTER ")"`, a value path or an attribute expression. */
  parseUnary(inValuePath: boolean): Filter {
    const token = this.peek();
    if (token.kind === '(') {
      this.next();
      this.enter(token);
      const inner = this.parseOr(inValuePath);
      this.expect(')', `")" to close the "(" at position ${token.start}`);
      this.leave();
      return inner;
    }
    if (token.kind === 'word') {
      const following = this.peek(1);
      if (isKeyword(token, 'not') && following.kind === '(') {
        this.next();
        this.next();
        this.enter(token);
        const inner = this.parseOr(inValuePath);
        this.expect(')', `")" to close the "not (" at position ${token.start}`);
        this.leave();
        return { kind: 'not', filter: inner };
      }
      // A keyword stands for an attribute of that name only where an operator or "[" follows it.
      const keywordAsName = isOperatorWord(following) || following.kind === '[';
      if (isKeyword(token, 'not') && !keywordAsName) {
        throw this.fail(
          `expected "(" after "not" at position ${token.start}, found ${describeToken(following)}; RFC 7644 writes negation as not (filter)`,
        );
      }
      if ((isKeyword(token, 'and') || isKeyword(token, 'or')) && !keywordAsName) {
        throw this.fail(`unexpected ${describeToken(token)}; expected an attribute path, "(" or "not ("`);
      }
      return this.parseAttrExpression(inValuePath);
    }
    if (token.kind === 'end') {
      throw this.fail(
        `unexpected end of the filter at position ${token.start}; expected an attribute path, "(" or "not ("`,
      );
    }
    throw this.fail(`unexpected ${describeToken(token)}; expected an attribute path, "(" or "not ("`);
  }

  /** `attrPath SP "pr"`, `attrPath SP compareOp SP compValue` or `attrPath "[" valFilter "]"`. */
  parseAttrExpression(inValuePath: boolean): Filter {
    const pathToken = this.next();
    const path = this.attrPath(pathToken);
    if (this.peek().kind === '[') return this.parseValuePath(path, pathToken, inValuePath);
    return this.parseOperation(path, pathToken);
  }

  attrPath(token: Token): AttrPath {
    if (literalFromWord(token.text) !== undefined && !isAttrName(token.text)) {
      throw this.fail(`expected an attribute path, found the value ${describeToken(token)}`);
    }
    return attrPathFromWord(token.text, token.start, this.fail);
  }

  parseOperation(path: AttrPath, pathToken: Token): Filter {
    const opToken = this.next();
    if (opToken.kind !== 'word') {
      throw this.fail(
        `expected an operator (${OPERATOR_LIST}) after ${JSON.stringify(pathToken.text)}, found ${describeToken(opToken)}`,
      );
    }
    const op = opToken.text.toLowerCase();
    if (op === 'pr') {
      const after = this.peek();
      if (after.kind === 'string' || (after.kind === 'word' && literalFromWord(after.text) !== undefined)) {
        throw this.fail(`"pr" takes no value, found ${describeToken(after)}`);
      }
      return { kind: 'present', path };
    }
    if (!isCompareOperator(op)) {
      throw this.fail(`unknown operator ${describeToken(opToken)}; expected one of ${OPERATOR_LIST}`);
    }
    const value = this.parseCompValue(op, opToken);
    return { kind: 'compare', path, op, value };
  }

  /** `compValue = false / null / true / number / string` (rules from JSON). */
  parseCompValue(op: CompareOperator, opToken: Token): FilterValue {
    const token = this.next();
    let value: FilterValue;
    if (token.kind === 'string') {
      value = token.value!;
    } else {
      const literal = token.kind === 'word' ? literalFromWord(token.text) : undefined;
      if (literal === undefined) {
        const missing = token.kind === 'end' || token.kind === ')' || token.kind === ']';
        const hint = token.kind === 'word' ? '; strings are written in double quotes' : '';
        throw this.fail(
          missing
            ? `missing value after "${op}" at position ${opToken.start}`
            : `expected a value ("string", number, true, false or null) after "${op}", found ${describeToken(token)}${hint}`,
        );
      }
      value = literal.value;
      if (typeof value === 'number' && !Number.isFinite(value)) {
        throw this.fail(`number ${describeToken(token)} is out of range`);
      }
    }
    if (ORDERING_OPERATORS.includes(op) && (typeof value === 'boolean' || value === null)) {
      // RFC 7644 §3.4.2.2: gt/ge/lt/le on Boolean "SHALL cause a failed response ... invalidFilter".
      throw this.fail(
        `"${op}" cannot order ${String(value)} (position ${token.start}); booleans and null have no order`,
      );
    }
    if (SUBSTRING_OPERATORS.includes(op) && typeof value !== 'string') {
      throw this.fail(`"${op}" needs a string value, found ${describeToken(token)}`);
    }
    return value;
  }

  /**
   * `attrPath "[" valFilter "]"`, and the `emails[type eq "work"].value eq "x"` form Entra ID sends
   * for matching, which reads as `emails[type eq "work" and value eq "x"]` and is stored that way.
   */
  parseValuePath(path: AttrPath, pathToken: Token, inValuePath: boolean): Filter {
    const open = this.next();
    if (inValuePath) throw this.fail(`value paths cannot be nested ("[" at position ${open.start})`);
    if (path.subAttr !== undefined) {
      throw this.fail(
        `a value filter applies to a multi-valued attribute, not to the sub-attribute ${JSON.stringify(pathToken.text)} (position ${open.start})`,
      );
    }
    this.enter(open);
    const inner = this.parseOr(true);
    this.expect(']', `"]" to close the "[" at position ${open.start}`);
    this.leave();
    if (this.peek().kind !== '.') return { kind: 'valuePath', path, filter: inner };
    const subAttrToken = this.subAttrAfterBracket();
    const subPath: AttrPath = { attr: subAttrToken.text };
    const condition = this.parseOperation(subPath, subAttrToken);
    return { kind: 'valuePath', path, filter: { kind: 'and', left: inner, right: condition } };
  }

  /** The `.subAttr` right after a `]`. */
  subAttrAfterBracket(): Token {
    const dot = this.next();
    const name = this.next();
    if (dot.spaced || name.kind !== 'word' || name.spaced || !isAttrName(name.text)) {
      throw this.fail(`expected a sub-attribute name right after "]." at position ${dot.start}`);
    }
    return name;
  }

  expectEnd(what: string): void {
    const token = this.peek();
    if (token.kind !== 'end') throw this.fail(`unexpected ${describeToken(token)}; expected ${what}`);
  }
}

function checkInput(text: unknown, kind: string, fail: FailWith): asserts text is string {
  if (typeof text !== 'string') throw fail(`${kind} must be a string`);
  if (text.length > MAX_FILTER_LENGTH) {
    throw fail(`${kind} is ${text.length} characters long; the limit is ${MAX_FILTER_LENGTH}`);
  }
  if (text.trim() === '') throw fail(`${kind} is empty`);
}

/**
 * Parses a filter expression.
 * @throws ScimError `invalidFilter` naming the position and what was expected.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
export function parseFilter(text: string): Filter {
  const fail: FailWith = ScimError.invalidFilter;
  checkInput(text, 'filter', fail);
  const parser = new Parser(tokenize(text, fail), fail);
  const filter = parser.parseOr(false);
  parser.expectEnd('"and", "or" or the end of the filter');
  return filter;
}

/**
 * Parses a PATCH operation's `path`: `attrPath / valuePath [subAttr]`, e.g. `members`,
 * `name.familyName`, `members[value eq "2819c223"]`, `emails[type eq "work"].value`,
 * `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager`.
 * A syntax error inside the brackets is reported as `invalidPath` too: the path is what is malformed.
 * @throws ScimError `invalidPath` naming the position and what was expected.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */
export function parsePatchPath(text: string): PatchPath {
  const fail: FailWith = ScimError.invalidPath;
  checkInput(text, 'path', fail);
  const parser = new Parser(tokenize(text, fail), fail);
  const first = parser.next();
  if (first.kind !== 'word') throw fail(`expected an attribute path, found ${describeToken(first)}`);
  const attrPath = parser.attrPath(first);
  const result: PatchPath = { attrPath };
  if (parser.peek().kind === '[') {
    const open = parser.next();
    if (attrPath.subAttr !== undefined) {
      throw fail(
        `a value filter applies to a multi-valued attribute, not to the sub-attribute ${JSON.stringify(first.text)} (position ${open.start})`,
      );
    }
    parser.enter(open);
    result.valueFilter = parser.parseOr(true);
    parser.expect(']', `"]" to close the "[" at position ${open.start}`);
    parser.leave();
    if (parser.peek().kind === '.') result.subAttr = parser.subAttrAfterBracket().text;
  }
  parser.expectEnd(result.valueFilter === undefined ? '"[" or the end of the path' : 'the end of the path');
  return result;
}
