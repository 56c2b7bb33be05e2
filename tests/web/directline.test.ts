/** The Direct Line endpoint serves only those holding the token it issued for that conversation. */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApp, type RunningApp } from './support/app.ts';

let run: RunningApp;
beforeAll(async () => {
  run = await startDemoApp();
});
afterAll(() => run.close());

async function call(
  path: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers['content-type'] ??= 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(new URL(path, run.url), {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : text };
}

const grant = async (body: unknown) =>
  (await call('/webchat/token', { method: 'POST', body })).body as { conversationId: string; token: string };
const activities = (conversation: string) =>
  `/v3/directline/conversations/${encodeURIComponent(conversation)}/activities`;
const hello = { type: 'message', from: { id: 'secretariat' }, text: 'help' };

describe('the Direct Line endpoint', () => {
  it('answers the holder of the conversation token: post, then read by watermark', async () => {
    const { conversationId, token } = await grant({ conversation: 'channel' });
    const posted = await call(activities(conversationId), { method: 'POST', token, body: hello });
    expect(posted.status).toBe(200);
    const read = await call(`${activities(conversationId)}?watermark=0`, { token });
    expect(read.status).toBe(200);
    expect(read.body.activities.map((a: { from: { id: string } }) => a.from.id)).toEqual([
      'secretariat',
      'consult-bot',
    ]);
    const later = await call(`${activities(conversationId)}?watermark=${read.body.watermark}`, { token });
    expect(later.body.activities).toEqual([]);
  });

  it("refuses requests without a token, with a made-up token, or with another conversation's token", async () => {
    const { conversationId } = await grant({ conversation: 'channel' });
    const other = await grant({ conversation: 'personal', user: 'mexico-1' });
    expect((await call(`${activities(conversationId)}?watermark=0`)).status).toBe(401);
    expect((await call(activities(conversationId), { method: 'POST', body: hello })).status).toBe(401);
    expect((await call(activities(conversationId), { method: 'POST', token: 'not-a-token', body: hello })).status).toBe(
      403,
    );
    expect((await call(`${activities(conversationId)}?watermark=0`, { token: other.token })).status).toBe(403);
    expect((await call(activities(conversationId), { method: 'POST', token: other.token, body: hello })).status).toBe(
      403,
    );
    expect((await call('/v3/directline/tokens/refresh', { method: 'POST' })).status).toBe(401);
    // Minting tokens needs the Direct Line secret, which never leaves the server.
    expect(
      (await call('/v3/directline/tokens/generate', { method: 'POST', token: other.token, body: {} })).status,
    ).toBe(403);
  });

  it("lets a personal chat's token act only as its own user", async () => {
    const { conversationId, token } = await grant({ conversation: 'personal', user: 'kenya-1' });
    await call(activities(conversationId), {
      method: 'POST',
      token,
      body: { type: 'message', from: { id: 'secretariat' }, text: 'status' },
    });
    const read = await call(`${activities(conversationId)}?watermark=0`, { token });
    expect(read.body.activities[0].from.id).toBe('kenya-1');
  });

  it('refuses a page on another site that points its name at this machine', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(new URL('/webchat/setup', run.url), { headers: { host: 'evil.example:3978' } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
      req.on('error', reject).end();
    });
    expect(status).toBe(403);
    // And a cross-site form cannot post: the page's own endpoints take JSON only.
    expect(
      (
        await call('/webchat/token', {
          method: 'POST',
          body: { conversation: 'channel' },
          headers: { 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(415);
  });
});
