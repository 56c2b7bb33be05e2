/**
 * The local web chat, like Teams and Slack: once a consultation closes, the reminder in a delegate's
 * personal conversation is redrawn as the closed ballot, with no button left. Over Direct Line, as the page reads it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApp, type RunningApp } from './support/app.ts';

let run: RunningApp;
beforeAll(async () => {
  run = await startDemoApp();
});
afterAll(() => run.close());

type Activity = { id: string; from: { id: string }; attachments?: { content: unknown }[] };

async function call(path: string, token: string, body?: unknown) {
  const res = await fetch(new URL(path, run.url), {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json() as Promise<{ activities: Activity[]; watermark: string }>;
}

async function grant(body: unknown) {
  const res = await fetch(new URL('/webchat/token', run.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { conversationId: string; token: string };
}

const path = (conversation: string) => `/v3/directline/conversations/${encodeURIComponent(conversation)}/activities`;
const buttons = (a: Activity) => (JSON.stringify(a.attachments ?? []).match(/"Action\.Execute"/g) ?? []).length;

describe('the web chat, once a consultation is over', () => {
  it('redraws the reminder in the delegate’s personal conversation without buttons', async () => {
    const channel = await grant({ conversation: 'channel' });
    const mexico = await grant({ conversation: 'personal', user: 'mexico-1' });
    const say = (text: string) =>
      call(path(channel.conversationId), channel.token, { type: 'message', from: { id: 'secretariat' }, text });
    await say('theme "Labour mobility" "Migration and health"');
    const launched = await call(`${path(channel.conversationId)}?watermark=0`, channel.token);
    const id = /\b(T\d+)\b/.exec(JSON.stringify(launched.activities.at(-1)))![1];
    await say(`remind ${id}`);
    await run.app.consult.idle();
    const before = await call(`${path(mexico.conversationId)}?watermark=0`, mexico.token);
    const reminder = before.activities
      .filter((a) => a.from.id !== 'mexico-1' && JSON.stringify(a).includes(id))
      .at(-1)!;
    expect(buttons(reminder)).toBeGreaterThan(0);
    await say(`close ${id} confirm`);
    await run.app.consult.idle();
    const after = await call(`${path(mexico.conversationId)}?watermark=${before.watermark}`, mexico.token);
    const redrawn = after.activities.filter((a) => a.id === reminder.id);
    expect(redrawn).toHaveLength(1);
    expect(buttons(redrawn[0])).toBe(0);
  });
});
