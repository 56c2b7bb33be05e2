/**
 * A scheduled close while the store cannot be written: the process keeps running, /healthz says
 * why it is degraded, the secretariat is told once, and the results go out once writing works again.
 * Tests run as root, where permission bits stop nothing: the directory is made immutable (chattr +i).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../adapters/app.ts';
import { startRecorder, type SlackRecorder } from '../slack/recorder.ts';
import { blocksText } from '../slack/support/harness.ts';
import { idFrom, makeHarness, SEC, TestClock, withRoster } from '../helpers/core.ts';

const immutable = (path: string, on: boolean) => execFileSync('chattr', [on ? '+i' : '-i', path]);

describe('the scheduler when the store cannot be written', () => {
  let app: App | undefined;
  let rec: SlackRecorder | undefined;
  const locked: string[] = [];
  afterEach(async () => {
    for (const path of locked.splice(0)) immutable(path, false);
    await app?.stop();
    await rec?.close();
    vi.useRealTimers();
  });

  it('a close at the deadline fails without a crash, /healthz answers 503 with the reason, the secretariat is told once, and the results are posted once writing works', async () => {
    rec = await startRecorder();
    const dir = await mkdtemp(join(tmpdir(), 'consult-unwritable-'));
    const clock = new TestClock(new Date('2026-12-01T08:00:00Z'));
    const logs: string[] = [];
    app = await createApp({
      env: {
        DATA_DIR: dir,
        PORT: '0',
        HOST: '127.0.0.1',
        SECRETARIAT: 'slack:USEC',
        BALLOT_SECRET: 'unwritable-test',
        SLACK_SIGNING_SECRET: 'unwritable-signing-secret',
        SLACK_BOT_TOKEN: 'xoxb-unwritable',
        SLACK_API_URL: rec.apiUrl,
      },
      clock,
      log: (line) => void logs.push(line),
    });
    const port = await app.start();
    const health = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const [launched] = await app.consult.handle(
      { actor: { user: 'slack:USEC' }, channel: { platform: 'slack', id: 'C0MAIN' } },
      { type: 'text', text: 'theme "A" "B" deadline 36h' },
    );
    const id = idFrom(launched.card.title + launched.card.blocks.map((b) => ('text' in b ? b.text : '')).join(' '));
    await app.consult.idle();
    expect((await health()).status).toBe(200);

    const consultations = join(dir, 'consultations');
    immutable(consultations, true);
    locked.push(consultations);
    rec.clear();
    clock.advance(37 * 3600_000);
    await expect(app.consult.tick()).rejects.toThrow(/could not write|operation not permitted/i);
    await expect(app.consult.tick()).rejects.toThrow();
    await app.consult.idle();

    const degraded = await health();
    expect(degraded.status).toBe(503);
    expect(degraded.body).toMatchObject({ ok: false, degraded: true, failedPasses: 2 });
    expect(String(degraded.body.reason)).toContain(`close ${id}`);
    expect(String(degraded.body.reason)).toMatch(/EPERM|not permitted/);
    expect(app.consult.store.get(id)!.status).toBe('open');
    expect(logs.some((l) => l.startsWith('scheduler pass failed'))).toBe(true);

    // Told once, personally, in plain words; no results were posted to the channel.
    const posts = rec.callsTo('chat.postMessage');
    expect(rec.callsTo('conversations.open').map((c) => c.body.users)).toEqual(['USEC']);
    expect(posts).toHaveLength(1);
    expect(blocksText(posts[0].body.blocks)).toContain(
      `The results of ${id} could not be saved: the store cannot be written`,
    );

    immutable(consultations, false);
    locked.pop();
    rec.clear();
    await app.consult.tick();
    await app.consult.idle();
    expect((await health()).status).toBe(200);
    const results = rec.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0MAIN');
    expect(results).toHaveLength(1);
    expect(blocksText(results[0].body.blocks)).toContain(`Results of ${id}`);
    await app.consult.tick();
    await app.consult.idle();
    expect(rec.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0MAIN')).toHaveLength(1);
  });

  it('the scheduler loop itself retries a failing pass with growing waits and recovers by itself', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T08:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const h = await makeHarness({ clock: { now: () => new Date() } as never });
    await withRoster(h);
    const id = idFrom(await h.text(SEC, 'theme "A" "B" deadline 2026-12-01T08:00:30Z'));
    const consultations = join(h.dir, 'consultations');
    immutable(consultations, true);
    locked.push(consultations);
    h.consult.start();
    await vi.advanceTimersByTimeAsync(30_500); // the deadline passes: the close fails
    await h.consult.idle();
    expect(h.consult.health()).toMatchObject({ failedPasses: 1 });
    // Retries at 1 s, then 2 s, 4 s, 8 s after each failure: four more within 15 s, not hundreds.
    for (let s = 0; s < 15; s++) {
      await vi.advanceTimersByTimeAsync(1000);
      await h.consult.idle();
    }
    expect(h.consult.health()?.failedPasses).toBe(5);
    expect(h.consult.store.get(id)!.status).toBe('open');

    immutable(consultations, false);
    locked.pop();
    for (let s = 0; s < 17; s++) {
      await vi.advanceTimersByTimeAsync(1000);
      await h.consult.idle();
    }
    expect(h.consult.health()).toBeUndefined();
    expect(h.consult.store.get(id)!.status).toBe('closed');
    expect(h.sent.filter((m) => m.purpose === 'results')).toHaveLength(1);
    // The secretariat was told once, whatever the number of failed passes.
    expect(h.sent.filter((m) => m.purpose === 'error' && m.audience.kind === 'user')).toHaveLength(1);
    await h.consult.stop();
  });
});
