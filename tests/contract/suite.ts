/**
 * The contract every platform adapter passes, through the real composition root (createApp with only
 * this adapter), a real store on disk and the platform's stand-in: it renders every neutral sample card
 * without dropping text, delivers each audience kind, round-trips a vote, and says how to call it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../adapters/app.ts';
import type { MountedPlatform } from '../../src/platform.ts';
import type { Card } from '../../src/views/card.ts';
import { allSampleCards } from '../fixtures/teams/sample-cards.ts';
import { type ContractKit, type KitRun, neutralTexts, normalize } from './kit.ts';

export function runContract(kit: ContractKit): void {
  const name = kit.adapter.name;
  describe(`platform contract: ${name}`, () => {
    let run: KitRun;
    let app: App;
    let root: string;
    let url: string;
    let mounted: MountedPlatform;
    const channel = () => ({ platform: name, id: run.channel });

    beforeAll(async () => {
      run = await kit.start();
      root = await mkdtemp(join(tmpdir(), `consult-contract-${name}-`));
      app = await createApp({
        env: {
          DATA_DIR: join(root, 'store'),
          PORT: '0',
          HOST: '127.0.0.1',
          BALLOT_SECRET: 'contract',
          SECRETARIAT: `${name}:sec`,
          WEBCHAT: 'off',
          ...run.env,
        },
        adapters: [kit.adapter],
        log: () => {},
      });
      url = `http://127.0.0.1:${await app.start()}`;
      expect(app.platforms).toHaveLength(1);
      mounted = app.platforms[0];
      await run.ready?.(url);
      await mounted.idle?.();
      await app.consult.idle();
    });

    afterAll(async () => {
      await app?.stop();
      await run?.close();
      if (root) await rm(root, { recursive: true, force: true });
    });

    const idle = async () => {
      await mounted.idle?.();
      await app.consult.idle();
    };

    for (const [sample, card] of Object.entries(allSampleCards)) {
      it(`renders the sample card "${sample}" in a channel without dropping text`, async () => {
        await mounted.deliverer.deliver({
          audience: { kind: 'channel', channel: channel() },
          card,
          lang: 'en',
          purpose: 'status',
        });
        const seen = normalize(await run.seen({ channel: run.channel }));
        for (const text of neutralTexts(card)) expect(seen).toContain(normalize(text));
      });
    }

    it('delivers a direct message to one user', async () => {
      const card: Card = {
        title: 'Reminder for you alone',
        blocks: [{ type: 'text', text: 'Your delegation has not voted.' }],
      };
      await mounted.deliverer.deliver({
        audience: { kind: 'user', user: `${name}:d7` },
        card,
        lang: 'en',
        purpose: 'reminder',
      });
      expect(normalize(await run.seen({ user: 'd7' }))).toContain('Your delegation has not voted.');
      expect(normalize(await run.seen({ channel: run.channel }))).not.toContain('Reminder for you alone');
    });

    it('updates a posted ballot in place', async () => {
      const first: Card = { title: 'Turnout: 0 of 2', blocks: [{ type: 'text', text: 'nobody yet' }] };
      const ref = await mounted.deliverer.deliver({
        audience: { kind: 'channel', channel: channel() },
        card: first,
        lang: 'en',
        purpose: 'ballot',
      });
      expect(ref).toBeTruthy();
      const second: Card = { title: 'Turnout: 1 of 2', blocks: [{ type: 'text', text: 'one delegation voted' }] };
      await mounted.deliverer.deliver({
        audience: { kind: 'ballot-update', channel: channel(), ref: ref as string },
        card: second,
        lang: 'en',
        purpose: 'ballot',
      });
      expect(normalize(await run.seen({ channel: run.channel }))).toContain('one delegation voted');
    });

    it('round-trips a vote: the ballot it posts, tapped by a delegate, is recorded by the core', async () => {
      const sec = { actor: { user: `${name}:sec` }, channel: channel() };
      await app.consult.handle(sec, { type: 'text', text: `roster add ${name}:d1 "Mexico" member Americas` });
      await app.consult.handle(sec, { type: 'text', text: 'theme "Safe migration" "Return and reintegration"' });
      await idle();
      const posted = app.consult.store.all().at(-1);
      expect(posted).toBeDefined();
      await run.tap(url, run.channel, 'd1', '1');
      await idle();
      expect(app.consult.store.get(posted!.id)!.ballots.mexico).toMatchObject({ choices: [1], by: `${name}:d1` });
    });

    it("says in the help how to call the bot on this platform, in the user's language", async () => {
      for (const lang of ['en', 'fr', 'es'] as const) {
        const [reply] = await app.consult.handle(
          { actor: { user: `${name}:d1`, locale: lang }, channel: channel() },
          { type: 'text', text: 'help' },
        );
        expect(JSON.stringify(reply.card)).toContain(kit.adapter.howToCall[lang]);
      }
    });
  });
}
