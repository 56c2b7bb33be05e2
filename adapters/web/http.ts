/** Small HTTP helpers of the web chat, and the guard that keeps it on this machine. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { localRequestRefusal } from '../shared/local-request.ts';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    .end(JSON.stringify(body));
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/**
 * Loopback only, unless WEBCHAT_HOST names another interface: refuses other machines, requests relayed
 * by a proxy or tunnel on this machine (it would make the internet look local), Host names other than
 * this server's loopback address and port (a proxy that rewrites Host; a page on another site that
 * rebinds its name to 127.0.0.1), and other sites' pages (Origin).
 */
export function localGuard(webchatHost: string): (req: IncomingMessage, res: ServerResponse) => boolean {
  if (!isLoopbackHost(webchatHost)) return () => true;
  return (req, res) => {
    if (!localRequestRefusal(req, { json: false, origin: 'same' })) return true;
    res
      .writeHead(403, { 'content-type': 'text/plain; charset=utf-8' })
      .end('Forbidden: the local web chat answers this machine only (set WEBCHAT_HOST to open it to others).');
    return false;
  };
}
