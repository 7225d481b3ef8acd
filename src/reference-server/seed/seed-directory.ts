import type { Faker } from '@faker-js/faker';
import { createEnglishFaker } from '../../faker/english-faker.js';
import { SCHEMA_URNS } from '../../scim/urns.js';
import type { ReferenceState } from '../reference-state.js';
import type { ScimObject, StoredResource } from '../store/resource-store.js';

export interface SeedOptions {
  users: number;
  groups: number;
  seed: number;
}

/** The same seed gives the same directory: ids, names and dates all come from the seeded faker. */
const REFERENCE_DATE = '2025-01-01T00:00:00.000Z';

function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function seededUser(
  faker: Faker,
  index: number,
  managers: string[],
  takenNames: Set<string>,
): StoredResource {
  const givenName = faker.person.firstName();
  const familyName = faker.person.lastName();
  const domain = 'example.com';
  const local = faker.internet
    .username({ firstName: givenName, lastName: familyName })
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '');
  const userName = uniqueName(`${local || `user${index}`}@${domain}`, takenNames);
  const enterprise: ScimObject = {
    employeeNumber: String(10_000 + index),
    department: faker.commerce.department(),
    organization: 'Example Corp',
  };
  if (managers.length > 0 && faker.datatype.boolean({ probability: 0.6 })) {
    enterprise.manager = { value: faker.helpers.arrayElement(managers) };
  }
  const created = faker.date.past({ years: 2, refDate: REFERENCE_DATE }).toISOString();
  // One string for both (a million users would otherwise hold each name twice).
  const fullName = `${givenName} ${familyName}`;
  return {
    resourceType: 'User',
    id: faker.string.uuid(),
    attributes: {
      userName,
      externalId: faker.string.uuid(),
      name: { givenName, familyName, formatted: fullName },
      displayName: fullName,
      title: faker.person.jobTitle(),
      active: faker.datatype.boolean({ probability: 0.9 }),
      emails: [{ value: userName, type: 'work', primary: true }],
      [SCHEMA_URNS.EnterpriseUser]: enterprise,
    },
    created,
    lastModified: created,
    version: 1,
  };
}

/**
 * `size` distinct elements drawn at random. faker's `arrayElements` shuffles a copy of the whole array per call, which
 * made seeding cost groups × users; drawing indices into a set costs O(size) for the small sizes used here.
 */
function distinctPicks<T>(faker: Faker, items: readonly T[], size: number): T[] {
  const picked = new Set<number>();
  while (picked.size < Math.min(size, items.length))
    picked.add(faker.number.int({ min: 0, max: items.length - 1 }));
  return [...picked].map((index) => items[index] as T);
}

/**
 * Fills the directory with a faker-generated organisation (seeded, so a failure replays): users with
 * realistic names, work emails, titles and departments, about 60% with a manager and 10% inactive, and
 * groups (teams) with members drawn from the users. O(users + memberships): each user costs a constant amount of
 * faker work and index inserts of O(log users), each group O(its members).
 */
export async function seedDirectory(state: ReferenceState, options: SeedOptions): Promise<void> {
  // The ordered indexes are built once at the end, not kept through a million inserts each.
  await state.store.loadInBulk(() => seedResources(state, options));
}

function seedResources(state: ReferenceState, options: SeedOptions): void {
  const faker = createEnglishFaker({ seed: options.seed });
  const userIds: string[] = [];
  const takenUserNames = new Set<string>();
  for (let index = 0; index < options.users; index += 1) {
    const user = seededUser(faker, index, userIds.slice(0, 20), takenUserNames);
    // Fresh objects, handed over without the store's defensive copy.
    state.store.putOwned(user);
    userIds.push(user.id);
  }
  const takenGroupNames = new Set<string>();
  for (let index = 0; index < options.groups; index += 1) {
    const size = userIds.length === 0 ? 0 : faker.number.int({ min: 1, max: Math.min(10, userIds.length) });
    const members = distinctPicks(faker, userIds, size).map((value) => ({ value, type: 'User' }));
    const created = faker.date.past({ years: 2, refDate: REFERENCE_DATE }).toISOString();
    const attributes: ScimObject = {
      displayName: uniqueName(`${faker.commerce.department()} ${faker.word.noun()}`, takenGroupNames),
      externalId: faker.string.uuid(),
    };
    if (members.length > 0) attributes.members = members;
    state.store.putOwned({
      resourceType: 'Group',
      id: faker.string.uuid(),
      attributes,
      created,
      lastModified: created,
      version: 1,
    });
  }
}
