import { type BodyRead, readBodyWithLimit } from './body-reader.js';
import { classifyNetworkError, describeFault, type NetworkFault } from './network-fault.js';

/**
 * One request on the wire: fetch with manual redirects, a timer covering connect, headers and body, and a
 * bounded body read. Never throws: a transport failure comes back as a {@link NetworkFault}.
 */

export interface AttemptInput {
  fetch: typeof fetch;
  url: string;
  /** The URL as it may be shown (redacted). */
  shownUrl: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  timeoutMs: number;
  maxBodyBytes: number;
  signal: AbortSignal | undefined;
}

/** A response whose body was read (up to the limit). */
export interface AttemptResponse {
  kind: 'response';
  status: number;
  statusText: string;
  headers: Headers;
  body: BodyRead;
}

/** No response: the transport failed, timed out or was aborted. */
export interface AttemptFault {
  kind: 'fault';
  fault: NetworkFault;
}

/** What one attempt produced. */
export type AttemptResult = AttemptResponse | AttemptFault;

const TIMED_OUT = Symbol('timed out');
const CALLER_ABORTED = Symbol('aborted by caller');

/** Sends one request; see the module comment. */
export async function sendAttempt(input: AttemptInput): Promise<AttemptResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(TIMED_OUT), input.timeoutMs);
  const onCallerAbort = () => controller.abort(CALLER_ABORTED);
  if (input.signal?.aborted) controller.abort(CALLER_ABORTED);
  else input.signal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const init: RequestInit = {
      method: input.method,
      headers: input.headers,
      redirect: 'manual',
      signal: controller.signal,
    };
    if (input.body !== undefined) init.body = input.body;
    const fetchImpl = input.fetch;
    const response = await fetchImpl(input.url, init);
    const body = await readBodyWithLimit(response.body, input.maxBodyBytes);
    return {
      kind: 'response',
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      body,
    };
  } catch (error) {
    return { kind: 'fault', fault: faultOf(error, controller.signal, input) };
  } finally {
    clearTimeout(timer);
    input.signal?.removeEventListener('abort', onCallerAbort);
  }
}

function faultOf(error: unknown, signal: AbortSignal, input: AttemptInput): NetworkFault {
  if (signal.aborted && signal.reason === TIMED_OUT) {
    return describeFault('timeout', input.shownUrl, `no complete response within ${input.timeoutMs} ms`);
  }
  if (signal.aborted && signal.reason === CALLER_ABORTED) {
    return describeFault('aborted', input.shownUrl, 'the caller aborted the request');
  }
  return classifyNetworkError(error, input.shownUrl);
}
