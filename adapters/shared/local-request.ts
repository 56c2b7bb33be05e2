/**
 * Requests that routes without platform authentication may serve (Teams local mode, the local web chat):
 * from a program on this machine, addressed to this server by its loopback name and port, not relayed.
 * Each check closes a way in: another machine (socket), a proxy or tunnel on this machine that says so
 * (forwarding headers), one that does not but rewrites Host, and a web page in a browser here (DNS
 * rebinding: Host; a cross-site POST: Origin and content type). A proxy that rewrites Host to exactly
 * the loopback address and port cannot be told apart: local modes must never sit behind one.
 */
import type { IncomingMessage } from 'node:http';

/** A peer address on the loopback interface (IPv4, IPv6, or IPv4-mapped). */
function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^127\./.test(address) || /^::ffff:127\./i.test(address);
}

/** A URL host name that designates this machine (as `URL.hostname` spells it: IPv6 in brackets). */
export function isLoopbackHostname(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Headers by which proxies, tunnels and CDNs say they relayed a request (any one refuses it). */
const RELAY_HEADER =
  /^(x-forwarded-.+|forwarded|via|x-real-ip|x-client-ip|true-client-ip|cf-connecting-ip|x-cluster-client-ip|fastly-client-ip|x-original-forwarded-for|x-envoy-external-address)$/;

/** The loopback names a local tool may use in Host, each with this server's port. */
function localHosts(port: number): Set<string> {
  const names = ['localhost', '127.0.0.1', '[::1]'];
  return new Set([...names.map((n) => `${n}:${port}`), ...(port === 80 ? names : [])]);
}

export interface LocalRequestRules {
  /** The body must be declared `application/json` (a cross-site `no-cors` POST can only send text/plain & co). */
  json: boolean;
  /**
   * Requests from web pages: 'none' refuses any Origin (local tools are not browsers); 'same' accepts the
   * server's own page (Origin equal to http://<Host>) and refuses others.
   */
  origin: 'none' | 'same';
}

/** Why this request is not from a local tool, or undefined when it is. */
export function localRequestRefusal(req: IncomingMessage, rules: LocalRequestRules): string | undefined {
  const address = req.socket.remoteAddress;
  if (!isLoopbackAddress(address)) return `it comes from another machine (${address ?? 'unknown address'})`;
  const relay = Object.keys(req.headers).find((h) => RELAY_HEADER.test(h));
  if (relay) return `it was relayed by a proxy (${relay} header)`;
  const host = String(req.headers.host ?? '').toLowerCase();
  if (!localHosts(req.socket.localPort ?? 0).has(host))
    return `its Host "${host.slice(0, 100)}" is not localhost, 127.0.0.1 or [::1] with this server's port ${req.socket.localPort}`;
  const origin = req.headers.origin;
  if (origin !== undefined && (rules.origin === 'none' || origin.toLowerCase() !== `http://${host}`))
    return `it was sent by a web page (Origin ${String(origin).slice(0, 100)})`;
  if (rules.json && !/^application\/json\s*(;|$)/i.test(String(req.headers['content-type'] ?? '')))
    return 'its content type is not application/json';
  return undefined;
}
