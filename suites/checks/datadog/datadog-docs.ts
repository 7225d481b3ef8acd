/**
 * What Datadog's SCIM API reference documents, as data for the `datadog` checks: the section names used in `rfc`,
 * the headers its curl examples send, and the documented request bodies with the check's own values.
 * Only what Datadog documents is checked in this profile. Datadog does not document (so nothing here checks) PATCH
 * `remove` on Users, /Bulk, sorting, /Me, /.search, or RFC 7644 §3.12 error bodies (it answers {"errors": […]}).
 * @see https://docs.datadoghq.com/api/latest/scim/
 */
import { SCHEMA_URNS } from '../../../src/scim/urns.js';

export type JsonObject = Record<string, unknown>;

/** `rfc` of a Datadog check: `Datadog SCIM API: <section>`. */
export function datadogSection(section: string): string {
  return `Datadog SCIM API: ${section}`;
}

/**
 * The `levelBasis` of a Datadog check graded MUST on a documented request and answer: Datadog's API reference shows them
 * without RFC 2119 keywords, and this profile checks exactly what Datadog documents.
 */
export const DATADOG_DOCUMENTED =
  "Datadog's SCIM API reference documents this request and its answer, without RFC 2119 keywords; the datadog profile holds a target to what Datadog documents, so a different answer is graded MUST.";

/** The Accept header of Datadog's curl examples (`Accept: application/json`). */
export const DATADOG_ACCEPT = { accept: 'application/json' } as const;

export interface DatadogUserValues {
  userName: string;
  formatted: string;
  title: string;
}

/** The documented Create user body: userName, name.formatted, title, active, one work email marked primary. */
export function datadogUserBody(values: DatadogUserValues): JsonObject {
  return {
    schemas: [SCHEMA_URNS.User],
    userName: values.userName,
    name: { formatted: values.formatted },
    title: values.title,
    active: true,
    emails: [{ value: values.userName, type: 'work', primary: true }],
  };
}

/** A PatchOp message (Datadog documents the RFC 7644 §3.5.2 shape). */
export function datadogPatch(...operations: JsonObject[]): JsonObject {
  return { schemas: [SCHEMA_URNS.PatchOp], Operations: operations };
}
