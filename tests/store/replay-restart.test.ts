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

const SECRET = 'replay-signing-secret';

describe('replays after a restart', () => {
  it('a vote click replayed after a restart changes nothing', async () => {
    const rec = await startRecorder();
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
    const start = async (): Promise<{ app: App; url: string }> => {
      const app = await createApp({ env, log: () => {} });
      const port = await app.start();
      return { app, url: `http://127.0.0.1:${port}/slack/events` };
    };
    let { app, url } = await start();
    try {
      const sec = { actor: { user: 'slack:U0SEC' as const }, channel: { platform: 'slack' as const, id: 'C0MAIN' } };
      await app.consult.handle(sec, { type: 'text', text: 'roster add slack:U0MEX1 "Mexico" member "Americas"' });
      await app.consult.handle(sec, { type: 'text', text: 'theme "A" "B"' });
      await app.consult.idle();

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
