import { expect, test } from '@playwright/test';
import { createSeededFaker, SeededRandomizer } from './seeded-randomizer.js';

const draw = (randomizer: SeededRandomizer, count: number) =>
  Array.from({ length: count }, () => randomizer.next());

test('the same seed replays the same sequence, also after re-seeding', () => {
  const a = new SeededRandomizer([1, 2, 3]);
  const first = draw(a, 50);
  expect(draw(new SeededRandomizer([1, 2, 3]), 50)).toEqual(first);
  a.seed([1, 2, 3]);
  expect(draw(a, 50)).toEqual(first);
});

const DIFFERENT_SEEDS: [number | number[], number | number[]][] = [
  [
    [1, 2, 3],
    [1, 2, 4],
  ],
  [
    [1, 2],
    [2, 1],
  ],
  [0, 1],
  [2 ** 40, 2 ** 40 + 2 ** 32],
];
for (const [left, right] of DIFFERENT_SEEDS) {
  test(`seeds ${JSON.stringify(left)} and ${JSON.stringify(right)} give different sequences`, () => {
    expect(draw(new SeededRandomizer(left), 10)).not.toEqual(draw(new SeededRandomizer(right), 10));
  });
}

test('values are uniform enough in [0, 1)', () => {
  const values = draw(new SeededRandomizer(99), 20_000);
  const buckets = new Array<number>(10).fill(0);
  // One assertion over all values: thousands of `expect` calls would each become a report step.
  expect(values.filter((value) => !(value >= 0 && value < 1))).toEqual([]);
  for (const value of values) buckets[Math.floor(value * 10)]! += 1;
  expect(buckets.filter((count) => Math.abs(count - 2000) >= 200)).toEqual([]);
});

test('a seeded faker is reproducible', () => {
  const names = (seed: number) => {
    const faker = createSeededFaker(seed);
    return Array.from({ length: 5 }, () => faker.person.fullName());
  };
  expect(names(5)).toEqual(names(5));
  expect(names(5)).not.toEqual(names(6));
});
