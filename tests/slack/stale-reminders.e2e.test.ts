/**
 * Once a consultation closes or is cancelled, the reminders in delegates' DMs are updated in place
 * (chat.update) to their closed ballot: no vote button is left that would only answer "closed".
 * Over real HTTP with the Slack recorder and a fake clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { validateCalls } from './block-kit-limits.ts';
import { blocksText, SEC, startSlackHarness, THEME_2015, type SlackHarness } from './support/harness.ts';

describe('Slack: reminders of a consultation that is over', () => {
  let h: SlackHarness;
  let reminders: string[];
  beforeEach(async () => {
    h = await startSlackHarness({ start: '2026-03-02T08:00:00Z' });
    await h.roster('U0MEX1', 'Mexico', 'member', 'Americas');
    await h.roster('U0KEN1', 'Kenya', 'member', 'Africa');
    await h.slash(SEC, `theme "${THEME_2015}" "Migration and Development"`);
    h.recorder.clear();
    await h.slash(SEC, 'remind T1');
    await h.adapter.idle();
    reminders = h.recorder
      .callsTo('chat.postMessage')
      .map((c) => String(c.body.channel))
      .filter((c) => c.startsWith('D'))
      .sort();
    expect(reminders).toEqual(['D0KEN1', 'D0MEX1']);
    h.recorder.clear();
  });
  afterEach(async () => {
    expect(validateCalls(h.recorder.calls)).toEqual([]);
    await h.close();
  });

  /** Updates of the messages in a DM channel (the reminder is the only one there). */
  const updatesOf = (dm: string) => h.recorder.callsTo('chat.update').filter((c) => c.body.channel === dm);

  for (const how of ['close', 'cancel'] as const)
    it(`at the ${how}, each reminder becomes the closed ballot, once, with no button`, async () => {
      await h.slash(SEC, `${how} T1 confirm`);
      await h.adapter.idle();
      for (const r of reminders) {
        const [update, ...more] = updatesOf(r);
        expect(update, r).toBeDefined();
        expect(more).toEqual([]);
        expect(JSON.stringify(update.body.blocks)).not.toContain('"type":"button"');
        expect(blocksText(update.body.blocks)).toContain(t('en').ballot.closed('').trim());
      }
      h.recorder.clear();
      await h.slash(SEC, 'status');
      await h.adapter.idle();
      for (const r of reminders) expect(updatesOf(r)).toEqual([]);
    });

  it('a vote while the poll is open leaves the reminders as they are', async () => {
    await h.slash('U0MEX1', 'vote T1 1');
    await h.adapter.idle();
    for (const r of reminders) expect(updatesOf(r)).toEqual([]);
  });
});
