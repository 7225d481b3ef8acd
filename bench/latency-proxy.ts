/**
 * A proxy on 127.0.0.1 that holds every request for a fixed delay before forwarding it, so a target on the same
 * machine answers like one a network round trip away (bench/remote-run.ts puts it in front of the reference server).
 * Bodies and headers pass unchanged, streamed; the connection to the target is kept alive, as a client's would be.
 */
import { Agent, createServer, request as httpRequest, type Server } from 'node:http';

export interface LatencyProxy {
  /** The proxied base URL: the target's path and query, on the proxy's origin. */
  url: string;
  /** Requests forwarded so far. */
  readonly forwarded: number;
  close(): Promise<void>;
}

/** Starts a proxy in front of `baseUrl` (http only) that adds `delayMs` before each request reaches it. */
export async function startLatencyProxy(baseUrl: string, delayMs: number): Promise<LatencyProxy> {
  const target = new URL(baseUrl);
  if (target.protocol !== 'http:')
    throw new Error(`latency proxy: only http targets, got ${target.protocol}`);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let forwarded = 0;
  const server: Server = createServer((incoming, outgoing) => {
    setTimeout(() => {
      forwarded += 1;
      const upstream = httpRequest(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: incoming.method,
          path: incoming.url,
          headers: { ...incoming.headers, host: target.host },
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      upstream.once('error', () => {
        if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
        outgoing.end('latency proxy: the target did not answer');
      });
      incoming.pipe(upstream);
    }, delayMs);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}${target.search}`,
    get forwarded() {
      return forwarded;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          agent.destroy();
          resolve();
        });
      }),
  };
}
