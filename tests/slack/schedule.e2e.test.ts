/** Reminders, results at the deadline, the App Home tab and exports, over real HTTP with a fake clock. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateCalls } from './block-kit-limits.ts';
import {
  blocksText,
  CHANNEL,
  findButton,
  last,
  SEC,
  startSlackHarness,
  THEME_2015,
  type SlackHarness,
} from './support/harness.ts';

const OTHER = 'Migration and Development';

describe('Slack: reminders, results, App Home', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ start: '2026-03-02T08:00:00Z' });
    await h.roster('U0MEX1', 'Mexico', 'member', 'Americas');
    await h.roster('U0MEX2', 'Mexico', 'member', 'Americas');
    await h.roster('U0KEN1', 'Kenya', 'member', 'Africa');
    await h.roster('U0KEN2', 'Kenya', 'member', 'Africa');
    await h.roster('U0PHL1', 'Philippines', 'member', 'Asia-Pacific');
    await h.slash(SEC, `theme "${THEME_2015}" "${OTHER}"`);
    const ballot = h.recorder.callsTo('chat.postMessage')[0];
    await h.click('U0MEX1', findButton(ballot.body.blocks, /^1 · /));
    h.recorder.clear();
  });
  afterEach(async () => {
    expect(validateCalls(h.recorder.calls)).toEqual([]);
    await h.close();
  });

  const dmRecipients = () =>
    h.recorder
      .callsTo('conversations.open')
      .map((c) => c.body.users)
      .sort();

  it('reminders at the 2-days-before slot go by DM only to delegates of delegations that have not answered, with the ballot inline', async () => {
    h.clock.set('2026-03-07T08:05:00Z'); // 09:05 in Geneva, two days before the last day
    await h.consult.tick();
    await h.adapter.idle();
    expect(dmRecipients()).toEqual(['U0KEN1', 'U0KEN2', 'U0PHL1']);
    const dms = h.recorder.callsTo('chat.postMessage');
    expect(dms.map((c) => c.body.channel).sort()).toEqual(['D0KEN1', 'D0KEN2', 'D0PHL1']);
    const text = blocksText(dms[0].body.blocks);
    expect(text).toContain(THEME_2015);
    expect(findButton(dms[0].body.blocks, /^1 · /)).toBeTruthy();
    // Never twice for the same slot.
    h.recorder.clear();
    await h.consult.tick();
    await h.adapter.idle();
    expect(h.recorder.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('a reminder asked with /consult remind goes only to non-responders, and the secretariat is told how many', async () => {
    await h.slash(SEC, 'remind T1');
    expect(dmRecipients()).toEqual(['U0KEN1', 'U0KEN2', 'U0PHL1']);
    expect(blocksText(last(h.recorder.callsTo('response_url')).body.blocks)).toMatch(/T1/);
  });

  it('a delegate voting from the reminder DM is counted once, like a vote in the channel', async () => {
    await h.slash(SEC, 'remind T1');
    const dm = h.recorder.callsTo('chat.postMessage').find((c) => c.body.channel === 'D0KEN1')!;
    await h.click('U0KEN1', findButton(dm.body.blocks, /^2 · /), { channel: 'D0KEN1' });
    expect(h.consult.store.get('T1')!.ballots.kenya.choices).toEqual([2]);
    expect(blocksText(last(h.recorder.callsTo('chat.update')).body.blocks)).toMatch(/Turnout so far: 2 of 3/);
  });

  it('bulk reminders are paced per channel and survive rate limits (429 + Retry-After) without losing or doubling a message', async () => {
    h.recorder.rateLimit('chat.postMessage', 2, 3);
    await h.slash(SEC, 'remind T1');
    expect(h.recorder.rateLimited).toBe(2);
    const delivered = h.recorder.callsTo('chat.postMessage').length - 2;
    expect(delivered).toBe(3);
    // Waits came from the injected sleep: Retry-After seconds, never a real timer.
    expect(h.sleeps.filter((ms) => ms === 3000)).toHaveLength(2);
  });

  it('at the deadline the results are posted to the channel with text bars, turnout and the decision', async () => {
    await h.click('U0KEN1', findButton(await ballotBlocks(h), /^1 · /));
    h.recorder.clear();
    h.clock.set('2026-03-09T23:30:00Z'); // past 23:59 on 9 March in Geneva (CET, UTC+1)
    await h.consult.tick();
    await h.adapter.idle();
    const posts = h.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL);
    expect(posts).toHaveLength(1);
    const text = blocksText(posts[0].body.blocks);
    expect(text).toContain(THEME_2015);
    expect(text).toMatch(/█+░*/);
    expect(text).toMatch(/2 of 3/);
    expect(text).toMatch(/\(100%\)|100%/);
    expect(h.consult.store.get('T1')!.status).toBe('closed');
    // The closed ballot loses its buttons in place (the results post is updated too: with its chart).
    const update = last(ballotUpdates(h));
    expect(update.body.blocks.some((b: any) => b.type === 'actions')).toBe(false);
  });

  it('a consultation shared to a second channel gets its ballot there, and the results in both channels', async () => {
    await h.slash(SEC, 'share T1', { channel: 'C0SECOND' });
    expect(h.recorder.callsTo('chat.postMessage').map((c) => c.body.channel)).toEqual(['C0SECOND']);
    h.recorder.clear();
    await h.slash(SEC, 'close T1 confirm');
    expect(
      h.recorder
        .callsTo('chat.postMessage')
        .map((c) => c.body.channel)
        .sort(),
    ).toEqual([CHANNEL, 'C0SECOND']);
    expect(
      ballotUpdates(h)
        .map((c) => c.body.channel)
        .sort(),
    ).toEqual([CHANNEL, 'C0SECOND']);
  });

  it('App Home: a delegate sees open consultations and whether their delegation answered; the secretariat gets turnout and buttons', async () => {
    await h.homeOpened('U0MEX2');
    const mine = last(h.recorder.callsTo('views.publish'));
    expect(mine.body.user_id).toBe('U0MEX2');
    expect(mine.body.view.type).toBe('home');
    const text = blocksText(mine.body.view.blocks);
    expect(text).toContain('T1');
    expect(text).toMatch(/Mexico/);
    expect(mine.body.view.blocks.some((b: any) => b.type === 'actions')).toBe(false);

    await h.homeOpened(SEC);
    const sec = last(h.recorder.callsTo('views.publish'));
    expect(blocksText(sec.body.view.blocks)).toMatch(/1\/3 answered/);
    for (const label of [/Remind/, /Extend/, /Export/, /Close/])
      expect(findButton(sec.body.view.blocks, label, 'home')).toBeTruthy();
  });

  it('the secretariat closes from App Home: results are posted and the tab refreshes', async () => {
    await h.homeOpened(SEC);
    const home = last(h.recorder.callsTo('views.publish'));
    h.recorder.clear();
    await h.click(SEC, findButton(home.body.view.blocks, /Close/, 'home'));
    // Closing early asks first. No channel in the Home tab: the question arrives as a DM.
    expect(h.consult.store.get('T1')!.status).toBe('open');
    expect(h.recorder.callsTo('conversations.open').map((c) => c.body.users)).toContain(SEC);
    const question = last(h.recorder.callsTo('chat.postMessage'));
    expect(blocksText(question.body.blocks)).toContain('Close T1 now, before its deadline');
    await h.click(SEC, findButton(question.body.blocks, 'Yes, close T1'));
    expect(h.consult.store.get('T1')!.status).toBe('closed');
    expect(h.recorder.callsTo('chat.postMessage').some((c) => c.body.channel === CHANNEL)).toBe(true);
    // Back on the Home tab (Slack sends app_home_opened), T1 has left the open consultations: it is
    // listed as closed, with its report and no Close button.
    await h.homeOpened(SEC, 'Ev0BACKHOME');
    const tab = last(h.recorder.callsTo('views.publish')).body.view.blocks;
    expect(blocksText(tab)).toContain('Recently closed');
    expect(() => findButton(tab, /Close/, 'home')).toThrow();
    expect(JSON.parse(findButton(tab, /Report/, 'home').value)).toEqual({ type: 'report', id: 'T1' });
  });

  it('an app_home_opened event retried by Slack (X-Slack-Retry-Num) is handled once', async () => {
    await h.homeOpened('U0MEX1', 'Ev0RETRY');
    await h.homeOpened('U0MEX1', 'Ev0RETRY', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(h.recorder.callsTo('views.publish')).toHaveLength(1);
  });

  it('export: the CSV is uploaded to the requester’s DM, however small, and only a note comes back where they asked', async () => {
    await h.slash(SEC, 'export T1');
    expect(h.recorder.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(h.recorder.callsTo('upload')[0].body.raw).toContain('Mexico');
    expect(last(h.recorder.callsTo('files.completeUploadExternal')).body.channel_id).toBe('D0SEC');
    const note = last(h.recorder.callsTo('response_url'));
    expect(blocksText(note.body.blocks)).toMatch(/consult-T1(-turnout)?\.csv sent to you as a file/);
    expect(JSON.stringify(note.body)).not.toContain('Mexico');

    // Many delegations: still one file, to the same DM.
    for (let i = 0; i < 60; i++)
      await h.roster(`U0X${i}`, `Delegation number ${i} of the dialogue`, 'member', 'Europe');
    const blocks = await ballotBlocks(h);
    for (let i = 0; i < 60; i++) await h.click(`U0X${i}`, findButton(blocks, /^2 · /));
    h.recorder.clear();
    await h.slash(SEC, 'export T1');
    expect(h.recorder.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(h.recorder.callsTo('upload')[0].body.raw).toContain('Delegation number 59');
    const complete = last(h.recorder.callsTo('files.completeUploadExternal'));
    expect(complete.body.channel_id).toBe('D0SEC');
  });
});

/** The chat.update calls that refreshed T1's posted ballots (not the results posts). */
function ballotUpdates(h: SlackHarness) {
  const posted = h.consult.store.get('T1')!.posted.map((p) => p.ref);
  return h.recorder.callsTo('chat.update').filter((c) => posted.includes(`${c.body.channel}:${c.body.ts}`));
}

async function ballotBlocks(h: SlackHarness): Promise<any[]> {
  const { card, lang } = h.consult.ballotView('T1', 'slack:U0KEN1')!;
  const { cardToBlockKit } = await import('../../adapters/slack/render.ts');
  return cardToBlockKit(card, { surface: 'message', lang }).blocks;
}
