/**
 * A local Slack Web API stand-in for benches and drills (loopback only). The server's
 * SLACK_API_URL points here, and the simulated interactions carry response_urls that point
 * here, so everything the bot says to Slack is recorded with its arrival time. It can answer
 * chosen calls with HTTP 429 + Retry-After, like Slack's rate limiter.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

export interface Call {
  method: string;
  /** Path for response_url posts: `/response/<user>/<n>`. */
  path: string;
  body: Record<string, unknown>;
  /** performance.now() at arrival. */
  at: number;
  /** Answered with 429 (so not performed). */
  limited: boolean;
}

export interface Recorder {
  readonly apiUrl: string;
  /** The recorder's base URL (also used as a Bot Framework serviceUrl). */
  readonly base: string;
  /** A response_url whose posts are recorded under `key`. */
  responseUrl(key: string): string;
  readonly calls: Call[];
  /** Successful (not rate-limited) calls of a method. */
  done(method: string): Call[];
  /** Called on every recorded call (after recording). */
  onCall?: (call: Call) => void;
  /** Decides per call whether to answer 429; return Retry-After seconds, or 0 for no. */
  limiter?: (method: string, n: number) => number;
  readonly limitedCount: number;
  close(): Promise<void>;
}

function decode(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string' && /^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        /* plain text */
      }
    }
    out[k] = v;
  }
  return out;
}

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  try {
    if (type?.includes('json')) return JSON.parse(raw) as Record<string, unknown>;
    if (type?.includes('x-www-form-urlencoded')) return decode(parseQuery(raw) as Record<string, unknown>);
  } catch {
    /* recorded raw */
  }
  return { raw };
}

export async function startRecorder(): Promise<Recorder> {
  const calls: Call[] = [];
  const perMethod = new Map<string, number>();
  let ts = 1_700_000_000;
  let limited = 0;
  let base = '';

  function answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://consult-bench.slack.com/', team: 'Bench', user: 'consult', team_id: 'TBENCH', user_id: 'UBOT', bot_id: 'BBOT' };
      case 'chat.postMessage': {
        const t = `${ts++}.000100`;
        return { ok: true, channel: body.channel, ts: t, message: { type: 'message', text: body.text, ts: t } };
      }
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${ts++}.000200` };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users).replace(/^U/, '')}` } };
      case 'users.info': {
        const id = String(body.user);
        return { ok: true, user: { id, team_id: 'TBENCH', name: id.toLowerCase(), tz: 'Europe/Zurich', locale: 'en-US', is_bot: false } };
      }
      case 'views.open':
      case 'views.update':
      case 'views.publish':
        return { ok: true, view: { id: `V${ts++}` } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  const rec: Recorder = {
    apiUrl: '',
    base: '',
    responseUrl: (key) => `${base}/response/${encodeURIComponent(key)}`,
    calls,
    done: (method) => calls.filter((c) => c.method === method && !c.limited),
    get limitedCount() {
      return limited;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0];
      const body = parseBody(raw, req.headers['content-type']);
      if (path.startsWith('/response/')) {
        const call: Call = { method: 'response_url', path, body, at, limited: false };
        calls.push(call);
        rec.onCall?.(call);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      }
      if (path.startsWith('/v3/')) {
        // Bot Framework connector (Teams replies to a serviceUrl that points here).
        const call: Call = { method: 'botframework', path, body, at, limited: false };
        calls.push(call);
        rec.onCall?.(call);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `activity-${ts++}` }));
        return;
      }
      const method = path.replace(/^\/api\//, '');
      const n = (perMethod.get(method) ?? 0) + 1;
      perMethod.set(method, n);
      const retryAfter = rec.limiter?.(method, n) ?? 0;
      const call: Call = { method, path, body, at, limited: retryAfter > 0 };
      calls.push(call);
      rec.onCall?.(call);
      if (retryAfter > 0) {
        limited++;
        res.writeHead(429, { 'retry-after': String(retryAfter), 'content-type': 'application/json' }).end('{"ok":false,"error":"ratelimited"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer(method, body)));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  (rec as { apiUrl: string }).apiUrl = `${base}/api/`;
  (rec as { base: string }).base = base;
  return rec;
}

/** The text of a recorded message (top-level text plus block texts), for matching "vote recorded". */
export function callText(call: Call): string {
  const parts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k === 'text' || k === 'blocks' || k === 'elements' || k === 'fields') walk(x);
  };
  walk(call.body.text);
  walk(call.body.blocks);
  return parts.join('\n');
}
