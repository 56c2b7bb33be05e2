/**
 * A local stand-in for the Bot Framework connector service at an activity's serviceUrl:
 * records what the bot sends (replies, proactive posts, in-place updates, new 1:1 chats)
 * and answers as the service does. Can be told to throttle (429) the next calls.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  /** Conversation the call addresses (decoded); for POST /v3/conversations, the new one. */
  conversation: string;
  /** Activity updated (PUT) or replied to (POST …/activities/{id}). */
  activityId?: string;
  authorization?: string;
  body: Record<string, unknown>;
  /** Id the recorder gave the posted activity. */
  id?: string;
}

/** A file PUT to an upload URL (standing in for the user's OneDrive). */
interface Upload {
  path: string;
  contentRange?: string;
  text: string;
}

export interface ConnectorRecorder {
  serviceUrl: string;
  calls: Recorded[];
  /** Files PUT under `<serviceUrl>upload/…`. */
  uploads: Upload[];
  /** While true, opening a 1:1 chat is refused (403), as when the app is not installed for the user. */
  refuseConversations: boolean;
  /** The next `n` calls get 429 Too Many Requests (not recorded as delivered). */
  throttleNext(n: number): void;
  throttled: number;
  /** Holds every answer until `release()` is called: a slow Teams, without sleeping. */
  hold(): () => void;
  /** Calls waiting behind `hold`. */
  waiting: number;
  /** Members of every conversation, as TeamsInfo reads them (paged members, one member). */
  members: { id: string; name?: string; email?: string; userPrincipalName?: string }[];
  /** A file Teams would serve at a pre-authorised download URL; returns that URL. */
  addFile(name: string, content: string): string;
  close(): Promise<void>;
}

export async function startConnectorRecorder(): Promise<ConnectorRecorder> {
  let seq = 0;
  let throttle = 0;
  let gate: Promise<void> | undefined;
  const files = new Map<string, string>();
  const rec: ConnectorRecorder = {
    serviceUrl: '',
    calls: [],
    uploads: [],
    refuseConversations: false,
    throttled: 0,
    throttleNext: (n) => void (throttle = n),
    waiting: 0,
    members: [],
    addFile(name, content) {
      files.set(name, content);
      return `${rec.serviceUrl}files/${encodeURIComponent(name)}`;
    },
    hold() {
      let release!: () => void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (gate) {
      rec.waiting++;
      await gate;
      rec.waiting--;
    }
    const send = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (throttle > 0) {
      throttle--;
      rec.throttled++;
      return send(429, { error: { code: 'TooManyRequests', message: 'Too many requests' } });
    }
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'PUT' && path.startsWith('/upload/')) {
      rec.uploads.push({ path, contentRange: req.headers['content-range'], text });
      return send(201, { id: 'drive-item-1' });
    }
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const authorization = req.headers.authorization;
    const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    const member = /^\/v3\/conversations\/([^/]+)\/(pagedmembers|members\/([^/]+))$/.exec(path);
    if (req.method === 'GET' && member) {
      rec.calls.push({ method: 'GET', path, conversation: decodeURIComponent(member[1]), authorization, body });
      if (member[2] === 'pagedmembers') return send(200, { members: rec.members });
      const one = rec.members.find((x) => x.id === decodeURIComponent(member[3]));
      return one ? send(200, one) : send(404, { error: { code: 'MemberNotFound', message: 'not a member' } });
    }
    if (req.method === 'GET' && path.startsWith('/files/')) {
      rec.calls.push({ method: 'GET', path, conversation: '', authorization, body });
      const content = files.get(decodeURIComponent(path.slice('/files/'.length)));
      if (content === undefined) return send(404, { error: { code: 'NotFound', message: path } });
      return res.writeHead(200, { 'content-type': 'text/csv' }).end(content);
    }
    if (req.method === 'POST' && path === '/v3/conversations') {
      if (rec.refuseConversations)
        return send(403, { error: { code: 'Forbidden', message: "Bot is not installed in user's personal scope" } });
      const members = (body.members as { id: string }[] | undefined) ?? [];
      const conversation = `a:dm-${members.map((x) => x.id).join('-')}`;
      rec.calls.push({ method: 'POST', path, conversation, authorization, body });
      return send(201, { id: conversation });
    }
    if (m && (req.method === 'POST' || req.method === 'PUT')) {
      const conversation = decodeURIComponent(m[1]);
      const activityId = m[2] ? decodeURIComponent(m[2]) : undefined;
      const id = req.method === 'PUT' ? activityId! : `msg-${++seq}`;
      rec.calls.push({ method: req.method, path, conversation, activityId, authorization, body, id });
      return send(req.method === 'PUT' ? 200 : 201, { id });
    }
    send(404, { error: { code: 'NotFound', message: `${req.method} ${path}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  rec.serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return rec;
}
