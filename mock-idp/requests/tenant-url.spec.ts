import { expect, test } from '@playwright/test';
import { type EntraClientMode, parseTenantUrl } from './tenant-url.js';

const CASES: {
  url: string;
  override?: EntraClientMode;
  base: string;
  mode: EntraClientMode;
  source: string;
}[] = [
  {
    url: 'https://app.datadoghq.com/api/v2/scim?aadOptscim062020',
    base: 'https://app.datadoghq.com/api/v2/scim',
    mode: 'compliant',
    source: 'flag',
  },
  {
    url: 'https://api.contoso.com/scim/',
    base: 'https://api.contoso.com/scim',
    mode: 'legacy',
    source: 'default',
  },
  {
    url: 'https://x.example/scim?AzureAdScimPatch2017',
    base: 'https://x.example/scim',
    mode: 'legacy',
    source: 'flag',
  },
  {
    url: 'https://x.example/scim?aadOptSCIM062020=true',
    base: 'https://x.example/scim',
    mode: 'compliant',
    source: 'flag',
  },
  {
    url: 'https://x.example/scim?aadOptscim062020',
    override: 'legacy',
    base: 'https://x.example/scim',
    mode: 'legacy',
    source: 'override',
  },
  {
    url: 'http://127.0.0.1:8080/scim/v2',
    base: 'http://127.0.0.1:8080/scim/v2',
    mode: 'legacy',
    source: 'default',
  },
];
for (const { url, override, base, mode, source } of CASES) {
  test(`tenant URL ${url}${override ? ` (override ${override})` : ''}`, () => {
    const tenant = parseTenantUrl(url, override);
    expect([tenant.baseUrl, tenant.mode, tenant.modeSource]).toEqual([base, mode, source]);
  });
}

const BAD: { url: string; message: RegExp; mustNotContain?: string }[] = [
  { url: 'not a url', message: /tenant-url/ },
  { url: 'ftp://x.example/scim', message: /http or https/ },
  {
    url: 'https://user:s3cret@x.example/scim',
    message: /must not contain credentials/,
    mustNotContain: 's3cret',
  },
  { url: 'https://x.example/scim?aadOptscim062020&AzureAdScimPatch2017', message: /both/ },
  { url: 'https://x.example/scim#frag', message: /fragment/ },
];
for (const { url, message, mustNotContain } of BAD) {
  test(`tenant URL rejected: ${message.source}`, () => {
    let thrown: unknown;
    try {
      parseTenantUrl(url);
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).toMatch(message);
    if (mustNotContain !== undefined) expect(String(thrown)).not.toContain(mustNotContain);
  });
}
