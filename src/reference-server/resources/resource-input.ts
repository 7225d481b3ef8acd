import { ScimError } from '../../scim/errors/scim-error.js';
import { isJsonObject } from '../../scim/filter/index.js';
import { checkAttributeValue } from '../../scim/patch/attribute-value.js';
import { jsonEqual } from '../../scim/patch/json-value.js';
import type { NonCanonicalNote } from '../../scim/patch/patch-request.js';
import type { AttributeDefinition } from '../../scim/schemas/attribute-definition.js';
import { beforeWrite, type ComposedSeams } from '../seams.js';
import type { ServerFeatures } from '../server-modes.js';
import type { ScimObject } from '../store/resource-store.js';
import { findCoreAttribute, findExtension, type ResourceTypeConfig } from './resource-type-config.js';

export interface ResourceInputOptions {
  config: ResourceTypeConfig;
  /** `create` builds from the body alone; `replace` (PUT, and the result of a PATCH) also reads `existing`. */
  mode: 'create' | 'replace';
  /** The stored attributes being replaced. */
  existing?: ScimObject;
  seams: ComposedSeams;
  /** The server mode's features: whether a schema URN the type does not support is refused or ignored. */
  features: Pick<ServerFeatures, 'unknownExtensions'> & Partial<Pick<ServerFeatures, 'interopProfile'>>;
}

/**
 * draft-zollner-scim-interop-profile-01 §5.3: a provider claiming the profile refuses an attribute or schema URN no
 * schema defines with `400 invalidSyntax`. The refusal passes the refusal seam; `undefined` when it lets it through.
 */
function interopRefusal(options: ResourceInputOptions, detail: string): ScimError | undefined {
  if (options.features.interopProfile !== true) return undefined;
  return options.seams.refuse(ScimError.invalidSyntax(detail), { rule: 'undefined-attribute' });
}

/**
 * Schema URIs Microsoft Entra ID lists in `schemas` when it creates a group (its documented request). They
 * define no attribute, so they are ignored rather than refused.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups
 */
const ENTRA_GROUP_SCHEMA_URIS = [
  'http://schemas.microsoft.com/2006/11/resourcemanagement/adscim/2.0/group',
  'http://schemas.microsoft.com/2006/11/resourcemanagement/adscim/group',
];

export function isEntraGroupSchema(urn: string, config: ResourceTypeConfig): boolean {
  return config.name === 'Group' && ENTRA_GROUP_SCHEMA_URIS.includes(urn.toLowerCase());
}

function checkSchemas(body: ScimObject, config: ResourceTypeConfig, options: ResourceInputOptions): void {
  const { schemas } = body;
  if (!Array.isArray(schemas) || !schemas.every((urn) => typeof urn === 'string')) {
    throw ScimError.invalidValue(`"schemas" is required and must list ${config.core.id}.`);
  }
  if (!schemas.some((urn) => urn.toLowerCase() === config.core.id.toLowerCase())) {
    throw ScimError.invalidValue(`"schemas" must include ${config.core.id}.`);
  }
  for (const urn of schemas) {
    if (
      urn.toLowerCase() !== config.core.id.toLowerCase() &&
      !findExtension(config, urn) &&
      !isEntraGroupSchema(urn, config) &&
      options.features.unknownExtensions === 'reject'
    ) {
      const detail = `"schemas" lists ${JSON.stringify(urn.slice(0, 200))}, which ${config.name} does not support.`;
      throw interopRefusal(options, detail) ?? ScimError.invalidValue(detail);
    }
  }
}

/** Reads the writable attributes of one schema's object: readOnly ignored (RFC 7644 §3.3), unknown dropped. */
function readAttributes(
  source: ScimObject,
  find: (name: string) => AttributeDefinition | undefined,
  labelPrefix: string,
  notes: NonCanonicalNote[],
  seams: ComposedSeams,
): ScimObject {
  const result: ScimObject = {};
  for (const [key, value] of Object.entries(source)) {
    const def = find(key);
    if (def === undefined || def.mutability === 'readOnly') continue;
    let checked: unknown;
    try {
      checked = checkAttributeValue(def, value, `${labelPrefix}${def.name}`, { opIndex: 0, notes });
    } catch (error) {
      if (!(error instanceof ScimError)) throw error;
      // A refusal let through stores the value as sent.
      const refusal = seams.refuse(error, { rule: 'attribute-type' });
      if (refusal !== undefined) throw refusal;
      checked = value;
    }
    if (checked !== undefined) result[def.name] = checked;
  }
  return result;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * Turns a create or replace body into the attributes to store. Rules, each from RFC 7643/7644:
 * - `schemas` must list the core schema; a URN the type does not support is 400 invalidValue (§3 of RFC 7643), or,
 *   in a mode that ignores unknown extensions, ignored with the attributes under it.
 * - readOnly attributes (`id`, `meta`, `groups`) are ignored (RFC 7644 §3.3, §3.5.1).
 * - attributes no schema defines are ignored: clients such as Entra send whatever their mapping has, and
 *   ignoring is what most service providers do; values of known attributes are type-checked (400 invalidValue).
 * - an extension object under its URN is accepted even when `schemas` forgot the URN.
 * - required attributes (`userName`, `displayName`) must be present and non-empty (400 invalidValue).
 * - on replace, writeOnly values not sent (the password, which a client can never read back) are kept, and
 *   immutable attributes that already have a value must not change (400 mutability).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.1
 */
export function readResourceInput(body: unknown, options: ResourceInputOptions): ScimObject {
  const { config, seams } = options;
  if (!isJsonObject(body)) throw ScimError.invalidSyntax(`A ${config.name} must be a JSON object.`);
  checkSchemas(body, config, options);
  if (options.features.interopProfile === true) {
    const undefinedKey = Object.keys(body).find(
      (key) =>
        !key.toLowerCase().startsWith('urn:') &&
        key.toLowerCase() !== 'schemas' &&
        findCoreAttribute(config, key) === undefined,
    );
    const refusal =
      undefinedKey === undefined
        ? undefined
        : interopRefusal(
            options,
            `${JSON.stringify(undefinedKey.slice(0, 200))} is not an attribute of ${config.name} (see /Schemas).`,
          );
    if (refusal !== undefined) throw refusal;
  }
  const notes: NonCanonicalNote[] = [];
  const result = readAttributes(
    body,
    (name) => (name.startsWith('urn:') ? undefined : findCoreAttribute(config, name)),
    '',
    notes,
    seams,
  );
  for (const [key, value] of Object.entries(body)) {
    if (!key.toLowerCase().startsWith('urn:')) continue;
    const extension = findExtension(config, key);
    if (extension === undefined) {
      if (options.features.unknownExtensions === 'ignore') continue;
      throw ScimError.invalidValue(
        `${JSON.stringify(key.slice(0, 200))} is not a schema ${config.name} supports.`,
      );
    }
    if (value === null) continue;
    if (!isJsonObject(value))
      throw ScimError.invalidValue(`${extension.id} must be an object of attributes.`);
    const lower = (name: string) => name.toLowerCase();
    const attributes = readAttributes(
      value,
      (name) => extension.attributes.find((attribute) => lower(attribute.name) === lower(name)),
      `${extension.id}:`,
      notes,
      seams,
    );
    if (Object.keys(attributes).length > 0) result[extension.id] = attributes;
  }
  const merged = options.mode === 'replace' ? mergeReplace(result, options) : result;
  const required = config.core.attributes
    .filter((attribute) => attribute.required && attribute.mutability !== 'readOnly')
    .map((attribute) => attribute.name);
  const input = beforeWrite(
    seams,
    {
      kind: 'input',
      body,
      mode: options.mode,
      existing: options.existing,
      attributes: merged,
      required,
      notes,
      unknownExtensions: options.features.unknownExtensions,
    },
    config,
  );
  for (const name of input.required) {
    if (isEmpty(input.attributes[name])) {
      throw ScimError.invalidValue(`${name} is required and must not be empty.`);
    }
  }
  return input.attributes;
}

function mergeReplace(result: ScimObject, options: ResourceInputOptions): ScimObject {
  const existing = options.existing ?? {};
  const merged = { ...result };
  for (const attribute of options.config.core.attributes) {
    const before = existing[attribute.name];
    if (before === undefined) continue;
    if (attribute.mutability === 'writeOnly' && merged[attribute.name] === undefined) {
      merged[attribute.name] = before;
    }
    if (attribute.mutability === 'immutable') {
      if (merged[attribute.name] === undefined) merged[attribute.name] = before;
      else if (!jsonEqual(merged[attribute.name], before)) {
        throw ScimError.mutability(`${attribute.name} is immutable and already set; it cannot be changed.`);
      }
    }
  }
  return merged;
}
