/**
 * Three run-tagged users with known, distinct attributes, for the filter, pagination and sorting checks. Every
 * userName starts with one prefix unique to the check (`<runId>.<name>.<unique>`), so a query can be constrained to
 * exactly these three whatever else lives on the tenant.
 *
 * The constraint ("scope") uses the weakest filter the target has shown it supports, so that a check never depends on
 * an optional feature it does not test (RFC 7644 lets a provider decline any filter form with 400 invalidFilter):
 * 1. `userName sw "<prefix>."`, when the target accepts `sw`;
 * 2. else `(userName eq "a" or userName eq "b" or userName eq "c")`, when it accepts `or`;
 * 3. else `emails.value eq "<prefix>.team@example.net"`: each persona then also carries that shared address (type
 *    `other`), which only `eq` is needed to find;
 * 4. else none: a check that needs the scope cannot be evaluated, and says which features were missing.
 * Each scope is verified (it must list exactly the three) before any check relies on it.
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
import type { ScimClient, ScimExchange } from '../../src/http/index.js';
import { SCHEMA_URNS } from '../../src/scim/urns.js';
import { member } from './case-insensitive-json.js';
import { inPhase } from './exchange-phase.js';
import { expect } from './fixtures.js';
import { expectExactly, listedIds, listNumber } from './list-response.js';
import { answered, describeExchange, markDecisive } from './matchers.js';
import type { CreatedResource, ResourceFactory } from './resource-factory.js';
import { attributeAt } from './resource-reading.js';
import { invalidFilterAnswer, unsupportedWhenFilterDeclined } from './unsupported.js';

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
  /**
   * The clause that constrains a query to these three (see the module comment for how it is chosen). Reading it
   * throws CHECK_PRECONDITION, naming the missing filter features, when the target offers no way to constrain a query.
   */
  readonly scope: string;
  /** How the scope constrains a query, e.g. `userName sw`, or why there is none. */
  scopeMeans: string;
  /** Whether a verified scope exists. */
  hasScope: boolean;
  /** `<scope> and <expression>`, parenthesised as the scope needs; throws like {@link scope} without one. */
  scoped(expression: string): string;
  /**
   * A filter that selects a known set of the personas, for checks that page through a list: the scope (all three)
   * when there is one, else `userName eq` on bravo (one), which any target that filters at all accepts.
   */
  pageSet(): { filter: string; keys: PersonaKey[] };
  /**
   * Throws CHECK_PRECONDITION unless the target kept these attributes of every persona that was given them (`emails`:
   * every address). A target may support only part of the User schema; a check filtering on an attribute it dropped
   * cannot be evaluated, which is not a filtering failure.
   */
  assertStored(...paths: string[]): void;
}

type ScopePlan = 'sw' | 'or' | 'email' | 'none';

/** Whether the target accepts a filter (200) or declines it (400 invalidFilter); anything else is `unknown`. */
async function accepts(client: ScimClient, filter: string): Promise<boolean | 'unknown'> {
  const exchange = await client.get('/Users', { query: { filter } });
  // No SCIM answer (a reset, a gateway's 503) says nothing about filters: the check cannot be evaluated.
  if (answered(exchange).status === 200) return true;
  return invalidFilterAnswer(exchange) ? false : 'unknown';
}

/** Chooses the scope before the personas exist (so the shared address is added only when nothing else works). */
async function planScope(client: ScimClient, prefix: string): Promise<{ plan: ScopePlan; notes: string[] }> {
  const notes: string[] = [];
  const sw = await accepts(client, `userName sw "${prefix}."`);
  if (sw === true) return { plan: 'sw', notes };
  notes.push(`userName sw ${sw === false ? 'declined (400 invalidFilter)' : 'not accepted'}`);
  const or = await accepts(
    client,
    `userName eq "${prefix}.x@example.com" or userName eq "${prefix}.y@example.com"`,
  );
  if (or === true) return { plan: 'or', notes };
  notes.push(`or ${or === false ? 'declined (400 invalidFilter)' : 'not accepted'}`);
  return { plan: 'email', notes };
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
  const client = resources.client;
  const { plan, notes } = await inPhase(client, 'setup', () => planScope(client, prefix));
  const teamEmail = `${prefix}.team@example.net`;
  const made = new Map<PersonaKey, Persona>();
  for (const key of CREATION_ORDER) {
    const userName = `${prefix}.${key}@example.com`;
    const externalId = `${prefix}.Ext${key[0]?.toUpperCase()}${key.slice(1)}`;
    const emails = emailsOf(key, prefix);
    const sent = plan === 'email' ? [...emails, { value: teamEmail, type: 'other' as const }] : emails;
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
      emails: sent.map((email, index) => ({ ...email, primary: index === 0 })),
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
  const userNames = PERSONA_KEYS.map((key) => `userName eq "${get(key).userName}"`);
  const candidates: Record<Exclude<ScopePlan, 'none'>, string> = {
    sw: `userName sw "${prefix}."`,
    or: `(${userNames.join(' or ')})`,
    email: `emails.value eq "${teamEmail}"`,
  };
  const ids = PERSONA_KEYS.map((key) => get(key).id).sort();
  // A scope is used only once it lists exactly the three: a target whose sw is broken must not fail unrelated checks.
  let scope: string | undefined;
  let scopeMeans = '';
  // After a failed sw, `or` is still worth a try (it needs nothing from creation); the shared address is not.
  const tries: Exclude<ScopePlan, 'none'>[] = plan === 'sw' ? ['sw', 'or'] : plan === 'none' ? [] : [plan];
  for (const means of tries) {
    const clause = candidates[means];
    const verified = await inPhase(client, 'setup', async () => {
      const exchange = await client.get('/Users', { query: { filter: clause } });
      if (answered(exchange).status !== 200) return false;
      // Judged by what the filter selects, not by paging: nothing but the three is listed, and totalResults counts
      // three (a target whose startIndex is off by one still filters correctly, and its paging checks say so).
      const listed = listedIds(exchange);
      const total = listNumber(exchange, 'totalResults');
      return (
        listed.every((id) => ids.includes(id)) &&
        (total === 3 || (total === undefined && listed.length === 3))
      );
    });
    if (verified) {
      scope = clause;
      scopeMeans = means === 'sw' ? 'userName sw' : means === 'or' ? 'userName eq … or …' : 'emails.value eq';
      break;
    }
    notes.push(
      `${means === 'email' ? 'emails.value eq on a shared address' : means} did not list exactly the three users`,
    );
  }
  if (scope === undefined) {
    scopeMeans = `none: ${notes.join('; ')}`;
  }
  const requireScope = (): string => {
    if (scope !== undefined) return scope;
    throw new HarnessError(
      'CHECK_PRECONDITION',
      `This check needs to constrain a list to its own three users, and the target offers no filter to do it (${scopeMeans}): it needs userName sw, or, or eq on emails.value`,
    );
  };
  return {
    prefix,
    alpha: get('alpha'),
    bravo: get('bravo'),
    charlie: get('charlie'),
    labels,
    ids: (...keys) => keys.map((key) => get(key).id),
    get scope() {
      return requireScope();
    },
    scopeMeans,
    hasScope: scope !== undefined,
    scoped: (expression) => `${requireScope()} and ${expression}`,
    pageSet: () =>
      scope !== undefined
        ? { filter: scope, keys: [...PERSONA_KEYS] }
        : { filter: `userName eq "${get('bravo').userName}"`, keys: ['bravo'] },
    assertStored(...paths) {
      for (const key of PERSONA_KEYS) {
        const persona = get(key);
        for (const path of paths) {
          const stored = attributeAt(persona.created.body, path);
          const kept =
            path === 'emails'
              ? // At least the persona's own addresses (a scope may have added a shared one).
                Array.isArray(stored) && stored.length >= persona.emails.length
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

/** What {@link listScoped} sent: the answer, and whether the scope constrained it to the personas. */
export interface ScopedAnswer {
  answer: ScimExchange;
  scoped: boolean;
}

/**
 * Lists `/Users` with `expression` constrained to the personas. A 400 invalidFilter makes the check `unsupported`
 * for `feature` (the scope was verified, so the decline is the expression's). Without a scope the bare expression is
 * sent, and {@link expectPersonaMatches} judges what it can from the personas alone.
 */
export async function listScoped(
  client: ScimClient,
  personas: Personas,
  expression: string,
  feature: string,
  query: Record<string, string> = {},
): Promise<ScopedAnswer> {
  const filter = personas.hasScope ? personas.scoped(expression) : expression;
  const answer = await client.get('/Users', { query: { ...query, filter } });
  unsupportedWhenFilterDeclined(answer, feature);
  return { answer, scoped: personas.hasScope };
}

/**
 * Asserts that exactly the `expected` personas matched. Scoped, the answer must list exactly them. Unscoped (the target
 * offers no way to constrain a list to them), other users may be listed too: a persona listed that must not match is
 * a failure, and so is an expected one missing from a complete answer; an incomplete answer that shows neither cannot
 * decide, and the check cannot be evaluated.
 */
export async function expectPersonaMatches(
  result: ScopedAnswer,
  personas: Personas,
  expected: readonly PersonaKey[],
): Promise<void> {
  const { answer } = result;
  if (result.scoped) {
    await expectExactly(answer, personas.ids(...expected), personas.labels);
    return;
  }
  await expect(answer).toHaveStatus(200);
  const listed = new Set(listedIds(answer));
  const ours = PERSONA_KEYS.filter((key) => listed.has(personas.ids(key)[0] ?? ''));
  const unexpected = ours.filter((key) => !expected.includes(key));
  markDecisive(answer, unexpected.length === 0);
  expect(unexpected, `personas that must not match, listed by ${describeExchange(answer)}`).toEqual([]);
  const total = listNumber(answer, 'totalResults');
  const complete = total !== undefined && total <= listed.size;
  const missing = expected.filter((key) => !ours.includes(key));
  if (complete) {
    markDecisive(answer, missing.length === 0);
    expect(missing, `personas that must match, missing from ${describeExchange(answer)}`).toEqual([]);
  } else if (missing.length > 0) {
    throw new HarnessError(
      'CHECK_PRECONDITION',
      `The answer lists ${listed.size} of ${total ?? 'an unknown number of'} results without ${missing.join(', ')}, and the target offers no filter to constrain the list to the check's own users (${personas.scopeMeans})`,
    );
  }
}

/** One filter a check runs against the personas: the expression, whether it needs the scope, what it asks for. */
export interface PersonaFilter {
  expression: string;
  /** ANDed with the personas' scope (an expression that could match other users on the tenant). */
  scoped?: boolean;
  /** What the expression asks of the target, for an `unsupported` outcome ("the `ne` operator"). */
  feature: string;
  expected: readonly PersonaKey[];
}

/**
 * Runs a filter against the personas and asserts exactly `expected` matched: scoped through {@link listScoped} and
 * {@link expectPersonaMatches}; unscoped (an expression only the personas can match) as is. A `400 invalidFilter`
 * makes the check `unsupported` for `feature`.
 */
export async function expectPersonaFilter(
  client: ScimClient,
  personas: Personas,
  filter: PersonaFilter,
): Promise<void> {
  if (filter.scoped) {
    await expectPersonaMatches(
      await listScoped(client, personas, filter.expression, filter.feature),
      personas,
      filter.expected,
    );
    return;
  }
  const answer = await client.get('/Users', { query: { filter: filter.expression } });
  unsupportedWhenFilterDeclined(answer, filter.feature);
  await expectExactly(answer, personas.ids(...filter.expected), personas.labels);
}
