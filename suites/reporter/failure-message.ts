/**
 * Turns the error Playwright reports for a test into a check's message that explains itself: every line of it (the
 * findings of `toMatchScimSchema`, the exchange `toHaveStatus` describes, the expected and received values), without
 * colour codes, without the leading `Error: `, and without the matcher boilerplate line
 * (`expect(received).toMatch(expected)`) that says nothing to a reader of a report. A custom message
 * (`expect(x, 'the PATCH succeeds (200 or 204)')`) stays first, with what came back under it.
 *
 * Redaction is not done here: the caller redacts, then caps ({@link capMessage}), so a cut never leaves half a token.
 * @see https://playwright.dev/docs/test-assertions#custom-expect-message
 */

/** The longest message a check result carries; a longer one is cut with an ellipsis. */
export const MAX_MESSAGE_LENGTH = 4000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing terminal colour codes is the purpose
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/**
 * The line Playwright's built-in matchers start their message with:
 * `expect(received).toBe(expected) // Object.is equality`, `expect(received).not.toContain(expected) // indexOf`,
 * `expect(received).toBeTruthy()`, `expect(locator).toHaveText(expected) failed`.
 */
const MATCHER_LINE =
  /^expect\((?<subject>[A-Za-z]*)\)(?<modifiers>(?:\.(?:not|resolves|rejects))*)\.(?<matcher>to[A-Za-z]+)\((?<args>[^)]*)\)(?: failed)?(?:\s*\/\/.*)?$/;

/** A frame of a stack trace (`    at fn (file.ts:12:3)`) or of Playwright's code frame (`> 12 |   expect(…)`). */
const FRAME_LINE = /^\s+at .*(?::\d+:\d+\)?|\(native\)|<anonymous>\)?)$|^\s*>?\s*\d+ \|.*$|^\s*\|\s*\^\s*$/;

/** `toBeTruthy` → `to be truthy`. */
function words(matcher: string): string {
  return matcher.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
}

/**
 * What replaces a matcher line, or `undefined` to drop it. A matcher with an expected argument is followed by
 * `Expected: …` / `Received: …` lines that say it all; one without (`toBeTruthy()`, `toBeDefined()`) is followed
 * only by `Received: …`, so the expectation is put back in words: `Expected: to be truthy`.
 */
function replacementOf(line: string): string | undefined {
  const match = MATCHER_LINE.exec(line.trim());
  const { modifiers = '', matcher = '', args = '' } = match?.groups ?? {};
  if (!match || args.trim() !== '') return undefined;
  const negated = modifiers.includes('.not');
  return `Expected: ${negated ? 'not ' : ''}${words(matcher)}`;
}

/** Whether a line is matcher boilerplate (replaced or dropped). */
export function isMatcherLine(line: string): boolean {
  return MATCHER_LINE.test(line.trim());
}

/**
 * The full explanation of an error message (see the module comment). Blank runs are collapsed to one blank line;
 * empty when there is nothing to say.
 */
export function explainFailure(text: string | undefined): string {
  const lines = (text ?? '')
    .replace(ANSI, '')
    .replace(/\r\n?/g, '\n')
    .replace(/^\s*Error: /, '')
    .split('\n')
    .map((line) => line.trimEnd());
  const kept: string[] = [];
  let afterReplacement = false;
  for (const line of lines) {
    if (FRAME_LINE.test(line)) continue;
    if (isMatcherLine(line)) {
      const replacement = replacementOf(line);
      if (replacement !== undefined) {
        kept.push(replacement);
        afterReplacement = true;
      }
      continue;
    }
    const blank = line.trim() === '';
    // A replaced matcher line belongs with the `Received:` under it: no blank line between them.
    if (blank && afterReplacement) continue;
    afterReplacement = false;
    if (blank && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}

/** The explanations of several errors (soft assertions), each in full, apart by a blank line. */
export function explainFailures(texts: readonly (string | undefined)[]): string {
  return texts
    .map(explainFailure)
    .filter((text) => text !== '')
    .join('\n\n');
}

/** `text` cut to `max` characters, the last one an ellipsis, when it is longer. */
export function capMessage(text: string, max = MAX_MESSAGE_LENGTH): string {
  if (text.length <= max) return text;
  // Not between the halves of a surrogate pair.
  const cut = text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '');
  return `${cut.trimEnd()}…`;
}
