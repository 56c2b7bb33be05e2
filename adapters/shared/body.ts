/** Request bodies read with a size cap, so a hostile client cannot exhaust memory. Used by every adapter's routes. */
import type { IncomingMessage } from 'node:http';
import { bodyLimitOf } from '../../src/server.ts';

/**
 * The raw body (signatures are computed on the exact bytes), refused past `limit` bytes (by default the
 * route's limit, see src/server.ts) with an error carrying status 413. The rest of an oversized body is
 * drained, not left to stall the socket.
 */
export function readRawBody(req: IncomingMessage, limit = bodyLimitOf(req)): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(Object.assign(new Error('request body too large'), { status: 413 }));
      } else chunks.push(chunk);
    });
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** The body as UTF-8 text, with the same cap. */
export async function readBody(req: IncomingMessage, limit = bodyLimitOf(req)): Promise<string> {
  return (await readRawBody(req, limit)).toString('utf8');
}
