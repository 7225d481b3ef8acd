import { HarnessError } from '../../../src/errors/harness-error.js';
import { userPath } from '../../../src/scim/resource-path.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { answered } from '../../support/matchers.js';
import { declaredSingularStrings, valueFor } from '../../support/optional-attributes.js';
import { patchOp, readUser } from '../../support/patch-helpers.js';
import { attributeAt, instantOf } from '../../support/resource-reading.js';

/** Requests RFC 7644 §3.5.2 says must fail, and the proof that a failed PATCH changed nothing. */

const MUTABILITY =
  "An operation that is not compatible with an attribute's mutability or schema SHALL return the appropriate HTTP response status code and a JSON detail error response as defined in Section 3.12.";
const TABLE_400 =
  'Implementers SHOULD handle the identified HTTP status codes as described below. … 400 (Bad Request) | GET, POST, PUT, PATCH, DELETE | Request is unparsable, syntactically incorrect, or violates schema.';

check(
  {
    id: 'patch.remove.without-path-no-target',
    title: 'remove without path answers 400 noTarget',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.2, §3.5.2',
    category: 'patch',
    profiles: ['rfc7644'],
    requirement:
      'If a request fails, the server SHALL return an HTTP response status code and a JSON detail error response as defined in Section 3.12. (RFC 7644 §3.5.2) … If "path" is unspecified, the operation fails with HTTP status code 400 and a "scimType" error code of "noTarget".',
    fix: 'Reject a remove operation that has no path with 400 and scimType noTarget.',
    requires: ['patch'],
    quirks: ['patch-no-target-ignored'],
  },
  async ({ scim, resources }) => {
    const created = await resources.createUser();
    await expect(await scim.patch(userPath(created.id), patchOp({ op: 'remove' }))).toBeScimError(
      400,
      'noTarget',
    );
  },
);

check(
  {
    id: 'patch.replace.filter-no-match-no-target',
    title: 'replace with a value filter that matches nothing answers 400 noTarget',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2.3',
    category: 'patch',
    profiles: ['rfc7644'],
    requirement:
      'If the target location is a multi-valued attribute for which a value selection filter ("valuePath") has been supplied and no record match was made, the service provider SHALL indicate failure by returning HTTP status code 400 and a "scimType" error code of "noTarget".',
    fix: 'When a replace valuePath filter selects no value, answer 400 noTarget instead of succeeding silently.',
    requires: ['patch'],
    quirks: ['patch-no-target-ignored'],
  },
  async ({ scim, resources }) => {
    const created = await resources.createUser();
    const patch = await scim.patch(
      userPath(created.id),
      patchOp({ op: 'replace', path: 'emails[type eq "no-such-type"].value', value: 'nobody@example.org' }),
    );
    await expect(patch).toBeScimError(400, 'noTarget');
  },
);

check(
  {
    id: 'patch.path.malformed-invalid-path',
    title: 'A malformed path answers 400 invalidPath',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.12',
    category: 'patch',
    profiles: ['rfc7644'],
    requirement:
      'Implementers SHOULD handle the identified HTTP status codes as described below. … 400 (Bad Request) | GET, POST, PUT, PATCH, DELETE | Request is unparsable, syntactically incorrect, or violates schema. … invalidPath | The "path" attribute was invalid or malformed (see Figure 7). | PATCH (Section 3.5.2)',
    fix: 'Parse "path" with the RFC 7644 §3.5.2 grammar and reject what does not parse with 400 invalidPath.',
    requires: ['patch'],
    quirks: ['patch-lenient-request'],
  },
  async ({ scim, resources }) => {
    const created = await resources.createUser();
    const patch = await scim.patch(
      userPath(created.id),
      patchOp({ op: 'replace', path: 'emails[type eq "work"', value: 'x@example.org' }),
    );
    await expect(patch).toBeScimError(400, 'invalidPath');
  },
);

check(
  {
    id: 'patch.read-only.id',
    title: 'replace of the readOnly id answers 400 mutability and the id stays',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2',
    category: 'patch',
    profiles: ['rfc7644'],
    requirement: MUTABILITY,
    fix: 'Refuse PATCH operations on readOnly attributes (id, meta, groups) with 400 and scimType mutability.',
    requires: ['patch'],
    quirks: ['patch-read-only-ignored'],
  },
  async ({ scim, resources, target }) => {
    const created = await resources.createUser();
    const patch = await scim.patch(
      userPath(created.id),
      patchOp({ op: 'replace', path: 'id', value: `${target.runId}-other-id` }),
    );
    await expect(patch).toBeScimError(400, 'mutability');
    expect((await readUser(scim, created.id)).id, 'the id is unchanged').toBe(created.id);
  },
);

check(
  {
    id: 'patch.read-only.meta',
    title: 'replace of meta.created is refused (400 mutability) or ignored: meta.created stays',
    level: 'MUST',
    rfc: 'RFC 7643 §3.1; RFC 7644 §3.5.2',
    category: 'patch',
    profiles: ['rfc7644'],
    requirement: `meta … All "meta" sub-attributes are assigned by the service provider (have a "mutability" of "readOnly"), and all of these sub-attributes have a "returned" characteristic of "default". This attribute SHALL be ignored when provided by clients. (RFC 7643 §3.1) ${MUTABILITY} (RFC 7644 §3.5.2)`,
    fix: 'Never store a meta value a client sends: refuse the operation with 400 and scimType mutability, or ignore it.',
    requires: ['patch'],
    quirks: ['read-only-meta-honoured'],
  },
  async ({ scim, resources }) => {
    const created = await resources.createUser();
    const patch = await scim.patch(
      userPath(created.id),
      patchOp({ op: 'replace', path: 'meta.created', value: '2001-01-01T00:00:00Z' }),
    );
    // Both answers follow the RFC's words: RFC 7644 §3.5.2 refuses the operation, RFC 7643 §3.1 ignores client meta.
    const status = patch.response?.status;
    if (status !== 200 && status !== 204) await expect(patch).toBeScimError(400, 'mutability');
    const after = await readUser(scim, created.id);
    expect(instantOf(attributeAt(after, 'meta.created')), 'meta.created after the PATCH').toBe(
      instantOf(attributeAt(created.body, 'meta.created')),
    );
  },
);

check(
  {
    id: 'patch.request.patchop-schema-required',
    title: 'A PATCH body without the PatchOp schema URN answers 400',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.5.2',
    category: 'patch',
    profiles: ['rfc7644'],
    requirement: `The body of each request MUST contain the "schemas" attribute with the URI value of "urn:ietf:params:scim:api:messages:2.0:PatchOp". ${TABLE_400}`,
    fix: 'Validate the PatchOp message: reject a body whose "schemas" lacks the PatchOp URN with 400 (invalidSyntax).',
    requires: ['patch'],
    quirks: ['patch-lenient-request'],
  },
  async ({ scim, resources }) => {
    const created = await resources.createUser();
    const patch = await scim.patch(userPath(created.id), {
      Operations: [{ op: 'replace', path: 'displayName', value: 'No schemas' }],
    });
    // The RFC names no scimType for this case (invalidSyntax fits), so only the status and Error shape are judged.
    await expect(patch).toBeScimError(400);
  },
);

check(
  {
    id: 'patch.request.unknown-op',
    title: 'An operation whose op is not add, remove or replace answers 400',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.5.2',
    category: 'patch',
    profiles: ['rfc7644'],
    requirement: `Each PATCH operation object MUST have exactly one "op" member, whose value indicates the operation to perform and MAY be one of "add", "remove", or "replace". ${TABLE_400}`,
    fix: 'Reject an operation with an unknown op (e.g. "merge", "move") with 400 instead of skipping it.',
    requires: ['patch'],
    quirks: ['patch-lenient-request'],
  },
  async ({ scim, resources }) => {
    const created = await resources.createUser();
    const patch = await scim.patch(
      userPath(created.id),
      patchOp({ op: 'merge', path: 'displayName', value: 'Merged' }),
    );
    await expect(patch).toBeScimError(400);
  },
);

check(
  {
    id: 'patch.request.value-required',
    title: 'An add or replace without "value" answers 400, not a silent success',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.5.2.1, §3.5.2.3',
    category: 'patch',
    profiles: ['rfc7644'],
    requirement: `The operation MUST contain a "value" member whose content specifies the value to be added. (add, RFC 7644 §3.5.2.1; replace likewise, §3.5.2.3) ${TABLE_400} — invalidValue: A required value was missing, or the value specified was not compatible with the operation or attribute type (Table 9).`,
    fix: 'Refuse an add or replace that has no "value" with 400 (scimType invalidValue) instead of skipping it and answering success.',
    requires: ['patch'],
    quirks: ['patch-value-not-required'],
  },
  async ({ scim, resources }) => {
    const created = await resources.createUser();
    for (const op of ['add', 'replace'] as const) {
      const patch = await scim.patch(userPath(created.id), patchOp({ op, path: 'displayName' }));
      await expect(patch, `${op} without value`).toBeScimError(400);
    }
  },
);

check(
  {
    id: 'patch.request.unknown-id-404',
    title: 'PATCH of an unknown user id answers 404 with a SCIM Error',
    level: 'SHOULD',
    rfc: 'RFC 7644 §3.12',
    category: 'patch',
    profiles: ['rfc7644'],
    requirement:
      'Implementers SHOULD handle the identified HTTP status codes as described below. … 404 (Not Found) | GET, POST, PUT, PATCH, DELETE | Specified resource (e.g., User) or endpoint does not exist.',
    fix: 'Answer PATCH of an id that does not exist with 404 and a SCIM Error body.',
    requires: ['patch'],
    quirks: ['error-body-not-scim', 'numeric-error-status'],
  },
  async ({ scim, target }) => {
    const patch = await scim.patch(
      userPath(`${target.runId}-no-such-user`),
      patchOp({ op: 'replace', path: 'displayName', value: 'Nobody' }),
    );
    await expect(patch).toBeScimError(404);
  },
);

check(
  {
    id: 'patch.atomic.failed-request-changes-nothing',
    title: 'When one operation fails, the operations before it are not applied',
    level: 'MUST',
    rfc: 'RFC 7644 §3.5.2',
    category: 'patch',
    profiles: ['rfc7644'],
    requirement:
      'A PATCH request, regardless of the number of operations, SHALL be treated as atomic.  If a single operation encounters an error condition, the original SCIM resource MUST be restored, and a failure status SHALL be returned.',
    fix: 'Apply all operations to a copy and store it only when every operation succeeded.',
    requires: ['patch'],
    quirks: ['patch-not-atomic'],
  },
  async ({ scim, resources, faker, capabilities }) => {
    const [name = 'title'] = declaredSingularStrings(capabilities, 1);
    const before = valueFor(name, faker, 0);
    const created = await resources.createUser({ [name]: before });
    // The second operation is one RFC 7644 §3.5.2.3 says fails, and only once it is applied: a value filter that
    // matches nothing. A request that is malformed as a whole would be refused before anything is applied.
    const patch = await scim.patch(
      userPath(created.id),
      patchOp(
        { op: 'replace', path: name, value: valueFor(name, faker, 1) },
        { op: 'replace', path: 'emails[type eq "no-such-type"].value', value: 'nobody@example.org' },
      ),
    );
    const { status } = answered(patch);
    if (status < 300) {
      // Without a failing operation there is no atomicity to judge (the noTarget check reports the 2xx).
      throw new HarnessError(
        'CHECK_PRECONDITION',
        `The target accepted a value filter that matches nothing (${status})`,
      );
    }
    expect(status, 'a failure status').toBeGreaterThanOrEqual(400);
    expect(attributeAt(await readUser(scim, created.id), name), `${name} is restored`).toBe(before);
  },
);
