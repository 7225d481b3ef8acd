import { expect, test } from '@playwright/test';
import { CLIENT_VARIANTS, type ClientVariant } from '../../src/run-contract/index.js';
import { listChecks } from '../self-test/suite-runs.js';
import { clientsOf } from './check-definition.js';
import { keywordUses, levelProblems } from './requirement-level.js';

test.describe('the level a requirement words', () => {
  const WORDED: [string, 'MUST' | 'SHOULD' | 'MAY', string][] = [
    ['MUST', 'MUST', 'the service provider MUST return HTTP status code 409 (Conflict)'],
    ['MUST NOT', 'MUST', 'the service provider MUST NOT return more results than specified'],
    ['SHALL', 'MUST', 'an HTTP response SHALL be returned with HTTP status code 201 (Created)'],
    ['SHALL NOT', 'MUST', 'The cleartext value or the hashed value of a password SHALL NOT be returnable'],
    ['REQUIRED', 'MUST', 'status The HTTP status code expressed as a JSON string. REQUIRED.'],
    [
      'SHOULD',
      'SHOULD',
      'The response body SHOULD contain the representation of the newly created resource.',
    ],
    ['SHOULD NOT', 'SHOULD', 'a CREATE request … SHOULD NOT fail with a 409 error due to userName conflict'],
    ['NOT RECOMMENDED', 'SHOULD', 'Sending the token in the URI is NOT RECOMMENDED.'],
    ['MAY', 'MAY', 'A service provider MAY process the SCIM request directly.'],
    ['OPTIONAL', 'MAY', 'HTTP PATCH is an OPTIONAL server function.'],
  ];
  for (const [name, level, requirement] of WORDED) {
    test(`${name} words ${level}`, () => {
      expect(levelProblems({ level, requirement })).toEqual([]);
    });
  }

  test('a requirement without its level keyword is named, and lowercase words do not count', () => {
    expect(levelProblems({ level: 'MUST', requirement: 'A service provider MAY process it.' })).toEqual([
      expect.stringContaining('graded MUST, but its requirement has no MUST/SHALL/REQUIRED'),
    ]);
    expect(
      levelProblems({
        level: 'MUST',
        requirement: 'eq: The attribute and operator values must be identical.',
      }),
    ).toHaveLength(1);
    expect(
      levelProblems({ level: 'SHOULD', requirement: 'Service providers MUST omit the resource.' }),
    ).toHaveLength(1);
  });

  test('a requirement whose every keyword binds the client is named', () => {
    for (const requirement of [
      'Client implementations MUST ensure that bearer tokens are not leaked to unintended parties.',
      'A client MAY use a URL of the form "<base-URI>/Me" as a URI alias.',
      'Clients MAY execute queries by using the HTTP POST verb.',
      'the client MAY supply an If-Match header for PUT and PATCH operations',
      'The value of the "id" attribute is always issued by the service provider and MUST NOT be specified by the client.',
    ]) {
      const level = requirement.includes('MUST') ? 'MUST' : 'MAY';
      expect(levelProblems({ level, requirement }), requirement).toEqual([
        expect.stringContaining('binds the client'),
      ]);
    }
  });

  test('a client subject does not hide a keyword that binds the server', () => {
    expect(
      levelProblems({
        level: 'MUST',
        requirement:
          'Clients MAY request a partial representation. attributes: each resource returned MUST contain …',
      }),
    ).toEqual([]);
    // Passive: whoever maps the client is bound, not the client.
    expect(keywordUses('the unique client MUST be mapped to a security subject', 'MUST')).toEqual([
      { keyword: 'MUST', onClient: false },
    ]);
  });

  test('levelBasis explains a grade the quote does not word', () => {
    expect(
      levelProblems({
        level: 'MUST',
        requirement: 'Create User. Request: POST /Users … Response: HTTP/1.1 201 Created',
        levelBasis: 'Microsoft Entra provisioning treats any other answer as a failed create.',
      }),
    ).toEqual([]);
  });
});

test('every check is graded at the level of the words it quotes, or says why not', async () => {
  const checks = await listChecks();
  expect(checks.length, 'the listing found no checks').toBeGreaterThan(0);
  const offenders = checks.flatMap(({ definition, file }) =>
    levelProblems(definition).map((problem) => `${definition.id} (${file}): ${problem}`),
  );
  expect(offenders, `${offenders.length} checks:\n${offenders.join('\n')}`).toEqual([]);
});

test('every client variant of the "Will it work with…" matrix has checks of its own requests', async () => {
  const checks = await listChecks();
  const counts = new Map<ClientVariant, number>(CLIENT_VARIANTS.map((variant) => [variant, 0]));
  for (const { definition } of checks) {
    for (const variant of clientsOf(definition)) counts.set(variant, (counts.get(variant) ?? 0) + 1);
  }
  for (const [variant, count] of counts) expect(count, `checks of ${variant}'s requests`).toBeGreaterThan(5);
  // A check of a request only one variant sends names it; the rest of its profile's variants are not answered by it.
  const legacyOnly = checks.find(
    ({ definition }) => definition.id === 'entra.patch-legacy.disable-with-string-false',
  );
  expect(legacyOnly && clientsOf(legacyOnly.definition)).toEqual(['entra-legacy']);
});
