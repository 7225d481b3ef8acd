/**
 * A fault-injecting HTTP proxy for the broken-target self-test: it stands in front of a SCIM server and, for a
 * deterministic share of requests, answers with an infrastructure fault instead of forwarding: a reset connection, a
 * load balancer's HTML 503, a 500 whose body is not JSON, a 429 with `Retry-After` (the retry is then forwarded), or
 * no answer at all until the client gives up. A faulted request never reaches the server and a forwarded answer is
 * passed through untouched, so no SCIM answer is ever altered: any `failed` verdict behind this proxy is a false one.
 *
 * The decision is a hash of (seed, method, path with ids replaced, how many times that key was seen), so a run replays
 * the same assignment for the same order of requests.
 * @see https://www.rfc-editor.org/rfc/rfc7644#section-3.12 (what a SCIM error looks like, which these faults are not)
 * @see https://www.rfc-editor.org/rfc/rfc6585#section-4 (429 Too Many Requests and Retry-After)
 */
import { createHash } from 'node:crypto';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** The infrastructure faults the proxy injects. */
export const FAULT_KINDS = [
  'connection-reset',
  'html-503',
  'non-json-500',
  'retry-after-429',
  'stall',
  'scim-500',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** How much of a faulted request's body the proxy keeps in its log. */
export const RECORDED_BODY_BYTES = 64 * 1024;

/** What the proxy says in `Retry-After` (seconds) when it answers 429. */
export const RETRY_AFTER_SECONDS = 1;

/** One fault the proxy injected. */
export interface InjectedFault {
  kind: FaultKind;
  method: string;
  /** Path and query as the client sent them. */
  url: string;
  /** The hash key: method and path with ids replaced. */
  key: string;
  /** The request body as received (up to {@link RECORDED_BODY_BYTES}), to tell apart requests to the same URL. */
  body: string;
  /** Epoch milliseconds. */
  at: number;
}

/** A request answered 429 earlier and sent again by the client, forwarded this time. */
export interface HonouredRetry {
  method: string;
  url: string;
  /** Milliseconds between the 429 and the retry. */
  waitedMs: number;
  /** Method, URL, credentials and body, hashed: identical requests cannot be told apart on the wire. */
  identity: string;
}

export interface FaultProxyOptions {
  /** Origin of the server behind the proxy, e.g. `http://127.0.0.1:41234`. */
  upstream: string;
  /** One request in `rate` (on average) gets a fault. Default 8. */
  rate?: number;
  /** The faults to choose from. Default: all of {@link FAULT_KINDS}. */
  faults?: readonly FaultKind[];
  /** Mixed into the hash, so another seed gives another assignment. Default `''`. */
  seed?: string;
  /** How long a stalled request is held before its connection is dropped; longer than the client's timeout. */
  stallMs: number;
  /** Paths never faulted. Default: the discovery endpoints and the admin API ({@link isSparedPath}). */
  spared?: (path: string) => boolean;
}

export interface RunningFaultProxy {
  /** e.g. `http://127.0.0.1:41235`. */
  origin: string;
  /** Every fault injected so far, in order. */
  readonly faults: readonly InjectedFault[];
  /** Every retry that followed a 429, forwarded. */
  readonly retries: readonly HonouredRetry[];
  /** Requests forwarded to the server (retries included). */
  readonly forwarded: number;
  /**
   * How many requests had this identity. A retry is unambiguous when it is 2 (the throttled request and its retry);
   * more means an identical request from elsewhere may have been taken for the retry.
   */
  timesSeen(identity: string): number;
  close(): Promise<void>;
}

const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,}|\d+)$/i;

/**
 * The hash key of a request: its method and its path with the query dropped and every id-like segment (UUID, long
 * hex, number, or anything a run made up, which carries a digit and is long) replaced by `{id}`, so the same kind of
 * request gets the same key from run to run.
 */
export function faultKeyOf(method: string, url: string): string {
  const path = (url.split('?')[0] ?? '').split('#')[0] ?? '';
  const segments = path.split('/').map((segment) => {
    const decoded = safeDecode(segment);
    return ID_SEGMENT.test(decoded) || (decoded.length >= 12 && /\d/.test(decoded)) ? '{id}' : decoded;
  });
  return `${method.toUpperCase()} ${segments.join('/')}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const SPARED = /\/(?:ServiceProviderConfigs?|ResourceTypes|Schemas)(?:\/|$)|^\/admin(?:\/|$)/i;

/**
 * Discovery endpoints (the capabilities setup must read them) and the reference server's admin API (harness plumbing,
 * not the target under test) are never faulted.
 */
export function isSparedPath(path: string): boolean {
  return SPARED.test((path.split('?')[0] ?? '').replace(/\/+$/, ''));
}

/**
 * The fault for the `count`-th request (0-based) with this key, or `undefined` to forward it. Pure: the same
 * arguments always give the same answer.
 */
export function decideFault(
  key: string,
  count: number,
  options: { rate: number; faults: readonly FaultKind[]; seed: string },
): FaultKind | undefined {
  if (options.faults.length === 0 || options.rate < 1) return undefined;
  const digest = createHash('sha256').update(`${options.seed}\n${key}\n${count}`).digest();
  if (digest.readUInt32BE(0) % Math.round(options.rate) !== 0) return undefined;
  return options.faults[digest.readUInt32BE(4) % options.faults.length];
}

const LOAD_BALANCER_PAGE =
  '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n' +
  '<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n</html>\r\n';

/**
 * A passing server error in the SCIM shape, never reaching the server. Injected into GET, PUT and DELETE only: those
 * the harness sends again; a 500 to a deliberately invalid POST or PATCH is, by the rule, a failure, so injecting one
 * there would make a false verdict on purpose.
 */
const SCIM_500 = JSON.stringify({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
  status: '500',
  detail: 'An internal error occurred.',
});
const SCIM_500_METHODS: ReadonlySet<string> = new Set(['GET', 'PUT', 'DELETE']);

/** An Envoy-style upstream failure, mislabelled as JSON: the body does not parse. */
const NON_JSON_500 = 'upstream connect error or disconnect/reset before headers. reset reason: overflow';

/** Headers that belong to one hop and are not forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

function forwardableHeaders(headers: IncomingMessage['headers']): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  }
  return out;
}

function checkedOptions(options: FaultProxyOptions): Required<FaultProxyOptions> {
  const upstream = new URL(options.upstream);
  if (upstream.protocol !== 'http:')
    throw new Error(`fault proxy: upstream must be http:, got ${upstream.protocol}`);
  const rate = options.rate ?? 8;
  if (!Number.isInteger(rate) || rate < 1)
    throw new Error(`fault proxy: rate must be an integer >= 1, got ${rate}`);
  if (!Number.isFinite(options.stallMs) || options.stallMs <= 0) {
    throw new Error(`fault proxy: stallMs must be a positive number, got ${options.stallMs}`);
  }
  for (const fault of options.faults ?? []) {
    if (!(FAULT_KINDS as readonly string[]).includes(fault))
      throw new Error(`fault proxy: unknown fault ${fault}`);
  }
  return {
    upstream: upstream.origin,
    rate,
    faults: options.faults ?? FAULT_KINDS,
    seed: options.seed ?? '',
    stallMs: options.stallMs,
    spared: options.spared ?? isSparedPath,
  };
}

/** Starts the proxy on 127.0.0.1 and an ephemeral port. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<RunningFaultProxy> {
  const settings = checkedOptions(options);
  const upstream = new URL(settings.upstream);
  const faults: InjectedFault[] = [];
  const retries: HonouredRetry[] = [];
  const seen = new Map<string, number>();
  /** Requests answered 429 (by {@link retryIdentity}), with when: their next attempt is forwarded whatever the hash says. */
  const owed = new Map<string, number>();
  const identities = new Map<string, number>();
  const sockets = new Set<Socket>();
  const stalls = new Set<NodeJS.Timeout>();
  let forwarded = 0;

  const forward = (incoming: IncomingMessage, outgoing: ServerResponse, body: Buffer) => {
    forwarded += 1;
    const upstreamRequest = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: forwardableHeaders(incoming.headers),
      },
      (answer) => {
        const headers = forwardableHeaders(answer.headers);
        outgoing.writeHead(answer.statusCode ?? 502, answer.statusMessage, headers);
        answer.pipe(outgoing);
        answer.once('error', () => outgoing.destroy());
      },
    );
    // The server behind the proxy failing is not a fault the proxy chose: the client sees the connection drop.
    upstreamRequest.once('error', () => outgoing.destroy());
    upstreamRequest.end(body);
  };

  const inject = (kind: FaultKind, incoming: IncomingMessage, outgoing: ServerResponse) => {
    switch (kind) {
      case 'connection-reset':
        incoming.socket.resetAndDestroy();
        return;
      case 'html-503':
        outgoing.writeHead(503, { 'content-type': 'text/html', connection: 'close' });
        outgoing.end(LOAD_BALANCER_PAGE);
        return;
      case 'non-json-500':
        outgoing.writeHead(500, { 'content-type': 'application/json', connection: 'close' });
        outgoing.end(NON_JSON_500);
        return;
      case 'scim-500':
        outgoing.writeHead(500, { 'content-type': 'application/scim+json', connection: 'close' });
        outgoing.end(SCIM_500);
        return;
      case 'retry-after-429':
        outgoing.writeHead(429, { 'content-type': 'text/plain', 'retry-after': String(RETRY_AFTER_SECONDS) });
        outgoing.end('Too Many Requests');
        return;
      case 'stall': {
        // Held without a byte until the client gives up; dropped after stallMs in case it never does.
        const timer = setTimeout(() => {
          stalls.delete(timer);
          incoming.socket.destroy();
        }, settings.stallMs);
        stalls.add(timer);
        incoming.socket.once('close', () => {
          clearTimeout(timer);
          stalls.delete(timer);
        });
        return;
      }
      default: {
        const unknown: never = kind;
        throw new Error(`fault proxy: unknown fault ${String(unknown)}`);
      }
    }
  };

  /**
   * What tells a retry from another request to the same URL: the method, URL, credentials and body. Two checks may
   * POST /Users at the same moment; only the throttled one's retry is owed a pass.
   */
  const retryIdentity = (incoming: IncomingMessage, body: Buffer) =>
    createHash('sha256')
      .update(`${incoming.method} ${incoming.url}\n${incoming.headers.authorization ?? ''}\n`)
      .update(body)
      .digest('hex');

  const server = createServer((incoming, outgoing) => {
    // The whole request is read before anything is decided: a retry is recognised by its body, a fault answer is not
    // lost to a client still writing, and the log can tell apart two requests to the same URL.
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.once('error', () => outgoing.destroy());
    incoming.once('end', () => handle(incoming, outgoing, Buffer.concat(chunks)));
  });

  const handle = (incoming: IncomingMessage, outgoing: ServerResponse, body: Buffer) => {
    const method = incoming.method ?? 'GET';
    const url = incoming.url ?? '/';
    const identity = retryIdentity(incoming, body);
    identities.set(identity, (identities.get(identity) ?? 0) + 1);
    const retryOf = owed.get(identity);
    if (retryOf !== undefined) {
      owed.delete(identity);
      retries.push({ method, url, waitedMs: Date.now() - retryOf, identity });
      forward(incoming, outgoing, body);
      return;
    }
    const key = faultKeyOf(method, url);
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    const decided = settings.spared(url) ? undefined : decideFault(key, count, settings);
    const kind = decided === 'scim-500' && !SCIM_500_METHODS.has(method.toUpperCase()) ? undefined : decided;
    if (kind === undefined) {
      forward(incoming, outgoing, body);
      return;
    }
    const recorded = body.subarray(0, RECORDED_BODY_BYTES).toString('utf8');
    faults.push({ kind, method, url, key, body: recorded, at: Date.now() });
    if (kind === 'retry-after-429') owed.set(identity, Date.now());
    inject(kind, incoming, outgoing);
  };
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${address.port}`,
    faults,
    retries,
    get forwarded() {
      return forwarded;
    },
    timesSeen: (identity) => identities.get(identity) ?? 0,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of stalls) clearTimeout(timer);
        stalls.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}
