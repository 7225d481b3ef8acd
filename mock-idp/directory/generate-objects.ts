import type { Faker } from '@faker-js/faker';
import type { EntraGroup, EntraUser } from './entra-objects.js';
import { SEED_DOMAINS } from './seeded-randomizer.js';

/** Departments drawn from a short fixed list, so that department scoping filters select real subsets. */
export const DEPARTMENTS = [
  'Engineering',
  'Sales',
  'Marketing',
  'Finance',
  'Human Resources',
  'Legal',
  'Operations',
  'Support',
] as const;

/** What every generated object needs to know about the run that creates it. */
export interface GenerationContext {
  readonly faker: Faker;
  readonly seed: number;
  readonly runId: string;
  readonly domain: string;
}

/** Lower-case ASCII letters and digits only: Entra cannot filter on values with special characters. */
export function toSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
  return slug === '' ? 'x' : slug;
}

/**
 * Joins parts into one flat string. A template literal leaves a rope of small strings behind, and at
 * 100k users those ropes roughly double the heap; `join` allocates one sequential string.
 */
function flat(...parts: readonly (string | number)[]): string {
  return parts.join('');
}

const hex4 = (faker: Faker): string => faker.number.int(0xffff).toString(16).padStart(4, '0');

/**
 * A version-4 GUID in Entra's lower-case form. Built from eight 16-bit draws: a fifth of the cost of
 * `faker.string.uuid()`, which matters at 100k users.
 */
export function drawGuid(faker: Faker): string {
  const version = (faker.number.int(0x0fff) | 0x4000).toString(16);
  const variant = (faker.number.int(0x3fff) | 0x8000).toString(16);
  return flat(
    hex4(faker),
    hex4(faker),
    '-',
    hex4(faker),
    '-',
    version,
    '-',
    variant,
    '-',
    hex4(faker),
    hex4(faker),
    hex4(faker),
  );
}

/** The objectId of user `serial`: the first draw of its stream, so it needs no other state. */
export function userObjectIdFor(context: GenerationContext, serial: number): string {
  context.faker.seed([context.seed, SEED_DOMAINS.user, serial]);
  return drawGuid(context.faker);
}

/** The objectId of group `serial`. */
export function groupObjectIdFor(context: GenerationContext, serial: number): string {
  context.faker.seed([context.seed, SEED_DOMAINS.group, serial]);
  return drawGuid(context.faker);
}

export interface UserDraw {
  readonly serial: number;
  readonly assignedRatio: number;
  /** Chooses the manager (objectId) with the user's own stream, or none. */
  readonly pickManager: (faker: Faker) => string | undefined;
  /**
   * The user's objectId as the caller already holds it (`userObjectIdFor` gives the same value): managers and
   * group members point at that string, so the user shares it instead of keeping a copy (56 bytes a user).
   */
  readonly objectId?: string;
}

/** Generates user `serial` from `[seed, user, serial]`: the same inputs always give the same user. */
export function generateUser(context: GenerationContext, draw: UserDraw): EntraUser {
  const { faker, runId, domain } = context;
  // Drawn even when given: it seeds the user's stream and moves it past the id.
  const drawn = userObjectIdFor(context, draw.serial);
  const objectId = draw.objectId ?? drawn;
  const givenName = faker.person.firstName();
  const surname = faker.person.lastName();
  const nickname = flat(toSlug(givenName), '.', toSlug(surname), '.', draw.serial, '.', runId.toLowerCase());
  const userPrincipalName = flat(nickname, '@', domain);
  const maybe = <T>(probability: number, value: () => T): T | undefined =>
    faker.datatype.boolean({ probability }) ? value() : undefined;
  return {
    objectId,
    serial: draw.serial,
    userPrincipalName,
    mail: maybe(0.97, () => userPrincipalName),
    mailNickname: nickname,
    givenName,
    surname,
    displayName: flat(givenName, ' ', surname),
    // The three parts of `faker.person.jobTitle()` without its template engine (5x faster).
    jobTitle: maybe(0.9, () =>
      flat(faker.person.jobDescriptor(), ' ', faker.person.jobArea(), ' ', faker.person.jobType()),
    ),
    department: maybe(0.95, () => faker.helpers.arrayElement(DEPARTMENTS)),
    employeeId: maybe(0.9, () => String(100000 + draw.serial)),
    manager: draw.pickManager(faker),
    mobile: maybe(0.6, () => faker.phone.number({ style: 'international' })),
    telephoneNumber: maybe(0.8, () => faker.phone.number({ style: 'international' })),
    streetAddress: maybe(0.7, () => faker.location.streetAddress()),
    city: maybe(0.8, () => faker.location.city()),
    state: maybe(0.7, () => faker.location.state()),
    postalCode: maybe(0.7, () => faker.location.zipCode()),
    country: maybe(0.8, () => faker.location.country()),
    accountEnabled: faker.datatype.boolean({ probability: 0.98 }),
    isSoftDeleted: false,
    softDeletedInCycle: undefined,
    assigned: faker.datatype.boolean({ probability: draw.assignedRatio }),
  };
}

export interface GroupDraw {
  readonly serial: number;
  readonly assignedRatio: number;
  readonly maxMembers: number;
  readonly nestedRatio: number;
  /** objectIds of every user of the whole directory, by serial. */
  readonly userObjectIds: readonly string[];
  /** objectIds of every group by serial; those below `serial` are nesting candidates. */
  readonly groupObjectIds: readonly string[];
}

/**
 * `count` distinct integers in `[0, length)`, ascending. Rejection sampling keeps this O(count) for
 * the usual case of a few members out of many users; dense picks shuffle the range instead.
 */
export function pickDistinctIndices(faker: Faker, length: number, count: number): number[] {
  const wanted = Math.min(count, length);
  if (wanted * 2 > length) {
    const all = Array.from({ length }, (_, i) => i);
    return faker.helpers.arrayElements(all, wanted).sort((a, b) => a - b);
  }
  const picked = new Set<number>();
  while (picked.size < wanted) picked.add(faker.number.int({ min: 0, max: length - 1 }));
  return [...picked].sort((a, b) => a - b);
}

/** Generates group `serial` from `[seed, group, serial]`. */
export function generateGroup(context: GenerationContext, draw: GroupDraw): EntraGroup {
  const { faker, runId } = context;
  const objectId = groupObjectIdFor(context, draw.serial);
  const name = `${faker.commerce.department()} ${faker.word.noun()}`;
  const size = faker.number.int({ min: 0, max: Math.min(draw.maxMembers, draw.userObjectIds.length) });
  const memberSerials = pickDistinctIndices(faker, draw.userObjectIds.length, size);
  const members = memberSerials.map((serial) => draw.userObjectIds[serial]!);
  if (draw.serial > 0 && faker.datatype.boolean({ probability: draw.nestedRatio })) {
    members.push(draw.groupObjectIds[faker.number.int({ min: 0, max: draw.serial - 1 })]!);
  }
  return {
    objectId,
    serial: draw.serial,
    displayName: `${name} ${draw.serial} ${runId}`,
    mailNickname: `${toSlug(name)}.${draw.serial}.${runId.toLowerCase()}`,
    description: faker.datatype.boolean({ probability: 0.7 }) ? faker.company.catchPhrase() : undefined,
    members,
    assigned: faker.datatype.boolean({ probability: draw.assignedRatio }),
  };
}
