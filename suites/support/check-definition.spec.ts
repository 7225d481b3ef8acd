import { expect, test } from '@playwright/test';
import { assertCheckDefinition, type CheckDefinition, clientsOf } from './check-definition.js';

const BASE: CheckDefinition = {
  id: 'entra.users.example-check',
  title: 'An example',
  level: 'MUST',
  rfc: 'Microsoft Entra SCIM tutorial',
  category: 'entra',
  profiles: ['entra'],
  requirement: 'The example requirement MUST hold for the example.',
  levelBasis: 'An example basis sentence long enough to explain the level.',
  fix: 'Make the example hold.',
  quirks: ['create-returns-200'],
};

test('a check speaks for every variant of its client profiles unless it names some', () => {
  expect(clientsOf(BASE)).toEqual(['entra-legacy', 'entra-aadOptscim062020']);
  expect(clientsOf({ ...BASE, profiles: ['rfc7644'] })).toEqual([]);
  expect(clientsOf({ ...BASE, profiles: ['rfc7644', 'entra', 'okta'] })).toEqual([
    'entra-legacy',
    'entra-aadOptscim062020',
    'okta-oin',
    'okta-aiw',
  ]);
  expect(clientsOf({ ...BASE, clients: ['entra-legacy'] })).toEqual(['entra-legacy']);
});

test('a check may not name a client of a profile it is not in', () => {
  expect(() => assertCheckDefinition({ ...BASE, clients: ['entra-legacy'] })).not.toThrow();
  expect(() => assertCheckDefinition({ ...BASE, clients: ['okta-oin'] })).toThrow(
    /clients names okta-oin, whose profile okta the check is not in/,
  );
});
