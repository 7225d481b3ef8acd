/**
 * JSON Schemas of the SCIM protocol messages (RFC 7644 §3): written by hand, because RFC 7644 defines
 * these in prose, not as `/Schemas` attribute definitions.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3
 */
import type { SchemaObject } from 'ajv';
import { SCIM_TYPES } from '../errors/scim-types.js';
import { SCHEMA_URNS } from '../urns.js';

export const MESSAGE_KINDS = [
  'ListResponse',
  'PatchOp',
  'SearchRequest',
  'BulkRequest',
  'BulkResponse',
  'Error',
] as const;
/** A protocol message the validators know. */
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** `schemas` must list the message URN (duplicates are refused, as for resources, RFC 7643 §3). */
function schemasListing(urn: string): SchemaObject {
  return {
    type: 'array',
    minItems: 1,
    uniqueItems: true,
    items: { type: 'string' },
    contains: { const: urn },
  };
}

/** An HTTP status code written as a JSON string, e.g. `"400"` (RFC 7644 §3.12, and §3.7.3's examples). */
const STATUS_STRING: SchemaObject = {
  type: 'string',
  pattern: '^[1-5][0-9][0-9]$',
  description: 'an HTTP status code written as a string, e.g. "400" (RFC 7644 §3.12)',
};

/** `add`, `remove`, `replace`; any case, because Entra ID sends `Add`/`Replace` without `aadOptscim062020`. */
function opPattern(...names: string[]): string {
  const letters = (name: string) =>
    [...name].map((char) => `[${char.toLowerCase()}${char.toUpperCase()}]`).join('');
  return `^(?:${names.map(letters).join('|')})$`;
}

/** JSON Schema's `if`/`then`: `consequence` applies to values matching `condition`. */
function when(condition: SchemaObject, consequence: SchemaObject): SchemaObject {
  // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword, not a thenable.
  return { if: condition, then: consequence };
}

function message(urn: string, properties: Record<string, SchemaObject>, required: string[], strict: boolean) {
  return {
    type: 'object',
    properties: { schemas: schemasListing(urn), ...properties },
    required: ['schemas', ...required],
    additionalProperties: !strict,
  } satisfies SchemaObject;
}

const ERROR_PROPERTIES: Record<string, SchemaObject> = {
  status: STATUS_STRING,
  scimType: { type: 'string', enum: [...SCIM_TYPES] },
  detail: { type: 'string' },
};

/**
 * The JSON Schema of a protocol message. `strict` makes unknown top-level members findings (warnings).
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2 ListResponse
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.4.3 SearchRequest
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2 PatchOp
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.7 BulkRequest, BulkResponse
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.12 Error
 */
export function messageJsonSchema(kind: MessageKind, strict: boolean): SchemaObject {
  switch (kind) {
    case 'ListResponse':
      return {
        ...message(
          SCHEMA_URNS.ListResponse,
          {
            totalResults: { type: 'integer', minimum: 0 },
            // "REQUIRED when partial results are returned due to pagination" (§3.4.2), so optional here.
            itemsPerPage: { type: 'integer', minimum: 0 },
            startIndex: { type: 'integer', minimum: 1 },
            Resources: { type: 'array', items: { type: 'object' } },
          },
          ['totalResults'],
          strict,
        ),
        // "Resources … REQUIRED if totalResults is non-zero" (§3.4.2).
        allOf: [
          when(
            { properties: { totalResults: { type: 'integer', minimum: 1 } }, required: ['totalResults'] },
            {
              required: ['Resources'],
            },
          ),
        ],
      };
    case 'SearchRequest':
      return message(
        SCHEMA_URNS.SearchRequest,
        {
          attributes: { type: 'array', items: { type: 'string' } },
          excludedAttributes: { type: 'array', items: { type: 'string' } },
          filter: { type: 'string' },
          sortBy: { type: 'string' },
          sortOrder: { type: 'string', enum: ['ascending', 'descending'] },
          // Values below 1 and negative counts are interpreted by the server (§3.4.2.4), not refused.
          startIndex: { type: 'integer' },
          count: { type: 'integer' },
        },
        [],
        strict,
      );
    case 'PatchOp':
      return message(
        SCHEMA_URNS.PatchOp,
        {
          Operations: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              properties: {
                op: {
                  type: 'string',
                  pattern: opPattern('add', 'remove', 'replace'),
                  description: '"add", "remove" or "replace" (RFC 7644 §3.5.2)',
                },
                path: { type: 'string', minLength: 1 },
                value: true,
              },
              required: ['op'],
              allOf: [
                // "If 'path' is unspecified [for remove], the operation fails" (§3.5.2.2).
                when(
                  { properties: { op: { type: 'string', pattern: opPattern('remove') } }, required: ['op'] },
                  { required: ['path'] },
                ),
                // add "MUST contain a 'value' member" (§3.5.2.1); replace carries the new value (§3.5.2.3).
                when(
                  {
                    properties: { op: { type: 'string', pattern: opPattern('add', 'replace') } },
                    required: ['op'],
                  },
                  { required: ['value'] },
                ),
              ],
            },
          },
        },
        ['Operations'],
        strict,
      );
    case 'BulkRequest':
      return message(
        SCHEMA_URNS.BulkRequest,
        {
          failOnErrors: { type: 'integer', minimum: 1 },
          Operations: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                method: { type: 'string', enum: ['POST', 'PUT', 'PATCH', 'DELETE'] },
                bulkId: { type: 'string', minLength: 1 },
                version: { type: 'string' },
                path: { type: 'string', minLength: 1 },
                data: true,
              },
              required: ['method', 'path'],
              allOf: [
                // bulkId is "REQUIRED when method is POST"; data is required for POST, PUT and PATCH (§3.7).
                when(
                  { properties: { method: { type: 'string', const: 'POST' } } },
                  { required: ['bulkId', 'data'] },
                ),
                when(
                  { properties: { method: { type: 'string', enum: ['PUT', 'PATCH'] } } },
                  { required: ['data'] },
                ),
              ],
            },
          },
        },
        ['Operations'],
        strict,
      );
    case 'BulkResponse':
      return message(
        SCHEMA_URNS.BulkResponse,
        {
          Operations: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                method: { type: 'string', enum: ['POST', 'PUT', 'PATCH', 'DELETE'] },
                bulkId: { type: 'string' },
                version: { type: 'string' },
                location: { type: 'string', format: 'uri-reference' },
                status: STATUS_STRING,
                response: { type: 'object' },
              },
              required: ['method', 'status'],
              allOf: [
                // location is required "for all operations except for failed POST operations" (§3.7).
                when(
                  { properties: { status: { type: 'string', pattern: '^2' } }, required: ['status'] },
                  { required: ['location'] },
                ),
              ],
            },
          },
        },
        ['Operations'],
        strict,
      );
    case 'Error':
      return message(SCHEMA_URNS.Error, ERROR_PROPERTIES, ['status'], strict);
    default: {
      const unknown: never = kind;
      return unknown;
    }
  }
}
