import { expect, test } from '@playwright/test';
import { readBodyWithLimit } from './body-reader.js';

function streamOf(chunks: number[]): { stream: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let cancelled = false;
  let index = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const size = chunks[index++];
      if (size === undefined) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(65));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled };
}

const CASES = [
  {
    name: 'under the limit',
    chunks: [3, 3],
    limit: 10,
    kept: 6,
    received: 6,
    overLimit: false,
    cancelled: false,
  },
  {
    name: 'exactly the limit',
    chunks: [5, 5],
    limit: 10,
    kept: 10,
    received: 10,
    overLimit: false,
    cancelled: false,
  },
  {
    name: 'crossing the limit',
    chunks: [6, 6, 6, 6],
    limit: 10,
    kept: 10,
    received: 12,
    overLimit: true,
    cancelled: true,
  },
  {
    name: 'one huge chunk',
    chunks: [1000],
    limit: 10,
    kept: 10,
    received: 1000,
    overLimit: true,
    cancelled: true,
  },
] as const;

for (const row of CASES) {
  test(`reads a body ${row.name}`, async () => {
    const { stream, cancelled } = streamOf([...row.chunks]);
    const read = await readBodyWithLimit(stream, row.limit);
    expect(read.bytes.byteLength).toBe(row.kept);
    expect(read.receivedBytes).toBe(row.received);
    expect(read.overLimit).toBe(row.overLimit);
    expect(cancelled()).toBe(row.cancelled);
  });
}

test('a null body is empty', async () => {
  expect(await readBodyWithLimit(null, 10)).toEqual({
    bytes: new Uint8Array(0),
    receivedBytes: 0,
    overLimit: false,
  });
});
