/**
 * The SCIM filter (RFC 7644 §3.4.2.2) and PATCH path (§3.5.2): parse, evaluate, write back.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2
 */
export type { AttributeResolver, AttrPath, CompareOperator, Filter, FilterValue, PatchPath } from './ast.js';
export { COMPARE_OPERATORS } from './ast.js';
export { parseAttrPath, sameAttrPath, stringifyAttrPath } from './attr-path.js';
export { findKey, getAttribute, hasValue, isJsonObject, readAttribute } from './attribute-access.js';
export { parseDateTime } from './date-time.js';
export type { MatchOptions } from './filter-evaluator.js';
export { matchesFilter } from './filter-evaluator.js';
export { MAX_FILTER_DEPTH, MAX_FILTER_LENGTH } from './filter-limits.js';
export { parseFilter, parsePatchPath } from './filter-parser.js';
export { stringifyFilter, stringifyPatchPath } from './filter-stringify.js';
export type { FilterValidationOptions } from './filter-validation.js';
export { validateFilter } from './filter-validation.js';
export type { SchemaResolverOptions } from './schema-resolver.js';
export { createSchemaResolver } from './schema-resolver.js';
