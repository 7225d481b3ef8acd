/**
 * Bounds on filter and path input. A filter arrives in a URL or a `.search` body from any client;
 * these bounds make hostile input fail fast with `invalidFilter` instead of exhausting the stack.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */

/** Longest filter or path accepted, in characters; longer input is refused before it is read. */
export const MAX_FILTER_LENGTH = 10_000;

/** Deepest nesting of `(`, `not (` and `[` accepted; keeps recursion far from the stack limit. */
export const MAX_FILTER_DEPTH = 64;
