/**
 * Requests Bolt has no listener for, and signed but malformed payloads: answered at once
 * (well within Slack's 3 s), acknowledged with 200, changing nothing and logging one line.
 * Owed deliveries carry their key as message metadata, found again in the channel's history.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebClient } from '@slack/web-api';
import { createSlackDeliverer, DELIVERY_EVENT } from '../../adapters/slack/deliverer.ts';
import { createPacer } from '../../adapters/slack/pacer.ts';
import { createSlackWeb } from '../../adapters/slack/web.ts';
import type { OutboundMessage } from '../../src/outbound.ts';
import { startRecorder, type SlackRecorder } from './recorder.ts';
import {
  CHANNEL,
  fixture,
  SEC,
  SIGNING_SECRET,
  startSlackHarness,
  THEME_2015,
  type SentRequest,
  type SlackHarness,
} from './support/harness.ts';

/** Posts and measures how long the answer took (the adapter's own work, not the background). */
async function timed(h: SlackHarness, req: SentRequest): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(h.url, { method: 'POST', headers: req.headers, body: req.body });
  await res.text();
  const ms = performance.now() - t0;
  await h.adapter.idle();
  return { status: res.status, ms };
}

describe('Slack: requests no listener handles, and malformed payloads', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
    await h.roster('U0MEX1', 'Mexico', 'member', 'Americas');
    await h.slash(SEC, `theme "${THEME_2015}" "Migration and Development"`);
    h.recorder.clear();
    h.logs.splice(0);
  });
  afterEach(async () => {
    await h.close();
  });

  const snapshot = () => JSON.stringify(h.consult.store.all());
  const changedNothing = (before: string) => {
    expect(snapshot()).toBe(before);
    expect(h.recorder.calls.filter((c) => c.method !== 'users.info')).toEqual([]);
  };
  /** Log lines about the request, none of them carrying a secret. */
  const logLines = () => {
    for (const l of h.logs) {
      expect(l).not.toContain(SIGNING_SECRET);
      expect(l).not.toContain('xoxb-');
      expect(l).not.toContain('hooks.slack.com');
    }
    return h.logs;
  };

  it('acknowledges a signed block_actions with an unknown action_id at once, and does nothing', async () => {
    const before = snapshot();
    const p = fixture('block-actions-button.json');
    p.actions[0] = { ...p.actions[0], action_id: 'someone-elses-button', value: 'x' };
    const r = await timed(h, h.signed({ payload: JSON.stringify(p) }));
    expect(r.status).toBe(200);
    expect(r.ms).toBeLessThan(1000); // Bolt alone waits ~3 s before answering
    changedNothing(before);
  });

  it('acknowledges at once an event type Consult does not subscribe to, and a payload of no known kind', async () => {
    const before = snapshot();
    const e = fixture('app-home-opened.json');
    e.event = {
      type: 'reaction_added',
      user: 'U0MEX1',
      reaction: 'thumbsup',
      item: { type: 'message', channel: CHANNEL, ts: '1.2' },
    };
    const event = await timed(h, h.signedJson(e));
    expect(event.status).toBe(200);
    expect(event.ms).toBeLessThan(1000);
    const unknown = await timed(
      h,
      h.signed({ payload: JSON.stringify({ type: 'something_new', user: { id: 'U0MEX1' } }) }),
    );
    expect(unknown.status).toBe(200);
    expect(unknown.ms).toBeLessThan(1000);
    const shapeless = await timed(h, h.signed({ payload: '{}' }));
    expect(shapeless.status).toBe(200);
    expect(shapeless.ms).toBeLessThan(1000);
    changedNothing(before);
  });

  it('still refuses the same requests unsigned with 401', async () => {
    const p = fixture('block-actions-button.json');
    p.actions[0] = { ...p.actions[0], action_id: 'someone-elses-button' };
    const req = h.signed({ payload: JSON.stringify(p) });
    delete req.headers['x-slack-signature'];
    expect((await timed(h, req)).status).toBe(401);
    const bad = h.signed({ payload: '{}' }, { secret: 'not-the-secret' });
    expect((await timed(h, bad)).status).toBe(401);
  });

  it('a slash command without text: 200, nothing done, one log line', async () => {
    const before = snapshot();
    const f: Record<string, string> = {
      ...fixture('slash-command.json'),
      user_id: SEC,
      response_url: h.recorder.responseUrl(),
    };
    delete f.text;
    const r = await timed(h, h.signed(f));
    expect(r.status).toBe(200);
    changedNothing(before);
    expect(logLines().filter((l) => /malformed/.test(l))).toHaveLength(1);
    expect(logLines().join('\n')).toMatch(/slash command.*text/);
  });

  it('a modal submission without view.state: 200, nothing done, one log line', async () => {
    const before = snapshot();
    const p = fixture('view-submission.json');
    p.user = { ...p.user, id: 'U0MEX1' };
    p.view = {
      ...p.view,
      callback_id: 'consult-form',
      private_metadata: JSON.stringify({ action: { type: 'vote', id: 'T1' }, channel: CHANNEL }),
    };
    delete p.view.state;
    const r = await timed(h, h.signed({ payload: JSON.stringify(p) }));
    expect(r.status).toBe(200);
    changedNothing(before);
    expect(logLines().filter((l) => /malformed/.test(l))).toHaveLength(1);
  });

  it('block_actions without actions, with an empty list, a vote click without a user or with a trigger_id longer than a vote can keep: 200 each, nothing done', async () => {
    const before = snapshot();
    const vote = fixture('block-actions-button.json');
    vote.actions[0] = {
      ...vote.actions[0],
      action_id: 'consult:0',
      value: JSON.stringify({ type: 'vote', id: 'T1', choices: [1] }),
    };
    vote.response_url = h.recorder.responseUrl();
    const { actions: _, ...noActions } = vote;
    const { user: __, ...noUser } = vote;
    for (const p of [
      noActions,
      { ...vote, actions: [] },
      { ...vote, actions: 'consult:0' },
      noUser,
      { ...vote, trigger_id: 'other', actions: [{ ...vote.actions[0], action_id: 7 }] },
      { ...vote, trigger_id: 'x'.repeat(1000) },
    ]) {
      const r = await timed(h, h.signed({ payload: JSON.stringify(p) }));
      expect(r.status, JSON.stringify(p).slice(0, 200)).toBe(200);
      expect(r.ms).toBeLessThan(1000);
    }
    changedNothing(before);
    expect(logLines().filter((l) => /malformed/.test(l)).length).toBeGreaterThanOrEqual(4);
    // And a well-formed vote still counts.
    h.recorder.clear();
    expect(await h.send(h.signed({ payload: JSON.stringify({ ...vote, trigger_id: 'fresh' }) }))).toBe(200);
    expect(h.consult.store.get('T1')!.audit.filter((e) => e.action === 'vote')).toHaveLength(1);
  });

  it('a click is acknowledged before its payload is parsed: one that turns out not to be JSON is dropped with one log line', async () => {
    const before = snapshot();
    const text = h.signed({
      payload: '{"type":"block_actions","user":{"id":"U0MEX1"},"actions":[{"action_id":"consult:0"',
    }); // cut short
    const r = await timed(h, text);
    expect(r.status).toBe(200);
    changedNothing(before);
    expect(logLines().filter((l) => /malformed body/.test(l))).toHaveLength(1);
  });

  it('a click whose payload does not begin with its type is parsed before the ack, and counts the same', async () => {
    const p = fixture('block-actions-button.json');
    p.actions[0] = {
      ...p.actions[0],
      action_id: 'consult:0',
      value: JSON.stringify({ type: 'vote', id: 'T1', choices: [2] }),
    };
    p.response_url = h.recorder.responseUrl();
    const { type, ...rest } = p;
    const body = h.signed({ payload: JSON.stringify({ ...rest, type }) });
    expect(body.body.startsWith('payload=%7B%22type%22')).toBe(false);
    expect((await timed(h, body)).status).toBe(200);
    expect(h.consult.store.get('T1')!.ballots.mexico.choices).toEqual([2]);
  });

  it('looks a user’s locale up once: a failed users.info is not retried on every request', async () => {
    h.recorder.fail('users.info', 'missing_scope');
    await h.slash('U0MEX1', 'help');
    await h.slash('U0MEX1', 'help');
    await h.slash('U0MEX1', 'help');
    expect(h.recorder.callsTo('users.info')).toHaveLength(1);
    expect(h.recorder.callsTo('response_url')).toHaveLength(3);
    // Retried after a while (the injected clock).
    h.clock.advance(11 * 60_000);
    await h.slash('U0MEX1', 'help');
    expect(h.recorder.callsTo('users.info')).toHaveLength(2);
  });

  it('answers a vote through response_url (no Bolt respond), and falls back to an ephemeral message when the URL fails', async () => {
    const ballot = h.consult.store.get('T1')!;
    expect(ballot).toBeTruthy();
    const p = fixture('block-actions-button.json');
    p.actions[0] = {
      ...p.actions[0],
      action_id: 'consult:0',
      value: JSON.stringify({ type: 'vote', id: 'T1', choices: [1] }),
    };
    p.response_url = `${h.recorder.base}/nowhere`; // the recorder answers unknown paths as an unknown Web API method
    expect(await h.send(h.signed({ payload: JSON.stringify(p) }))).toBe(200);
    expect(h.recorder.callsTo('chat.postEphemeral')).toHaveLength(1);
  });
});

describe('Slack: owed deliveries carry their key as message metadata', () => {
  let rec: SlackRecorder;
  const logs: string[] = [];
  beforeEach(async () => {
    rec = await startRecorder();
    logs.splice(0);
  });
  afterEach(async () => {
    await rec.close();
  });

  function deliverer() {
    const client = new WebClient('xoxb-test-token', {
      slackApiUrl: rec.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    let now = 0;
    const sleep = async (ms: number) => void (now += ms);
    const web = createSlackWeb({
      client: () => client,
      pacer: createPacer({ now: () => now, sleep }),
      sleep,
      log: (l) => logs.push(l),
    });
    return createSlackDeliverer(web, (l) => logs.push(l), { now: () => now, sleep });
  }
  const card = {
    title: 'Reminder: the theme poll closes on Monday',
    blocks: [{ type: 'text' as const, text: 'Your delegation has not answered yet.' }],
  };
  const reminder = (key?: string): OutboundMessage => ({
    audience: { kind: 'user', user: 'slack:U0KEN1' },
    card,
    lang: 'en',
    purpose: 'reminder',
    ...(key ? { deliveryKey: key } : {}),
  });
  const results = (key: string): OutboundMessage => ({
    audience: { kind: 'channel', channel: { platform: 'slack', id: CHANNEL } },
    card,
    lang: 'en',
    purpose: 'results',
    deliveryKey: key,
  });

  it('attaches the key to chat.postMessage, and only for owed messages', async () => {
    const d = deliverer();
    await d.deliver(reminder('outbox-7:remind:U0KEN1'));
    await d.deliver(reminder());
    const [owed, plain] = rec.callsTo('chat.postMessage');
    expect(owed.body.metadata).toEqual({
      event_type: DELIVERY_EVENT,
      event_payload: { key: 'outbox-7:remind:U0KEN1' },
    });
    expect(plain.body.metadata).toBeUndefined();
    expect(rec.messages('D0KEN1')).toHaveLength(2);
  });

  it('wasDelivered finds a reminder in the DM and a result in the channel by its key; false when absent', async () => {
    const d = deliverer();
    await d.deliver(reminder('k-dm'));
    await d.deliver(results('k-channel'));
    expect(await d.wasDelivered!(reminder('k-dm'))).toBe(true);
    expect(await d.wasDelivered!(results('k-channel'))).toBe(true);
    expect(await d.wasDelivered!(reminder('k-never-sent'))).toBe(false);
    expect(await d.wasDelivered!(results('k-dm'))).toBe(false); // a key is looked for where its message goes
    const history = rec.callsTo('conversations.history');
    expect(history.map((c) => c.body.channel)).toEqual(['D0KEN1', CHANNEL, 'D0KEN1', CHANNEL]);
    for (const c of history) expect(c.body).toMatchObject({ include_all_metadata: 'true', limit: '50' });
  });

  it('wasDelivered cannot tell (undefined) when Slack does not answer, or without a key', async () => {
    const d = deliverer();
    await d.deliver(reminder('k1'));
    expect(await d.wasDelivered!(reminder())).toBeUndefined();
    rec.fail('conversations.history', 'missing_scope');
    expect(await d.wasDelivered!(reminder('k1'))).toBeUndefined();
    expect(logs.join('\n')).toMatch(/missing_scope/);
  });

  it('the recorder answers conversations.history as Slack does: newest first, limited, metadata only when asked', async () => {
    const d = deliverer();
    for (let i = 0; i < 3; i++) await d.deliver(results(`k${i}`));
    const client = new WebClient('xoxb-test-token', { slackApiUrl: rec.apiUrl, retryConfig: { retries: 0 } });
    const r = await client.conversations.history({ channel: CHANNEL, limit: 2 });
    expect(r.messages!.map((m) => m.metadata)).toEqual([undefined, undefined]);
    expect(r.has_more).toBe(true);
    const withMeta = await client.conversations.history({ channel: CHANNEL, limit: 2, include_all_metadata: true });
    expect(withMeta.messages!.map((m) => m.metadata?.event_payload)).toEqual([{ key: 'k2' }, { key: 'k1' }]);
  });
});

describe('Slack: ballot refreshes in a vote burst', () => {
  it('are merged before rendering and paced: the newest waiting state only, at most one update a second', async () => {
    const rec = await startRecorder();
    try {
      const client = new WebClient('xoxb-test-token', { slackApiUrl: rec.apiUrl, retryConfig: { retries: 0 } });
      const now = 0; // the clock stands still: every refresh after the first must wait its second
      const sleeps: number[] = [];
      const sleep = async (ms: number) => void sleeps.push(ms);
      const web = createSlackWeb({
        client: () => client,
        pacer: createPacer({ now: () => now, sleep }),
        sleep,
        log: () => {},
      });
      const d = createSlackDeliverer(web, () => {}, { now: () => now, sleep });
      const update = (n: number): OutboundMessage => ({
        audience: {
          kind: 'ballot-update',
          channel: { platform: 'slack', id: CHANNEL },
          ref: `${CHANNEL}:1700000000.000100`,
        },
        card: { title: `Theme poll: ${n} votes`, blocks: [] },
        lang: 'en',
        purpose: 'ballot',
      });
      const release = rec.hold('chat.update');
      const first = d.deliver(update(1));
      while (rec.callsTo('chat.update').length === 0) await new Promise((r) => setImmediate(r));
      // Votes 2..9 arrive while the first refresh is on its way to Slack.
      const rest = [2, 3, 4, 5, 6, 7, 8, 9].map((n) => d.deliver(update(n)));
      release();
      await Promise.all([first, ...rest]);
      const texts = rec.callsTo('chat.update').map((c) => c.body.text);
      expect(texts).toEqual([expect.stringContaining('1 votes'), expect.stringContaining('9 votes')]);
      expect(sleeps).toEqual([1000]);
    } finally {
      await rec.close();
    }
  });
});
