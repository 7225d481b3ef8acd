export type {
  ApplyMode,
  AttributeMapping,
  GroupMapping,
  GroupSourceAttribute,
  MappingRow,
  ScimAttributeSet,
  ScimAttributeValue,
  ScimReference,
  ScimReferences,
  ScimRoles,
  SourceExpression,
  TargetType,
  UserMapping,
  UserSourceAttribute,
} from './attribute-mapping.js';
export { APPLY_MODES, TARGET_TYPES } from './attribute-mapping.js';
export type { MappingPreset, MappingPresetName } from './default-mappings.js';
export {
  ACTIVE_FROM_SOFT_DELETE_SWITCH,
  DATADOG_USER_MAPPING,
  ENTRA_DEFAULT_GROUP_MAPPING,
  ENTRA_DEFAULT_USER_MAPPING,
  MAPPING_PRESET_NAMES,
  MAPPING_PRESETS,
  OKTA_DEFAULT_GROUP_MAPPING,
  OKTA_DEFAULT_USER_MAPPING,
  OKTA_MAPPING_PRESET,
} from './default-mappings.js';
export type { MapOptions } from './map-object.js';
export { mapGroup, mapUser, matchingRows } from './map-object.js';
export type { ExpressionResult, SourceValue } from './source-expression.js';
export { describeExpression, evaluateExpression } from './source-expression.js';
