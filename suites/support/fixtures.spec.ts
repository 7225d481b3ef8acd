import { base, en, Faker } from '@faker-js/faker';
import { expect, test } from '@playwright/test';
import { seededFaker, seedFromText } from './fixtures.js';

/** The draws the resource factory and the checks make, in the order they make them. */
function draws(faker: Faker): string[] {
  return [
    faker.person.firstName(),
    faker.person.lastName(),
    faker.string.alphanumeric({ length: 6, casing: 'lower' }),
    faker.commerce.department(),
    faker.internet.email(),
    String(faker.number.int({ min: 0, max: 1_000_000 })),
  ];
}

const SEEDS: [string, number][] = [
  ['zero', 0],
  ['a check title', seedFromText('rfc7644 › users.create.returns-201: Creating a user answers 201')],
  [
    'the same title in another profile',
    seedFromText('entra › users.create.returns-201: Creating a user answers 201'),
  ],
  ['the largest seed', 0xffff_ffff],
];

test('the reseeded worker faker draws what a fresh faker seeded alike draws, whatever was drawn before', () => {
  for (const [name, seed] of SEEDS) {
    const fresh = new Faker({ locale: [en, base] });
    fresh.seed(seed);
    const expected = draws(fresh);
    // Drawing from the shared instance first leaves state behind that reseeding must clear.
    draws(seededFaker(seed + 1));
    expect(draws(seededFaker(seed)), name).toEqual(expected);
  }
});

test('different seeds give different data, so checks do not share names', () => {
  const [first, second] = SEEDS.slice(1, 3).map(([, seed]) => draws(seededFaker(seed)));
  expect(first).not.toEqual(second);
});
