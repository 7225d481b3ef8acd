/** What a scrubbed value is replaced with. */
export const REDACTED = '[REDACTED]';

/** Header names whose value is a credential whatever it looks like. Compared case-insensitively. */
export const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie'] as const;

export interface RedactionOptions {
  /** Literal values (tokens, passwords) scrubbed wherever they appear: values, keys, inside longer strings. */
  secrets?: readonly string[];
}

/**
 * An HTTP credential in free text (`Bearer eyJ…`, `Basic dXNlcjpwYXNz`): a body or message may echo one back
 * even when no secret was declared.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 */
const CREDENTIAL_IN_TEXT = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi;

const credentialHeaderNames = new Set<string>(CREDENTIAL_HEADERS);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Builds the string scrubber for a set of secrets. Longest first, so a secret that contains another is
 * replaced whole; empty secrets are ignored (they would match everywhere).
 */
function stringScrubber(secrets: readonly string[]): (text: string) => string {
  const literal = [...new Set(secrets.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  const secretPattern = literal.length > 0 ? new RegExp(literal.map(escapeRegExp).join('|'), 'g') : undefined;
  return (text) => {
    const withoutSecrets = secretPattern ? text.replace(secretPattern, REDACTED) : text;
    return withoutSecrets.replace(CREDENTIAL_IN_TEXT, (_match, scheme: string) => `${scheme} ${REDACTED}`);
  };
}

/**
 * A deep copy of `value` with every credential removed: the value of any credential header
 * ({@link CREDENTIAL_HEADERS}) at any depth, `Bearer`/`Basic` credentials in any string, and every declared
 * secret wherever it occurs. The recorder redacts already; this is the last pass before anything is written.
 * Works on any JSON-like value, so it serves the conformance result and the replay alike.
 */
export function redact<T>(value: T, options: RedactionOptions = {}): T {
  const scrub = stringScrubber(options.secrets ?? []);
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return scrub(node);
    if (Array.isArray(node)) return node.map(walk);
    if (isPlainObject(node)) {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node)) {
        const cleanKey = scrub(key);
        out[cleanKey] =
          credentialHeaderNames.has(key.toLowerCase()) && typeof child === 'string' ? REDACTED : walk(child);
      }
      return out;
    }
    return node;
  };
  return walk(value) as T;
}
