import { ScimError } from '../../scim/errors/scim-error.js';
import type { AttributeResolver } from '../../scim/filter/ast.js';
import { isJsonObject } from '../../scim/filter/index.js';
import { SCHEMA_URNS } from '../../scim/urns.js';
import type { ComposedSeams } from '../seams.js';
import type { ResourceStore, ResourceTypeName, ScimObject } from '../store/resource-store.js';
import { RESOURCE_TYPE_CONFIGS } from './resource-type-config.js';

/** Where a member or manager id points: a User, a Group, or nothing. */
async function kindOf(store: ResourceStore, id: string): Promise<ResourceTypeName | undefined> {
  if (await store.get('User', id)) return 'User';
  if (await store.get('Group', id)) return 'Group';
  return undefined;
}

/**
 * Group members are stored as `{value, type}` only: `display` and `$ref` are rendered from the member
 * itself on the way out, so they never go stale. Each value must name an existing User or Group
 * (400 invalidValue otherwise, like Datadog: "Users must exist in Datadog before you can add them to a team");
 * a group cannot contain itself; duplicates collapse into one.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-4.2
 */
async function resolveMembers(
  members: unknown,
  selfId: string | undefined,
  store: ResourceStore,
  seams: ComposedSeams,
): Promise<ScimObject[]> {
  if (!Array.isArray(members)) return [];
  const seen = new Set<string>();
  const resolved: ScimObject[] = [];
  for (const member of members) {
    if (!isJsonObject(member) || typeof member.value !== 'string' || member.value === '') {
      throw ScimError.invalidValue('Every member needs a "value": the id of a User or Group.');
    }
    const value = member.value;
    if (value === selfId) throw ScimError.invalidValue('A group cannot be a member of itself.');
    if (seen.has(value)) continue;
    let kind = await kindOf(store, value);
    if (kind === undefined) {
      const refusal = seams.refuse(
        ScimError.invalidValue(
          `Member ${JSON.stringify(value.slice(0, 100))} is not an existing User or Group.`,
        ),
        { rule: 'member' },
      );
      if (refusal !== undefined) throw refusal;
      // A dangling id let through is stored as a User member.
      kind = 'User';
    }
    if (typeof member.type === 'string' && member.type.toLowerCase() !== kind.toLowerCase()) {
      throw ScimError.invalidValue(`Member ${value} is a ${kind}, not a ${member.type}.`);
    }
    seen.add(value);
    resolved.push({ value, type: kind });
  }
  return resolved;
}

/**
 * The enterprise `manager` is stored as `{value}`; `displayName` and `$ref` are rendered. The value must name
 * an existing User other than the user itself (400 invalidValue otherwise).
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-4.3
 */
async function resolveManager(
  enterprise: ScimObject,
  selfId: string | undefined,
  store: ResourceStore,
): Promise<ScimObject> {
  const { manager, ...rest } = enterprise;
  if (!isJsonObject(manager) || typeof manager.value !== 'string' || manager.value === '') return rest;
  if (manager.value === selfId) throw ScimError.invalidValue('A user cannot be their own manager.');
  if (!(await store.get('User', manager.value))) {
    throw ScimError.invalidValue(
      `manager ${JSON.stringify(manager.value.slice(0, 100))} is not an existing User.`,
    );
  }
  return { ...rest, manager: { value: manager.value } };
}

/** Checks and normalises the references an input holds (members, manager) before it is stored. */
export async function resolveReferences(
  type: ResourceTypeName,
  attributes: ScimObject,
  selfId: string | undefined,
  store: ResourceStore,
  seams: ComposedSeams,
): Promise<ScimObject> {
  const result = { ...attributes };
  if (type === 'Group') {
    const members = await resolveMembers(attributes.members, selfId, store, seams);
    if (members.length > 0) result.members = members;
    else delete result.members;
  }
  const enterprise = attributes[SCHEMA_URNS.EnterpriseUser];
  if (type === 'User' && isJsonObject(enterprise)) {
    const resolved = await resolveManager(enterprise, selfId, store);
    if (Object.keys(resolved).length > 0) result[SCHEMA_URNS.EnterpriseUser] = resolved;
    else delete result[SCHEMA_URNS.EnterpriseUser];
  }
  return result;
}

/**
 * 409 uniqueness when another resource of the type already has the unique attribute (userName for Users,
 * displayName for Groups), compared with or without case as the resolver has the attribute (both are caseExact=false;
 * the index folds case, so a case-exact comparison narrows what it finds).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.3
 */
export async function checkUniqueness(
  type: ResourceTypeName,
  attributes: ScimObject,
  selfId: string | undefined,
  store: ResourceStore,
  resolve: AttributeResolver,
  seams: ComposedSeams,
): Promise<void> {
  const name = RESOURCE_TYPE_CONFIGS[type].uniqueAttribute;
  const value = attributes[name];
  if (typeof value !== 'string') return;
  const caseExact = resolve({ attr: name })?.caseExact === true;
  const clashes = (await store.findByIndex(type, name, value)).filter(
    (other) => other.id !== selfId && (!caseExact || other.attributes[name] === value),
  );
  if (clashes.length > 0) {
    const refusal = seams.refuse(
      ScimError.uniqueness(`${name} ${JSON.stringify(value.slice(0, 200))} is already in use.`),
      { rule: 'uniqueness' },
    );
    if (refusal !== undefined) throw refusal;
  }
}
