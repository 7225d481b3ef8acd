import { ScimError } from '../../scim/errors/scim-error.js';
import { isJsonObject } from '../../scim/filter/index.js';
import { SCHEMA_URNS } from '../../scim/urns.js';
import type { DiscoveryAnswer } from '../seams.js';
import type { ScimObject } from '../store/resource-store.js';
import type { QuirkEntries } from './entry.js';

/**
 * The attribute characteristics `schema-attributes-incomplete` leaves out of `/Schemas`. `multiValued` has no
 * RFC 7643 §2.2 default, so a definition without it is incomplete; the others do have defaults.
 */
const DROPPED_CHARACTERISTICS = ['caseExact', 'mutability', 'returned', 'uniqueness', 'multiValued'] as const;

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

/** The `canonicalValues` of every `type` sub-attribute left out. */
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

/** Every document of the answer rewritten. */
function eachDocument(
  answer: DiscoveryAnswer,
  rewrite: (document: ScimObject) => ScimObject,
): DiscoveryAnswer {
  return { ...answer, documents: answer.documents.map(rewrite) };
}

/** Discovery faults (RFC 7643 §5–§7, RFC 7644 §4). */
export const DISCOVERY_QUIRKS = {
  'no-discovery': {
    discovery: () => {
      throw ScimError.notFound('No such endpoint.');
    },
  },
  // Only the features most hand-written configurations start with.
  'service-provider-config-incomplete': {
    discovery: (answer, { endpoint }) =>
      endpoint !== 'ServiceProviderConfig'
        ? answer
        : eachDocument(answer, (config) => {
            const result = { ...config };
            for (const feature of ['sort', 'etag', 'changePassword', 'authenticationSchemes'])
              delete result[feature];
            return result;
          }),
  },
  // Advertises a smaller page than the server serves.
  'max-results-exceeded': {
    discovery: (answer, { endpoint }) =>
      endpoint !== 'ServiceProviderConfig'
        ? answer
        : eachDocument(answer, (config) =>
            isJsonObject(config.filter)
              ? { ...config, filter: { ...config.filter, maxResults: 10 } }
              : config,
          ),
  },
  'extension-schema-not-served': {
    discovery: (answer, { endpoint }) =>
      endpoint === 'Schemas'
        ? {
            ...answer,
            documents: answer.documents.filter((entry) => entry.id !== SCHEMA_URNS.EnterpriseUser),
          }
        : answer,
  },
  'discovery-id-ignored': {
    discovery: ({ id: _ignored, ...answer }) => answer,
  },
  'schema-attributes-incomplete': {
    discovery: (answer, { endpoint }) =>
      endpoint === 'Schemas'
        ? eachDocument(answer, (entry) => ({
            ...entry,
            attributes: withoutCharacteristics(entry.attributes),
          }))
        : answer,
  },
  'discovery-writes-accepted': {
    refuse: (error, refusal) => (refusal.rule === 'discovery-write' ? undefined : error),
  },
  'discovery-filter-ignored': {
    refuse: (error, refusal) => (refusal.rule === 'discovery-filter' ? undefined : error),
  },
  // RFC 9865 §4: cursors are served, but the configuration has no pagination block.
  'cursor-served-unclaimed': {
    discovery: (answer, { endpoint }) =>
      endpoint !== 'ServiceProviderConfig'
        ? answer
        : eachDocument(answer, ({ pagination: _dropped, ...config }) => config),
  },
  // RFC 9865 §4: the REQUIRED index left out, and a cursorTimeout that is not positive.
  'cursor-config-missing-fields': {
    discovery: (answer, { endpoint }) =>
      endpoint !== 'ServiceProviderConfig'
        ? answer
        : eachDocument(answer, (config) => {
            if (!isJsonObject(config.pagination)) return config;
            const { index: _dropped, ...pagination } = config.pagination;
            return { ...config, pagination: { ...pagination, cursorTimeout: 0 } };
          }),
  },
  'interop-claim-not-boolean': {
    discovery: (answer, { endpoint }) =>
      endpoint !== 'ServiceProviderConfig'
        ? answer
        : eachDocument(answer, (config) =>
            config.interopProfileConformant === true
              ? { ...config, interopProfileConformant: 'true' }
              : config,
          ),
  },
  // draft-zollner-scim-interop-profile-01 §5.1 wants id and name equal.
  'resource-type-id-not-name': {
    discovery: (answer, { endpoint }) =>
      endpoint === 'ResourceTypes'
        ? eachDocument(answer, (entry) => ({ ...entry, id: String(entry.id).toLowerCase() }))
        : answer,
  },
  'type-canonical-values-missing': {
    discovery: (answer, { endpoint }) =>
      endpoint === 'Schemas'
        ? eachDocument(answer, (entry) => ({
            ...entry,
            attributes: withoutTypeCanonicalValues(entry.attributes),
          }))
        : answer,
  },
} satisfies QuirkEntries;
