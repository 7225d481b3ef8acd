import { expect, test } from '@playwright/test';
import { compileTemplate, fillTemplate, inJsonString, inPath, placeholderFor } from './reference-template.js';

const USER = '4a6cf133-dd92-405a-b485-cac521ba47d9';
const MANAGER = '3b9ae1ca-8784-4924-a5d4-788fc6347be0';

const ROWS: {
  name: string;
  text: string;
  ids: Record<string, string>;
  encode: (id: string) => string;
  filled: string;
  missing: string[];
}[] = [
  {
    name: 'no placeholder',
    text: '/scim/v2/Users',
    ids: {},
    encode: inPath,
    filled: '/scim/v2/Users',
    missing: [],
  },
  {
    name: 'a path id',
    text: `/scim/v2/Users/${placeholderFor(USER)}`,
    ids: { [USER]: 'a/b' },
    encode: inPath,
    filled: '/scim/v2/Users/a%2Fb',
    missing: [],
  },
  {
    name: 'two body references',
    text: `{"value":"${placeholderFor(MANAGER)}","other":"${placeholderFor(USER)}"}`,
    ids: { [USER]: 'u"1', [MANAGER]: 'm1' },
    encode: inJsonString,
    filled: '{"value":"m1","other":"u\\"1"}',
    missing: [],
  },
  {
    name: 'an unknown reference stays a placeholder and is reported',
    text: `{"value":"${placeholderFor(MANAGER)}"}`,
    ids: {},
    encode: inJsonString,
    filled: `{"value":"__ref_${MANAGER}__"}`,
    missing: [MANAGER],
  },
];

for (const row of ROWS) {
  test(`fillTemplate: ${row.name}`, () => {
    const filled = fillTemplate(compileTemplate(row.text), new Map(Object.entries(row.ids)), row.encode);
    expect(filled).toEqual({ text: row.filled, missing: row.missing });
  });
}

test('a template compiled right after placeholderFor still finds a short placeholder', () => {
  // A shared global regex would carry its lastIndex from one call into the next and skip the match.
  const path = `/Users/${placeholderFor(USER)}`;
  expect(compileTemplate(path).refs).toEqual([USER]);
});

for (const bad of ['', 'ABC', `${USER}x`, 'not-a-guid-but-36-characters-long!!']) {
  test(`placeholderFor refuses ${JSON.stringify(bad)}`, () => {
    expect(() => placeholderFor(bad)).toThrow(/lower-case GUID/);
  });
}
