/** Small HTTP helpers of the web chat, and the guard that keeps it on this machine. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLoopback, isLoopbackHost } from '../shared/loopback.ts';

export { isLoopbackHost };

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    .end(JSON.stringify(body));
}

const LOCAL_NAMES = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d+)?$/i;

/**
 * Loopback only, unless WEBCHAT_HOST names another interface: refuses other machines, requests
 * relayed by a local proxy (a tunnel would make the internet look local), and Host names other
 * than localhost (a web page on another site that rebinds its name to 127.0.0.1).
 */
export function localGuard(webchatHost: string): (req: IncomingMessage, res: ServerResponse) => boolean {
  if (!isLoopbackHost(webchatHost)) return () => true;
  return (req, res) => {
    const forwarded = req.headers['x-forwarded-for'] ?? req.headers.forwarded;
    if (isLoopback(req.socket.remoteAddress) && !forwarded && LOCAL_NAMES.test(String(req.headers.host ?? '')))
      return true;
    res
      .writeHead(403, { 'content-type': 'text/plain; charset=utf-8' })
      .end('Forbidden: the local web chat answers this machine only (set WEBCHAT_HOST to open it to others).');
    return false;
  };
}
