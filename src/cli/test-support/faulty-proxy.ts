import { createServer, type Server } from 'node:http';

/** A proxy on 127.0.0.1 in front of a SCIM base URL; `close` stops it. */
export interface FaultyProxy {
  /** The proxied SCIM base URL (same path as the target's). */
  url: string;
  close(): Promise<void>;
}

/**
 * A proxy in front of `baseUrl` that answers 503 (text/plain) wherever `fault(method, path)` says so, `path` being
 * the request path below the base URL with its query; everything else is forwarded unchanged.
 */
export async function startFaultyProxy(
  baseUrl: string,
  fault: (method: string, path: string) => boolean,
): Promise<FaultyProxy> {
  const target = new URL(baseUrl);
  const proxy: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = request.url ?? '/';
    if (fault(request.method ?? 'GET', url.slice(target.pathname.length))) {
      response.writeHead(503, { 'content-type': 'text/plain' }).end('unavailable');
      return;
    }
    const answer = await fetch(`${target.origin}${url}`, {
      method: request.method ?? 'GET',
      headers: request.headers as Record<string, string>,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    close: () => new Promise((resolve) => proxy.close(() => resolve())),
  };
}
