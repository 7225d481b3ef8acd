import { expect, test } from '@playwright/test';
import { isScimJson, type ScimErrorReply, scimErrorOf } from './exchange-classifiers.js';
import { exchangeWith } from './test-support/exchange-factory.js';

const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';

const SCIM_JSON = [
  { name: 'scim+json with a body', response: { json: {} }, expected: true },
  {
    name: 'scim+json with charset',
    response: { json: {}, contentType: 'Application/SCIM+JSON; charset=utf-8' },
    expected: true,
  },
  { name: 'application/json', response: { json: {}, contentType: 'application/json' }, expected: false },
  { name: 'scim+json but unparseable', response: { jsonError: 'bad' }, expected: false },
  { name: 'scim+json, empty body', response: {}, expected: false },
  { name: 'no response', response: undefined, expected: false },
] as const;

for (const row of SCIM_JSON) {
  test(`isScimJson: ${row.name}`, () => {
    expect(isScimJson(exchangeWith(row.response))).toBe(row.expected);
  });
}

const ERRORS: ReadonlyArray<{
  name: string;
  status: number;
  json: unknown;
  expected: Partial<ScimErrorReply> | undefined;
}> = [
  {
    name: 'a conforming error',
    status: 409,
    json: { schemas: [ERROR_URN], status: '409', scimType: 'uniqueness', detail: 'taken' },
    expected: { httpStatus: 409, status: 409, scimType: 'uniqueness', detail: 'taken', findings: [] },
  },
  {
    name: 'numeric status is tolerated as a finding',
    status: 400,
    json: { schemas: [ERROR_URN], status: 400, scimType: 'invalidFilter' },
    expected: { status: 400, findings: ['status is a JSON number; RFC 7644 §3.12 says it is a string'] },
  },
  {
    name: 'status that disagrees with HTTP',
    status: 404,
    json: { schemas: [ERROR_URN], status: '400' },
    expected: { status: 400, findings: ['status 400 in the body differs from the HTTP status 404'] },
  },
  {
    name: 'unknown scimType and missing URN',
    status: 400,
    json: { status: '400', scimType: 'badThing' },
    expected: {
      scimType: 'badThing',
      findings: [
        `schemas does not contain "${ERROR_URN}"`,
        'scimType "badThing" is not one of RFC 7644 §3.12 Table 9 or RFC 9865 §2.1',
      ],
    },
  },
  {
    name: 'URN but no status',
    status: 500,
    json: { schemas: [ERROR_URN], detail: 42 },
    expected: {
      status: undefined,
      findings: ['status is missing; RFC 7644 §3.12 requires it', 'detail is not a string'],
    },
  },
  {
    name: "a vendor's own error shape is not a SCIM error",
    status: 400,
    json: { errors: ['Bad Request'] },
    expected: undefined,
  },
  { name: 'an array body', status: 400, json: [1], expected: undefined },
];

for (const row of ERRORS) {
  test(`scimErrorOf: ${row.name}`, () => {
    const reply = scimErrorOf(exchangeWith({ status: row.status, json: row.json }));
    if (row.expected === undefined) expect(reply).toBeUndefined();
    else expect(reply).toMatchObject(row.expected);
  });
}

test('scimErrorOf is undefined when no response arrived', () => {
  expect(scimErrorOf(exchangeWith(undefined))).toBeUndefined();
});
