import { Agent, request } from 'node:http';
import { HarnessError } from '../src/errors/harness-error.js';

/** One answer and how long it took, from sending the request to the last byte of the body. */
export interface TimedResponse {
  status: number;
  body: string;
  ms: number;
}

export interface KeepAliveClientOptions {
  /** The SCIM base URL, e.g. `http://127.0.0.1:41234/api/v2/scim`. Only http: is spoken. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …`; never part of an error message. */
  token: string;
  /** A request that has not finished after this long fails with TARGET_TIMEOUT. */
  timeoutMs: number;
}

/**
 * A sequential GET client over one kept-alive connection (node:http, not fetch, so the client adds as little
 * as it can to what is measured). The clock stops when the body has arrived; parsing and checking come after.
 */
export class KeepAliveClient {
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 1 });
  readonly #base: URL;
  readonly #headers: Record<string, string>;
  readonly #timeoutMs: number;

  constructor(options: KeepAliveClientOptions) {
    const base = new URL(options.baseUrl);
    if (base.protocol !== 'http:') {
      throw new HarnessError(
        'CONFIG_INVALID',
        `The benchmark speaks http: only, got ${base.protocol}//${base.host}.`,
      );
    }
    this.#base = base;
    this.#headers = { accept: 'application/scim+json', authorization: `Bearer ${options.token}` };
    this.#timeoutMs = options.timeoutMs;
  }

  /** GETs `path` (below the base URL, with its query) and times it. */
  get(path: string): Promise<TimedResponse> {
    const url = new URL(`${this.#base.pathname.replace(/\/$/, '')}${path}`, this.#base.origin);
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const outgoing = request(
        url,
        { method: 'GET', agent: this.#agent, headers: this.#headers },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => {
            const ms = performance.now() - started;
            resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms });
          });
          incoming.on('error', (error) => reject(unreachable(url, error)));
        },
      );
      outgoing.setTimeout(this.#timeoutMs, () => {
        outgoing.destroy(
          new HarnessError(
            'TARGET_TIMEOUT',
            `GET ${url.pathname}${url.search} took over ${this.#timeoutMs} ms.`,
          ),
        );
      });
      outgoing.on('error', (error) =>
        reject(error instanceof HarnessError ? error : unreachable(url, error)),
      );
      outgoing.end();
    });
  }

  /** Closes the kept-alive connection so the process can exit. */
  close(): void {
    this.#agent.destroy();
  }
}

function unreachable(url: URL, error: Error): HarnessError {
  return new HarnessError('TARGET_UNREACHABLE', `GET ${url.pathname}${url.search} failed: ${error.message}`, {
    cause: error,
  });
}
