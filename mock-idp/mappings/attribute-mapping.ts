/**
 * Attribute mappings as data: how the Entra provisioning service turns a source object into the SCIM
 * attributes it writes. Each row is one line of the "Attribute Mapping" blade.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/customize-application-attributes
 */
import type { EntraGroupAttribute, EntraUserAttribute, OktaUserAttribute } from '../directory/index.js';

/** User sources: Graph attributes, the computed `IsSoftDeleted`, and Okta's profile attributes (`user.firstName`). */
export type UserSourceAttribute = EntraUserAttribute | 'IsSoftDeleted' | OktaUserAttribute;
export type GroupSourceAttribute = EntraGroupAttribute;

/**
 * A mapping's source: Direct (`attribute`), Constant, or one of the expression functions the default
 * mappings use. `Switch` and `Join` work on strings, as Entra's functions do.
 * @see https://learn.microsoft.com/en-us/entra/identity/app-provisioning/functions-for-customizing-application-data
 */
export type SourceExpression<A extends string> =
  | { readonly kind: 'direct'; readonly attribute: A }
  | { readonly kind: 'constant'; readonly value: string }
  | { readonly kind: 'join'; readonly separator: string; readonly attributes: readonly A[] }
  | {
      readonly kind: 'switch';
      readonly attribute: A;
      /** Entra's second argument; `''` yields null (the attribute is not provisioned). */
      readonly defaultValue: string;
      readonly cases: readonly (readonly [key: string, value: string])[];
    }
  | { readonly kind: 'not'; readonly attribute: A }
  /** `AppRoleAssignmentsComplex([appRoleAssignments])`: the directory models no app roles, so always `[]`. */
  | { readonly kind: 'appRoleAssignments' };

/**
 * The SCIM type a row writes: it decides how the expression's result is coerced and how the request
 * builder renders it (`active` as a boolean in POST, as `"True"`/`"False"` in a legacy PATCH).
 */
export const TARGET_TYPES = ['string', 'boolean', 'reference', 'references', 'roles'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/** "Apply this mapping": Always, or Only during object creation. */
export const APPLY_MODES = ['always', 'onCreateOnly'] as const;
export type ApplyMode = (typeof APPLY_MODES)[number];

/** One mapping row. */
export interface MappingRow<A extends string> {
  /** The SCIM target path as Entra writes it: `name.givenName`, `emails[type eq "work"].value`, a URN path. */
  readonly target: string;
  readonly source: SourceExpression<A>;
  readonly type: TargetType;
  /** "Match objects using this attribute": 1 is tried first; absent = not a matching attribute. */
  readonly matchingPrecedence?: number;
  readonly apply: ApplyMode;
}

/** A mapping for one object type. */
export interface AttributeMapping<A extends string> {
  readonly name: string;
  readonly objectType: 'User' | 'Group';
  readonly rows: readonly MappingRow<A>[];
}

export type UserMapping = AttributeMapping<UserSourceAttribute>;
export type GroupMapping = AttributeMapping<GroupSourceAttribute>;

/** A reference to another source object; the request builder resolves it to the target's SCIM id. */
export interface ScimReference {
  readonly kind: 'reference';
  readonly objectId: string;
}

/** References to several source objects (group members). */
export interface ScimReferences {
  readonly kind: 'references';
  readonly objectIds: readonly string[];
}

/** App-role values (`roles`). */
export interface ScimRoles {
  readonly kind: 'roles';
  readonly values: readonly string[];
}

export type ScimAttributeValue = string | boolean | ScimReference | ScimReferences | ScimRoles;

/**
 * The expected SCIM attributes of one object: target path → value, in mapping-row order. Attributes
 * whose source is null or empty are absent (Entra never provisions null values).
 */
export type ScimAttributeSet = Readonly<Record<string, ScimAttributeValue>>;
