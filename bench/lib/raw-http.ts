/**
 * A minimal HTTP/1.1 client for the vote-path bench: requests are serialized once, before the
 * clock starts, and written straight to sockets. Node's own http client costs about half a
 * millisecond per request on a small machine, which would put a floor of ~100 ms under a burst
 * of 200 and measure the bench rather than the server.
 *
 * Two ways to connect, as the server sees traffic in production:
 *   - pooled: one persistent connection per simulated sender, opened before the round, as the
 *     TLS-terminating proxy in front of the app keeps them;
 *   - fresh: a new connection per request (Connection: close), connect time included.
 */
import net from 'node:net';

export interface RawResult {
  status: number;
  ms: number;
}

/** The bytes of one request; the body is sent as is. */
export function rawRequest(
  path: string,
  headers: Record<string, string>,
  body: string,
  opts: { close?: boolean } = {},
): Buffer {
  const head = [
    `POST ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...(opts.close ? ['Connection: close'] : []),
  ];
  for (const [k, v] of Object.entries(headers)) head.push(`${k}: ${v}`);
  return Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}`);
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s));
    s.setNoDelay(true);
    s.once('error', reject);
  });
}

export function openPool(port: number, n: number): Promise<net.Socket[]> {
  return Promise.all(Array.from({ length: n }, () => connect(port)));
}

/**
 * Replaces the connections the server closed meanwhile (node ends a keep-alive connection idle for
 * 5 s: on a slow machine a burst of 1,000 can take longer), so the next burst is not sent into them.
 */
export async function revivePool(port: number, sockets: net.Socket[]): Promise<void> {
  await Promise.all(
    sockets.map(async (s, i) => {
      if (s.destroyed || !s.writable || s.readableEnded) sockets[i] = await connect(port);
    }),
  );
}

export function closePool(sockets: net.Socket[]): void {
  for (const s of sockets) s.destroy();
}

/** Whether `text` holds one whole response (Content-Length or chunked); its status if so. */
function complete(text: string): number | undefined {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const head = text.slice(0, end).toLowerCase();
  const status = Number(head.slice(9, 12));
  const length = /\r\ncontent-length: *(\d+)/.exec(head);
  if (length) return text.length - end - 4 >= Number(length[1]) ? status : undefined;
  if (/\r\ntransfer-encoding: *chunked/.test(head)) return text.endsWith('0\r\n\r\n') ? status : undefined;
  return status;
}

/** Writes one request on a connection and resolves when its whole response has arrived. */
export function send(socket: net.Socket, bytes: Buffer, timeoutMs = 30_000): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let text = '';
    const done = (err?: Error, status?: number) => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
      if (err) reject(err);
      else resolve({ status: status!, ms: performance.now() - t0 });
    };
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const status = complete(text);
      if (status !== undefined) done(undefined, status);
    };
    const onError = (err: Error) => done(err);
    const onClose = () => done(new Error('connection closed before the response'));
    const timer = setTimeout(() => done(new Error('timeout')), timeoutMs);
    socket.on('data', onData);
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.write(bytes);
  });
}

/** Opens a connection, sends one request on it, closes it; the time includes connecting. */
export async function sendFresh(port: number, bytes: Buffer, timeoutMs = 30_000): Promise<RawResult> {
  const t0 = performance.now();
  const socket = await connect(port);
  try {
    const r = await send(socket, bytes, timeoutMs);
    return { status: r.status, ms: performance.now() - t0 };
  } finally {
    socket.destroy();
  }
}
