/**
 * A captured vote click sent again after a restart (Slack's signature stays valid 5 minutes, and
 * the in-memory replay guard is gone) changes nothing: the interaction id is kept in the store.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp, type App } from '../../adapters/app.ts';
import { blockActions, formBody, post } from '../../bench/lib/slack.ts';
import { startRecorder, callText } from '../slack/recorder.ts';
import { idFrom, makeHarness, SEC, SLACK_CH, withManyDelegations } from '../helpers/core.ts';

const SECRET = 'replay-signing-secret';

/** The real app on a store on disk; `start` may be called again on the same directory (a restart). */
async function onDisk(rec: { apiUrl: string }) {
  const env = {
    DATA_DIR: await mkdtemp(join(tmpdir(), 'consult-replay-')),
    PORT: '0',
    HOST: '127.0.0.1',
    SECRETARIAT: 'slack:U0SEC',
    BALLOT_SECRET: 'replay-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-replay',
    SLACK_API_URL: rec.apiUrl,
  };
  return async (): Promise<{ app: App; url: string }> => {
    const app = await createApp({ env, log: () => {} });
    const port = await app.start();
    return { app, url: `http://127.0.0.1:${port}/slack/events` };
  };
}

const SEC_CTX = { actor: { user: 'slack:U0SEC' as const }, channel: { platform: 'slack' as const, id: 'C0MAIN' } };

async function mexicoAndAPoll(app: App): Promise<void> {
  await app.consult.handle(SEC_CTX, { type: 'text', text: 'roster add slack:U0MEX1 "Mexico" member "Americas"' });
  await app.consult.handle(SEC_CTX, { type: 'text', text: 'theme "A" "B"' });
  await app.consult.idle();
}

describe('replays after a restart', () => {
  it('a vote click replayed after a restart changes nothing', async () => {
    const rec = await startRecorder();
    const start = await onDisk(rec);
    let { app, url } = await start();
    try {
      await mexicoAndAPoll(app);

      let n = 0;
      const click = async (choice: number, replay?: { body: string; timestamp: number }) => {
        const key = `click-${++n}`;
        const replied = new Promise<string>((resolve) => {
          rec.onCall = (call) => {
            if (call.method === 'response_url') resolve(callText(call));
          };
        });
        const body =
          replay?.body ??
          formBody(
            blockActions({
              user: 'U0MEX1',
              channel: 'C0MAIN',
              value: JSON.stringify({ type: 'vote', id: 'T1', choices: [choice] }),
              responseUrl: rec.responseUrl(key),
            }),
          );
        const timestamp = replay?.timestamp ?? Math.floor(Date.now() / 1000);
        const res = await post(url, body, { secret: SECRET, timestamp });
        return { status: res.status, reply: await replied, body, timestamp };
      };

      const first = await click(1);
      expect(first.reply).toContain('Vote recorded for Mexico');
      const change = await click(2);
      expect(change.reply).toContain('Vote recorded for Mexico');
      expect(app.consult.store.get('T1')!.ballots.mexico.choices).toEqual([2]);
      const trail = app.consult.store.get('T1')!.audit.length;

      await app.stop();
      ({ app, url } = await start());
      const replayed = await click(1, first);
      expect(replayed.status).toBe(200);
      expect(replayed.reply).toContain('already recorded');
      expect(app.consult.store.get('T1')!.ballots.mexico.choices).toEqual([2]);
      expect(app.consult.store.get('T1')!.audit).toHaveLength(trail);

      // A new click is still a new vote.
      expect((await click(1)).reply).toContain('Vote recorded for Mexico');
      expect(app.consult.store.get('T1')!.ballots.mexico.choices).toEqual([1]);
    } finally {
      await app.stop();
      await rec.close();
    }
  }, 60_000);
});

describe('an interaction id longer than the store keeps', () => {
  it('is not kept: the vote counts, and the store starts again', async () => {
    const rec = await startRecorder();
    const start = await onDisk(rec);
    let { app } = await start();
    try {
      await mexicoAndAPoll(app);
      const out = await app.consult.handle(
        { actor: { user: 'slack:U0MEX1' }, channel: SEC_CTX.channel, interactionId: `slack:${'x'.repeat(1000)}` },
        { type: 'command', command: { type: 'vote', id: 'T1', choices: [2] } },
      );
      expect(JSON.stringify(out)).toContain('Vote recorded for Mexico');
      const vote = app.consult.store.get('T1')!.audit.find((e) => e.action === 'vote');
      expect(vote?.click).toBeUndefined();
      await app.stop();
      ({ app } = await start());
      expect(app.consult.store.get('T1')!.ballots.mexico.choices).toEqual([2]);
    } finally {
      await app.stop();
      await rec.close();
    }
  });
});

describe('the store of applied interactions', () => {
  it('remembers each click for the replay window only, and a burst of clicks never makes the consultation file longer', async () => {
    const h = await makeHarness();
    await withManyDelegations(h, 3);
    const id = idFrom(await h.text(SEC, 'theme "A" "B"'));
    const click = (user: string, interactionId: string, choice: number) =>
      h.consult.handle(
        { actor: { user: user as `slack:${string}` }, channel: SLACK_CH, interactionId },
        { type: 'command', command: { type: 'vote', id, choices: [choice] } },
      );
    await click('slack:U0', 'slack:t1', 1);
    h.clock.advance(60_000);
    await click('slack:U1', 'slack:t2', 1);
    // Within the window: the same click again changes nothing.
    h.clock.advance(60_000);
    await click('slack:U0', 'slack:t1', 2);
    expect(h.consult.store.get(id)!.ballots.d0.choices).toEqual([1]);
    // Past the window of t1: the same id is a new click (platforms never reuse one within it).
    h.clock.advance(6 * 60_000);
    await click('slack:U0', 'slack:t1', 2);
    expect(h.consult.store.get(id)!.ballots.d0.choices).toEqual([2]);
    // The clicks live in the vote lines of the append-only trail, not in a list the file rewrites at each vote.
    const trail = h.consult.store.get(id)!.audit.filter((e) => e.action === 'vote');
    expect(trail.map((e) => e.click)).toEqual(['slack:t1', 'slack:t2', 'slack:t1']);
    expect(h.consult.store.get(id)!.applied).toBeUndefined();
    await h.consult.stop();
  });
});
