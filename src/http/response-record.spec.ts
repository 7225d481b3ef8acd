import { expect, test } from '@playwright/test';
import { isJsonMediaType, mediaTypeOf } from './response-record.js';

const TYPES = [
  { header: 'application/scim+json', media: 'application/scim+json', json: true },
  { header: 'Application/SCIM+JSON; charset=utf-8', media: 'application/scim+json', json: true },
  { header: 'application/json;charset=UTF-8', media: 'application/json', json: true },
  { header: 'application/problem+json', media: 'application/problem+json', json: true },
  { header: 'text/plain', media: 'text/plain', json: false },
  { header: 'text/html; charset=utf-8', media: 'text/html', json: false },
  { header: '', media: '', json: false },
  { header: null, media: '', json: false },
] as const;

for (const row of TYPES) {
  test(`Content-Type ${JSON.stringify(row.header)} is ${row.media || 'empty'} (JSON: ${row.json})`, () => {
    expect(mediaTypeOf(row.header)).toBe(row.media);
    expect(isJsonMediaType(row.header)).toBe(row.json);
  });
}
