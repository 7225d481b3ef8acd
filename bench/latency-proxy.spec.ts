import { createServer } from 'node:http';
import { expect, test } from '@playwright/test';
import { startLatencyProxy } from './latency-proxy.js';

test('the proxy forwards method, path, query, headers and body unchanged, and counts what it forwarded', async () => {
  const seen: { method?: string; url?: string; auth?: string; body: string }[] = [];
  const target = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    seen.push({ method: request.method, url: request.url, auth: request.headers.authorization, body });
    response.writeHead(201, { 'content-type': 'application/scim+json', etag: 'W/"1"' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  const address = target.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const proxy = await startLatencyProxy(`http://127.0.0.1:${port}/scim/v2?aadOptscim062020`, 5);
  try {
    expect(proxy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/scim\/v2\?aadOptscim062020$/);
    expect(proxy.url).not.toContain(`:${port}/`);
    const answer = await fetch(`${new URL(proxy.url).origin}/scim/v2/Users?filter=x`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/scim+json' },
      body: '{"userName":"a"}',
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('etag')).toBe('W/"1"');
    expect(await answer.text()).toBe('{"ok":true}');
    expect(seen).toEqual([
      { method: 'POST', url: '/scim/v2/Users?filter=x', auth: 'Bearer t', body: '{"userName":"a"}' },
    ]);
    expect(proxy.forwarded).toBe(1);
  } finally {
    await proxy.close();
    await new Promise((resolve) => target.close(resolve));
  }
});
