import { ScimError } from '../scim/errors/scim-error.js';
import { serveHandler } from './http/node-adapter.js';
import { payloadTooLarge } from './http/request-body.js';
import { errorResult, toResponse } from './http/scim-result.js';
import type { ReferenceServerOptions } from './options.js';
import { createReferenceHandler, type ReferenceHandler } from './reference-handler.js';
import { SCIM_BASE_PATH } from './routes/scim-router.js';

export interface RunningReferenceServer {
  /** The SCIM base URL, e.g. `http://127.0.0.1:41234/api/v2/scim` (no trailing slash). */
  baseUrl: string;
  /** e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** An application key owned by the built-in admin service account. */
  adminToken: string;
  /** The server's directory and credentials, for tests that need to look inside. */
  state: ReferenceHandler['state'];
  close(): Promise<void>;
}

/**
 * Starts the reference server on node:http (127.0.0.1 and an ephemeral port by default).
 * @see https://www.rfc-editor.org/rfc/rfc7644
 */
export async function startReferenceServer(
  options: ReferenceServerOptions = {},
): Promise<RunningReferenceServer> {
  const handler = createReferenceHandler(options);
  const { options: resolved, seams } = handler.state;
  const served = await serveHandler({
    host: resolved.host,
    port: resolved.port,
    maxBodyBytes: resolved.maxPayloadSize,
    handle: handler.handle,
    tooLarge: () => toResponse(errorResult(payloadTooLarge(resolved.maxPayloadSize), seams), seams),
    badRequest: () =>
      toResponse(
        errorResult(ScimError.invalidSyntax('The request target is not a valid URL path.'), seams),
        seams,
      ),
    logger: resolved.logger,
  });
  return {
    baseUrl: `${served.origin}${SCIM_BASE_PATH}`,
    origin: served.origin,
    adminToken: handler.adminToken,
    state: handler.state,
    close: served.close,
  };
}
