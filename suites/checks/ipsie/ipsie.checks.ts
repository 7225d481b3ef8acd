/**
 * The service-provider ("Application") rules of the OpenID IPSIE AL SCIM 2.0 profile, draft 00: the user filters an
 * Identity Service relies on, deactivation and reactivation by PATCH, userName reuse after DELETE, 50 member
 * operations in one group PATCH, group displayName uniqueness, rate limits answered 429 with Retry-After, and the
 * claim of the interop profile it imports (§4.2; the interop checks are tagged `ipsie` too).
 *
 * Not here: the leaver verification of §5.1 (revocation of a deactivated user's access within 5 minutes) is the
 * `replay --scenario leaver` run, not a conformance check. Left ungraded and listed in the report's notes
 * (support/profile-notes.ts): DELETE /Users, which §5.2 says MAY be allowed and §10 says SHALL be supported, and the
 * token-endpoint authentication of §4.1, which contradicts itself.
 * @see https://openid.net/specs/ipsie-al-scim-profile-1_0.html
 */
import { HarnessError } from '../../../src/errors/harness-error.js';
import { groupPath, userPath } from '../../../src/scim/resource-path.js';
import { mintUserKey } from '../../support/admin-keys.js';
import { member, resourcesOf } from '../../support/case-insensitive-json.js';
import { check } from '../../support/check.js';
import { expect, test } from '../../support/fixtures.js';
import { patchOp, patchUser } from '../../support/patch-helpers.js';
import type { CreatedResource } from '../../support/resource-factory.js';
import { bodyOf, valueSet } from '../../support/resource-reading.js';
import { unsupportedWhenFilterDeclined } from '../../support/unsupported.js';

const DRAFT = 'IPSIE SCIM profile draft-00';

const FILTERS_REQUIREMENT =
  'The Application MUST support the following filter expressions: username eq {username}, externalId eq {externalId}, emails[value eq {email}], emails[type eq "work" and value eq {email}]';

/**
 * Creates two users (the second a decoy sharing nothing with the first) and lists `filter(first)`: exactly the first
 * must come back. A `400 invalidFilter` is the target declining the filter: `unsupported`, which fails `ipsie`.
 */
async function findsExactlyTheUser(
  fixtures: Parameters<Parameters<typeof check>[1]>[0],
  filter: (user: CreatedResource) => string,
  feature: string,
): Promise<void> {
  const { scim, resources } = fixtures;
  const user = await resources.createUser();
  await resources.createUser();
  const expression = filter(user);
  const list = await scim.get('/Users', { query: { filter: expression } });
  unsupportedWhenFilterDeclined(list, feature);
  await expect(list).toHaveStatus(200);
  const ids = resourcesOf(list.response?.json).map((resource) => member(resource, 'id'));
  expect(ids, `${expression} lists exactly the user`).toEqual([user.id]);
}

const emailOf = (user: CreatedResource) => valueSet(user.body, 'emails')[0] ?? '';

check(
  {
    id: 'ipsie.filter.username-eq',
    title: 'username eq {username} finds exactly the user',
    level: 'MUST',
    rfc: `${DRAFT} §5.4`,
    category: 'ipsie',
    profiles: ['ipsie'],
    requirement: FILTERS_REQUIREMENT,
    fix: 'Support the filter `username eq "…"` on /Users (attribute names are case-insensitive).',
    requires: ['filter'],
    quirks: ['filter-ignored', 'filter-attribute-names-case-sensitive'],
    declinedBy: ['filter-attribute-names-case-sensitive'],
  },
  (fixtures) =>
    findsExactlyTheUser(fixtures, (user) => `username eq "${String(user.body.userName)}"`, 'username eq'),
);

check(
  {
    id: 'ipsie.filter.external-id-eq',
    title: 'externalId eq {externalId} finds exactly the user',
    level: 'MUST',
    rfc: `${DRAFT} §5.4`,
    category: 'ipsie',
    profiles: ['ipsie'],
    requirement: FILTERS_REQUIREMENT,
    fix: 'Support the filter `externalId eq "…"` on /Users.',
    requires: ['filter'],
    quirks: ['external-id-not-filterable', 'filter-ignored'],
    declinedBy: ['external-id-not-filterable'],
  },
  (fixtures) =>
    findsExactlyTheUser(
      fixtures,
      (user) => `externalId eq "${String(user.body.externalId)}"`,
      'externalId eq',
    ),
);

check(
  {
    id: 'ipsie.filter.emails-value',
    title: 'emails[value eq {email}] finds exactly the user',
    level: 'MUST',
    rfc: `${DRAFT} §5.4`,
    category: 'ipsie',
    profiles: ['ipsie'],
    requirement: FILTERS_REQUIREMENT,
    fix: 'Support the value filter `emails[value eq "…"]` on /Users.',
    requires: ['filter'],
    quirks: ['filter-ignored'],
  },
  (fixtures) =>
    findsExactlyTheUser(
      fixtures,
      (user) => `emails[value eq "${emailOf(user)}"]`,
      'the value filter emails[value eq]',
    ),
);

check(
  {
    id: 'ipsie.filter.emails-work-value',
    title: 'emails[type eq "work" and value eq {email}] finds exactly the user',
    level: 'MUST',
    rfc: `${DRAFT} §5.4`,
    category: 'ipsie',
    profiles: ['ipsie'],
    requirement: FILTERS_REQUIREMENT,
    fix: 'Support the value filter `emails[type eq "work" and value eq "…"]` on /Users.',
    requires: ['filter'],
    quirks: ['filter-ignored'],
  },
  (fixtures) =>
    findsExactlyTheUser(
      fixtures,
      (user) => `emails[type eq "work" and value eq "${emailOf(user)}"]`,
      'the value filter emails[type eq "work" and value eq]',
    ),
);

check(
  {
    id: 'ipsie.users.deactivate-keeps-user',
    title: 'PATCH active=false deactivates the user, who stays readable and findable',
    level: 'MUST',
    rfc: `${DRAFT} §5.1`,
    category: 'ipsie',
    profiles: ['ipsie'],
    requirement:
      'Changes to the user activation status, such deactivation and reactivation, are performed by the SCIM operation PATCH /Users/{id}',
    levelBasis:
      'The sentence states how the Identity Service deactivates a user, without a keyword; an Application that does not apply it, or hides the user afterwards, cannot be deprovisioned as the profile describes, and reactivation (a MUST) needs the user, so it is graded MUST.',
    fix: 'Apply PATCH replace active=false and keep the user readable by id and by filter.',
    requires: ['patch', 'filter'],
    quirks: ['disabled-user-hidden', 'patch-not-applied'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const { after } = await patchUser(scim, user.id, { op: 'replace', path: 'active', value: false });
    expect(after.active, 'active after the deactivation').toBe(false);
    const list = await scim.get('/Users', {
      query: { filter: `userName eq "${String(user.body.userName)}"` },
    });
    await expect(list).toHaveStatus(200);
    expect(resourcesOf(list.response?.json).map((resource) => member(resource, 'id'))).toContain(user.id);
  },
);

check(
  {
    id: 'ipsie.users.reactivation',
    title: 'A deactivated user can be reactivated by PATCH active=true, keeping its id and attributes',
    level: 'MUST',
    rfc: `${DRAFT} §5.1`,
    category: 'ipsie',
    profiles: ['ipsie'],
    requirement: 'The Application MUST allow reactivation of a deactivated user.',
    fix: 'Accept PATCH replace active=true on a deactivated user and keep its id, userName and other attributes.',
    requires: ['patch'],
    quirks: ['disabled-user-hidden'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    await patchUser(scim, user.id, { op: 'replace', path: 'active', value: false });
    const { after } = await patchUser(scim, user.id, { op: 'replace', path: 'active', value: true });
    expect(after.active, 'active after the reactivation').toBe(true);
    expect(after.id, 'the same id').toBe(user.id);
    expect(after.userName, 'the same userName').toBe(user.body.userName);
  },
);

check(
  {
    id: 'ipsie.users.username-reusable-after-delete',
    title: "After DELETE, a new user can be created with the deleted user's userName",
    level: 'MUST',
    rfc: `${DRAFT} §5.2`,
    category: 'ipsie',
    profiles: ['ipsie'],
    requirement:
      'After a user is deleted, the Application MUST allow the creation of a new user with the same username.',
    fix: 'Leave deleted users out of the userName uniqueness check (and answer 404 for their old id).',
    quirks: ['soft-delete-does-not-delete'],
  },
  async ({ scim, resources }) => {
    const user = await resources.createUser();
    const deleted = await scim.delete(userPath(user.id));
    if (deleted.response && deleted.response.status < 300) resources.forget('/Users', user.id);
    await expect(deleted, 'the DELETE succeeds').toHaveStatus(200, 204);
    const body = resources.userBody({ userName: user.body.userName });
    const again = await scim.post('/Users', body);
    const id = bodyOf(again.response?.json).id;
    if (typeof id === 'string') resources.track('/Users', id, String(body.userName));
    await expect(again, 'creating the same userName again').toHaveStatus(201);
    await expect(await scim.get(userPath(user.id)), 'the deleted id').toHaveStatus(404);
  },
);

check(
  {
    id: 'ipsie.groups.patch-50-members',
    title: 'One PATCH adds 50 members, another removes them one operation each',
    level: 'MUST',
    rfc: `${DRAFT} §6.2.6`,
    category: 'ipsie',
    profiles: ['ipsie'],
    requirement:
      'The Application MUST support the inclusion of at least 50 add or remove operations on the "members" attribute in a single PATCH request.',
    fix: 'Accept PATCH requests with at least 50 member add or remove operations and apply all of them.',
    requires: ['groups', 'patch'],
    quirks: ['patch-operations-limited', 'members-value-filter-removal-rejected'],
  },
  async ({ scim, resources }) => {
    const group = await resources.createGroup();
    const members: string[] = [];
    await test.step('create 50 users', async () => {
      // Ten at a time, as groups.patch.add-many-members: quick against a distant target without flooding it.
      for (let batch = 0; batch < 50; batch += 10)
        members.push(
          ...(await Promise.all(Array.from({ length: 10 }, () => resources.createUser()))).map((u) => u.id),
        );
    });
    const path = groupPath(group.id);
    const added = await scim.patch(
      path,
      patchOp(...members.map((id) => ({ op: 'add', path: 'members', value: [{ value: id }] }))),
    );
    await expect(added, 'PATCH with 50 add operations').toHaveStatus(200, 204);
    const afterAdd = await scim.get(path);
    await expect(afterAdd).toHaveStatus(200);
    expect(valueSet(bodyOf(afterAdd.response?.json), 'members').sort(), 'members after 50 adds').toEqual(
      [...members].sort(),
    );
    const removed = await scim.patch(
      path,
      patchOp(...members.map((id) => ({ op: 'remove', path: `members[value eq "${id}"]` }))),
    );
    await expect(removed, 'PATCH with 50 remove operations').toHaveStatus(200, 204);
    const afterRemove = await scim.get(path);
    await expect(afterRemove).toHaveStatus(200);
    expect(valueSet(bodyOf(afterRemove.response?.json), 'members'), 'members after 50 removes').toEqual([]);
  },
);

check(
  {
    id: 'ipsie.groups.display-name-unique',
    title: 'A second group with the same displayName is refused with 409',
    level: 'SHOULD',
    rfc: `${DRAFT} §6.2.1`,
    category: 'ipsie',
    profiles: ['ipsie'],
    requirement:
      'The Application SHOULD NOT allow multiple groups to have the same value for the "displayName" attribute.',
    fix: 'Refuse a group whose displayName another group has with 409 and scimType uniqueness.',
    requires: ['groups'],
    quirks: ['uniqueness-not-enforced'],
  },
  async ({ scim, resources }) => {
    const group = await resources.createGroup();
    const body = resources.groupBody({ displayName: group.body.displayName });
    const again = await scim.post('/Groups', body);
    const id = bodyOf(again.response?.json).id;
    if (typeof id === 'string') resources.track('/Groups', id, String(body.displayName));
    await expect(again, 'a second group with the same displayName').toBeScimError(409, 'uniqueness');
  },
);

/**
 * Requests of the burst: sent this many at a time until one answers 429, up to the cap or the time budget. The budget
 * is in time as well as in requests because the bucket refills while the burst runs: on a loaded machine the burst
 * goes out slower, and 5000 requests at 270/s never emptied the suites' 2000 + 200/s bucket.
 */
const BURST_WAVE = 100;
const BURST_CAP = 20_000;
const BURST_BUDGET_MS = 45_000;

check(
  {
    id: 'ipsie.rate-limit.429-retry-after',
    title: 'A burst of requests beyond the rate limit is answered 429 with Retry-After',
    level: 'MUST',
    rfc: `${DRAFT} §4.3`,
    category: 'ipsie',
    profiles: ['ipsie'],
    requirement:
      'The Application MUST enforce rate limits on all SCIM endpoints and must respond with appropriate headers, such as "429 Too Many Requests" and "Retry-After," when limits are exceeded.',
    fix: 'Limit the request rate per client and answer requests beyond it with 429 and a Retry-After header (never 5xx).',
    // The burst runs on a credential of its own, minted on the embedded server, so the run's other checks are not
    // throttled; against another target it would starve them, so it is skipped there.
    requires: ['adminApi'],
    quirks: ['rate-limit-without-retry-after'],
  },
  async ({ scim, resources, target }) => {
    const user = await resources.createUser();
    const key = await mintUserKey(target, user.id);
    scim.addSecret(key);
    // Plain fetch, unrecorded: thousands of recorded exchanges would be slower than the limit and bury the evidence.
    // What the limited answer carried is reported in the message.
    const url = scim.url('/ServiceProviderConfig');
    const send = async () => {
      try {
        const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
        await response.arrayBuffer();
        return { status: response.status, retryAfter: response.headers.get('retry-after') };
      } catch (error) {
        return { status: 0, retryAfter: null, error: error instanceof Error ? error.message : String(error) };
      }
    };
    let limited: { status: number; retryAfter: string | null } | undefined;
    let sent = 0;
    const started = Date.now();
    while (limited === undefined && sent < BURST_CAP && Date.now() - started < BURST_BUDGET_MS) {
      const wave = await Promise.all(Array.from({ length: BURST_WAVE }, send));
      sent += wave.length;
      const broken = wave.find((answer) => answer.status === 0 || answer.status >= 500);
      expect(broken, `no request of the burst fails or answers 5xx (after ${sent} requests)`).toBeUndefined();
      limited = wave.find((answer) => answer.status === 429);
    }
    if (limited === undefined) {
      throw new HarnessError(
        'CHECK_PRECONDITION',
        `No request of a burst of ${sent} in ${Date.now() - started} ms was limited: the limit is above what this check sends`,
      );
    }
    expect(
      limited.retryAfter ?? '(none)',
      `the 429 (after ${sent} requests in ${Date.now() - started} ms) carries Retry-After, in seconds or an HTTP date`,
    ).toMatch(/^\s*(\d+|\w{3}, .+GMT)\s*$/);
  },
);
