/**
 * A check's message is its full explanation, several lines long (the custom message of an assertion, then what was
 * expected and what came back). Where only one line fits (a terminal table, a Markdown table cell), this is the
 * excerpt: its non-empty lines, trimmed, joined with ` · `, so the first lines say what failed and what came back.
 */
export function messageExcerpt(message: string): string {
  return message
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' · ');
}
