import { expect, test } from '@playwright/test';
import { REDACTED } from '../../src/secrets/redaction.js';
import { withoutPasswords } from './cycle-operations.js';

test("the provisioning log never holds a password Okta's client sent, however the body nests it", () => {
  const create = { schemas: ['urn:x'], userName: 'jo', password: 'Ab3dEf9h', emails: [{ value: 'jo@x' }] };
  expect(withoutPasswords(create)).toEqual({ ...create, password: REDACTED });
  const push = { Operations: [{ op: 'replace', value: { Password: 'Zz9yXx8w', active: true } }] };
  expect(withoutPasswords(push)).toEqual({
    Operations: [{ op: 'replace', value: { Password: REDACTED, active: true } }],
  });
  expect(JSON.stringify(withoutPasswords(push))).not.toContain('Zz9yXx8w');
  expect(withoutPasswords({ userName: 'no password here' })).toEqual({ userName: 'no password here' });
});
