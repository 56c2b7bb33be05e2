/** A silence procedure has objections, not options: nothing to chart, so no chart is drawn, posted or uploaded. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { cardText, makeHarness, SEC, SLACK_CH, withRoster } from '../helpers/core.ts';
import {
  blocksText,
  CHANNEL,
  SEC as SLACK_SEC,
  startSlackHarness,
  type SlackHarness,
} from '../slack/support/harness.ts';

const TEXT = 'The IDM 2027 will be held under the theme Migration and sustainable development.';

describe('silence procedures: no chart', () => {
  it('the close posts the outcome with no image block; report is refused politely and changes nothing on disk', async () => {
    const h = await makeHarness();
    await withRoster(h);
    await h.text(SEC, `silence "${TEXT}"`);
    await h.text('slack:UMEX1', 'object SP1');
    h.sent.length = 0;
    h.clock.set('2026-12-31T00:00:00Z');
    await h.consult.tick();
    await h.consult.idle();
    const results = h.sent.filter((m) => m.purpose === 'results' || /Decision/.test(cardText(m.card)));
    expect(results.length).toBeGreaterThan(0);
    for (const m of results) {
      expect(cardText(m.card)).toContain('silence broken by 1 delegation: Mexico');
      expect(m.card.blocks.some((b) => b.type === 'image')).toBe(false);
    }

    const file = join(h.dir, 'consultations', 'SP1.audit.jsonl');
    const before = await readFile(file, 'utf8');
    for (const lang of ['en', 'fr', 'es'] as const) {
      await h.text(SEC, `lang ${lang}`);
      const [refusal] = await h.say(SEC, 'report SP1', SLACK_CH);
      expect(refusal.errorCode).toBe('invalid');
      expect(refusal.file).toBeUndefined();
      expect(cardText(refusal.card)).toContain(t(lang).problems.reportNotForSilence('SP1'));
    }
    expect(await readFile(file, 'utf8')).toBe(before);

    // History lists the silence procedure's decision among the consultations closed here, without a chart.
    await h.text(SEC, 'lang en');
    const [history] = await h.say(SEC, 'history');
    expect(cardText(history.card)).toContain('Decision: silence broken by 1 delegation: Mexico.');
    expect(history.card.blocks.some((b) => b.type === 'image')).toBe(false);
  });

  describe('over real signed Slack HTTP', () => {
    let s: SlackHarness;
    afterEach(async () => {
      await s.close();
    });

    it('the close of a silence procedure uploads no file and its results message has no image', async () => {
      s = await startSlackHarness();
      await s.roster('U0MEX1', 'Mexico', 'member', 'Americas');
      await s.roster('U0KEN1', 'Kenya', 'member', 'Africa');
      await s.slash(SLACK_SEC, `silence "${TEXT}"`);
      await s.slash('U0MEX1', 'object SP1');
      s.recorder.clear();
      s.clock.set('2026-12-31T00:00:00Z');
      await s.consult.tick();
      await s.consult.idle();
      const posts = s.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL);
      expect(posts).toHaveLength(1);
      expect(blocksText(posts[0].body.blocks)).toContain('silence broken by 1 delegation: Mexico');
      const all = [...posts, ...s.recorder.callsTo('chat.update')];
      expect(all.some((c) => (c.body.blocks ?? []).some((b: { type: string }) => b.type === 'image'))).toBe(false);
      expect(s.recorder.callsTo('files.getUploadURLExternal')).toHaveLength(0);
      expect(s.recorder.callsTo('upload')).toHaveLength(0);
      expect(s.recorder.callsTo('files.completeUploadExternal')).toHaveLength(0);
    });
  });
});
