/**
 * Requests that must be refused for their credentials (RFC 7644 §2, RFC 6750 §3), shared by the auth checks: the
 * malformed Authorization headers as a table, a well-formed but unknown token, and the set of 401 answers the
 * body and challenge checks inspect.
 */
import type { Faker } from '@faker-js/faker';
import { HarnessError } from '../../src/errors/harness-error.js';
import type { ScimClient, ScimExchange } from '../../src/http/index.js';

/** Authorization headers no server can accept; a new case is a new row. */
export const MALFORMED_AUTHORIZATION: readonly { name: string; header: string }[] = [
  { name: 'Bearer with no token', header: 'Bearer' },
  { name: 'Basic credentials', header: 'Basic dXNlcjpwYXNzd29yZA==' },
  { name: 'no scheme', header: 'garbage-without-a-scheme' },
  { name: 'an unknown scheme', header: 'Token abc123' },
];

/** A token shaped like a real one (40 hex characters) that no target issued. */
export function invalidToken(faker: Faker): string {
  return faker.string.hexadecimal({ length: 40, casing: 'lower', prefix: '' });
}

/**
 * GET /Users without credentials, with a malformed header and with an unknown token; returns the answers that were
 * 401, each named. Throws CHECK_PRECONDITION when none was (the 401 checks then report the real problem).
 */
export async function unauthorizedAnswers(
  scim: ScimClient,
  faker: Faker,
): Promise<{ name: string; exchange: ScimExchange }[]> {
  const query = { count: '1' };
  const answers = [
    { name: 'no Authorization header', exchange: await scim.get('/Users', { token: null, query }) },
    {
      // Not a bare "Bearer": the client registers a sent Authorization value as a secret, and the word alone would
      // then be redacted from every later record of this check.
      name: 'Authorization: Bearer with a malformed token',
      exchange: await scim.get('/Users', {
        token: null,
        headers: { authorization: 'Bearer @@not-a-token@@' },
        query,
      }),
    },
    {
      name: 'an unknown bearer token',
      exchange: await scim.get('/Users', { token: invalidToken(faker), query }),
    },
  ];
  const refused = answers.filter((answer) => answer.exchange.response?.status === 401);
  if (refused.length === 0) {
    throw new HarnessError(
      'CHECK_PRECONDITION',
      'The target answered none of the unauthenticated requests with 401',
    );
  }
  return refused;
}
