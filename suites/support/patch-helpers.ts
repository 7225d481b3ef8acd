/**
 * Multi-request steps the user and PATCH checks share: read a user back, PATCH it and read what the target kept.
 * Each runs as a boxed step, so a failure points at the check's line rather than at this file.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2
 */

import type { ScimClient, ScimExchange } from '../../src/http/index.js';
import { userPath } from '../../src/scim/resource-path.js';
import { SCHEMA_URNS } from '../../src/scim/urns.js';
import { expect, test } from './fixtures.js';
import { bodyOf, type JsonObject } from './resource-reading.js';

/** A PatchOp message (RFC 7644 §3.5.2) with the given operations. */
export function patchOp(...operations: JsonObject[]): JsonObject {
  return { schemas: [SCHEMA_URNS.PatchOp], Operations: operations };
}

/** GET /Users/{id}: must answer 200 (RFC 7644 §3.4.1); returns the body. */
export async function readUser(scim: ScimClient, id: string): Promise<JsonObject> {
  return test.step(
    `GET /Users/${id}`,
    async () => {
      const read = await scim.get(userPath(id));
      await expect(read, 'reading the user back').toHaveStatus(200);
      return bodyOf(read.response?.json);
    },
    { box: true },
  );
}

export interface PatchOutcome {
  exchange: ScimExchange;
  /** The user as GET returns it after the PATCH. */
  after: JsonObject;
}

/**
 * PATCH /Users/{id} with the operations, asserting success as RFC 7644 §3.5.2 allows it (200 with the resource, or
 * 204), then GET the user: what GET returns is what the target really kept.
 */
export async function patchUser(
  scim: ScimClient,
  id: string,
  ...operations: JsonObject[]
): Promise<PatchOutcome> {
  return test.step(
    `PATCH /Users/${id} then GET`,
    async () => {
      const exchange = await scim.patch(userPath(id), patchOp(...operations));
      await expect(exchange, 'the PATCH succeeds (200 or 204)').toHaveStatus(200, 204);
      return { exchange, after: await readUser(scim, id) };
    },
    { box: true },
  );
}
