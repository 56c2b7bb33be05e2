/**
 * A local stand-in for the Slack Web API (SLACK_API_URL points Bolt's WebClient here) and for
 * response_url endpoints. Records every call with its parsed body and answers as Slack does.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

export interface RecordedCall {
  /** Web API method (e.g. chat.postMessage), `response_url`, or `upload`. */
  method: string;
  body: Record<string, any>;
  path: string;
}

export interface SlackRecorder {
  /** Base for SLACK_API_URL, ending in /api/. */
  readonly apiUrl: string;
  /** A response_url for a fixture, unique per call. */
  responseUrl(): string;
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Sets the locale users.info reports for a user. */
  setLocale(user: string, locale: string): void;
  /** The next `times` calls of `method` get HTTP 429 with Retry-After: seconds. */
  rateLimit(method: string, times: number, seconds: number): void;
  /** How many 429s were sent. */
  readonly rateLimited: number;
  /** Holds answers to `method` until the returned release() is called: a slow Slack. */
  hold(method: string): () => void;
  /** Makes `method` answer `{ ok: false, error }` (e.g. not_in_channel). */
  fail(method: string, error: string): void;
  clear(): void;
  close(): Promise<void>;
}

// Form bodies carry blocks/view as JSON strings (as the WebClient sends them): decode those.
function decodeFields(body: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string' && /^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        /* plain text that starts with a bracket */
      }
    }
    out[k] = v;
  }
  return out;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, any> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, any>;
  if (contentType?.includes('application/x-www-form-urlencoded')) return decodeFields(parseQuery(raw) as Record<string, any>);
  return { raw };
}

export async function startRecorder(): Promise<SlackRecorder> {
  const calls: RecordedCall[] = [];
  const locales = new Map<string, string>();
  const limits = new Map<string, { times: number; seconds: number }>();
  const failures = new Map<string, string>();
  const gates = new Map<string, Promise<void>>();
  let rateLimited = 0;
  let ts = 1_700_000_000;
  let seq = 0;
  let base = '';

  function answer(method: string, body: Record<string, any>): Record<string, unknown> {
    const failure = failures.get(method);
    if (failure) return { ok: false, error: failure };
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://consult-test.slack.com/', team: 'Consult Test', user: 'consult', team_id: 'T0TEST', user_id: 'U0BOT', bot_id: 'B0BOT' };
      case 'chat.postMessage': {
        const messageTs = `${ts++}.000100`;
        return { ok: true, channel: body.channel, ts: messageTs, message: { type: 'message', text: body.text, user: 'U0BOT', bot_id: 'B0BOT', ts: messageTs, blocks: body.blocks } };
      }
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${ts++}.000200` };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users).replace(/^U/, '')}` } };
      case 'users.info': {
        const id = String(body.user);
        return { ok: true, user: { id, team_id: 'T0TEST', name: id.toLowerCase(), real_name: id, tz: 'Europe/Zurich', locale: locales.get(id) ?? 'en-US', is_bot: false } };
      }
      case 'views.open':
      case 'views.update':
      case 'views.publish':
        return { ok: true, view: { id: `V${++seq}`, team_id: 'T0TEST', ...(body.view as object) } };
      case 'files.getUploadURLExternal': {
        const id = `F${++seq}`;
        return { ok: true, upload_url: `${base}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: (body.files as { id: string; title?: string }[]).map((f) => ({ id: f.id, title: f.title ?? f.id })) };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0];
      if (path.startsWith('/upload/')) {
        calls.push({ method: 'upload', body: { raw, bytes: chunks.reduce((n, c) => n + c.length, 0) }, path });
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${raw.length}`);
        return;
      }
      if (path.startsWith('/response/')) {
        calls.push({ method: 'response_url', body: parseBody(raw, req.headers['content-type']), path });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      }
      const method = path.replace(/^\/api\//, '');
      const body = parseBody(raw, req.headers['content-type']);
      calls.push({ method, body, path });
      const gate = gates.get(method);
      if (gate) {
        void gate.then(() => res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer(method, body))));
        return;
      }
      const limit = limits.get(method);
      if (limit && limit.times > 0) {
        limit.times--;
        rateLimited++;
        res.writeHead(429, { 'retry-after': String(limit.seconds), 'content-type': 'application/json' }).end('{"ok":false,"error":"ratelimited"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer(method, body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: () => `${base}/response/T0TEST/${++seq}/hook`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    setLocale: (user, locale) => void locales.set(user, locale),
    rateLimit: (method, times, seconds) => void limits.set(method, { times, seconds }),
    get rateLimited() {
      return rateLimited;
    },
    hold(method) {
      let release!: () => void;
      gates.set(method, new Promise<void>((r) => (release = r)));
      return () => {
        gates.delete(method);
        release();
      };
    },
    fail: (method, error) => void failures.set(method, error),
    clear: () => void calls.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
