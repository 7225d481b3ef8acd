import { base, en, Faker } from '@faker-js/faker';
import { expect, test } from '@playwright/test';
import { createEnglishFaker } from './english-faker.js';

function draws(faker: Faker): string[] {
  return [
    faker.person.firstName(),
    faker.person.lastName(),
    faker.person.jobTitle(),
    faker.commerce.department(),
    faker.location.city(),
    faker.location.streetAddress(),
    faker.phone.number(),
    faker.internet.domainWord(),
    faker.string.uuid(),
    faker.color.human(),
  ];
}

test('draws exactly what a Faker built from the root package with [en, base] draws', () => {
  for (const seed of [1, 42, 2 ** 31 + 7]) {
    const fromRoot = new Faker({ locale: [en, base] });
    fromRoot.seed(seed);
    const faker = createEnglishFaker({ seed });
    expect(faker).toBeInstanceOf(Faker);
    expect(draws(faker), `seed ${seed}`).toEqual(draws(fromRoot));
  }
});

test('each call builds a new instance: reseeding one never moves another', () => {
  const first = createEnglishFaker({ seed: 5 });
  const second = createEnglishFaker({ seed: 5 });
  expect(first).not.toBe(second);
  const expected = draws(createEnglishFaker({ seed: 5 }));
  draws(first);
  first.seed(99);
  expect(draws(second)).toEqual(expected);
});

test('takes a randomizer in place of a seed', () => {
  let calls = 0;
  const randomizer = {
    next: () => {
      calls += 1;
      return 0.25;
    },
    seed: () => undefined,
  };
  const faker = createEnglishFaker({ randomizer });
  faker.person.firstName();
  expect(calls).toBeGreaterThan(0);
});
