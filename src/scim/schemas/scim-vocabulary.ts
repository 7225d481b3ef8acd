/**
 * The SCIM-specific parts of the JSON Schema dialect the validators use: formats for SCIM's data types
 * and two keywords JSON Schema cannot express (case-insensitive value sets, and the `schemas` list's
 * agreement with the extension objects present).
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-2.3
 */
import type { Ajv, ErrorObject, SchemaValidateFunction } from 'ajv';
import { isJsonObject } from '../filter/attribute-access.js';
import { parseDateTime } from '../filter/date-time.js';
import type { FindingSeverity } from '../findings.js';

/** The format name of SCIM dateTime values. */
export const SCIM_DATE_TIME_FORMAT = 'scim-date-time';
/** The format name of SCIM binary values. */
export const SCIM_BINARY_FORMAT = 'scim-binary';

/** RFC 4648 §4 base64, with padding and without line breaks. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Whether `text` is a SCIM dateTime: an xsd:dateTime with date and time (RFC 7643 §2.3.5), read by the
 * same parser the filter evaluator uses. It accepts up to 9 fractional digits (Datadog sends
 * nanoseconds: `2024-05-07T14:01:02.123456789Z`), a `Z` or `±hh:mm` offset, or none (xsd:dateTime makes
 * the zone optional); it refuses a space for `T` and impossible dates.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-2.3.5
 */
export function isScimDateTime(text: string): boolean {
  return parseDateTime(text) !== undefined;
}

/**
 * Whether `text` is SCIM binary data: base64 (RFC 7643 §2.3.6, RFC 4648 §4).
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-2.3.6
 */
export function isScimBinary(text: string): boolean {
  return BASE64.test(text);
}

/** `scimValues`: the string must be one of `values`, compared case-insensitively unless `caseExact`. */
export interface ScimValuesRule {
  values: string[];
  caseExact: boolean;
  severity: FindingSeverity;
}

/**
 * `scimSchemas`: on a resource, `schemas` must list the core schema and every extension whose object is
 * present (RFC 7643 §3: "schemas … MUST only contain values defined as schema and schemaExtensions for the
 * resource's defined resourceType"). With `strict`, a URN that is neither is reported as a warning: the
 * server may have an extension this registry does not know.
 */
export interface ScimSchemasRule {
  core: string;
  extensions: string[];
  strict: boolean;
}

type PartialError = Partial<ErrorObject>;

function schemasError(
  message: string,
  params: Record<string, unknown>,
  severity: FindingSeverity,
): PartialError {
  return { keyword: 'scimSchemas', message, params: { ...params, severity } };
}

const validateScimValues: SchemaValidateFunction = (rule: ScimValuesRule, data: unknown) => {
  if (typeof data !== 'string') return true;
  const matches = rule.caseExact
    ? rule.values.includes(data)
    : rule.values.some((value) => value.toLowerCase() === data.toLowerCase());
  if (matches) return true;
  validateScimValues.errors = [
    {
      keyword: 'scimValues',
      message: `must be one of ${rule.values.map((value) => JSON.stringify(value)).join(', ')}`,
      params: { allowedValues: rule.values, severity: rule.severity },
    },
  ];
  return false;
};

const validateScimSchemas: SchemaValidateFunction = (rule: ScimSchemasRule, data: unknown) => {
  if (!isJsonObject(data) || !Array.isArray(data.schemas)) return true;
  const listed = data.schemas
    .filter((urn): urn is string => typeof urn === 'string')
    .map((urn) => urn.toLowerCase());
  const errors: PartialError[] = [];
  if (!listed.includes(rule.core.toLowerCase())) {
    errors.push(
      schemasError(`must list the core schema ${JSON.stringify(rule.core)}`, { missing: rule.core }, 'error'),
    );
  }
  for (const extension of rule.extensions) {
    const present = Object.keys(data).some((key) => key.toLowerCase() === extension.toLowerCase());
    if (present && !listed.includes(extension.toLowerCase())) {
      errors.push(
        schemasError(
          `must list ${JSON.stringify(extension)}, because the resource has attributes of that extension`,
          { missing: extension },
          'error',
        ),
      );
    }
  }
  if (rule.strict) {
    const known = [rule.core, ...rule.extensions].map((urn) => urn.toLowerCase());
    for (const urn of data.schemas) {
      if (typeof urn === 'string' && !known.includes(urn.toLowerCase())) {
        errors.push(
          schemasError(
            `lists ${JSON.stringify(urn)}, which is neither the resource type's schema nor one of its extensions`,
            { unknown: urn },
            'warning',
          ),
        );
      }
    }
  }
  if (errors.length === 0) return true;
  validateScimSchemas.errors = errors;
  return false;
};

/** Adds the SCIM formats and keywords to an ajv instance. */
export function addScimVocabulary(ajv: Ajv): void {
  ajv.addFormat(SCIM_DATE_TIME_FORMAT, { type: 'string', validate: isScimDateTime });
  ajv.addFormat(SCIM_BINARY_FORMAT, { type: 'string', validate: isScimBinary });
  ajv.addKeyword({
    keyword: 'scimValues',
    type: 'string',
    schemaType: 'object',
    errors: true,
    validate: validateScimValues,
  });
  ajv.addKeyword({
    keyword: 'scimSchemas',
    type: 'object',
    schemaType: 'object',
    errors: true,
    validate: validateScimSchemas,
  });
}
