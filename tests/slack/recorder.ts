/**
 * A local stand-in for the Slack Web API (SLACK_API_URL points Bolt's WebClient here), for
 * response_url endpoints and for a Bot Framework connector (a Teams serviceUrl may point here).
 * Records every call with its parsed body and arrival time, and answers as Slack does: posted
 * messages are kept per channel (with their metadata), so chat.update and conversations.history
 * behave realistically. Used by the tests and, on loopback, by the benches and drills.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

export interface RecordedCall {
  /** Web API method (e.g. chat.postMessage), `response_url`, `upload`, or `botframework`. */
  method: string;
  body: Record<string, any>;
  /** For response_url posts: `/response/<key>` (or `/response/T0TEST/<n>/hook` without a key). */
  path: string;
  /** performance.now() at arrival. */
  at: number;
  /** Answered with HTTP 429 (so not performed). */
  limited: boolean;
}

/** A message as conversations.history returns it. */
interface StoredMessage {
  type: 'message';
  ts: string;
  text?: string;
  blocks?: unknown[];
  user: string;
  bot_id: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export interface SlackRecorder {
  /** Base for SLACK_API_URL, ending in /api/. */
  readonly apiUrl: string;
  /** The recorder's base URL (also usable as a Bot Framework serviceUrl). */
  readonly base: string;
  /** A response_url, unique per call; posts to it are recorded under `/response/<key>` when a key is given. */
  responseUrl(key?: string): string;
  readonly calls: RecordedCall[];
  /** Every call of a method, including those answered 429. */
  callsTo(method: string): RecordedCall[];
  /** Calls of a method that were performed (not answered 429). */
  done(method: string): RecordedCall[];
  /** The messages posted to a channel and still there, oldest first. */
  messages(channel: string): StoredMessage[];
  /** Sets the locale users.info reports for a user. */
  setLocale(user: string, locale: string): void;
  /** A workspace member with a name and an e-mail address (users.info, users.lookupByEmail). */
  setPerson(user: string, person: { name?: string; email?: string }): void;
  /** Serves a file shared with the bot; returns its url_private (downloads need the bot token). */
  addFile(name: string, content: string): string;
  /** The next `times` calls of `method` get HTTP 429 with Retry-After: seconds. */
  rateLimit(method: string, times: number, seconds: number): void;
  /** Decides per call whether to answer 429 (n counts the calls of that method from 1): Retry-After seconds, or 0. */
  limiter?: (method: string, n: number) => number;
  /** Called on every recorded call, after recording. */
  onCall?: (call: RecordedCall) => void;
  /** How many 429s were sent. */
  readonly rateLimited: number;
  /** Holds answers to `method` until the returned release() is called: a slow Slack. */
  hold(method: string): () => void;
  /** Makes `method` answer `{ ok: false, error }` (e.g. not_in_channel). */
  fail(method: string, error: string): void;
  /** Forgets the recorded calls (not the channels' messages). */
  clear(): void;
  close(): Promise<void>;
}

// Form bodies carry blocks/view/metadata as JSON strings (as the WebClient sends them): decode those.
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
  try {
    if (contentType?.includes('json')) return JSON.parse(raw) as Record<string, any>;
    if (contentType?.includes('application/x-www-form-urlencoded'))
      return decodeFields(parseQuery(raw) as Record<string, any>);
  } catch {
    /* recorded raw */
  }
  return { raw };
}

const truthy = (v: unknown) => v === true || v === 'true' || v === '1' || v === 1;

export async function startRecorder(): Promise<SlackRecorder> {
  const calls: RecordedCall[] = [];
  const locales = new Map<string, string>();
  const people = new Map<string, { name?: string; email?: string }>();
  const byEmail = new Map<string, string>();
  const files = new Map<string, string>();
  const limits = new Map<string, { times: number; seconds: number }>();
  const failures = new Map<string, string>();
  const gates = new Map<string, Promise<void>>();
  const channels = new Map<string, StoredMessage[]>();
  const perMethod = new Map<string, number>();
  let rateLimited = 0;
  let ts = 1_700_000_000;
  let seq = 0;
  let base = '';

  const channelMessages = (id: string) => {
    let list = channels.get(id);
    if (!list) channels.set(id, (list = []));
    return list;
  };

  function answer(method: string, body: Record<string, any>): Record<string, unknown> {
    const failure = failures.get(method);
    if (failure) return { ok: false, error: failure };
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://consult-test.slack.com/',
          team: 'Consult Test',
          user: 'consult',
          team_id: 'T0TEST',
          user_id: 'U0BOT',
          bot_id: 'B0BOT',
        };
      case 'chat.postMessage': {
        if (!body.channel) return { ok: false, error: 'channel_not_found' };
        const messageTs = `${ts++}.000100`;
        const message: StoredMessage = {
          type: 'message',
          ts: messageTs,
          text: body.text,
          blocks: body.blocks,
          user: 'U0BOT',
          bot_id: 'B0BOT',
        };
        if (body.metadata && typeof body.metadata === 'object') message.metadata = body.metadata;
        channelMessages(String(body.channel)).push(message);
        return { ok: true, channel: body.channel, ts: messageTs, message };
      }
      case 'chat.update': {
        const stored = channels.get(String(body.channel))?.find((m) => m.ts === body.ts);
        if (stored) Object.assign(stored, { text: body.text, blocks: body.blocks });
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${ts++}.000200` };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users).replace(/^U/, '')}` } };
      case 'conversations.history': {
        if (!body.channel) return { ok: false, error: 'channel_not_found' };
        const limit = Math.min(Math.max(Number(body.limit) || 100, 1), 999);
        const all = channels.get(String(body.channel)) ?? [];
        // Newest first; metadata only when asked for, as Slack does.
        const page = all
          .slice(-limit)
          .reverse()
          .map((m) => (truthy(body.include_all_metadata) ? m : { ...m, metadata: undefined }));
        return { ok: true, messages: page, has_more: all.length > limit, pin_count: 0 };
      }
      case 'users.info': {
        const id = String(body.user);
        const person = people.get(id);
        return {
          ok: true,
          user: {
            id,
            team_id: 'T0TEST',
            name: id.toLowerCase(),
            real_name: person?.name ?? id,
            tz: 'Europe/Zurich',
            locale: locales.get(id) ?? 'en-US',
            is_bot: false,
            profile: { real_name: person?.name ?? id, ...(person?.email ? { email: person.email } : {}) },
          },
        };
      }
      case 'users.lookupByEmail': {
        const id = byEmail.get(String(body.email).toLowerCase());
        if (!id) return { ok: false, error: 'users_not_found' };
        const person = people.get(id)!;
        return {
          ok: true,
          user: { id, team_id: 'T0TEST', real_name: person.name, profile: { email: person.email }, is_bot: false },
        };
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
        return {
          ok: true,
          files: (body.files as { id: string; title?: string }[]).map((f) => ({ id: f.id, title: f.title ?? f.id })),
        };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  let rec!: SlackRecorder;
  const record = (call: RecordedCall) => {
    calls.push(call);
    rec.onCall?.(call);
  };
  const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0];
      if (req.method === 'GET' && path.startsWith('/files/')) {
        const authorization = req.headers.authorization ?? '';
        record({ method: 'file-download', body: { authorization }, path, at, limited: false });
        const content = files.get(decodeURIComponent(path.slice('/files/'.length)));
        // Slack answers a request without the bot token with its sign-in page, not the file.
        if (authorization !== 'Bearer xoxb-test-token' || content === undefined) {
          res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in to Slack</html>');
          return;
        }
        res.writeHead(200, { 'content-type': 'text/csv' }).end(content);
        return;
      }
      if (path.startsWith('/upload/')) {
        record({
          method: 'upload',
          body: { raw, bytes: chunks.reduce((n, c) => n + c.length, 0) },
          path,
          at,
          limited: false,
        });
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${raw.length}`);
        return;
      }
      const body = parseBody(raw, req.headers['content-type']);
      if (path.startsWith('/response/')) {
        record({ method: 'response_url', body, path, at, limited: false });
        return json(res, 200, { ok: true });
      }
      if (path.startsWith('/v3/')) {
        // Bot Framework connector: Teams replies to a serviceUrl that points here.
        record({ method: 'botframework', body, path, at, limited: false });
        return json(res, 200, { id: `activity-${ts++}` });
      }
      const method = path.replace(/^\/api\//, '');
      const n = (perMethod.get(method) ?? 0) + 1;
      perMethod.set(method, n);
      const gate = gates.get(method);
      const limit = limits.get(method);
      let retryAfter = 0;
      if (!gate) {
        if (limit && limit.times > 0) {
          limit.times--;
          retryAfter = limit.seconds;
        } else retryAfter = rec.limiter?.(method, n) ?? 0;
      }
      record({ method, body, path, at, limited: retryAfter > 0 });
      if (gate) {
        void gate.then(() => json(res, 200, answer(method, body)));
        return;
      }
      if (retryAfter > 0) {
        rateLimited++;
        return json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
      }
      json(res, 200, answer(method, body));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  rec = {
    apiUrl: `${base}/api/`,
    base,
    responseUrl: (key) =>
      key === undefined ? `${base}/response/T0TEST/${++seq}/hook` : `${base}/response/${encodeURIComponent(key)}`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    done: (method) => calls.filter((c) => c.method === method && !c.limited),
    messages: (channel) => channels.get(channel) ?? [],
    setLocale: (user, locale) => void locales.set(user, locale),
    setPerson(user, person) {
      people.set(user, person);
      if (person.email) byEmail.set(person.email.toLowerCase(), user);
    },
    addFile(name, content) {
      files.set(name, content);
      return `${base}/files/${encodeURIComponent(name)}`;
    },
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
  return rec;
}

/** The text of a recorded message (top-level text plus block texts), e.g. to match "vote recorded". */
export function callText(call: RecordedCall): string {
  const parts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v))
        if (k === 'text' || k === 'blocks' || k === 'elements' || k === 'fields') walk(x);
  };
  walk(call.body.text);
  walk(call.body.blocks);
  return parts.join('\n');
}
