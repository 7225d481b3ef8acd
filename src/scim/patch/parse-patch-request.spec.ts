import { expect, test } from '@playwright/test';
import { SCHEMA_URNS } from '../urns.js';
import { parsePatchRequest } from './parse-patch-request.js';
import type { NonCanonicalKind, PatchOperation } from './patch-request.js';

const message = (Operations: unknown[]) => ({ schemas: [SCHEMA_URNS.PatchOp], Operations });

interface ParseRow {
  name: string;
  body: unknown;
  operations: PatchOperation[];
  notes?: [number, NonCanonicalKind][];
}

const ROWS: ParseRow[] = [
  {
    name: 'a value-path with a sub-attribute is parsed and its text kept',
    body: message([{ op: 'replace', path: 'emails[type eq "work"].value', value: 'a@example.com' }]),
    operations: [
      {
        op: 'replace',
        pathText: 'emails[type eq "work"].value',
        path: {
          attrPath: { attr: 'emails' },
          valueFilter: { kind: 'compare', path: { attr: 'type' }, op: 'eq', value: 'work' },
          subAttr: 'value',
        },
        value: 'a@example.com',
      },
    ],
  },
  {
    name: 'a URN-qualified path keeps its schema',
    body: message([{ op: 'add', path: `${SCHEMA_URNS.EnterpriseUser}:manager`, value: 'm1' }]),
    operations: [
      {
        op: 'add',
        pathText: `${SCHEMA_URNS.EnterpriseUser}:manager`,
        path: { attrPath: { uri: SCHEMA_URNS.EnterpriseUser, attr: 'manager' } },
        value: 'm1',
      },
    ],
  },
  {
    name: 'a path-less add keeps its object value',
    body: message([{ op: 'add', value: { nickName: 'Babs' } }]),
    operations: [{ op: 'add', value: { nickName: 'Babs' } }],
  },
  {
    name: 'a null path is no path, a null value on remove is no value',
    body: message([
      { op: 'replace', path: null, value: { title: 'x' } },
      { op: 'remove', path: 'title', value: null },
    ]),
    operations: [
      { op: 'replace', value: { title: 'x' } },
      { op: 'remove', pathText: 'title', path: { attrPath: { attr: 'title' } } },
    ],
  },
  {
    name: 'capitalised ops and member names in another case are read and noted',
    body: {
      schemas: [SCHEMA_URNS.PatchOp],
      operations: [
        { Op: 'Add', Path: 'nickName', Value: 'Babs' },
        { op: 'REMOVE', path: 'title' },
      ],
    },
    operations: [
      { op: 'add', pathText: 'nickName', path: { attrPath: { attr: 'nickName' } }, value: 'Babs' },
      { op: 'remove', pathText: 'title', path: { attrPath: { attr: 'title' } } },
    ],
    notes: [
      [-1, 'member-name-case'],
      [0, 'member-name-case'],
      [0, 'capitalised-op'],
      [0, 'member-name-case'],
      [0, 'member-name-case'],
      [1, 'capitalised-op'],
    ],
  },
  {
    name: 'the legacy Entra member removal is kept with its value and noted',
    body: message([{ op: 'Remove', path: 'members', value: [{ value: 'u1091' }] }]),
    operations: [
      {
        op: 'remove',
        pathText: 'members',
        path: { attrPath: { attr: 'members' } },
        value: [{ value: 'u1091' }],
      },
    ],
    notes: [
      [0, 'capitalised-op'],
      [0, 'remove-by-value'],
    ],
  },
];

for (const row of ROWS) {
  test(`parsePatchRequest: ${row.name}`, () => {
    const request = parsePatchRequest(row.body);
    expect(request.schemas).toEqual([SCHEMA_URNS.PatchOp]);
    expect(request.operations).toEqual(row.operations);
    expect(request.notes.map((note) => [note.opIndex, note.kind])).toEqual(row.notes ?? []);
  });
}

test('notes and errors never carry the values sent', () => {
  const secret = 'S3cr3t-Passw0rd';
  const request = parsePatchRequest({
    schemas: [SCHEMA_URNS.PatchOp],
    Operations: [{ OP: 'Replace', PATH: 'password', VALUE: secret }],
  });
  expect(JSON.stringify(request.notes)).not.toContain(secret);
  expect(() =>
    parsePatchRequest({ schemas: [SCHEMA_URNS.PatchOp], Operations: [{ op: 'replace', value: secret }] }),
  ).toThrow(/needs an object of attributes/);
  try {
    parsePatchRequest({ schemas: [SCHEMA_URNS.PatchOp], Operations: [{ op: 'replace', value: secret }] });
  } catch (error) {
    expect(String(error)).not.toContain(secret);
  }
});
