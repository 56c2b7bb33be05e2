/** The silence procedure over real signed Slack HTTP: the ballot's one action, the objection modal, the results. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateCalls } from './block-kit-limits.ts';
import { blocksText, CHANNEL, findButton, last, SEC, startSlackHarness, type SlackHarness } from './support/harness.ts';

const TEXT = 'The IDM 2027 will be held under the theme "Migration and sustainable development".';

describe('Slack: the silence procedure end to end', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
    await h.roster('U0MEX1', 'Mexico', 'member', 'Americas');
    await h.roster('U0KEN1', 'Kenya', 'member', 'Africa');
    await h.roster('U0HOL1', 'Holy See', 'observer-state', 'Europe');
    h.recorder.clear();
  });
  afterEach(async () => {
    expect(validateCalls(h.recorder.calls)).toEqual([]);
    await h.close();
  });

  it('Mexico objects through the modal with a reason, Kenya objects and withdraws; the channel gets "silence broken by 1 delegation: Mexico"', async () => {
    await h.slash(SEC, `silence "${TEXT.replace(/"/g, "'")}"`);
    const post = last(h.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL));
    expect(blocksText(post.body.blocks)).toContain('Silence procedure SP1');
    expect(blocksText(post.body.blocks)).toContain('No objection so far.');
    // The one action opens the objection form as a modal.
    await h.click('U0MEX1', findButton(post.body.blocks, 'Object'));
    const modal = last(h.recorder.callsTo('views.open')).body.view;
    await h.submitView('U0MEX1', modal, { reason: 'We need more time to consult the capital.' });
    expect(h.consult.store.get('SP1')!.ballots.mexico).toMatchObject({
      reason: 'We need more time to consult the capital.',
      by: 'slack:U0MEX1',
    });
    await h.slash('U0KEN1', 'object SP1');
    await h.click('U0KEN1', findButton(post.body.blocks, 'Withdraw our objection'));
    expect(Object.keys(h.consult.store.get('SP1')!.ballots)).toEqual(['mexico']);
    const update = last(h.recorder.callsTo('chat.update'));
    expect(blocksText(update.body.blocks)).toContain('Objections so far: 1 (Mexico)');
    // The deadline: 5 working days after Monday 2 March, end of day in Geneva.
    expect(h.consult.store.get('SP1')!.closesAt).toBe('2026-03-09T22:59:59.999Z');
    h.clock.set('2026-03-09T23:00:00Z');
    await h.consult.tick();
    await h.consult.idle();
    const results = last(h.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL));
    const text = blocksText(results.body.blocks);
    expect(text).toContain('Decision: silence broken by 1 delegation: Mexico.');
    expect(text).toContain('Mexico: "We need more time to consult the capital."');
  });
});
