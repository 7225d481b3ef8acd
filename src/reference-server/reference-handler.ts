import { ScimError } from '../scim/errors/scim-error.js';
import { authenticate, bearerToken, unauthorizedResult } from './credentials/authenticate.js';
import type { PrincipalRef } from './credentials/credential-store.js';
import { checkContentType, parseJsonText, readBodyText } from './http/request-body.js';
import { errorResult, type ScimResult, toResponse } from './http/scim-result.js';
import { type ReferenceServerOptions, resolveReferenceOptions } from './options.js';
import { ASYNC_RESULTS_ENDPOINT, AsyncResults, prefersAsync } from './protocol/async-requests.js';
import { RateLimiter, rateLimitedResult } from './protocol/rate-limit.js';
import { createReferenceState, type ReferenceState } from './reference-state.js';
import { ADMIN_BASE_PATH, adminRoute } from './routes/admin-api.js';
import { dispatchScim, pathSegments, SCIM_BASE_PATH } from './routes/scim-router.js';
import { seedDirectory } from './seed/seed-directory.js';

/** A fetch-style reference server: for msw in-process use, and behind the node:http adapter. */
export interface ReferenceHandler {
  handle(request: Request): Promise<Response>;
  /** A key of the built-in admin service account. */
  adminToken: string;
  /** The server's directory and credentials, for tests that need to look inside. */
  state: ReferenceState;
}

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

function under(path: string, base: string): string | undefined {
  if (path === base) return '';
  return path.startsWith(`${base}/`) ? path.slice(base.length) : undefined;
}

async function readJsonBody(request: Request, state: ReferenceState): Promise<unknown> {
  const text = await readBodyText(request, state.options.maxPayloadSize);
  if (!METHODS_WITH_BODY.has(request.method)) return undefined;
  if (text === undefined || text.trim() === '')
    throw ScimError.invalidSyntax(`A ${request.method} request needs a JSON body.`);
  checkContentType(request.headers.get('content-type'));
  return parseJsonText(text);
}

/** What one handler keeps beside the state: its rate limiter (when started with one) and async completions. */
interface HandlerExtras {
  limiter: RateLimiter | undefined;
  asyncResults: AsyncResults;
}

const ownerOf = (principal: PrincipalRef) => `${principal.kind}:${principal.id}`;

/**
 * `GET /AsyncResults/{txn}`: the completion event of an RFC 9967 asynchronous request, for the credential owner that
 * sent it (§5: the endpoint is protected); a request served without credentials reads any.
 */
function asyncResultRoute(
  extras: HandlerExtras,
  method: string,
  txn: string | undefined,
  principal: PrincipalRef | undefined,
): ScimResult {
  if (method !== 'GET') throw new ScimError(405, undefined, `${method} is not supported on this endpoint.`);
  const event =
    txn === undefined
      ? undefined
      : extras.asyncResults.read(txn, principal === undefined ? undefined : ownerOf(principal));
  if (event === undefined) throw ScimError.notFound('No such asynchronous request.');
  return { status: 200, body: event };
}

async function handleScim(
  state: ReferenceState,
  extras: HandlerExtras,
  request: Request,
  url: URL,
  rest: string,
): Promise<ScimResult> {
  const asyncResult = rest.match(new RegExp(`^/${ASYNC_RESULTS_ENDPOINT}(?:/([^/]+))?/?$`, 'i'));
  const { seams } = state;
  const header = request.headers.get('authorization');
  const auth = seams.access(authenticate(header, state.credentials), {
    endpoint: rest.split('/')[1] ?? '',
    token: bearerToken(header),
    credentials: state.credentials,
    admin: { kind: 'serviceAccount', id: state.admin.id },
  });
  if (!auth.ok) return unauthorizedResult(auth.failure, seams, header);
  const principal: PrincipalRef | undefined = auth.principal ?? auth.key?.owner;
  const actor = auth.key?.id ?? 'anonymous';
  if (auth.key !== undefined) {
    // IPSIE AL SCIM profile draft 00 §4.3: rate limits on every SCIM endpoint, per credential.
    const wait = extras.limiter?.take(auth.key.id);
    if (wait !== undefined) return rateLimitedResult(wait, seams);
  }
  if (asyncResult && state.features.asyncRequest) {
    return asyncResultRoute(extras, request.method, asyncResult[1], principal);
  }
  const segments = pathSegments(rest);
  const incoming = seams.request(
    {
      method: request.method,
      params: url.searchParams,
      contentType: request.headers.get('content-type'),
      ifNoneMatch: request.headers.get('if-none-match'),
    },
    { url },
  );
  const body = await readJsonBody(request, state).catch((error: unknown) => {
    const malformed = error instanceof ScimError && error.scimType === 'invalidSyntax';
    throw (malformed && seams.refuse(error, { rule: 'body-syntax' })) || error;
  });
  const baseUrl = `${url.origin}${SCIM_BASE_PATH}`;
  const result = await dispatchScim(state, {
    method: request.method,
    segments,
    params: incoming.params,
    body,
    ifMatch: request.headers.get('if-match'),
    ifNoneMatch: incoming.ifNoneMatch,
    principal,
    actor,
    baseUrl,
    inBulk: false,
  });
  // RFC 9967 §2.5.1.1: a write that asked for asynchronous processing is answered 202 and its completion kept.
  if (
    state.features.asyncRequest &&
    principal !== undefined &&
    prefersAsync(request.method, request.headers.get('prefer'))
  ) {
    return extras.asyncResults.accept(
      {
        method: request.method,
        path: rest,
        owner: ownerOf(principal),
        baseUrl,
        accept: request.headers.get('accept'),
      },
      result,
      state.seams,
    );
  }
  return result;
}

async function route(state: ReferenceState, extras: HandlerExtras, request: Request): Promise<ScimResult> {
  const url = new URL(request.url);
  const scimPath = under(url.pathname, SCIM_BASE_PATH);
  if (scimPath !== undefined) return handleScim(state, extras, request, url, scimPath);
  const adminPath = state.options.adminApi ? under(url.pathname, ADMIN_BASE_PATH) : undefined;
  if (adminPath !== undefined) {
    const body = await readJsonBody(request, state);
    return adminRoute(state, request, adminPath, body);
  }
  throw ScimError.notFound(`Nothing is served at this path; the SCIM base is ${SCIM_BASE_PATH}.`);
}

/**
 * Builds the reference server as a fetch-style handler (Request → Response). Every answer is a SCIM
 * message; a protocol error is a SCIM error; anything else that escapes is a bug of the server, answered
 * 500 and logged (the tests assert it never happens). Nothing secret is logged: no header, no body.
 * @see https://www.rfc-editor.org/rfc/rfc7644
 */
export function createReferenceHandler(options: ReferenceServerOptions = {}): ReferenceHandler {
  const resolved = resolveReferenceOptions(options);
  const { state, adminToken } = createReferenceState(resolved);
  const ready = resolved.seed ? seedDirectory(state, resolved.seed) : Promise.resolve();
  const extras: HandlerExtras = {
    limiter: options.rateLimit ? new RateLimiter(options.rateLimit) : undefined,
    asyncResults: new AsyncResults(),
  };
  const handle = async (request: Request): Promise<Response> => {
    let result: ScimResult;
    try {
      await ready;
      result = await route(state, extras, request);
    } catch (error) {
      if (error instanceof ScimError) {
        result = errorResult(error, state.seams);
      } else {
        state.logger.error(
          { err: error, method: request.method },
          'reference server: unexpected error (a bug)',
        );
        result = errorResult(new ScimError(500, undefined, 'Internal server error.'), state.seams);
      }
    }
    state.logger.debug(
      { method: request.method, path: new URL(request.url).pathname, status: result.status },
      'request',
    );
    return toResponse(result, state.seams);
  };
  return { handle, adminToken, state };
}
