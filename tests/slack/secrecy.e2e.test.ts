/** Hidden results and secret ballots over real signed Slack HTTP: what the secretariat's export and App Home reveal. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateCalls } from './block-kit-limits.ts';
import {
  blocksText,
  findButton,
  last,
  SEC,
  startSlackHarness,
  THEME_2015,
  type SlackHarness,
} from './support/harness.ts';

const OTHER = 'Migration and Development';

describe('Slack: hidden results and secret launches', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
    await h.roster('U0MEX1', 'Mexico', 'member', 'Americas');
    await h.roster('U0KEN1', 'Kenya', 'member', 'Africa');
    await h.slash(SEC, `theme "${THEME_2015}" "${OTHER}"`);
    const ballot = h.recorder.callsTo('chat.postMessage')[0];
    await h.click('U0MEX1', findButton(ballot.body.blocks, /^1 · /));
    await h.click('U0KEN1', findButton(ballot.body.blocks, /^2 · /));
    h.recorder.clear();
  });
  afterEach(async () => {
    expect(validateCalls(h.recorder.calls)).toEqual([]);
    await h.close();
  });

  it('/consult export of an open hidden poll sends turnout only; after the close, the choices', async () => {
    await h.slash(SEC, 'export T1');
    // The file goes to the requester's DM (issue 11); the note where they asked says what it holds.
    expect(blocksText(last(h.recorder.callsTo('response_url')).body.blocks)).toContain('turnout only, 2 ballots cast');
    const open = String(last(h.recorder.callsTo('upload')).body.raw);
    expect(open).toMatch(/slack:U0MEX1,slack,Mexico/);
    expect(open).not.toContain(THEME_2015.slice(0, 20));
    expect(open).not.toContain(OTHER);

    await h.slash(SEC, 'close T1 confirm');
    h.recorder.clear();
    await h.slash(SEC, 'export T1');
    const closed = String(last(h.recorder.callsTo('upload')).body.raw);
    expect(closed).toContain(`Mexico,"1. ${THEME_2015}"`);
    expect(closed).toContain(`Kenya,2. ${OTHER}`);
  });

  it('App Home: the secretariat’s button on an open hidden poll is a turnout export, and sends no choice', async () => {
    await h.homeOpened(SEC);
    const home = last(h.recorder.callsTo('views.publish'));
    expect(() => findButton(home.body.view.blocks, /^Export$/, 'home')).toThrow();
    const button = findButton(home.body.view.blocks, 'Export turnout', 'home');
    h.recorder.clear();
    await h.click(SEC, button);
    const sent = JSON.stringify(h.recorder.calls.map((c) => c.body));
    expect(sent).toContain('turnout only');
    expect(sent).not.toContain(OTHER);
  });

  it('the launch modal refuses a satisfaction survey (always anonymous) with live results, and creates nothing', async () => {
    await h.slash(SEC, '');
    const view = last(h.recorder.callsTo('views.open')).body.view;
    const answer = await h.submitViewForAnswer(SEC, view, {
      kind: 'feedback',
      opt1: 'Workshop on health',
      visibility: 'live',
    });
    expect(h.consult.store.all().map((c) => c.id)).toEqual(['T1']);
    // Said in the modal beside Results, which stays open to be corrected.
    expect(JSON.parse(answer.body).errors.visibility).toContain('A secret ballot cannot show live results');
  });
});
