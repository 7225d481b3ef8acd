import type { Faker, Randomizer } from '@faker-js/faker';
import { faker as sharedEnglishFaker } from '@faker-js/faker/locale/en';

/**
 * A new English faker of its own (never the shared instance), seeded or on a given randomizer.
 *
 * It is built from `@faker-js/faker/locale/en`, not from the package root: the root module loads every
 * locale that faker ships (about 32 MB of RSS and 0.4 s at start in every process that imports it),
 * while the English entry point loads only English and the base definitions. That entry point exports a
 * ready instance and not the class, so the class and the merged definitions (English over base, exactly
 * what `new Faker({ locale: [en, base] })` builds) are taken from that instance.
 * @see https://fakerjs.dev/guide/localization.html#individual-localized-packages
 */
export function createEnglishFaker(options: { seed?: number; randomizer?: Randomizer } = {}): Faker {
  const FakerClass = sharedEnglishFaker.constructor as typeof Faker;
  const faker = new FakerClass({
    locale: sharedEnglishFaker.rawDefinitions,
    ...(options.randomizer === undefined ? {} : { randomizer: options.randomizer }),
  });
  if (options.seed !== undefined) faker.seed(options.seed);
  return faker;
}
