/**
 * Reads a response body chunk by chunk and stops at a byte limit, so a target that streams without end (or
 * sends a gigabyte) costs at most `maxBytes` of memory. The stream is cancelled when the limit is passed,
 * which closes the connection.
 */

export interface BodyRead {
  bytes: Uint8Array;
  /** Bytes received, including the chunk that crossed the limit. */
  receivedBytes: number;
  /** True when reading stopped at the limit; `bytes` then holds only the first `maxBytes`. */
  overLimit: boolean;
}

/** Reads `body` up to `maxBytes`; past that, cancels the stream and flags `overLimit`. */
export async function readBodyWithLimit(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<BodyRead> {
  if (body === null) return { bytes: new Uint8Array(0), receivedBytes: 0, overLimit: false };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let kept = 0;
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      const room = maxBytes - kept;
      if (value.byteLength > room) {
        if (room > 0) chunks.push(value.subarray(0, room));
        kept += Math.max(room, 0);
        await reader.cancel('response body over the size limit').catch(() => undefined);
        return { bytes: concat(chunks, kept), receivedBytes: received, overLimit: true };
      }
      chunks.push(value);
      kept += value.byteLength;
    }
  } finally {
    reader.releaseLock();
  }
  return { bytes: concat(chunks, kept), receivedBytes: received, overLimit: false };
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
