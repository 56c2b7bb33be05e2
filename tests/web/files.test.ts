/** In the local web chat, an export is a download link the page renders, served from this machine only. */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApp, type RunningApp } from './support/app.ts';

let run: RunningApp;
beforeAll(async () => {
  run = await startDemoApp();
});
afterAll(() => run.close());

async function json(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const res = await fetch(new URL(path, run.url), {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return res.json();
}

type Attachment = { contentType: string; contentUrl?: string; name?: string };

describe('a file in the web chat', () => {
  it('the secretariat’s export arrives as a download link to the whole CSV, not as text', async () => {
    const { conversationId, token } = await json('/webchat/token', {
      method: 'POST',
      body: { conversation: 'channel' },
    });
    const activities = `/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities`;
    const say = (text: string) =>
      json(activities, { method: 'POST', token, body: { type: 'message', from: { id: 'secretariat' }, text } });
    await say('theme "Labour mobility" "Climate and migration" live');
    await run.app.consult.idle();
    await say('export T1');
    await run.app.consult.idle();
    const log = (await json(`${activities}?watermark=0`, { token })).activities as {
      text?: string;
      attachments?: Attachment[];
    }[];
    const links = log.flatMap((a) => a.attachments ?? []).filter((a) => a.contentUrl);
    expect(links).toEqual([
      {
        contentType: 'text/csv',
        contentUrl: expect.stringMatching(/^\/webchat\/files\/[\w-]{32}$/),
        name: 'consult-T1.csv',
      },
    ]);
    expect(log.some((a) => a.text?.includes('```'))).toBe(false);

    const res = await fetch(new URL(links[0].contentUrl!, run.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment; filename="consult-T1.csv"');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const csv = await res.text();
    expect(csv.split('\n').length).toBeGreaterThan(1);
    expect(csv).toContain('launch');

    // The link answers this machine only, like the rest of the web chat.
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(new URL(links[0].contentUrl!, run.url), { headers: { host: 'evil.example' } }, (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      });
      req.on('error', reject).end();
    });
    expect(status).toBe(403);
  });

  it('a made-up or malformed token finds nothing', async () => {
    for (const path of [
      '/webchat/files/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '/webchat/files/x%2F..%2Fsetup',
      '/webchat/files/',
    ])
      expect((await fetch(new URL(path, run.url))).status).toBe(404);
  });
});
