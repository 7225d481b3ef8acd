/**
 * Three run-tagged users with known, distinct attributes, for the filter, pagination and sorting checks. Every
 * userName starts with one prefix unique to the check (`<runId>.<name>.<unique>`), so a query can be constrained to
 * exactly these three whatever else lives on the tenant (`userName sw "<prefix>."`).
 *
 * | persona | userName suffix | title    | familyName | nickName | emails                                   |
 * | ------- | --------------- | -------- | ---------- | -------- | ---------------------------------------- |
 * | alpha   | .alpha@…        | Engineer | Walker     | Ace      | work                                     |
 * | bravo   | .bravo@…        | Manager  | Underwood  | —        | work + home                              |
 * | charlie | .charlie@…      | Engineer | Sanders    | —        | home only (its value contains "@work.")  |
 *
 * They are created bravo, charlie, alpha: neither ascending nor descending by userName or familyName, so a target that
 * ignores sortBy (answering in creation order) cannot pass a sorting check by accident.
 */
import { HarnessError } from '../../src/errors/harness-error.js';
import { SCHEMA_URNS } from '../../src/scim/urns.js';
import { member } from './case-insensitive-json.js';
import type { CreatedResource, ResourceFactory } from './resource-factory.js';
import { attributeAt } from './resource-reading.js';

export const PERSONA_KEYS = ['alpha', 'bravo', 'charlie'] as const;
export type PersonaKey = (typeof PERSONA_KEYS)[number];

const CREATION_ORDER: readonly PersonaKey[] = ['bravo', 'charlie', 'alpha'];
const TITLE: Record<PersonaKey, string> = { alpha: 'Engineer', bravo: 'Manager', charlie: 'Engineer' };
const FAMILY_NAME: Record<PersonaKey, string> = { alpha: 'Walker', bravo: 'Underwood', charlie: 'Sanders' };
const GIVEN_NAME: Record<PersonaKey, string> = { alpha: 'Avery', bravo: 'Blair', charlie: 'Casey' };

export interface Persona {
  key: PersonaKey;
  id: string;
  userName: string;
  /** Mixed case on purpose: externalId is caseExact (RFC 7643 §3.1). */
  externalId: string;
  familyName: string;
  title: string;
  /** Every email value the persona was created with, by type. */
  emails: { value: string; type: 'work' | 'home' }[];
  created: CreatedResource;
}

export interface Personas {
  /** The common userName prefix, without the trailing dot: filter on `userName sw "<prefix>."`. */
  prefix: string;
  alpha: Persona;
  bravo: Persona;
  charlie: Persona;
  /** id → persona key, for readable failure messages. */
  labels: Map<string, string>;
  /** The ids of the named personas. */
  ids(...keys: PersonaKey[]): string[];
  /** `userName sw "<prefix>."`, the clause that constrains a query to these three. */
  scope: string;
  /**
   * Throws CHECK_PRECONDITION unless the target kept these attributes of every persona that was given them (`emails`:
   * every address). A target may support only part of the User schema; a check filtering on an attribute it dropped
   * cannot be evaluated, which is not a filtering failure.
   */
  assertStored(...paths: string[]): void;
}

function emailsOf(key: PersonaKey, prefix: string): Persona['emails'] {
  switch (key) {
    case 'alpha':
      return [{ value: `${prefix}.alpha@work.example.com`, type: 'work' }];
    case 'bravo':
      return [
        { value: `${prefix}.bravo@work.example.com`, type: 'work' },
        { value: `${prefix}.bravo@home.example.org`, type: 'home' },
      ];
    case 'charlie':
      return [{ value: `${prefix}.charlie@work.example.com`, type: 'home' }];
    default: {
      const unreachable: never = key;
      return unreachable;
    }
  }
}

/**
 * Creates the three personas (preconditions: a failure is a CHECK_PRECONDITION error, not a verdict).
 * `overrides` are merged into one persona's body, e.g. `{ bravo: { active: false } }`.
 */
export async function createPersonas(
  resources: ResourceFactory,
  overrides: Partial<Record<PersonaKey, Record<string, unknown>>> = {},
): Promise<Personas> {
  const prefix = resources.userName().replace(/@example\.com$/, '');
  const made = new Map<PersonaKey, Persona>();
  for (const key of CREATION_ORDER) {
    const userName = `${prefix}.${key}@example.com`;
    const externalId = `${prefix}.Ext${key[0]?.toUpperCase()}${key.slice(1)}`;
    const emails = emailsOf(key, prefix);
    const body = {
      schemas: [SCHEMA_URNS.User],
      userName,
      externalId,
      name: {
        givenName: GIVEN_NAME[key],
        familyName: FAMILY_NAME[key],
        formatted: `${GIVEN_NAME[key]} ${FAMILY_NAME[key]}`,
      },
      displayName: `${GIVEN_NAME[key]} ${FAMILY_NAME[key]}`,
      title: TITLE[key],
      emails: emails.map((email, index) => ({ ...email, primary: index === 0 })),
      active: true,
      ...(key === 'alpha' ? { nickName: 'Ace' } : {}),
      ...overrides[key],
    };
    const created = await resources.createUser(body);
    made.set(key, {
      key,
      id: created.id,
      userName,
      externalId,
      familyName: FAMILY_NAME[key],
      title: TITLE[key],
      emails,
      created,
    });
  }
  const get = (key: PersonaKey): Persona => {
    const persona = made.get(key);
    if (!persona) throw new Error(`persona ${key} was not created`);
    return persona;
  };
  const labels = new Map<string, string>(PERSONA_KEYS.map((key) => [get(key).id, key]));
  return {
    prefix,
    alpha: get('alpha'),
    bravo: get('bravo'),
    charlie: get('charlie'),
    labels,
    ids: (...keys) => keys.map((key) => get(key).id),
    scope: `userName sw "${prefix}."`,
    assertStored(...paths) {
      for (const key of PERSONA_KEYS) {
        const persona = get(key);
        for (const path of paths) {
          const stored = attributeAt(persona.created.body, path);
          const kept =
            path === 'emails'
              ? Array.isArray(stored) && stored.length === persona.emails.length
              : stored !== undefined;
          const given = path !== 'nickName' || key === 'alpha';
          if (given && !kept) {
            throw new HarnessError(
              'CHECK_PRECONDITION',
              `The target did not keep ${path} of the user it created (${key}): this check filters on it, so it cannot be evaluated`,
            );
          }
        }
      }
    },
  };
}

/** meta.lastModified of a created persona as the target reported it, when it did. */
export function lastModifiedOf(persona: Persona): Date | undefined {
  const value = attributeAt(persona.created.body, 'meta.lastModified');
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** The id of a resource body, when it has one. */
export function idOf(body: unknown): string | undefined {
  const id = member(body, 'id');
  return typeof id === 'string' ? id : undefined;
}
