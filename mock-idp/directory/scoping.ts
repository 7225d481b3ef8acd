import { HarnessError } from '../../src/errors/harness-error.js';
import {
  ENTRA_USER_ATTRIBUTES,
  type EntraDirectory,
  type EntraUser,
  type EntraUserAttribute,
} from './entra-objects.js';

/**
 * The scoping-filter operators Entra offers for string and boolean attributes (the integer
 * comparisons are left out: no generated attribute is an integer).
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/define-conditional-rules-for-provisioning-user-accounts
 */
export const SCOPING_OPERATORS = [
  'EQUALS',
  'NOT EQUALS',
  'IS TRUE',
  'IS FALSE',
  'IS NULL',
  'IS NOT NULL',
  'ENDS_WITH',
  'Includes',
  'REGEX MATCH',
  'NOT REGEX MATCH',
] as const;
export type ScopingOperator = (typeof SCOPING_OPERATORS)[number];

/** One clause: `department EQUALS "Sales"`. */
export interface ScopingClause {
  readonly attribute: EntraUserAttribute;
  readonly operator: ScopingOperator;
  /** Required by the comparing operators; ignored by `IS …`. */
  readonly value?: string;
}

/** A scoping filter: its clauses are AND-ed. */
export interface ScopingFilter {
  readonly clauses: readonly ScopingClause[];
}

/**
 * What the app provisions: "Sync only assigned users and groups" (the default) or "Sync all users and
 * groups", narrowed by scoping filters (OR-ed) and, for tests, a plain predicate (AND-ed on top).
 */
export interface ProvisioningScope {
  readonly mode: 'assignedOnly' | 'allUsersAndGroups';
  readonly filters?: readonly ScopingFilter[];
  readonly predicate?: (user: EntraUser) => boolean;
}

export const DEFAULT_SCOPE: ProvisioningScope = { mode: 'assignedOnly' };

/** The objectIds the provisioning service manages under a scope. */
export interface ScopeResult {
  readonly users: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
}

type UserPredicate = (user: EntraUser) => boolean;

function readText(user: EntraUser, attribute: EntraUserAttribute): string | undefined {
  const value = user[attribute];
  if (value === undefined) return undefined;
  return typeof value === 'boolean' ? (value ? 'True' : 'False') : value;
}

function compileClause(clause: ScopingClause): UserPredicate {
  const { attribute, operator } = clause;
  if (!(ENTRA_USER_ATTRIBUTES as readonly string[]).includes(attribute)) {
    throw new HarnessError('CONFIG_INVALID', `scoping filter: unknown source attribute "${attribute}"`);
  }
  const needsValue = !operator.startsWith('IS ');
  if (needsValue && clause.value === undefined) {
    throw new HarnessError('CONFIG_INVALID', `scoping filter: ${attribute} ${operator} needs a value`);
  }
  const expected = clause.value ?? '';
  // A null or empty source value fails every clause except IS NULL (Entra's documented rule).
  const present = (user: EntraUser): string | undefined => {
    const text = readText(user, attribute);
    return text === '' ? undefined : text;
  };
  switch (operator) {
    case 'EQUALS':
      return (user) => present(user) === expected;
    case 'NOT EQUALS': {
      return (user) => {
        const text = present(user);
        return text !== undefined && text !== expected;
      };
    }
    case 'IS TRUE':
      return (user) => present(user)?.toLowerCase() === 'true';
    case 'IS FALSE':
      return (user) => present(user)?.toLowerCase() === 'false';
    case 'IS NULL':
      return (user) => present(user) === undefined;
    case 'IS NOT NULL':
      return (user) => present(user) !== undefined;
    case 'ENDS_WITH':
      return (user) => present(user)?.endsWith(expected) ?? false;
    case 'Includes':
      return (user) => present(user)?.includes(expected) ?? false;
    case 'REGEX MATCH':
    case 'NOT REGEX MATCH': {
      let regex: RegExp;
      try {
        regex = new RegExp(expected);
      } catch (cause) {
        throw new HarnessError('CONFIG_INVALID', `scoping filter: invalid regular expression "${expected}"`, {
          cause,
        });
      }
      const wanted = operator === 'REGEX MATCH';
      return (user) => {
        const text = present(user);
        return text !== undefined && regex.test(text) === wanted;
      };
    }
    default: {
      const unknown: never = operator;
      throw new HarnessError('CONFIG_INVALID', `scoping filter: unknown operator "${String(unknown)}"`);
    }
  }
}

/** Compiles a scope's filters once into one predicate; throws `CONFIG_INVALID` on a bad clause. */
export function compileScopeFilter(scope: ProvisioningScope): UserPredicate {
  const filters = (scope.filters ?? []).map((filter) => filter.clauses.map(compileClause));
  const predicate = scope.predicate;
  return (user) =>
    (filters.length === 0 || filters.some((clauses) => clauses.every((clause) => clause(user)))) &&
    (predicate === undefined || predicate(user));
}

/**
 * The users and groups the provisioning service manages. Under `assignedOnly`, a user is assigned
 * directly or as a direct member of an assigned group (nested members are never expanded).
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-provisioning-works#scoping
 */
export function computeScope(
  directory: EntraDirectory,
  scope: ProvisioningScope = DEFAULT_SCOPE,
): ScopeResult {
  const matches = compileScopeFilter(scope);
  const all = scope.mode === 'allUsersAndGroups';
  const groups = new Set<string>();
  for (const group of directory.groups.values()) if (all || group.assigned) groups.add(group.objectId);
  const viaGroup = all ? new Set<string>() : usersAssignedViaGroups(directory);
  const users = new Set<string>();
  for (const user of directory.users.values()) {
    if ((all || user.assigned || viaGroup.has(user.objectId)) && matches(user)) users.add(user.objectId);
  }
  return { users, groups };
}

/** objectIds that are direct members of an assigned group (assigned through the group). */
export function usersAssignedViaGroups(directory: EntraDirectory): Set<string> {
  const members = new Set<string>();
  for (const group of directory.groups.values()) {
    if (group.assigned) for (const member of group.members) members.add(member);
  }
  return members;
}

/**
 * Entra's `IsSoftDeleted`: true when the user is soft-deleted, disabled, unassigned or out of the
 * scoping filter. It drives `active` in every default mapping.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/customize-application-attributes
 */
export function isSoftDeletedFor(user: EntraUser, inScope: boolean): boolean {
  return user.isSoftDeleted || !user.accountEnabled || !inScope;
}
