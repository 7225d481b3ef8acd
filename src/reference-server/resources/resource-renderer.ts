import { isJsonObject } from '../../scim/filter/index.js';
import { resourcePath } from '../../scim/resource-path.js';
import { SCHEMA_URNS } from '../../scim/urns.js';
import { showEtag } from '../http/etag.js';
import type { ComposedSeams } from '../seams.js';
import type { ResourceStore, ResourceTypeName, ScimObject, StoredResource } from '../store/resource-store.js';
import { RESOURCE_TYPE_CONFIGS } from './resource-type-config.js';

export interface RenderContext {
  /** The SCIM base URL the request came in on, e.g. `http://127.0.0.1:4100/api/v2/scim`. */
  baseUrl: string;
  seams: ComposedSeams;
  store: ResourceStore;
  /** Whether the server's mode offers ETags (`meta.version`); a mode without them shows none. */
  etag: boolean;
}

/** `meta.location`, and the `Location` header of a create. */
export function resourceLocation(baseUrl: string, type: ResourceTypeName, id: string): string {
  return `${baseUrl}${resourcePath(RESOURCE_TYPE_CONFIGS[type].endpoint, id)}`;
}

/** What a member or manager is called: displayName, else name.formatted, else userName. */
export function displayOf(resource: StoredResource): string | undefined {
  const { displayName, name, userName } = resource.attributes;
  if (typeof displayName === 'string') return displayName;
  if (isJsonObject(name) && typeof name.formatted === 'string') return name.formatted;
  return typeof userName === 'string' ? userName : undefined;
}

/** The schema URNs a stored resource uses: the core schema and every extension it has attributes under. */
export function schemasOf(resource: Readonly<StoredResource>): string[] {
  const config = RESOURCE_TYPE_CONFIGS[resource.resourceType];
  return [
    config.core.id,
    ...config.extensions.map((ext) => ext.id).filter((urn) => urn in resource.attributes),
  ];
}

/** The resource as PATCH sees it: what the client can write, with `schemas` and `id`. */
export function writableView(resource: StoredResource): ScimObject & { schemas: string[] } {
  return { schemas: schemasOf(resource), id: resource.id, ...structuredClone(resource.attributes) };
}

async function renderMembers(members: unknown, ctx: RenderContext): Promise<ScimObject[]> {
  if (!Array.isArray(members)) return [];
  const rendered: ScimObject[] = [];
  for (const member of members) {
    if (!isJsonObject(member) || typeof member.value !== 'string') continue;
    const type: ResourceTypeName = member.type === 'Group' ? 'Group' : 'User';
    const target = await ctx.store.get(type, member.value);
    const display = target ? displayOf(target) : undefined;
    rendered.push({
      value: member.value,
      ...(display === undefined ? {} : { display }),
      type,
      $ref: resourceLocation(ctx.baseUrl, type, member.value),
    });
  }
  return rendered;
}

/**
 * A stored resource as the server returns it (before `attributes`/`excludedAttributes` projection):
 * `schemas`, `id`, the stored attributes, `meta` (RFC 7643 §3.1), and the derived attributes the server
 * owns: a User's `groups` (direct memberships, readOnly), a Group's members' `display`/`$ref`, and the
 * manager's `displayName`/`$ref`. The password (returned=never) is left out.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-3.1
 */
export async function renderResource(resource: StoredResource, ctx: RenderContext): Promise<ScimObject> {
  const rendered: ScimObject = {
    schemas: schemasOf(resource),
    id: resource.id,
    ...structuredClone(resource.attributes),
  };
  delete rendered.password;
  if (resource.resourceType === 'Group') {
    const members = await renderMembers(resource.attributes.members, ctx);
    if (members.length > 0) rendered.members = members;
    else delete rendered.members;
  } else {
    const groups = await ctx.store.groupsWithMember(resource.id);
    if (groups.length > 0) {
      rendered.groups = groups.map((group) => ({
        value: group.id,
        $ref: resourceLocation(ctx.baseUrl, 'Group', group.id),
        display: displayOf(group),
        type: 'direct',
      }));
    }
    const enterprise = rendered[SCHEMA_URNS.EnterpriseUser];
    if (
      isJsonObject(enterprise) &&
      isJsonObject(enterprise.manager) &&
      typeof enterprise.manager.value === 'string'
    ) {
      const manager = await ctx.store.get('User', enterprise.manager.value);
      const displayName = manager ? displayOf(manager) : undefined;
      enterprise.manager = {
        value: enterprise.manager.value,
        $ref: resourceLocation(ctx.baseUrl, 'User', enterprise.manager.value),
        ...(displayName === undefined ? {} : { displayName }),
      };
    }
  }
  rendered.meta = metaOf(resource, ctx);
  return ctx.seams.render(rendered, { stage: 'resource', stored: resource });
}

/** `meta` (RFC 7643 §3.1), rendered from the store's bookkeeping. */
function metaOf(resource: Readonly<StoredResource>, ctx: RenderContext): ScimObject {
  return {
    resourceType: resource.resourceType,
    created: resource.created,
    lastModified: resource.lastModified,
    location: resourceLocation(ctx.baseUrl, resource.resourceType, resource.id),
    ...versionOf(resource, ctx),
  };
}

/** `meta.version`, in a mode with ETags and when the server shows one. */
function versionOf(resource: Readonly<StoredResource>, ctx: RenderContext): { version?: string } {
  const version = ctx.etag ? showEtag(resource.version, ctx.seams) : undefined;
  return version === undefined ? {} : { version };
}

/**
 * A cheap, shallow view of a stored resource for evaluating filters and sort keys: what {@link renderResource}
 * returns minus the derived attributes (a User's `groups`, members' `display`/`$ref`, the manager's
 * `displayName`/`$ref`), without copying the stored attributes. Read-only: it shares the store's objects.
 * List execution falls back to the full rendering when a filter or sortBy names a derived attribute.
 */
export function filterView(resource: Readonly<StoredResource>, ctx: RenderContext): ScimObject {
  const view: ScimObject = {
    schemas: schemasOf(resource),
    id: resource.id,
    ...resource.attributes,
  };
  delete view.password;
  view.meta = metaOf(resource, ctx);
  return ctx.seams.render(view, { stage: 'filter-view', stored: resource });
}
