/**
 * RFC 7644 §3.12, Table 9: the `scimType` error keywords and the HTTP status each one goes with, and the three that
 * RFC 9865 §2.1 (cursor pagination) adds to that table. Kept as data so servers, clients and checks all read the same
 * table.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.12
 * @see https://www.rfc-editor.org/rfc/rfc9865#section-2.1
 */
export const SCIM_TYPE_TABLE = {
  invalidFilter: {
    status: 400,
    description:
      'The specified filter syntax was invalid, or the specified attribute and filter comparison combination is not supported.',
  },
  tooMany: {
    status: 400,
    description:
      'The specified filter yields many more results than the server is willing to calculate or process.',
  },
  uniqueness: {
    status: 409,
    description: 'One or more of the attribute values are already in use or are reserved.',
  },
  mutability: {
    status: 400,
    description:
      "The attempted modification is not compatible with the target attribute's mutability or current state.",
  },
  invalidSyntax: {
    status: 400,
    description: 'The request body message structure was invalid or did not conform to the request schema.',
  },
  invalidPath: {
    status: 400,
    description: 'The "path" attribute was invalid or malformed.',
  },
  noTarget: {
    status: 400,
    description:
      'The specified "path" did not yield an attribute or attribute value that could be operated on.',
  },
  invalidValue: {
    status: 400,
    description:
      'A required value was missing, or the value specified was not compatible with the operation or attribute type, or resource schema.',
  },
  invalidVers: {
    status: 400,
    description: 'The specified SCIM protocol version is not supported.',
  },
  sensitive: {
    status: 403,
    description:
      'The specified request cannot be completed, due to the passing of sensitive information in a request URI.',
  },
  // RFC 9865 §2.1, Table 3: cursor pagination errors, all 400.
  invalidCursor: {
    status: 400,
    description:
      'Cursor value is invalid. Cursor value SHOULD be empty to request the first page and set to the nextCursor or previousCursor value for subsequent queries.',
  },
  expiredCursor: {
    status: 400,
    description:
      "Cursor has expired. Do not wait longer than service provider's cursorTimeout to request additional pages.",
  },
  invalidCount: {
    status: 400,
    description:
      "Count value is invalid. Count value must be between 0 and service provider's maxPageSize and must value identical count of the initial query.",
  },
} as const;

export type ScimType = keyof typeof SCIM_TYPE_TABLE;

export const SCIM_TYPES = Object.keys(SCIM_TYPE_TABLE) as ScimType[];

export function isScimType(value: unknown): value is ScimType {
  return typeof value === 'string' && Object.hasOwn(SCIM_TYPE_TABLE, value);
}

/**
 * RFC 7644 §3.12 lists the HTTP status codes a SCIM service provider uses for errors
 * (307, 308, 400, 401, 403, 404, 409, 412, 413, 500, 501). 304 is used with If-None-Match
 * and carries no body; 429 and 503 are common in practice and permitted by HTTP.
 */
export const SCIM_ERROR_STATUSES = [307, 308, 400, 401, 403, 404, 409, 412, 413, 429, 500, 501, 503] as const;
