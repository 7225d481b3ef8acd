import { HarnessError } from '../../src/errors/harness-error.js';
import type { EntraGroup, EntraUser } from '../directory/index.js';
import { isOktaAttribute, isSoftDeletedFor, oktaAttribute } from '../directory/index.js';
import type {
  AttributeMapping,
  GroupMapping,
  GroupSourceAttribute,
  MappingRow,
  ScimAttributeSet,
  ScimAttributeValue,
  UserMapping,
  UserSourceAttribute,
} from './attribute-mapping.js';
import { type ExpressionResult, evaluateExpression, type SourceValue } from './source-expression.js';

/** Options of {@link mapUser} and {@link mapGroup}. */
export interface MapOptions {
  /** Whether the user is assigned and inside the scoping filter (feeds `IsSoftDeleted`). Default true. */
  inScope?: boolean;
  /** `update` drops the "Only during object creation" rows. Default `create`. */
  purpose?: 'create' | 'update';
}

/** The roles of every user the directory gives no app role: one shared value, not one per user and cycle. */
const NO_ROLES: ScimAttributeValue = Object.freeze({ kind: 'roles', values: Object.freeze([]) });

function coerce(row: MappingRow<string>, result: ExpressionResult): ScimAttributeValue | undefined {
  if (result === undefined) return undefined;
  const fail = (): never => {
    throw new HarnessError(
      'CONFIG_INVALID',
      `mapping row "${row.target}" (${row.type}) cannot take the value ${JSON.stringify(result)}`,
    );
  };
  switch (row.type) {
    case 'string':
      if (typeof result === 'string') return result;
      if (typeof result === 'boolean') return result ? 'True' : 'False';
      return fail();
    case 'boolean':
      if (typeof result === 'boolean') return result;
      if (typeof result === 'string' && /^(true|false)$/i.test(result))
        return result.toLowerCase() === 'true';
      return fail();
    case 'reference':
      return typeof result === 'string' ? { kind: 'reference', objectId: result } : fail();
    case 'references':
      if (typeof result === 'string' || typeof result === 'boolean') return fail();
      return result.length === 0 ? undefined : { kind: 'references', objectIds: [...result] };
    case 'roles':
      if (typeof result === 'string' || typeof result === 'boolean') return fail();
      return result.length === 0 ? NO_ROLES : { kind: 'roles', values: [...result] };
    default: {
      const unknown: never = row.type;
      throw new HarnessError(
        'CONFIG_INVALID',
        `mapping row "${row.target}": unknown type ${String(unknown)}`,
      );
    }
  }
}

function applyMapping<A extends string>(
  mapping: AttributeMapping<A>,
  read: (attribute: A) => SourceValue,
  purpose: 'create' | 'update',
): ScimAttributeSet {
  const set: Record<string, ScimAttributeValue> = {};
  for (const row of mapping.rows) {
    if (purpose === 'update' && row.apply === 'onCreateOnly') continue;
    const value = coerce(row, evaluateExpression(row.source, read));
    if (value !== undefined) set[row.target] = value;
  }
  return set;
}

/**
 * The SCIM attributes Entra provisions for a user under a mapping: what the target's resource should
 * converge to. Null and empty results are absent.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/customize-application-attributes
 */
export function mapUser(user: EntraUser, mapping: UserMapping, options: MapOptions = {}): ScimAttributeSet {
  const softDeleted = isSoftDeletedFor(user, options.inScope ?? true);
  const read = (attribute: UserSourceAttribute): SourceValue => {
    if (attribute === 'IsSoftDeleted') return softDeleted;
    return isOktaAttribute(attribute) ? oktaAttribute(user, attribute) : user[attribute];
  };
  return applyMapping(mapping, read, options.purpose ?? 'create');
}

/** The SCIM attributes Entra provisions for a group (members as source objectIds). */
export function mapGroup(
  group: EntraGroup,
  mapping: GroupMapping,
  options: MapOptions = {},
): ScimAttributeSet {
  const read = (attribute: GroupSourceAttribute): SourceValue => group[attribute];
  return applyMapping(mapping, read, options.purpose ?? 'create');
}

/**
 * The matching attributes in the order Entra tries them ("as soon as a match is found, no further
 * matching attributes are evaluated").
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/customize-application-attributes#matching-users-in-the-source-and-target--systems
 */
export function matchingRows<A extends string>(mapping: AttributeMapping<A>): MappingRow<A>[] {
  return mapping.rows
    .filter((row) => row.matchingPrecedence !== undefined)
    .sort((a, b) => (a.matchingPrecedence ?? 0) - (b.matchingPrecedence ?? 0));
}
