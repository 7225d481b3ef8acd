/**
 * Server modes: how much of SCIM the reference server offers. Unlike a quirk, a mode is conformant: it declines
 * optional features the way RFC 7644 lets a provider decline them, and says so in its discovery documents.
 *
 * - `full` (the default): every optional feature, every filter, the whole RFC 7643 User and Group schemas, the
 *   enterprise extension, `/Me`.
 * - `minimal`: what a small but correct provider offers. Filters: `eq` only, joined by `and`, on `userName`,
 *   `externalId`, `id` and `emails.value` of Users and on `displayName`, `externalId` and `id` of Groups; every
 *   other filter that parses is answered `400 invalidFilter` (RFC 7644 §3.12: "the specified attribute and filter
 *   comparison combination is not supported"). `/Schemas` declares only `userName`, `name`, `displayName`,
 *   `emails`, `active` and `groups` for Users (no `nickName`, no `password`, no enterprise extension);
 *   `changePassword`, `bulk`, `sort` and `etag` are `supported: false`; `/Me` answers 501 (RFC 7644 §3.11); no RFC 9865
 *   cursor pagination (no `pagination` in ServiceProviderConfig; a `cursor` parameter is ignored); no claim of
 *   draft-zollner-scim-interop-profile-01 and no RFC 9967 asynchronous requests (their checks are skipped).
 *
 * The conformance suites must give no failure and no "could not evaluate" in `rfc7644` and `entra` against either
 * mode (the self-test runs both).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.12
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-5
 */
import { ScimError } from '../scim/errors/scim-error.js';
import type { AttrPath, Filter } from '../scim/filter/ast.js';
import type {
  AttributeDefinition,
  ResourceTypeDefinition,
  SchemaDefinition,
} from '../scim/schemas/attribute-definition.js';
import { DEFAULT_SCHEMAS, defaultSchemaRegistry } from '../scim/schemas/default-registry.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../scim/schemas/definitions/resource-types.js';
import { createSchemaRegistry, type SchemaRegistry } from '../scim/schemas/schema-registry.js';
import { SCHEMA_URNS } from '../scim/urns.js';
import type { ResourceTypeName } from './store/resource-store.js';

export const SERVER_MODES = ['full', 'minimal'] as const;
export type ServerMode = (typeof SERVER_MODES)[number];

export function isServerMode(value: unknown): value is ServerMode {
  return typeof value === 'string' && (SERVER_MODES as readonly string[]).includes(value);
}

/** One line per mode, for `serve --help`. */
export const SERVER_MODE_DESCRIPTIONS: Record<ServerMode, string> = {
  full: 'every optional feature, every filter operator, the full User/Group schemas and the enterprise extension',
  minimal:
    'a small but correct provider: eq/and filters on a few attributes (else 400 invalidFilter), a short User schema, no changePassword, bulk, sort or etag, /Me answers 501',
};

/** Which filters a mode evaluates; anything else that parses is `400 invalidFilter`. */
export interface FilterSupport {
  /** Comparison operators, lower case. */
  operators: readonly string[];
  /** Logical operators, lower case (`not` and value paths count as logical forms here). */
  logical: readonly ('and' | 'or' | 'not' | 'valuePath')[];
  /** Filterable attribute paths per resource type, lower case, `attr` or `attr.subAttr`. */
  attributes: Record<ResourceTypeName, readonly string[]>;
}

export interface ServerFeatures {
  mode: ServerMode;
  /** `undefined`: every filter RFC 7644 §3.4.2.2 defines. */
  filter: FilterSupport | undefined;
  changePassword: boolean;
  bulk: boolean;
  sort: boolean;
  etag: boolean;
  /** `GET /Me` answers the key's principal; otherwise 501. */
  me: boolean;
  /**
   * RFC 9865 cursor pagination, advertised in ServiceProviderConfig `pagination`; otherwise a `cursor` parameter is
   * ignored (as by a server that predates RFC 9865) and lists page by index.
   * @see https://www.rfc-editor.org/rfc/rfc9865
   */
  cursor: boolean;
  /**
   * A schema URN in `schemas`, or an extension object, that the resource type does not support: `reject` answers
   * 400 invalidValue, `ignore` drops it (as providers that do not support the enterprise extension do with what
   * Entra sends under it).
   */
  unknownExtensions: 'reject' | 'ignore';
  /**
   * Claims draft-zollner-scim-interop-profile-01 (ServiceProviderConfig `interopProfileConformant: true`, §4) and
   * keeps its strict rules: an attribute or schema URN no schema defines is `400 invalidSyntax` (§5.3), a filter on an
   * attribute no schema of the resource type defines is `400 invalidFilter` (§6.3). Without it, undefined attributes
   * are ignored (what most providers do with what Entra sends) and such a filter matches nothing.
   */
  interopProfile: boolean;
  /**
   * RFC 9967 asynchronous requests: ServiceProviderConfig `securityEvents.asyncRequest: "request"` (§4), and a write
   * sent with `Prefer: respond-async` answered 202 with `Set-Txn` and a `Location` to poll (§2.5.1.1).
   */
  asyncRequest: boolean;
  /** What `/Schemas` and `/ResourceTypes` publish and what writes accept. */
  registry: SchemaRegistry;
}

/** The User attributes the minimal mode declares (plus the common id, externalId and meta). */
const MINIMAL_USER_ATTRIBUTES = ['userName', 'name', 'displayName', 'emails', 'active', 'groups'];

function keepAttributes(schema: SchemaDefinition, names: readonly string[]): SchemaDefinition {
  const kept = new Set(names.map((name) => name.toLowerCase()));
  return {
    ...schema,
    attributes: schema.attributes.filter((attribute: AttributeDefinition) =>
      kept.has(attribute.name.toLowerCase()),
    ),
  };
}

function minimalRegistry(): SchemaRegistry {
  const schemas = DEFAULT_SCHEMAS.filter((schema) => schema.id !== SCHEMA_URNS.EnterpriseUser).map(
    (schema) => (schema.id === SCHEMA_URNS.User ? keepAttributes(schema, MINIMAL_USER_ATTRIBUTES) : schema),
  );
  const resourceTypes: ResourceTypeDefinition[] = [
    { ...USER_RESOURCE_TYPE, schemaExtensions: [] },
    GROUP_RESOURCE_TYPE,
  ];
  return createSchemaRegistry(schemas, resourceTypes);
}

let fullFeatures: ServerFeatures | undefined;
let minimalFeatures: ServerFeatures | undefined;

/** The features of a mode (built once per process; they are immutable). */
export function featuresOf(mode: ServerMode): ServerFeatures {
  switch (mode) {
    case 'full':
      fullFeatures ??= {
        mode,
        filter: undefined,
        changePassword: true,
        bulk: true,
        sort: true,
        etag: true,
        me: true,
        cursor: true,
        unknownExtensions: 'reject',
        interopProfile: true,
        asyncRequest: true,
        registry: defaultSchemaRegistry,
      };
      return fullFeatures;
    case 'minimal':
      minimalFeatures ??= {
        mode,
        filter: {
          operators: ['eq'],
          logical: ['and'],
          attributes: {
            User: ['username', 'externalid', 'id', 'emails.value'],
            Group: ['displayname', 'externalid', 'id'],
          },
        },
        changePassword: false,
        bulk: false,
        sort: false,
        etag: false,
        me: false,
        cursor: false,
        unknownExtensions: 'ignore',
        interopProfile: false,
        asyncRequest: false,
        registry: minimalRegistry(),
      };
      return minimalFeatures;
    default: {
      const unreachable: never = mode;
      throw new TypeError(`unknown server mode ${String(unreachable)}`);
    }
  }
}

function pathName(path: AttrPath, parent?: AttrPath): string {
  const attr = parent
    ? `${parent.attr}.${path.attr}`
    : path.subAttr
      ? `${path.attr}.${path.subAttr}`
      : path.attr;
  return attr.toLowerCase();
}

/**
 * Throws `400 invalidFilter` when a parsed filter uses an operator, a logical form or an attribute the mode does not
 * support; the message names what was declined.
 */
export function checkFilterSupport(
  filter: Filter,
  types: readonly ResourceTypeName[],
  support: FilterSupport,
): void {
  // A search over several types (POST /.search) accepts an attribute any of them filters on; it matches nothing in
  // the others (RFC 7644 §3.4.3).
  const type = types[0] ?? 'User';
  const filterable = new Set(types.flatMap((t) => support.attributes[t]));
  const decline = (what: string) => {
    throw ScimError.invalidFilter(
      `${what} is not supported in filters; supported: ${supportSummary(type, support)}.`,
    );
  };
  const visit = (node: Filter, parent?: AttrPath): void => {
    switch (node.kind) {
      case 'compare': {
        if (!support.operators.includes(node.op.toLowerCase())) decline(`The operator "${node.op}"`);
        if (node.path.uri !== undefined && !types.some((t) => node.path.uri?.toLowerCase() === defaultUrn(t)))
          decline(`The attribute "${node.path.uri}:${node.path.attr}"`);
        const name = pathName(node.path, parent);
        if (!filterable.has(name)) decline(`Filtering on "${name}"`);
        return;
      }
      case 'present':
        decline('The operator "pr"');
        return;
      case 'and':
      case 'or':
        if (!support.logical.includes(node.kind)) decline(`The logical operator "${node.kind}"`);
        visit(node.left, parent);
        visit(node.right, parent);
        return;
      case 'not':
        if (!support.logical.includes('not')) decline('"not"');
        visit(node.filter, parent);
        return;
      case 'valuePath':
        if (!support.logical.includes('valuePath')) decline('A value filter ("attr[…]")');
        visit(node.filter, node.path);
        return;
      default: {
        const unreachable: never = node;
        throw new TypeError(`unknown filter node ${String(unreachable)}`);
      }
    }
  };
  visit(filter);
}

function defaultUrn(type: ResourceTypeName): string {
  return (type === 'User' ? SCHEMA_URNS.User : SCHEMA_URNS.Group).toLowerCase();
}

function supportSummary(type: ResourceTypeName, support: FilterSupport): string {
  return `${support.operators.join(', ')} on ${support.attributes[type].join(', ')}, joined by ${
    support.logical.join(', ') || 'nothing'
  }`;
}
