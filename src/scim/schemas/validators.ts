/**
 * Validators for SCIM resources and protocol messages: JSON Schemas (generated from the attribute
 * definitions for resources, hand-written for messages) compiled by ajv once, on first use, and cached.
 * Each returns `Finding[]`; an empty array means valid, warnings alone do not make a value invalid.
 *
 * Unknown attributes: allowed by default (RFC 7643 §3.3 lets service providers extend resources); the
 * `strict` variant reports them, non-canonical values and non-canonical name spellings as warnings.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-2
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3
 */
import { Ajv, type SchemaObject, type ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { HarnessError } from '../../errors/harness-error.js';
import { isJsonObject } from '../filter/attribute-access.js';
import type { Finding } from '../findings.js';
import { SCHEMA_URNS } from '../urns.js';
import { findingsFromAjv } from './ajv-findings.js';
import type { AttributeDefinition } from './attribute-definition.js';
import { canonicalizeKeys, type KeyShape } from './canonical-keys.js';
import { defaultSchemaRegistry } from './default-registry.js';
import { COMMON_ATTRIBUTES } from './definitions/common-attributes.js';
import { type MessageKind, messageJsonSchema } from './message-json-schemas.js';
import {
  objectSchema,
  type ResourceShape,
  resourceJsonSchema,
  type ValidationMode,
} from './resource-json-schema.js';
import type { SchemaRegistry } from './schema-registry.js';
import { addScimVocabulary } from './scim-vocabulary.js';

export const RESOURCE_KINDS = [
  'User',
  'Group',
  'EnterpriseUser',
  'ServiceProviderConfig',
  'ResourceType',
  'Schema',
] as const;
/** The resources the default validators know: the two resource types, the extension's content, discovery. */
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export interface ResourceValidationOptions {
  /** `response` (the default), `partialResponse` or `request`; see {@link ValidationMode}. */
  mode?: ValidationMode;
  /** Report unknown attributes, non-canonical values and name spellings as warnings. */
  strict?: boolean;
  /** Prefixed to every finding's path, e.g. `Resources[3]`. */
  pathPrefix?: string;
}

export interface MessageValidationOptions {
  /** Report unknown top-level members as warnings. */
  strict?: boolean;
  /** For a ListResponse: also validate each of `Resources` as this resource kind. */
  resources?: { kind: string; mode?: ValidationMode; strict?: boolean };
}

export interface ScimValidators {
  /**
   * Validates a resource: a resource type of the registry (`User`, `Group`), a schema's content by name
   * (`EnterpriseUser`: the object under the extension URN), or a discovery resource
   * (`ServiceProviderConfig`, `ResourceType`, `Schema`).
   * @throws HarnessError `INTERNAL` for a kind the registry does not know.
   */
  validateResource(kind: string, value: unknown, options?: ResourceValidationOptions): Finding[];
  /** Validates a protocol message (RFC 7644 §3). */
  validateMessage(kind: MessageKind, value: unknown, options?: MessageValidationOptions): Finding[];
}

/** Discovery resources: which schema each follows, and whether responses need `id`. */
const DISCOVERY_KINDS: Record<string, { urn: string; requireId: boolean }> = {
  serviceproviderconfig: { urn: SCHEMA_URNS.ServiceProviderConfig, requireId: false },
  resourcetype: { urn: SCHEMA_URNS.ResourceType, requireId: false },
  schema: { urn: SCHEMA_URNS.Schema, requireId: true },
};

type Target =
  | { kind: 'resource'; shape: ResourceShape; keys: KeyShape }
  | { kind: 'content'; attributes: readonly AttributeDefinition[] };

function createAjv(): Ajv {
  // verbose: errors carry the offending data, which the messages quote.
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
  });
  formatsPlugin.default(ajv);
  addScimVocabulary(ajv);
  return ajv;
}

function withheldNames(registry: SchemaRegistry): Set<string> {
  const names = new Set<string>();
  const visit = (attributes: readonly AttributeDefinition[]) => {
    for (const definition of attributes) {
      if (definition.mutability === 'writeOnly' || definition.returned === 'never') {
        names.add(definition.name.toLowerCase());
      }
      visit(definition.subAttributes ?? []);
    }
  };
  for (const schema of registry.schemas) visit(schema.attributes);
  return names;
}

/**
 * Validators over a registry: the default one for RFC 7643's schemas, or one built from a target's own
 * `/Schemas`. Each JSON Schema is compiled on first use and kept.
 */
export function createScimValidators(registry: SchemaRegistry): ScimValidators {
  let ajv: Ajv | undefined;
  const compiled = new Map<string, ValidateFunction>();
  const withheld = withheldNames(registry);

  const compile = (key: string, build: () => SchemaObject): ValidateFunction => {
    let validate = compiled.get(key);
    if (validate === undefined) {
      ajv ??= createAjv();
      validate = ajv.compile(build());
      compiled.set(key, validate);
    }
    return validate;
  };

  const targetOf = (kind: string): Target => {
    const resourceType = registry.getResourceType(kind);
    const discovery = DISCOVERY_KINDS[kind.toLowerCase()];
    if (resourceType !== undefined || discovery !== undefined) {
      const types =
        resourceType !== undefined
          ? registry.schemasOf(resourceType.name)
          : { core: registry.getSchema(discovery!.urn), extensions: [] };
      if (types.core === undefined) {
        throw new HarnessError(
          'INTERNAL',
          `the registry has no schema ${discovery?.urn} to validate ${kind} with`,
        );
      }
      const shape: ResourceShape = {
        core: types.core,
        extensions: types.extensions,
        requireId: discovery?.requireId ?? true,
        requireMeta: discovery === undefined,
      };
      const keys: KeyShape = {
        attributes: [...COMMON_ATTRIBUTES, ...types.core.attributes],
        extensions: types.extensions.map((extension) => extension.schema),
        extraNames: ['schemas'],
      };
      return { kind: 'resource', shape, keys };
    }
    const schema =
      registry.getSchema(kind) ??
      registry.schemas.find((each) => each.name.toLowerCase() === kind.toLowerCase());
    if (schema === undefined) {
      throw new HarnessError(
        'INTERNAL',
        `no resource type or schema named ${JSON.stringify(kind)} to validate against`,
      );
    }
    return { kind: 'content', attributes: schema.attributes };
  };

  const validateResource = (
    kind: string,
    value: unknown,
    options: ResourceValidationOptions = {},
  ): Finding[] => {
    const mode = options.mode ?? 'response';
    const strict = options.strict ?? false;
    const target = targetOf(kind);
    const keys = target.kind === 'resource' ? target.keys : { attributes: target.attributes };
    const { value: canonical, renamed } = canonicalizeKeys(value, keys);
    const validate = compile(`resource:${kind.toLowerCase()}:${mode}:${strict}`, () =>
      target.kind === 'resource'
        ? resourceJsonSchema(target.shape, { mode, strict })
        : objectSchema(target.attributes, { mode, strict }),
    );
    validate(canonical);
    const context = { withheldNames: withheld, pathPrefix: options.pathPrefix };
    const findings = findingsFromAjv(validate.errors, context);
    if (strict) {
      for (const rename of renamed) {
        const path = options.pathPrefix ? `${options.pathPrefix}.${rename.path}` : rename.path;
        findings.push({
          path,
          rule: 'attributeName',
          severity: 'warning',
          message: `attribute name ${JSON.stringify(rename.from)} is spelled ${JSON.stringify(rename.to)} in the schema; names are case-insensitive (RFC 7643 §2.1), but clients that compare them exactly will miss it`,
        });
      }
    }
    return findings;
  };

  const validateMessage = (
    kind: MessageKind,
    value: unknown,
    options: MessageValidationOptions = {},
  ): Finding[] => {
    const strict = options.strict ?? false;
    const validate = compile(`message:${kind}:${strict}`, () => messageJsonSchema(kind, strict));
    validate(value);
    const findings = findingsFromAjv(validate.errors, { withheldNames: withheld });
    const resources = options.resources;
    if (
      kind === 'ListResponse' &&
      resources !== undefined &&
      isJsonObject(value) &&
      Array.isArray(value.Resources)
    ) {
      value.Resources.forEach((resource, index) => {
        findings.push(
          ...validateResource(resources.kind, resource, {
            mode: resources.mode ?? 'response',
            strict: resources.strict ?? strict,
            pathPrefix: `Resources[${index}]`,
          }),
        );
      });
    }
    return findings;
  };

  return { validateResource, validateMessage };
}

let defaultValidators: ScimValidators | undefined;

function defaults(): ScimValidators {
  defaultValidators ??= createScimValidators(defaultSchemaRegistry);
  return defaultValidators;
}

/**
 * Validates a resource against RFC 7643's schemas, e.g. `validateResource('User', body)`.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-4
 */
export function validateResource(
  kind: ResourceKind,
  value: unknown,
  options?: ResourceValidationOptions,
): Finding[] {
  return defaults().validateResource(kind, value, options);
}

/**
 * Validates a protocol message, e.g. `validateMessage('ListResponse', body, { resources: { kind: 'User' } })`.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3
 */
export function validateMessage(
  kind: MessageKind,
  value: unknown,
  options?: MessageValidationOptions,
): Finding[] {
  return defaults().validateMessage(kind, value, options);
}
