/**
 * The Web API calls the adapter makes, with Slack's limits applied in one place:
 * chat.postMessage paced per channel, every call retried after a 429's Retry-After,
 * DM channels opened once per user. Also the response_url posts (plain HTTPS, no token).
 */
import http from 'node:http';
import https from 'node:https';
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Pacer, Sleep } from './pacer.ts';
import { withRateLimitRetry } from './rate-limit.ts';

/** Message metadata as chat.postMessage takes it and conversations.history returns it. */
export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, string | number | boolean>;
}

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** A post dropped right before sending because its message was no longer wanted (a cancelled consultation's reminder). */
export class NoLongerWanted extends Error {
  constructor() {
    super('the message is no longer wanted');
    this.name = 'NoLongerWanted';
  }
}

export interface SlackWeb {
  post(
    channel: string,
    text: string,
    blocks: KnownBlock[],
    metadata?: MessageMetadata,
    stillWanted?: () => boolean,
  ): Promise<string>;
  update(channel: string, ts: string, text: string, blocks: KnownBlock[]): Promise<void>;
  ephemeral(channel: string, user: string, text: string, blocks: KnownBlock[]): Promise<void>;
  /** Posts to an interaction's response_url (JSON body); rejects unless Slack answers 2xx. */
  respond(responseUrl: string, body: Record<string, unknown>): Promise<void>;
  openDm(user: string): Promise<string>;
  /** The latest messages of a channel, newest first, with their metadata. */
  history(channel: string, limit: number): Promise<HistoryMessage[]>;
  upload(channel: string, file: { name: string; content: string | Uint8Array }, comment?: string): Promise<void>;
  /** Uploads an image into a message's thread (files.uploadV2); resolves with the file's id. */
  uploadImage(
    channel: string,
    threadTs: string,
    image: { name: string; png: Uint8Array; alt: string; title: string },
  ): Promise<string>;
  client(): WebClient;
}

// One keep-alive pool per scheme: replies to a burst of clicks reuse connections to Slack.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/** POSTs JSON with node's own HTTP client (light next to fetch or axios on the hot vote path). The URL is never logged: it is a bearer capability. */
function postJson(url: string, body: unknown, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return reject(new Error('response_url is not a URL'));
    }
    const scheme = u.protocol === 'https:' ? https : u.protocol === 'http:' ? http : undefined;
    if (!scheme) return reject(new Error('response_url is not http(s)'));
    const data = JSON.stringify(body);
    const req = scheme.request(
      u,
      {
        method: 'POST',
        agent: agents[u.protocol as 'http:' | 'https:'],
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < 500) text += chunk;
        });
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) return reject(new Error(`response_url answered HTTP ${status}`));
          if (/"ok"\s*:\s*false/.test(text))
            return reject(
              new Error(`response_url answered ${/"error"\s*:\s*"([\w-]{1,60})"/.exec(text)?.[1] ?? 'not ok'}`),
            );
          resolve();
        });
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('response_url timed out')));
    req.on('error', reject);
    req.end(data);
  });
}

export function createSlackWeb(deps: {
  client: () => WebClient;
  pacer: Pacer;
  sleep: Sleep;
  log: (line: string) => void;
}): SlackWeb {
  const retry = <T>(fn: () => Promise<T>) =>
    withRateLimitRetry(fn, { sleep: deps.sleep, onRetry: (s) => deps.log(`slack: rate limited, retrying in ${s}s`) });
  const dms = new Map<string, string>();
  return {
    client: deps.client,
    async post(channel, text, blocks, metadata, stillWanted) {
      const r = await deps.pacer.run(channel, () =>
        retry(() => {
          if (stillWanted && !stillWanted()) throw new NoLongerWanted();
          return deps.client().chat.postMessage({
            channel,
            text,
            blocks,
            unfurl_links: false,
            unfurl_media: false,
            ...(metadata ? { metadata } : {}),
          });
        }),
      );
      if (!r.ts) throw new Error(`chat.postMessage to ${channel} returned no ts`);
      return r.ts;
    },
    async update(channel, ts, text, blocks) {
      await retry(() => deps.client().chat.update({ channel, ts, text, blocks }));
    },
    async ephemeral(channel, user, text, blocks) {
      await retry(() => deps.client().chat.postEphemeral({ channel, user, text, blocks }));
    },
    respond: (responseUrl, body) => postJson(responseUrl, body),
    async openDm(user) {
      const known = dms.get(user);
      if (known) return known;
      const r = await retry(() => deps.client().conversations.open({ users: user }));
      const id = r.channel?.id;
      if (!id) throw new Error(`conversations.open for ${user} returned no channel`);
      dms.set(user, id);
      return id;
    },
    async history(channel, limit) {
      const r = await retry(() => deps.client().conversations.history({ channel, limit, include_all_metadata: true }));
      return (r.messages ?? []) as HistoryMessage[];
    },
    async upload(channel, file, comment) {
      await retry(() =>
        deps.client().files.uploadV2({
          channel_id: channel,
          filename: file.name,
          title: file.name,
          ...(typeof file.content === 'string' ? { content: file.content } : { file: Buffer.from(file.content) }),
          ...(comment ? { initial_comment: comment } : {}),
        }),
      );
    },
    async uploadImage(channel, threadTs, image) {
      const r = await retry(() =>
        deps.client().files.uploadV2({
          channel_id: channel,
          thread_ts: threadTs,
          filename: image.name,
          title: image.title,
          alt_text: image.alt.slice(0, 1000),
          file: Buffer.from(image.png),
        }),
      );
      const id = (r as { files?: { files?: { id?: string }[] }[] }).files?.[0]?.files?.[0]?.id;
      if (!id) throw new Error(`files.uploadV2 to ${channel} returned no file id`);
      return id;
    },
  };
}
