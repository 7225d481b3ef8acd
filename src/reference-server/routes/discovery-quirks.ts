import { isJsonObject } from '../../scim/filter/index.js';
import { SCHEMA_URNS } from '../../scim/urns.js';
import type { QuirkSet } from '../quirks.js';

/** The attribute characteristics `schema-attributes-incomplete` leaves out of `/Schemas`. */
/** `multiValued` has no RFC 7643 §2.2 default, so a definition without it is incomplete; the others do have defaults. */
const DROPPED_CHARACTERISTICS = ['caseExact', 'mutability', 'returned', 'uniqueness', 'multiValued'] as const;

/**
 * `/ServiceProviderConfig` as a quirky server renders it: `service-provider-config-incomplete` keeps only the
 * features most hand-written configurations start with; `max-results-exceeded` advertises a smaller page than
 * the server actually serves; `schemas-missing` drops `schemas`, as it does for every resource;
 * `cursor-served-unclaimed` drops the RFC 9865 `pagination` block although cursors are served;
 * `cursor-config-missing-fields` drops its REQUIRED `index` and gives a `cursorTimeout` that is not positive;
 * `interop-claim-not-boolean` words the interop-profile claim as the string "true" (draft-zollner-scim-interop-profile-01
 * §4 defines a Boolean).
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-5
 */
export function quirkyServiceProviderConfig(
  config: Record<string, unknown>,
  quirks: QuirkSet,
): Record<string, unknown> {
  const result = { ...config };
  if (quirks.has('service-provider-config-incomplete')) {
    for (const feature of ['sort', 'etag', 'changePassword', 'authenticationSchemes']) delete result[feature];
  }
  if (quirks.has('max-results-exceeded') && isJsonObject(result.filter)) {
    result.filter = { ...result.filter, maxResults: 10 };
  }
  if (quirks.has('schemas-missing')) delete result.schemas;
  if (quirks.has('etag-served-though-unclaimed')) result.etag = { supported: false };
  if (quirks.has('cursor-served-unclaimed')) delete result.pagination;
  if (quirks.has('cursor-config-missing-fields') && isJsonObject(result.pagination)) {
    const { index: _dropped, ...pagination } = result.pagination;
    result.pagination = { ...pagination, cursorTimeout: 0 };
  }
  if (quirks.has('interop-claim-not-boolean') && result.interopProfileConformant === true) {
    result.interopProfileConformant = 'true';
  }
  return result;
}

/** `type-canonical-values-missing`: the `canonicalValues` of every `type` sub-attribute left out. */
function withoutTypeCanonicalValues(attributes: unknown): unknown {
  if (!Array.isArray(attributes)) return attributes;
  return attributes.map((attribute: unknown) => {
    if (!isJsonObject(attribute) || !Array.isArray(attribute.subAttributes)) return attribute;
    return {
      ...attribute,
      subAttributes: attribute.subAttributes.map((sub: unknown) => {
        if (!isJsonObject(sub) || sub.name !== 'type') return sub;
        const { canonicalValues: _dropped, ...rest } = sub;
        return rest;
      }),
    };
  });
}

function withoutCharacteristics(attributes: unknown): unknown {
  if (!Array.isArray(attributes)) return attributes;
  return attributes.map((attribute: unknown) => {
    if (!isJsonObject(attribute)) return attribute;
    const copy: Record<string, unknown> = { ...attribute };
    for (const name of DROPPED_CHARACTERISTICS) delete copy[name];
    if (copy.subAttributes !== undefined) copy.subAttributes = withoutCharacteristics(copy.subAttributes);
    return copy;
  });
}

/**
 * `/Schemas` and `/ResourceTypes` entries as a quirky server renders them: `extension-schema-not-served` drops
 * the enterprise extension from `/Schemas` (while `/ResourceTypes` still names it), `schema-attributes-incomplete`
 * strips attribute characteristics, `schemas-missing` drops each entry's `schemas`, `type-canonical-values-missing`
 * drops the `canonicalValues` of `type` sub-attributes, `resource-type-id-not-name` gives each resource type a
 * lower-case id unlike its name (draft-zollner-scim-interop-profile-01 §5.1 wants them equal).
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-7
 */
export function quirkyDiscoveryEntries<T extends { id: string }>(
  entries: T[],
  kind: 'Schemas' | 'ResourceTypes',
  quirks: QuirkSet,
): T[] {
  let result = entries;
  if (kind === 'Schemas' && quirks.has('extension-schema-not-served')) {
    result = result.filter((entry) => entry.id !== SCHEMA_URNS.EnterpriseUser);
  }
  if (kind === 'Schemas' && quirks.has('schema-attributes-incomplete')) {
    result = result.map((entry) => ({
      ...entry,
      attributes: withoutCharacteristics((entry as Record<string, unknown>).attributes),
    }));
  }
  if (kind === 'Schemas' && quirks.has('type-canonical-values-missing')) {
    result = result.map((entry) => ({
      ...entry,
      attributes: withoutTypeCanonicalValues((entry as Record<string, unknown>).attributes),
    }));
  }
  if (kind === 'ResourceTypes' && quirks.has('resource-type-id-not-name')) {
    result = result.map((entry) => ({ ...entry, id: entry.id.toLowerCase() }));
  }
  if (quirks.has('schemas-missing')) {
    result = result.map((entry) => {
      const { schemas: _dropped, ...rest } = entry as T & { schemas?: unknown };
      return rest as T;
    });
  }
  return result;
}
