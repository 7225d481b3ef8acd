import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

export interface NodeAdapterOptions {
  host: string;
  port: number;
  /** Bodies above this many bytes are refused with `tooLarge()` while streaming, never buffered whole. */
  maxBodyBytes: number;
  handle(request: Request): Promise<Response>;
  tooLarge(): Response;
  /** Answers a request line node can parse but `URL` cannot (e.g. `GET *`). */
  badRequest(): Response;
  logger: Logger;
}

export interface ServedHandler {
  origin: string;
  close(): Promise<void>;
}

function toHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headersDistinct)) {
    for (const item of value ?? []) headers.append(name, item);
  }
  return headers;
}

async function send(target: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  if (body.byteLength > 0) headers['content-length'] = String(body.byteLength);
  target.writeHead(response.status, headers);
  target.end(body);
}

/** How much of an oversized body is read and thrown away before the connection is cut instead. */
const DRAIN_FACTOR = 64;

/**
 * Collects a request body up to `limit` bytes. Past the limit nothing more is kept, but the rest is
 * still read (up to DRAIN_FACTOR × limit) before the promise settles with `undefined`: answering 413
 * and closing while the client is still writing makes the client fail with EPIPE/ECONNRESET before it
 * ever reads the 413 (the "lingering close" problem), which would turn a clean refusal into a
 * transport error. Bodies beyond the drain bound are cut off.
 */
function collect(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      total += chunk.byteLength;
      if (over) {
        if (total > limit * DRAIN_FACTOR) {
          request.destroy();
          resolve(undefined);
        }
        return;
      }
      if (total > limit) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(over ? undefined : Buffer.concat(chunks)));
    request.on('error', (error) => (over ? resolve(undefined) : reject(error)));
  });
}

/**
 * Serves a fetch-style handler over node:http: the thin adapter between IncomingMessage/ServerResponse
 * and Request/Response. Everything SCIM lives in the handler; the adapter only bounds the body size.
 */
export async function serveHandler(options: NodeAdapterOptions): Promise<ServedHandler> {
  let origin = '';
  const server = createServer((incoming, outgoing) => {
    const bridge = async (): Promise<void> => {
      const announced = Number(incoming.headers['content-length'] ?? Number.NaN);
      const body =
        Number.isFinite(announced) && announced > options.maxBodyBytes * DRAIN_FACTOR
          ? undefined
          : await collect(incoming, options.maxBodyBytes);
      if (body === undefined) {
        incoming.resume();
        outgoing.setHeader('connection', 'close');
        await send(outgoing, options.tooLarge());
        return;
      }
      let url: URL;
      try {
        url = new URL(`${origin}${incoming.url ?? '/'}`);
      } catch {
        await send(outgoing, options.badRequest());
        return;
      }
      const method = incoming.method ?? 'GET';
      const request = new Request(url, {
        method,
        headers: toHeaders(incoming),
        body: method === 'GET' || method === 'HEAD' || body.byteLength === 0 ? null : new Uint8Array(body),
      });
      await send(outgoing, await options.handle(request));
    };
    bridge().catch((error: unknown) => {
      options.logger.error({ err: error }, 'reference server: the HTTP adapter failed');
      if (!outgoing.headersSent) outgoing.writeHead(500);
      outgoing.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${host}:${address.port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
