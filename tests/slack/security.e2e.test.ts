/** Forged, stale and replayed requests are refused with 401 and change nothing. */
import { createHmac } from 'node:crypto';
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifySlackRequest } from '@slack/bolt';
import { createReplayGuard } from '../../adapters/slack/replay-guard.ts';
import { fixture, SEC, sign, SIGNING_SECRET, startSlackHarness, type SlackHarness } from './support/harness.ts';

describe('Slack: request authenticity', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
    await h.roster('U0MEX1', 'Mexico', 'member', 'Americas');
    h.recorder.clear();
  });
  afterEach(async () => {
    await h.close();
  });

  const launch = () =>
    h.signed({
      ...fixture('slash-command.json'),
      user_id: SEC,
      text: 'theme "A" "B"',
      response_url: h.recorder.responseUrl(),
    });
  const unchanged = () => {
    expect(h.consult.store.all()).toHaveLength(0);
    expect(h.recorder.calls.filter((c) => c.method !== 'users.info')).toEqual([]);
  };

  it('signs test requests with Slack’s documented v0 example', () => {
    // The example from Slack's "Verifying requests" guide.
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    const expected = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
    expect(sign(body, 1531420618, '8f742231b10e8888abcd99yyyzzz85a5')).toBe(expected);
    expect(() =>
      verifySlackRequest({
        signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
        body,
        headers: { 'x-slack-signature': expected, 'x-slack-request-timestamp': 1531420618 },
        nowMilliseconds: 1531420618_000,
      }),
    ).not.toThrow();
  });

  it('refuses a bad signature with 401', async () => {
    const req = launch();
    req.headers['x-slack-signature'] = `v0=${createHmac('sha256', 'not-the-secret').update('x').digest('hex')}`;
    expect(await h.send(req)).toBe(401);
    unchanged();
  });

  it('refuses a body altered after signing with 401', async () => {
    const req = launch();
    req.body = req.body.replace('user_id=U0SEC', 'user_id=U0MEX1');
    expect(await h.send(req)).toBe(401);
    unchanged();
  });

  it('refuses a request without signature headers with 401', async () => {
    const req = launch();
    expect(await h.send({ body: req.body, headers: { 'content-type': req.headers['content-type'] } })).toBe(401);
    unchanged();
  });

  it('refuses a correctly signed request whose timestamp is older than 5 minutes with 401', async () => {
    const old = Math.floor(h.clock.now().getTime() / 1000) - 5 * 60 - 1;
    expect(
      await h.send(
        h.signed({ ...fixture('slash-command.json'), user_id: SEC, text: 'theme "A" "B"' }, { timestampSec: old }),
      ),
    ).toBe(401);
    unchanged();
  });

  it('refuses a correctly signed request whose timestamp is more than 5 minutes in the future with 401', async () => {
    const now = Math.floor(h.clock.now().getTime() / 1000);
    expect(
      await h.send(
        h.signed(
          { ...fixture('slash-command.json'), user_id: SEC, text: 'theme "A" "B"' },
          { timestampSec: now + 5 * 60 + 1 },
        ),
      ),
    ).toBe(401);
    expect(
      await h.send(
        h.signed(
          { ...fixture('slash-command.json'), user_id: SEC, text: 'theme "A" "B"' },
          { timestampSec: now + 24 * 3600 },
        ),
      ),
    ).toBe(401);
    unchanged();
    expect(h.logs.join('\n')).toMatch(/in the future/);
    expect(h.logs.join('\n')).not.toContain(SIGNING_SECRET);
    // A clock a little behind Slack's (within the 5 minutes) is still fine.
    expect(
      await h.send(
        h.signed(
          { ...fixture('slash-command.json'), user_id: SEC, text: 'theme "A" "B"' },
          { timestampSec: now + 4 * 60 },
        ),
      ),
    ).toBe(200);
    expect(h.consult.store.all()).toHaveLength(1);
  });

  it('refuses a replayed request with 401 and launches only once', async () => {
    const req = launch();
    expect(await h.send(req)).toBe(200);
    expect(h.consult.store.all()).toHaveLength(1);
    h.clock.advance(60_000); // still inside the 5-minute window
    expect(await h.send(req)).toBe(401);
    expect(h.consult.store.all()).toHaveLength(1);
    expect(h.recorder.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('refuses a replayed vote: the ballot and audit trail hold one vote', async () => {
    expect(await h.send(launch())).toBe(200);
    const payload = fixture('block-actions-button.json');
    payload.actions[0] = {
      ...payload.actions[0],
      action_id: 'consult:0',
      value: JSON.stringify({ type: 'vote', id: 'T1', choices: [1] }),
    };
    payload.response_url = h.recorder.responseUrl();
    const vote = h.signed({ payload: JSON.stringify(payload) });
    expect(await h.send(vote)).toBe(200);
    expect(await h.send(vote)).toBe(401);
    const c = h.consult.store.get('T1')!;
    expect(c.audit.filter((e) => e.action === 'vote')).toHaveLength(1);
    expect(
      h.recorder.callsTo('response_url').filter((r) => JSON.stringify(r.body).includes('Vote recorded')),
    ).toHaveLength(1);
  });

  it('answers Slack’s unsigned ssl_check without processing anything', async () => {
    const res = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ssl_check=1&token=x&command=%2Fconsult&text=theme+%22A%22',
    });
    expect(res.status).toBe(200);
    unchanged();
  });

  it('refuses missing or stale signature headers at once, before the body has arrived', async () => {
    const stale = String(Math.floor(h.clock.now().getTime() / 1000) - 6 * 60);
    for (const headers of ['', `X-Slack-Request-Timestamp: ${stale}\r\nX-Slack-Signature: v0=${'0'.repeat(64)}\r\n`]) {
      const socket = net.connect(Number(new URL(h.url).port), '127.0.0.1');
      socket.on('error', () => {});
      // 100 kB announced, 10 bytes sent: the answer comes without waiting for the rest.
      socket.write(`POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n${headers}\r\npayload=xx`);
      const answer = await new Promise<string>((resolve) => socket.once('data', (d: Buffer) => resolve(d.toString())));
      expect(answer).toMatch(/^HTTP\/1\.1 401/);
      socket.destroy();
    }
    unchanged();
  });

  it('answers the url_verification challenge only when signed', async () => {
    const challenge = {
      token: 'x',
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      type: 'url_verification',
    };
    const ok = await fetch(h.url, { method: 'POST', ...h.signedJson(challenge) });
    expect(await ok.json()).toEqual({ challenge: challenge.challenge });
    const forged = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(challenge),
    });
    expect(forged.status).toBe(401);
  });

  it('the replay guard forgets keys once they leave the 5-minute window and stays bounded', () => {
    let now = 1_000_000_000_000;
    const guard = createReplayGuard({ now: () => now, max: 3 });
    expect(guard.firstTime('v0=a', now / 1000)).toBe(true);
    expect(guard.firstTime('v0=a', now / 1000)).toBe(false);
    now += 6 * 60_000;
    expect(guard.firstTime('v0=b', now / 1000)).toBe(true);
    expect(guard.size).toBe(1);
    for (const s of ['c', 'd', 'e', 'f']) guard.firstTime(`v0=${s}`, now / 1000);
    expect(guard.size).toBeLessThanOrEqual(3);
    // At the cap the oldest go first; the latest are still refused when sent again.
    expect(guard.firstTime('v0=f', now / 1000)).toBe(false);
    expect(guard.firstTime('v0=e', now / 1000)).toBe(false);
  });
});
