/**
 * What a target claims against what it does. RFC 7643 §5 defines each ServiceProviderConfig feature's `supported` as
 * "whether or not the operation is supported", and §7 makes /Schemas the description of the attributes a resource
 * has: a claim that behaviour contradicts misleads every client that reads it (a client that trusts `filter` and
 * `etag`, or writes the attributes /Schemas lists). Each check compares one claim with one behaviour, in both
 * directions where both can be observed.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-5
 */

import { test } from '@playwright/test';
import { HarnessError } from '../../../src/errors/harness-error.js';
import { scimErrorOf } from '../../../src/http/index.js';
import { userPath } from '../../../src/scim/resource-path.js';
import { check } from '../../support/check.js';
import { expect } from '../../support/fixtures.js';
import { describeExchange } from '../../support/matchers.js';
import { allDeclaredSingularStrings, valueFor } from '../../support/optional-attributes.js';
import { attributeAt, bodyOf } from '../../support/resource-reading.js';
import { invalidFilterAnswer } from '../../support/unsupported.js';

const SUPPORTED =
  'supported  A Boolean value specifying whether or not the operation is supported.  REQUIRED. (RFC 7643 §5, for each of patch, bulk, filter, changePassword, sort and etag)';
const CLAIM_BASIS =
  'RFC 7643 §5 defines the value as whether the operation is supported; no RFC 2119 keyword binds its accuracy, so a contradicted claim is graded SHOULD.';

check(
  {
    id: 'discovery.claims.filter-honoured',
    title: 'A target that claims filter.supported accepts the simplest filter, userName eq',
    level: 'SHOULD',
    levelBasis: CLAIM_BASIS,
    rfc: 'RFC 7643 §5',
    category: 'discovery',
    profiles: ['rfc7644', 'entra'],
    requirement: SUPPORTED,
    fix: 'Evaluate `userName eq "<value>"`, or set filter.supported to false in /ServiceProviderConfig.',
    requires: ['discovery'],
    quirks: ['filter-declined-though-claimed'],
    neededBy: [],
  },
  async ({ scim, resources, capabilities }) => {
    const answer = await scim.get('/Users', { query: { filter: `userName eq "${resources.userName()}"` } });
    if (!capabilities.claims.filter) {
      // Nothing is claimed: a decline is what the claim says, an answer is harmless.
      return;
    }
    const declined = invalidFilterAnswer(answer) !== undefined || answer.response?.status === 501;
    if (declined) answer.decisive = true;
    expect(
      declined,
      `ServiceProviderConfig says filter.supported=true, yet the target declined userName eq: ${describeExchange(answer)}`,
    ).toBe(false);
    await expect(answer).toHaveStatus(200);
  },
);

check(
  {
    id: 'discovery.claims.etag-honest',
    title: 'ETags are served exactly when ServiceProviderConfig claims etag.supported',
    level: 'SHOULD',
    levelBasis: CLAIM_BASIS,
    rfc: 'RFC 7643 §5, RFC 7644 §3.14',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement: SUPPORTED,
    fix: 'Make etag.supported say what the server does: true when it serves ETag and meta.version, false when not.',
    requires: ['discovery'],
    quirks: ['etag-served-though-unclaimed', 'no-etag'],
  },
  async ({ scim, resources, capabilities }) => {
    const created = await resources.createUser();
    const read = await scim.get(userPath(created.id));
    await expect(read).toHaveStatus(200);
    const header = read.response?.headers.etag;
    const version = attributeAt(bodyOf(read.response?.json), 'meta.version');
    const served = header !== undefined || version !== undefined;
    const claimed = capabilities.claims.etag;
    if (served !== claimed) read.decisive = true;
    expect(
      served,
      `ServiceProviderConfig says etag.supported=${claimed}, yet GET ${claimed ? 'serves no' : 'serves an'} ETag (header ${
        header ?? 'absent'
      }, meta.version ${version === undefined ? 'absent' : JSON.stringify(version)})`,
    ).toBe(claimed);
  },
);

check(
  {
    id: 'discovery.claims.declared-attributes-accepted',
    title: 'A create that sets the optional User attributes /Schemas declares is accepted',
    level: 'SHOULD',
    levelBasis:
      'RFC 7643 §7 makes /Schemas the description of the attributes a resource has; an attribute it declares as readWrite that every write rejects contradicts it, though no RFC 2119 keyword binds the description.',
    rfc: 'RFC 7643 §7',
    category: 'discovery',
    profiles: ['rfc7644'],
    requirement:
      'attributes  A complex attribute that includes the attributes of a schema. (RFC 7643 §7) — mutability "readWrite": The attribute MAY be updated and read at any time. (RFC 7643 §2.2)',
    fix: 'Accept every readWrite attribute /Schemas declares, or remove it from /Schemas.',
    requires: ['discovery'],
    quirks: ['declared-attribute-rejected'],
  },
  async ({ resources, capabilities, faker }) => {
    // displayName is in every body the factory builds; the others are what this check adds.
    const names = allDeclaredSingularStrings(capabilities).filter((name) => name !== 'displayName');
    test.skip(
      names.length === 0,
      'The target declares none of the optional singular string attributes of User',
    );
    const body = Object.fromEntries(names.map((name, index) => [name, valueFor(name, faker, index)]));
    const created = await resources.client.post('/Users', resources.userBody(body));
    const id = attributeAt(bodyOf(created.response?.json), 'id');
    if (typeof id === 'string')
      resources.track('/Users', id, String(body.userName ?? 'declared-attributes user'));
    await expect(created, `a user setting ${names.join(', ')}, all declared by /Schemas`).toHaveStatus(
      201,
      200,
    );
  },
);

check(
  {
    id: 'patch.mutability.matches-schemas',
    title: 'A PATCH of an attribute /Schemas declares readWrite is not refused with mutability',
    level: 'SHOULD',
    levelBasis:
      "RFC 7644 §3.12 reserves scimType mutability for a modification the attribute's mutability does not allow; refusing an attribute the target itself declares readWrite contradicts its /Schemas, though no RFC 2119 keyword states it.",
    rfc: 'RFC 7643 §2.2, RFC 7644 §3.12',
    category: 'patch',
    profiles: ['rfc7644', 'entra'],
    requirement:
      'mutability  The attempted modification is not compatible with the target attribute\'s mutability or current state (e.g., modification of an "immutable" attribute with an existing value). (RFC 7644 §3.12, Table 9) — readWrite  The attribute MAY be updated and read at any time. (RFC 7643 §2.2)',
    fix: 'Allow PATCH on every attribute /Schemas declares readWrite, or declare its real mutability.',
    requires: ['patch', 'discovery'],
    quirks: ['mutability-error-on-read-write'],
    neededBy: [],
  },
  async ({ scim, resources, capabilities, faker }) => {
    const names = allDeclaredSingularStrings(capabilities).filter(
      (name) => (capabilities.mutability?.User?.[name.toLowerCase()] ?? 'readWrite') === 'readWrite',
    );
    test.skip(names.length === 0, 'The target declares none of the optional singular strings as readWrite');
    const created = await resources.createUser();
    for (const [index, name] of names.entries()) {
      const patch = await scim.patch(userPath(created.id), {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: name, value: valueFor(name, faker, index + 1) }],
      });
      const reply = scimErrorOf(patch);
      if (patch.response?.status === 400 && reply?.scimType === 'mutability') {
        patch.decisive = true;
        expect(
          reply.scimType,
          `replace of ${name}, which /Schemas declares readWrite: ${describeExchange(patch)}`,
        ).not.toBe('mutability');
      }
      // Any other refusal (a value the target validates differently) is not this check's question.
      if ((patch.response?.status ?? 0) >= 300) {
        throw new HarnessError(
          'CHECK_PRECONDITION',
          `The target refused the replace of ${name} for another reason: ${describeExchange(patch)}`,
        );
      }
    }
  },
  { separately: ['entra'] },
);
