/**
 * Attribute projection: which attributes a response carries, given `attributes` / `excludedAttributes`
 * and each attribute's `returned` characteristic.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.5
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.9
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-2.2
 */
import type { AttrPath } from '../filter/ast.js';
import { isJsonObject } from '../filter/attribute-access.js';
import type { AttributeDefinition } from './attribute-definition.js';
import { parseAttributeList } from './attribute-list.js';
import { defaultSchemaRegistry } from './default-registry.js';
import { COMMON_ATTRIBUTES } from './definitions/common-attributes.js';
import type { SchemaRegistry } from './schema-registry.js';

export interface ProjectionOptions {
  /** Names to return (plus `returned: always` ones), as strings (`name.familyName`) or parsed paths. */
  attributes?: readonly (string | AttrPath)[];
  /** Names to leave out (never `returned: always` ones). */
  excludedAttributes?: readonly (string | AttrPath)[];
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function toPaths(entries: readonly (string | AttrPath)[] | undefined): AttrPath[] {
  return (entries ?? []).flatMap((entry) =>
    typeof entry === 'string' ? parseAttributeList(entry) : [entry],
  );
}

/** Where an attribute is: its schema URN (`undefined` for an unknown top-level key) and whether it is core. */
interface Scope {
  schema: string | undefined;
  core: boolean;
}

/** Whether `path` names attribute `name` of `scope` (unqualified names belong to the core schema, §3.10). */
function namesAttribute(path: AttrPath, scope: Scope, name: string): boolean {
  if (!same(path.attr, name)) return false;
  if (path.uri === undefined) return scope.core;
  return scope.schema !== undefined && same(path.uri, scope.schema);
}

/** Whether `path` is a whole schema URN (`urn:…:enterprise:2.0:User`), naming every attribute of `scope`. */
function namesSchema(path: AttrPath, scope: Scope): boolean {
  return (
    path.uri !== undefined &&
    path.subAttr === undefined &&
    scope.schema !== undefined &&
    same(`${path.uri}:${path.attr}`, scope.schema)
  );
}

/** Keeps the sub-attributes `keep` accepts, in a complex value or each value of a multi-valued one. */
function pickSubAttributes(value: unknown, keep: (name: string) => boolean): unknown {
  const pick = (object: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(object).filter(([name]) => keep(name)));
  if (isJsonObject(value)) return pick(value);
  if (Array.isArray(value)) {
    return value
      .map((item) => (isJsonObject(item) ? pick(item) : item))
      .filter((item) => !isJsonObject(item) || Object.keys(item).length > 0);
  }
  return value;
}

function isEmpty(value: unknown): boolean {
  return (
    (isJsonObject(value) && Object.keys(value).length === 0) || (Array.isArray(value) && value.length === 0)
  );
}

/**
 * A copy of `resource` with only the attributes a response may carry:
 * - `returned: never` (password) never; `returned: always` (`id`) always; `schemas` always.
 * - With `attributes`: only the named attributes (a complex attribute named whole brings its default
 *   sub-attributes; `name.familyName` brings only that one; a schema URN brings all its attributes).
 * - Without it: every `returned: default` attribute; `returned: request` ones only when named.
 * - `excludedAttributes` then removes what it names (whole attributes, sub-attributes or a schema URN).
 *   RFC 7644 does not say what both parameters together mean; here `attributes` selects and
 *   `excludedAttributes` removes from the selection.
 * Names compare case-insensitively; the copy keeps the resource's own spelling. Extension attributes must
 * be URN-qualified, as §3.10 says; an extension left with no attributes is removed.
 * @throws ScimError 400 `invalidValue` when a name in the options is malformed.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.5
 */
export function projectResource(
  resource: Readonly<Record<string, unknown>>,
  resourceType: string,
  options: ProjectionOptions = {},
  registry: SchemaRegistry = defaultSchemaRegistry,
): Record<string, unknown> {
  const types = registry.schemasOf(resourceType);
  const requested = toPaths(options.attributes);
  const excluded = toPaths(options.excludedAttributes);
  const selecting = requested.length > 0;

  const project = (
    name: string,
    value: unknown,
    definition: AttributeDefinition | undefined,
    scope: Scope,
  ) => {
    if (definition?.returned === 'never') return undefined;
    if (definition?.returned === 'always') return value;
    const wholeRequested = requested.some(
      (path) => (namesAttribute(path, scope, name) && path.subAttr === undefined) || namesSchema(path, scope),
    );
    const subsRequested = requested.filter(
      (path) => namesAttribute(path, scope, name) && path.subAttr !== undefined,
    );
    const wholeExcluded = excluded.some(
      (path) => (namesAttribute(path, scope, name) && path.subAttr === undefined) || namesSchema(path, scope),
    );
    if (wholeExcluded) return undefined;
    if (selecting && !wholeRequested && subsRequested.length === 0) return undefined;
    if (!selecting && definition?.returned === 'request') return undefined;
    const onlySubs = !wholeRequested && subsRequested.length > 0;
    const keepSub = (subName: string) => {
      const sub = definition?.subAttributes?.find((candidate) => same(candidate.name, subName));
      if (sub?.returned === 'never') return false;
      if (sub?.returned === 'always') return true;
      const named = (paths: AttrPath[]) =>
        paths.some(
          (path) =>
            namesAttribute(path, scope, name) && path.subAttr !== undefined && same(path.subAttr, subName),
        );
      if (named(excluded)) return false;
      if (onlySubs || sub?.returned === 'request') return named(requested);
      return true;
    };
    const projected = pickSubAttributes(value, keepSub);
    return isEmpty(projected) && !isEmpty(value) ? undefined : projected;
  };

  const projectObject = (
    object: Record<string, unknown>,
    attributes: readonly AttributeDefinition[],
    scope: Scope,
  ) => {
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(object)) {
      const definition = attributes.find((candidate) => same(candidate.name, key));
      const projected = project(key, value, definition, scope);
      if (projected !== undefined) result[key] = projected;
    }
    return result;
  };

  const coreScope: Scope = { schema: types.core.id, core: true };
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    if (same(key, 'schemas')) {
      result[key] = value;
      continue;
    }
    const extension = types.extensions.find((candidate) => same(candidate.schema.id, key));
    if (extension !== undefined && isJsonObject(value)) {
      const scope: Scope = { schema: extension.schema.id, core: false };
      const projected = projectObject(value, extension.schema.attributes, scope);
      if (Object.keys(projected).length > 0) result[key] = projected;
      continue;
    }
    const definition =
      types.core.attributes.find((candidate) => same(candidate.name, key)) ??
      COMMON_ATTRIBUTES.find((candidate) => same(candidate.name, key));
    const projected = project(key, value, definition, coreScope);
    if (projected !== undefined) result[key] = projected;
  }
  return structuredClone(result);
}
