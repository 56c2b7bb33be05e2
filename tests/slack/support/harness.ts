/**
 * End-to-end harness: the real core on a real store, the shared HTTP server on 127.0.0.1:0
 * with the Slack adapter mounted, the Web API answered by the recorder, and requests built
 * from fixtures of Slack's payloads, form-encoded and signed with the v0 scheme.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConsult } from '../../../src/consult.ts';
import type { Consult } from '../../../src/consult-api.ts';
import { createFileStore } from '../../../src/store/file-store.ts';
import { createHttpServer, type HttpServer } from '../../../src/server.ts';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/create-slack-adapter.ts';
import { startRecorder, type RecordedCall, type SlackRecorder } from '../recorder.ts';

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const SEC = 'U0SEC';
export const CHANNEL = 'C0MAIN';
export const THEME_2015 = 'Human Rights and Migration: Working Together for Safe, Dignified and Secure Migration';

const fixtureDir = join(import.meta.dirname, '../../fixtures/slack');
export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(join(fixtureDir, name), 'utf8')) as T;
}

class TestClock {
  constructor(public t: Date) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
  set(iso: string): void {
    this.t = new Date(iso);
  }
}

/** Signs a body exactly as Slack does: v0=HMAC-SHA256(secret, "v0:<timestamp>:<body>"). */
export function sign(body: string, timestampSec: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSec}:${body}`).digest('hex')}`;
}

export interface SentRequest {
  body: string;
  headers: Record<string, string>;
}

export interface SlackHarness {
  consult: Consult;
  clock: TestClock;
  recorder: SlackRecorder;
  adapter: SlackAdapter;
  server: HttpServer;
  url: string;
  logs: string[];
  /** Waits the adapter asked for (pacing, Retry-After), in ms; no test waits for real. */
  sleeps: number[];
  /** Builds a signed form-encoded request (not sent). */
  signed(fields: Record<string, string>, opts?: { timestampSec?: number; secret?: string }): SentRequest;
  signedJson(body: object, opts?: { timestampSec?: number }): SentRequest;
  /** Posts to /slack/events and waits until the adapter and the core are idle. */
  send(req: SentRequest, extraHeaders?: Record<string, string>): Promise<number>;
  slash(user: string, text: string, opts?: { channel?: string }): Promise<number>;
  /** Clicks a button found in a recorded payload's blocks, as `user`. */
  click(user: string, found: FoundButton, opts?: { channel?: string }): Promise<number>;
  /** Submits the inline form (checkboxes etc.) of a message with the given selections. */
  submitInline(
    user: string,
    blocks: any[],
    select: Record<string, string[] | string>,
    opts?: { channel?: string },
  ): Promise<number>;
  submitView(user: string, view: any, values: Record<string, string | string[]>): Promise<number>;
  /** The same, returning the HTTP answer's body too (a modal's `response_action: errors`). */
  submitViewForAnswer(
    user: string,
    view: any,
    values: Record<string, string | string[]>,
  ): Promise<{ status: number; body: string }>;
  homeOpened(user: string, eventId?: string, extraHeaders?: Record<string, string>): Promise<number>;
  /** Runs typed text as `user` through Slack: the secretariat's setup steps. */
  roster(user: string, delegation: string, kind: string, region: string): Promise<void>;
  close(): Promise<void>;
}

export interface FoundButton {
  action_id: string;
  value: string;
  text: string;
  block_id?: string;
  container: 'message' | 'home';
  message_ts?: string;
}

/** The button whose label matches, in the given blocks. */
export function findButton(
  blocks: any[],
  label: RegExp | string,
  container: 'message' | 'home' = 'message',
  messageTs?: string,
): FoundButton {
  for (const b of blocks) {
    const elements = b.type === 'actions' ? b.elements : b.accessory ? [b.accessory] : [];
    for (const e of elements) {
      if (e.type !== 'button') continue;
      const ok = typeof label === 'string' ? e.text.text === label : label.test(e.text.text);
      if (ok)
        return {
          action_id: e.action_id,
          value: e.value,
          text: e.text.text,
          block_id: b.block_id,
          container,
          message_ts: messageTs,
        };
    }
  }
  throw new Error(`no button ${String(label)} in ${JSON.stringify(blocks).slice(0, 500)}`);
}

export async function startSlackHarness(opts: { start?: string } = {}): Promise<SlackHarness> {
  const recorder = await startRecorder();
  const dir = await mkdtemp(join(tmpdir(), 'consult-slack-'));
  const store = createFileStore({ dir });
  await store.open();
  const clock = new TestClock(new Date(opts.start ?? '2026-03-02T08:00:00Z'));
  const logs: string[] = [];
  const log = (line: string) => void logs.push(line);
  const consult = createConsult({
    store,
    clock,
    timezone: 'Europe/Zurich',
    secretariat: [`slack:${SEC}`],
    ballotSecret: 'slack-test-secret',
    log,
  });
  const server = createHttpServer(log);
  const sleeps: number[] = [];
  const adapter = await createSlackAdapter({
    consult,
    server,
    config: {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: recorder.apiUrl,
      SLACK_APP_TOKEN: undefined,
    },
    log,
    sleep: async (ms) => void sleeps.push(ms),
    networkRetries: 0,
  });
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/slack/events`;
  let trigger = 0;
  const nowSec = () => Math.floor(clock.now().getTime() / 1000);

  const h: SlackHarness = {
    consult,
    clock,
    recorder,
    adapter,
    server,
    url,
    logs,
    sleeps,
    signed(fields, o = {}) {
      const body = new URLSearchParams(fields).toString();
      const ts = o.timestampSec ?? nowSec();
      return {
        body,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': sign(body, ts, o.secret),
        },
      };
    },
    signedJson(json, o = {}) {
      const body = JSON.stringify(json);
      const ts = o.timestampSec ?? nowSec();
      return {
        body,
        headers: {
          'content-type': 'application/json',
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': sign(body, ts),
        },
      };
    },
    async send(req, extraHeaders = {}) {
      const res = await fetch(url, { method: 'POST', headers: { ...req.headers, ...extraHeaders }, body: req.body });
      await res.text();
      await adapter.idle();
      return res.status;
    },
    slash(user, text, o = {}) {
      const f = fixture<Record<string, string>>('slash-command.json');
      return h.send(
        h.signed({
          ...f,
          user_id: user,
          user_name: user.toLowerCase(),
          text,
          channel_id: o.channel ?? CHANNEL,
          response_url: recorder.responseUrl(),
          trigger_id: `trigger.${++trigger}`,
        }),
      );
    },
    click(user, found, o = {}) {
      const p = fixture(found.container === 'home' ? 'block-actions-home.json' : 'block-actions-button.json');
      p.user = { ...p.user, id: user, username: user.toLowerCase(), name: user.toLowerCase() };
      p.trigger_id = `trigger.${++trigger}`;
      p.actions = [
        {
          ...p.actions[0],
          action_id: found.action_id,
          block_id: found.block_id ?? p.actions[0].block_id,
          value: found.value,
          text: { type: 'plain_text', text: found.text, emoji: true },
        },
      ];
      if (found.container === 'message') {
        const channel = o.channel ?? CHANNEL;
        p.channel = { ...p.channel, id: channel };
        p.container = { ...p.container, channel_id: channel, message_ts: found.message_ts ?? p.container.message_ts };
        p.response_url = recorder.responseUrl();
      }
      return h.send(h.signed({ payload: JSON.stringify(p) }));
    },
    submitInline(user, blocks, select, o = {}) {
      const p = fixture('block-actions-button.json');
      p.user = { ...p.user, id: user };
      p.trigger_id = `trigger.${++trigger}`;
      const channel = o.channel ?? CHANNEL;
      p.channel = { ...p.channel, id: channel };
      p.container = { ...p.container, channel_id: channel };
      p.response_url = recorder.responseUrl();
      p.message.blocks = blocks;
      // Slack sends the state of every stateful element of the message with the click.
      const values: Record<string, Record<string, unknown>> = {};
      for (const b of blocks) {
        const e = b.accessory ?? b.element;
        if (!b.block_id || !e || e.type === 'button') continue;
        const inputId = String(b.block_id).split(':').pop()!;
        const chosen = select[inputId];
        const pick = (v: string) => e.options.find((x: any) => x.value === v);
        if (e.type === 'checkboxes' || e.type === 'multi_static_select')
          values[b.block_id] = {
            [e.action_id]: { type: e.type, selected_options: ([] as string[]).concat(chosen ?? []).map(pick) },
          };
        else
          values[b.block_id] = {
            [e.action_id]: { type: e.type, selected_option: chosen ? pick(String(chosen)) : null },
          };
      }
      p.state = { values };
      const btn = blocks
        .flatMap((b: any) => (b.type === 'actions' ? b.elements : []))
        .find((e: any) => String(e.action_id).startsWith('consult-submit:'));
      if (!btn) throw new Error('no form submit button in these blocks');
      p.actions = [{ ...p.actions[0], action_id: btn.action_id, value: btn.value, text: btn.text }];
      return h.send(h.signed({ payload: JSON.stringify(p) }));
    },
    async submitView(user, view, values) {
      return (await h.submitViewForAnswer(user, view, values)).status;
    },
    async submitViewForAnswer(user, view, values) {
      const p = fixture('view-submission.json');
      p.user = { ...p.user, id: user };
      p.trigger_id = `trigger.${++trigger}`;
      const state: Record<string, Record<string, unknown>> = {};
      for (const b of view.blocks.filter((x: any) => x.type === 'input')) {
        const key = b.block_id.split(':').pop();
        const v = values[key] ?? values[b.block_id];
        const e = b.element;
        const pick = (x: string) => e.options.find((o: any) => o.value === x);
        if (e.type === 'plain_text_input') state[b.block_id] = { [e.action_id]: { type: e.type, value: v ?? null } };
        else if (e.type === 'datepicker')
          state[b.block_id] = { [e.action_id]: { type: e.type, selected_date: v ?? null } };
        else if (e.type === 'timepicker')
          state[b.block_id] = { [e.action_id]: { type: e.type, selected_time: v ?? null } };
        else if (e.type === 'number_input') state[b.block_id] = { [e.action_id]: { type: e.type, value: v ?? null } };
        else if (e.type === 'multi_users_select')
          state[b.block_id] = { [e.action_id]: { type: e.type, selected_users: ([] as string[]).concat(v ?? []) } };
        else if (e.type === 'checkboxes' || e.type === 'multi_static_select')
          state[b.block_id] = {
            [e.action_id]: { type: e.type, selected_options: ([] as string[]).concat(v ?? []).map(pick) },
          };
        else
          state[b.block_id] = {
            [e.action_id]: {
              type: e.type,
              selected_option: v !== undefined ? pick(String(v)) : (e.initial_option ?? null),
            },
          };
      }
      p.view = {
        ...p.view,
        blocks: view.blocks,
        private_metadata: view.private_metadata,
        callback_id: view.callback_id,
        title: view.title,
        state: { values: state },
      };
      const req = h.signed({ payload: JSON.stringify(p) });
      const res = await fetch(url, { method: 'POST', headers: req.headers, body: req.body });
      const body = await res.text();
      await adapter.idle();
      return { status: res.status, body };
    },
    homeOpened(user, eventId = `Ev${++trigger}`, extraHeaders = {}) {
      const e = fixture('app-home-opened.json');
      e.event = { ...e.event, user, channel: `D${user.slice(1)}` };
      e.event_id = eventId;
      return h.send(h.signedJson(e), extraHeaders);
    },
    async roster(user, delegation, kind, region) {
      await h.slash(SEC, `roster add slack:${user} "${delegation}" ${kind} "${region}"`);
    },
    async close() {
      await server.close();
      await adapter.stop();
      await consult.stop();
      await store.close();
      await recorder.close();
    },
  };
  return h;
}

/** Concatenated visible texts of a Block Kit payload, for assertions that read like the product. */
export function blocksText(blocks: any[] = []): string {
  const out: string[] = [];
  const walk = (x: any) => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) return x.forEach(walk);
    if ((x.type === 'plain_text' || x.type === 'mrkdwn') && typeof x.text === 'string') out.push(x.text);
    for (const [k, v] of Object.entries(x)) if (k !== 'value' && typeof v === 'object') walk(v);
  };
  walk(blocks);
  return out.join('\n');
}

export function last(calls: RecordedCall[]): RecordedCall {
  const c = calls[calls.length - 1];
  if (!c) throw new Error('no such call recorded');
  return c;
}
