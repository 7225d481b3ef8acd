import { SCHEMA_URNS } from '../urns.js';
import { SCIM_TYPE_TABLE, type ScimType } from './scim-types.js';

/**
 * The body of a SCIM error response.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.12
 */
export interface ScimErrorBody {
  schemas: [typeof SCHEMA_URNS.Error];
  /** The HTTP status code, as a JSON string (RFC 7644 §3.12: "expressed as a JSON string"). */
  status: string;
  scimType?: ScimType;
  detail?: string;
}

/**
 * A protocol error: what a SCIM service provider answers (or must answer).
 * Constructing one with a `scimType` whose status in RFC 7644 §3.12 differs from `status` throws,
 * so the table cannot be broken by a typo.
 */
export class ScimError extends Error {
  override readonly name = 'ScimError';
  readonly status: number;
  readonly scimType: ScimType | undefined;

  constructor(status: number, scimType: ScimType | undefined, detail: string) {
    super(detail);
    if (scimType !== undefined && SCIM_TYPE_TABLE[scimType].status !== status) {
      throw new TypeError(
        `scimType ${scimType} goes with status ${SCIM_TYPE_TABLE[scimType].status} (RFC 7644 §3.12), not ${status}`,
      );
    }
    this.status = status;
    this.scimType = scimType;
  }

  get detail(): string {
    return this.message;
  }

  toBody(): ScimErrorBody {
    const body: ScimErrorBody = { schemas: [SCHEMA_URNS.Error], status: String(this.status) };
    if (this.scimType !== undefined) body.scimType = this.scimType;
    if (this.message) body.detail = this.message;
    return body;
  }

  static invalidFilter(detail: string): ScimError {
    return new ScimError(400, 'invalidFilter', detail);
  }
  static invalidSyntax(detail: string): ScimError {
    return new ScimError(400, 'invalidSyntax', detail);
  }
  static invalidPath(detail: string): ScimError {
    return new ScimError(400, 'invalidPath', detail);
  }
  static invalidValue(detail: string): ScimError {
    return new ScimError(400, 'invalidValue', detail);
  }
  static noTarget(detail: string): ScimError {
    return new ScimError(400, 'noTarget', detail);
  }
  static mutability(detail: string): ScimError {
    return new ScimError(400, 'mutability', detail);
  }
  static uniqueness(detail: string): ScimError {
    return new ScimError(409, 'uniqueness', detail);
  }
  static tooMany(detail: string): ScimError {
    return new ScimError(400, 'tooMany', detail);
  }
  static notFound(detail: string): ScimError {
    return new ScimError(404, undefined, detail);
  }
}

export function isScimError(value: unknown, status?: number, scimType?: ScimType): value is ScimError {
  return (
    value instanceof ScimError &&
    (status === undefined || value.status === status) &&
    (scimType === undefined || value.scimType === scimType)
  );
}
