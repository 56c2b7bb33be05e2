/**
 * The shared server's own limits, over real sockets: per-route body limits refused from the
 * Content-Length, a cap on requests still being received (503 beyond it, /healthz still answering),
 * and node's headers and request timeouts set.
 */
import net from 'node:net';
import { statusOf } from './support/status.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { readBody } from '../../adapters/shared/body.ts';
import { createHttpServer, DEFAULT_LIMITS, type HttpServer } from '../../src/server.ts';

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Writes a request head (and part of a body), keeps the connection open; resolves with the answer's status. */
function partial(port: number, path: string, length: number, sent = 0) {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => {});
  socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${length}\r\n\r\n${'a'.repeat(sent)}`);
  const status = statusOf(socket);
  return { socket, status };
}

async function start(overrides = {}) {
  const calls: string[] = [];
  server = createHttpServer(() => {}, overrides);
  server.route('GET', '/healthz', (_req, res) => void res.end('ok'), { uncapped: true });
  server.route(
    'POST',
    '/small',
    async (req, res) => {
      calls.push('small');
      res.end(String((await readBody(req)).length));
    },
    { bodyLimit: 1000 },
  );
  const port = await server.listen(0, '127.0.0.1');
  return { port, url: `http://127.0.0.1:${port}`, calls };
}

describe('the shared HTTP server', () => {
  it('refuses a body over the route’s limit from its Content-Length, before the handler runs', async () => {
    const { port, url, calls } = await start();
    const { status, socket } = partial(port, '/small', 5000, 10);
    expect(await status).toBe(413);
    socket.destroy();
    expect(calls).toEqual([]);
    const ok = await fetch(`${url}/small`, { method: 'POST', body: 'x'.repeat(1000) });
    expect(await ok.text()).toBe('1000');
  });

  it('refuses a chunked body that grows past the route’s limit', async () => {
    const { url } = await start();
    const body = new ReadableStream({
      start(c) {
        for (let i = 0; i < 5; i++) c.enqueue(new TextEncoder().encode('y'.repeat(400)));
        c.close();
      },
    });
    const res = await fetch(`${url}/small`, { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('answers 503 beyond the cap of requests being received, keeps /healthz answering, and recovers', async () => {
    const { port, url } = await start({ maxUnfinished: 3 });
    const held = [0, 1, 2].map(() => partial(port, '/small', 1000, 10));
    // Each held request is in once the server counts it.
    await expect.poll(() => server!.unfinished).toBe(3);
    const over = partial(port, '/small', 1000, 10);
    expect(await over.status).toBe(503);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    for (const h of held) h.socket.destroy();
    await expect.poll(() => server!.unfinished).toBe(0);
    expect((await fetch(`${url}/small`, { method: 'POST', body: 'z' })).status).toBe(200);
  });

  it('shares one byte budget between the bodies being received', async () => {
    const { port } = await start({ bodyBudget: 2500 });
    const held = [partial(port, '/small', 1000, 10), partial(port, '/small', 1000, 10)];
    await expect.poll(() => server!.unfinished).toBe(2);
    const over = partial(port, '/small', 1000, 10);
    expect(await over.status).toBe(503);
    for (const h of [...held, over]) h.socket.destroy();
  });

  it('sets node’s headers and request timeouts, so slow senders are cut off', async () => {
    await start();
    expect(server!.server.headersTimeout).toBe(DEFAULT_LIMITS.headersTimeoutMs);
    expect(server!.server.requestTimeout).toBe(DEFAULT_LIMITS.requestTimeoutMs);
    expect(DEFAULT_LIMITS.requestTimeoutMs).toBeLessThanOrEqual(30_000);
  });

  it('cuts off a request whose body stops arriving, once the request timeout passes', async () => {
    const { port } = await start({ requestTimeoutMs: 300, headersTimeoutMs: 200 });
    const slow = partial(port, '/small', 1000, 10);
    // node answers 408 and closes the connection: the held slot is free again.
    expect([408, 0]).toContain(await slow.status);
    await expect.poll(() => server!.unfinished).toBe(0);
  });
});
