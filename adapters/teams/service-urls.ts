/**
 * Where the bot may send its replies. An activity names its `serviceUrl` and the bot answers there with its
 * credentials and the message (a CSV export, say): only Microsoft's channel services may be named.
 * The Bot Framework token already vouches for the URL (the SDK compares it with the token's claim);
 * this list is a second, independent check that also covers emulator tokens and stored references.
 */
import { isLoopbackHostname } from '../shared/local-request.ts';

/**
 * Microsoft's Bot Connector services: Teams in the public cloud (regional paths such as /emea/, /amer/,
 * /teams/), GCC, GCC High and DoD, and the Bot Framework channels (Direct Line, Web Chat, Emulator tunnels).
 */
export const DEFAULT_SERVICE_URLS = [
  'https://smba.trafficmanager.net/',
  'https://smba.infra.gcc.teams.microsoft.com/',
  'https://smba.infra.gov.teams.microsoft.us/',
  'https://smba.infra.dod.teams.microsoft.us/',
  'https://*.botframework.com/',
];

export interface ServiceUrlPattern {
  protocol: 'https:' | 'http:';
  /** A host name, or `*.` and a suffix that matches one or more labels. */
  host: string;
  /** '' for the scheme's default port. */
  port: string;
  /** Path prefix, ending with `/`. */
  path: string;
}

/** Parses one `TEAMS_SERVICE_URLS` entry, or says what is wrong with it. */
export function parseServiceUrlPattern(text: string): ServiceUrlPattern | string {
  const wildcard = /^https?:\/\/\*\./i.test(text);
  let url: URL;
  try {
    url = new URL(wildcard ? text.replace('*.', 'wildcard.') : text);
  } catch {
    return `"${text}" is not a URL (expected e.g. https://smba.trafficmanager.net/)`;
  }
  if (url.username || url.password || url.search || url.hash)
    return `"${text}" must be a plain URL prefix, without credentials, query or fragment`;
  const loopback = isLoopbackHostname(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    return `"${text}" must use https (http is accepted for this machine only)`;
  const host = wildcard ? `*.${url.hostname.slice('wildcard.'.length)}` : url.hostname;
  if (wildcard && !host.slice(2).includes('.'))
    return `"${text}": a wildcard must cover a domain, e.g. *.botframework.com`;
  return {
    protocol: url.protocol as ServiceUrlPattern['protocol'],
    host,
    port: url.port,
    path: url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`,
  };
}

function hostMatches(pattern: string, hostname: string): boolean {
  if (!pattern.startsWith('*.')) return hostname === pattern;
  const suffix = pattern.slice(1);
  return hostname.length > suffix.length && hostname.endsWith(suffix);
}

function parsed(serviceUrl: string): URL | undefined {
  try {
    const url = new URL(serviceUrl);
    return url.username || url.password ? undefined : url;
  } catch {
    return undefined;
  }
}

/** The service URL matches one of the patterns (scheme, host, port and path prefix). */
export function serviceUrlAllowed(serviceUrl: string, patterns: ServiceUrlPattern[]): boolean {
  const url = parsed(serviceUrl);
  if (!url) return false;
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return patterns.some(
    (p) =>
      url.protocol === p.protocol &&
      hostMatches(p.host, url.hostname) &&
      url.port === p.port &&
      path.startsWith(p.path),
  );
}

/** Local mode answers local tools only: a service URL on this machine. */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  const url = parsed(serviceUrl);
  return Boolean(url && (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHostname(url.hostname));
}
