/**
 * Turns ajv's errors into the harness's findings: a SCIM-style path, the rule, and a message that says
 * which attribute and what it held ("meta.created must be a dateTime …, got \"yesterday\""), never a bare
 * "must be string".
 */
import type { ErrorObject } from 'ajv';
import type { Finding, FindingSeverity } from '../findings.js';
import { SCIM_BINARY_FORMAT, SCIM_DATE_TIME_FORMAT } from './scim-vocabulary.js';

/** Keywords whose failure only restates the failure of a sub-schema already reported. */
const RESTATING_KEYWORDS = new Set(['if', 'allOf', 'anyOf', 'oneOf']);

/** Keywords that report something legal but unusual: warnings. */
const WARNING_KEYWORDS = new Set(['additionalProperties']);

const FORMAT_DESCRIPTIONS: Record<string, string> = {
  [SCIM_DATE_TIME_FORMAT]:
    'a dateTime (xsd:dateTime, e.g. "2024-05-07T14:01:02.123456789Z"; RFC 7643 §2.3.5)',
  [SCIM_BINARY_FORMAT]: 'base64-encoded binary (RFC 7643 §2.3.6)',
  'uri-reference': 'a URI reference (RFC 7643 §2.3.7)',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  boolean: 'a boolean',
  integer: 'an integer',
  number: 'a number',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

/** `/emails/0/value` → `emails[0].value`; `/urn:…:User/manager` → `urn:…:User:manager`. */
export function scimPathOf(pointer: string, ...more: string[]): string {
  const segments = [
    ...(pointer === '' ? [] : pointer.slice(1).split('/')).map((segment) =>
      segment.replaceAll('~1', '/').replaceAll('~0', '~'),
    ),
    ...more,
  ];
  let path = '';
  let afterUrn = false;
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) {
      path += `[${segment}]`;
      afterUrn = false;
      continue;
    }
    if (path === '') path = segment;
    else path += afterUrn ? `:${segment}` : `.${segment}`;
    afterUrn = segment.toLowerCase().startsWith('urn:');
  }
  return path;
}

/** A short, safe description of a value for a message: its JSON type and, when short, the value itself. */
export function describeValue(value: unknown, withheld: boolean): string {
  if (value === null) return 'null';
  if (withheld) return `a ${Array.isArray(value) ? 'array' : typeof value} (value withheld)`;
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

function expectedType(type: unknown): string {
  const types = (Array.isArray(type) ? type : [type]).filter((each) => each !== 'null');
  return types.map((each) => TYPE_NAMES[String(each)] ?? String(each)).join(' or ');
}

export interface FindingContext {
  /** Lower-cased names of attributes whose values must not appear in messages (writeOnly, returned never). */
  withheldNames: ReadonlySet<string>;
  /** Prefixed to every path (e.g. `Resources[2]`). */
  pathPrefix?: string;
}

function join(prefix: string | undefined, path: string): string {
  if (prefix === undefined || prefix === '') return path;
  if (path === '') return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

function lastName(path: string): string {
  const match = /([^.:[\]]+)(?:\[\d+\])*$/.exec(path);
  return (match?.[1] ?? '').toLowerCase();
}

/**
 * One finding per ajv error, without the restating `if`/`allOf` wrappers.
 * @see https://ajv.js.org/api.html#validation-errors
 */
export function findingsFromAjv(
  errors: readonly ErrorObject[] | null | undefined,
  context: FindingContext,
): Finding[] {
  const findings: Finding[] = [];
  for (const error of errors ?? []) {
    if (RESTATING_KEYWORDS.has(error.keyword)) continue;
    const finding = findingFromAjv(error, context);
    findings.push({ ...finding, path: join(context.pathPrefix, finding.path) });
  }
  return findings;
}

function findingFromAjv(error: ErrorObject, context: FindingContext): Finding {
  const params = error.params as Record<string, unknown>;
  const severity: FindingSeverity =
    params.severity === 'warning' || WARNING_KEYWORDS.has(error.keyword) ? 'warning' : 'error';
  const here = scimPathOf(error.instancePath);
  const subject = (path: string) => (path === '' ? 'the message' : path);
  const withheld = context.withheldNames.has(lastName(here));
  const got = describeValue(error.data, withheld);
  switch (error.keyword) {
    case 'required': {
      const path = scimPathOf(error.instancePath, String(params.missingProperty));
      return { path, rule: 'required', severity, message: `${path} is required but missing` };
    }
    case 'additionalProperties': {
      const path = scimPathOf(error.instancePath, String(params.additionalProperty));
      return {
        path,
        rule: 'additionalProperties',
        severity,
        message: `${path} is not an attribute of the schema (allowed, since servers may extend it, but unknown to this registry)`,
      };
    }
    case 'false schema':
      return {
        path: here,
        rule: 'returned',
        severity,
        message: `${here} is "returned": "never" (RFC 7643 §2.2) but the response contains it`,
      };
    case 'type':
      return {
        path: here,
        rule: 'type',
        severity,
        message: `${subject(here)} must be ${expectedType(params.type)}, got ${got}`,
      };
    case 'format': {
      const format = String(params.format);
      const expected = FORMAT_DESCRIPTIONS[format] ?? `in the ${format} format`;
      return {
        path: here,
        rule: 'format',
        severity,
        message: `${subject(here)} must be ${expected}, got ${got}`,
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ');
      return {
        path: here,
        rule: 'enum',
        severity,
        message: `${subject(here)} must be one of ${allowed}, got ${got}`,
      };
    }
    case 'scimValues': {
      const allowed = (params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ');
      const message =
        severity === 'warning'
          ? `${here} is ${got}, not one of the canonical values ${allowed}`
          : `${here} must be one of ${allowed}, got ${got}`;
      return { path: here, rule: 'canonicalValues', severity, message };
    }
    case 'scimSchemas': {
      const path = join(here, 'schemas');
      return { path, rule: 'schemas', severity, message: `schemas ${error.message ?? 'is inconsistent'}` };
    }
    case 'contains': {
      const schema = error.parentSchema as { contains?: { const?: unknown } } | undefined;
      const expected = schema?.contains?.const;
      return {
        path: here,
        rule: 'schemas',
        severity,
        message: `${here} must include ${JSON.stringify(expected)}, got ${JSON.stringify(error.data)}`,
      };
    }
    case 'pattern': {
      const description = (error.parentSchema as { description?: unknown } | undefined)?.description;
      const expected =
        typeof description === 'string' ? description : `of the form ${String(params.pattern)}`;
      return {
        path: here,
        rule: 'pattern',
        severity,
        message: `${subject(here)} must be ${expected}, got ${got}`,
      };
    }
    case 'const':
      return {
        path: here,
        rule: 'const',
        severity,
        message: `${subject(here)} must be ${JSON.stringify(params.allowedValue)}, got ${got}`,
      };
    case 'uniqueItems':
      return {
        path: here,
        rule: 'uniqueItems',
        severity,
        message: `${subject(here)} must not repeat a value; items ${String(params.j)} and ${String(params.i)} are the same`,
      };
    default:
      return {
        path: here,
        rule: error.keyword,
        severity,
        message: `${subject(here)} ${error.message ?? 'is invalid'}, got ${got}`,
      };
  }
}
