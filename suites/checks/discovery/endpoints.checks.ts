import { SCHEMA_URNS } from '../../../src/scim/urns.js';
import { stringMember } from '../../support/case-insensitive-json.js';
import { check } from '../../support/check.js';
import { discoveryEntries, entryKey } from '../../support/discovery-lists.js';
import { expect } from '../../support/fixtures.js';
import { describeExchange } from '../../support/matchers.js';

const DISCOVERY_PATHS = ['/ServiceProviderConfig', '/ResourceTypes', '/Schemas'] as const;

check(
  {
    id: 'discovery.endpoints.content-type',
    title: 'Discovery endpoints answer with Content-Type application/scim+json',
    level: 'MUST',
    rfc: 'RFC 7644 §3.8',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'Service providers MUST support the "Accept" header "Accept: application/scim+json" and SHOULD support the header "Accept: application/json", both of which specify JSON documents conforming to [RFC7159]. The format defaults to "application/scim+json" if no format is specified.',
    fix: 'Label discovery responses Content-Type: application/scim+json (the harness sends Accept: application/scim+json).',
    requires: ['discovery'],
    quirks: ['content-type-json'],
  },
  async ({ scim }) => {
    for (const path of DISCOVERY_PATHS) {
      const exchange = await scim.get(path);
      await expect(exchange).toHaveStatus(200);
      expect(exchange).toHaveScimContentType();
    }
  },
);

check(
  {
    id: 'discovery.endpoints.read-only',
    title: 'Discovery documents cannot be written: PUT, PATCH and POST are refused',
    level: 'MUST',
    rfc: 'RFC 7643 §5–§7',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'Resource type resources are READ-ONLY … (RFC 7643 §6); "Schema" resources are not modifiable, and their associated attributes have a mutability of "readOnly". (RFC 7643 §7); [ServiceProviderConfig] All attributes have a mutability of "readOnly". (RFC 7643 §5); readOnly The attribute SHALL NOT be modified. (RFC 7643 §7, mutability)',
    fix: 'Answer writes to /ServiceProviderConfig, /ResourceTypes and /Schemas with 405 Method Not Allowed (or 501/403).',
    requires: ['discovery'],
    quirks: ['discovery-writes-accepted'],
  },
  async ({ scim }) => {
    // Only no-op bodies (each document sent back as read, a replace with the current value), and no DELETE: a server
    // that wrongly accepts a write must still end up unchanged, since these documents are not ours.
    const type = (await discoveryEntries(scim, '/ResourceTypes'))[0];
    const schema = (await discoveryEntries(scim, '/Schemas'))[0];
    const typeKey = entryKey(type);
    const schemaId = stringMember(schema, 'id');
    const config = (await scim.get('/ServiceProviderConfig')).response?.json;
    const noOpPatch = (value: unknown) => ({
      schemas: [SCHEMA_URNS.PatchOp],
      Operations: [
        { op: 'replace', path: 'documentationUri', value: stringMember(value, 'documentationUri') ?? '' },
      ],
    });
    const writes: { method: 'PUT' | 'PATCH' | 'POST'; path: string; body: unknown }[] = [
      { method: 'PUT', path: '/ServiceProviderConfig', body: config },
      { method: 'PATCH', path: '/ServiceProviderConfig', body: noOpPatch(config) },
      { method: 'POST', path: '/ServiceProviderConfig', body: config },
    ];
    if (typeKey !== undefined) {
      const path = `/ResourceTypes/${encodeURIComponent(typeKey)}`;
      writes.push({ method: 'PUT', path, body: type }, { method: 'PATCH', path, body: noOpPatch(type) });
    }
    if (schemaId !== undefined) {
      const path = `/Schemas/${schemaId}`;
      writes.push({ method: 'PUT', path, body: schema }, { method: 'PATCH', path, body: noOpPatch(schema) });
    }
    const accepted: string[] = [];
    for (const write of writes) {
      const exchange = await scim.request({ method: write.method, path: write.path, body: write.body ?? {} });
      const status = exchange.response?.status;
      if (status === undefined) await expect(exchange).toHaveStatus(405);
      // Any refusal will do (405, 501, 403, 400, …); a success or a server error is what the RFC rules out.
      else if (status < 400 || (status >= 500 && status !== 501)) accepted.push(describeExchange(exchange));
    }
    expect(accepted, 'writes to discovery documents that were not refused').toEqual([]);
  },
);

check(
  {
    id: 'discovery.endpoints.filter-forbidden',
    title: 'A filter on /ResourceTypes or /Schemas is answered 403 Forbidden',
    level: 'SHOULD',
    rfc: 'RFC 7644 §4',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'If a "filter" is provided, the service provider SHOULD respond with HTTP status code 403 (Forbidden) to ensure that clients cannot incorrectly assume that any matching conditions specified in a filter are true.',
    fix: 'Refuse a filter parameter on the discovery endpoints with 403, rather than ignoring it.',
    requires: ['discovery'],
    quirks: ['discovery-filter-ignored'],
  },
  async ({ scim }) => {
    for (const path of ['/ResourceTypes', '/Schemas'] as const) {
      await expect(await scim.get(path, { query: { filter: 'id eq "User"' } })).toHaveStatus(403);
    }
  },
);
