/**
 * End to end over real HTTP: signed slash commands and interaction payloads shaped as Slack
 * sends them, the real core and store behind, the Web API answered by the recorder.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateCalls } from './block-kit-limits.ts';
import {
  blocksText,
  CHANNEL,
  findButton,
  fixture,
  last,
  SEC,
  startSlackHarness,
  THEME_2015,
  type SlackHarness,
} from './support/harness.ts';

const OTHER_2015 = 'Migration and Development';

async function withDelegations(h: SlackHarness) {
  await h.roster('U0MEX1', 'Mexico', 'member', 'Americas');
  await h.roster('U0MEX2', 'Mexico', 'member', 'Americas');
  await h.roster('U0KEN1', 'Kenya', 'member', 'Africa');
  await h.roster('U0HOL1', 'Holy See', 'observer-state', 'Europe');
  h.recorder.clear();
}

function lastReply(h: SlackHarness): string {
  const r = last(
    [...h.recorder.callsTo('response_url'), ...h.recorder.callsTo('chat.postEphemeral')].sort(
      (a, b) => h.recorder.calls.indexOf(a) - h.recorder.calls.indexOf(b),
    ),
  );
  return blocksText(r.body.blocks);
}

function ballotPost(h: SlackHarness) {
  const post = h.recorder
    .callsTo('chat.postMessage')
    .find((c) => /Theme poll|Topic shortlist|Satisfaction/.test(c.body.text));
  if (!post) throw new Error('no ballot posted');
  return post;
}

describe('Slack: consultations end to end', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
    await withDelegations(h);
  });
  afterEach(async () => {
    // Every Block Kit payload the adapter produced passes Slack's documented limits.
    expect(validateCalls(h.recorder.calls)).toEqual([]);
    await h.close();
  });

  it('the secretariat launches a theme poll with /consult: the ballot is posted with the 84-character theme whole', async () => {
    expect(await h.slash(SEC, `theme "${THEME_2015}" "${OTHER_2015}"`)).toBe(200);
    const post = ballotPost(h);
    expect(post.body.channel).toBe(CHANNEL);
    const text = blocksText(post.body.blocks);
    expect(text).toContain(`1. ${THEME_2015}`);
    expect(text).toContain(`2. ${OTHER_2015}`);
    expect(text).toMatch(/Geneva time/);
    expect(text).toMatch(/in 7 days/);
    expect(text).toMatch(/Turnout so far: 0 of 2/);
    // Buttons carry short labels that end on a whole word.
    const buttons = post.body.blocks.flatMap((b: any) => (b.type === 'actions' ? b.elements : []));
    for (const b of buttons) {
      expect(b.text.text.length).toBeLessThanOrEqual(75);
      const label = b.text.text.replace(/^\d+ · /, '').replace(/…$/, '');
      expect(THEME_2015.startsWith(label) || OTHER_2015.startsWith(label) || !/^\d/.test(b.text.text)).toBe(true);
      if (b.text.text.endsWith('…') && THEME_2015.startsWith(label)) expect(THEME_2015[label.length]).toBe(' ');
    }
    expect(lastReply(h)).toMatch(/T1/);
    expect(h.consult.store.get('T1')?.posted).toEqual([
      { channel: { platform: 'slack', id: CHANNEL }, ref: `${CHANNEL}:1700000000.000100` },
    ]);
  });

  it('/consult alone opens the launch modal; submitting it launches the consultation in that channel', async () => {
    await h.slash(SEC, '');
    const open = last(h.recorder.callsTo('views.open'));
    expect(open.body.view.callback_id).toBe('consult-launch');
    expect(blocksText(open.body.view.blocks)).toMatch(/Deadline/);
    expect(open.body.view.blocks.some((b: any) => b.element?.type === 'datepicker')).toBe(true);
    await h.submitView(SEC, open.body.view, {
      kind: 'theme',
      opt1: THEME_2015,
      opt2: `${OTHER_2015}\nMigration et développement`,
      deadline: '2026-03-20',
      eligible: 'all',
      visibility: 'live',
    });
    const c = h.consult.store.get('T1')!;
    expect(c.options.map((o) => o.text)).toEqual([THEME_2015, `${OTHER_2015} / Migration et développement`]);
    expect(c.eligibility).toBe('all');
    expect(c.visibility).toBe('live');
    expect(c.closesAt).toBe('2026-03-20T22:59:59.999Z');
    expect(ballotPost(h).body.channel).toBe(CHANNEL);
  });

  it('if the launch modal cannot open (expired trigger), /consult alone answers with the help instead', async () => {
    h.recorder.fail('views.open', 'expired_trigger_id');
    await h.slash(SEC, '');
    expect(lastReply(h)).toMatch(/theme/);
  });

  it('the launch modal refuses an empty option list inside the modal', async () => {
    await h.slash(SEC, '');
    const open = last(h.recorder.callsTo('views.open'));
    const res = await fetch(h.url, {
      method: 'POST',
      ...(() => {
        const p = {
          type: 'view_submission',
          user: { id: SEC },
          team: { id: 'T0TEST' },
          api_app_id: 'A0CONSULT',
          trigger_id: 't',
          view: {
            ...open.body.view,
            id: 'V1',
            state: { values: { kind: { value: { type: 'static_select', selected_option: { value: 'theme' } } } } },
          },
        };
        const s = h.signed({ payload: JSON.stringify(p) });
        return { headers: s.headers, body: s.body };
      })(),
    });
    const body = await res.json();
    expect(body).toEqual({ response_action: 'errors', errors: { opt1: 'Give at least one option.' } });
    expect(h.consult.store.all()).toHaveLength(0);
  });

  it('acknowledges within Slack’s 3 seconds before the slow work: the HTTP answer comes while Slack is still slow', async () => {
    const release = h.recorder.hold('users.info');
    const req = h.signed({
      ...fixture('slash-command.json'),
      user_id: 'U0NEW',
      text: 'help',
      response_url: h.recorder.responseUrl(),
    });
    const res = await fetch(h.url, { method: 'POST', headers: req.headers, body: req.body });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(h.recorder.callsTo('response_url')).toHaveLength(0);
    release();
    await h.adapter.idle();
    expect(h.recorder.callsTo('response_url')).toHaveLength(1);
  });

  it('the secretariat adds a delegate by @-mention (the command text arrives escaped, should_escape)', async () => {
    await h.slash(SEC, 'roster add <@U0PHL1|philippines.delegate> "Philippines" member "Asia-Pacific"');
    expect(h.consult.store.meta().delegations.find((d) => d.name === 'Philippines')?.delegates).toEqual([
      'slack:U0PHL1',
    ]);
  });

  it('/consult alone from a delegate shows the help, not a launch form they could not submit', async () => {
    await h.slash('U0MEX1', '');
    expect(h.recorder.callsTo('views.open')).toHaveLength(0);
    expect(lastReply(h)).toMatch(/vote ‹id›/);
    expect(lastReply(h)).not.toMatch(/theme "A"/);
  });

  it('refuses a launch by a delegate, ephemerally, and records nothing', async () => {
    await h.slash('U0MEX1', `theme "${THEME_2015}"`);
    expect(lastReply(h)).toMatch(/Only the secretariat/);
    expect(h.consult.store.all()).toHaveLength(0);
    expect(h.recorder.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('a delegate votes with a button: the ballot updates in place and the voter gets an ephemeral confirmation', async () => {
    await h.slash(SEC, `theme "${THEME_2015}" "${OTHER_2015}"`);
    const post = ballotPost(h);
    const ts = '1700000000.000100';
    await h.click('U0MEX1', findButton(post.body.blocks, /^1 · /, 'message', ts));
    expect(lastReply(h)).toContain(`Vote recorded for Mexico: 1. ${THEME_2015}`);
    const update = last(h.recorder.callsTo('chat.update'));
    expect(update.body).toMatchObject({ channel: CHANNEL, ts });
    expect(blocksText(update.body.blocks)).toMatch(/Turnout so far: 1 of 2/);
    expect(h.consult.store.get('T1')!.ballots.mexico.choices).toEqual([1]);
  });

  it('another delegate of Mexico changes Mexico’s vote: one ballot, the latest counts', async () => {
    await h.slash(SEC, `theme "${THEME_2015}" "${OTHER_2015}"`);
    const blocks = ballotPost(h).body.blocks;
    await h.click('U0MEX1', findButton(blocks, /^1 · /));
    await h.click('U0MEX2', findButton(blocks, /^2 · /));
    expect(lastReply(h)).toContain(`Vote recorded for Mexico: 2. ${OTHER_2015}`);
    const c = h.consult.store.get('T1')!;
    expect(Object.keys(c.ballots)).toEqual(['mexico']);
    expect(c.ballots.mexico).toMatchObject({ choices: [2], by: 'slack:U0MEX2', platform: 'slack' });
    expect(blocksText(last(h.recorder.callsTo('chat.update')).body.blocks)).toMatch(/Turnout so far: 1 of 2/);
  });

  it('an observer in a Member-States-only poll is refused politely and nothing is recorded', async () => {
    await h.slash(SEC, `theme "${THEME_2015}" "${OTHER_2015}"`);
    await h.click('U0HOL1', findButton(ballotPost(h).body.blocks, /^1 · /));
    expect(lastReply(h)).toMatch(/Holy See/);
    expect(h.consult.store.get('T1')!.ballots).toEqual({});
    expect(h.recorder.callsTo('chat.update')).toHaveLength(0);
  });

  it('a forged button value is validated by the core and changes nothing', async () => {
    await h.slash(SEC, `theme "${THEME_2015}" "${OTHER_2015}"`);
    await h.click('U0MEX1', {
      action_id: 'consult:0',
      value: JSON.stringify({ type: 'close', id: 'T1' }),
      text: 'x',
      container: 'message',
    });
    expect(lastReply(h)).toMatch(/Only the secretariat/);
    await h.click('U0MEX1', {
      action_id: 'consult:0',
      value: '{"type":"vote","id":"T1","choices":"lots"}',
      text: 'x',
      container: 'message',
    });
    expect(h.consult.store.get('T1')!.status).toBe('open');
    expect(h.consult.store.get('T1')!.ballots).toEqual({});
  });

  it('a delegation proposes an option through the modal; the posted ballot shows it', async () => {
    await h.slash(SEC, `theme "${THEME_2015}" "${OTHER_2015}"`);
    await h.click('U0KEN1', findButton(ballotPost(h).body.blocks, /Propose/));
    const open = last(h.recorder.callsTo('views.open'));
    expect(open.body.view.callback_id).toBe('consult-form');
    expect(open.body.view.blocks.some((b: any) => b.type === 'input' && b.element.type === 'plain_text_input')).toBe(
      true,
    );
    await h.submitView('U0KEN1', open.body.view, { text: 'Migration, Climate and the Environment' });
    const c = h.consult.store.get('T1')!;
    expect(c.options.map((o) => o.text)).toContain('Migration, Climate and the Environment');
    expect(blocksText(last(h.recorder.callsTo('chat.update')).body.blocks)).toContain(
      '3. Migration, Climate and the Environment',
    );
    // The confirmation goes to the proposer only, in the channel the modal came from.
    const eph = last(h.recorder.callsTo('chat.postEphemeral'));
    expect(eph.body).toMatchObject({ channel: CHANNEL, user: 'U0KEN1' });
  });

  it('a shortlist is voted with checkboxes in the message, and a combination can be requested', async () => {
    await h.slash(SEC, 'topics "Labour mobility" "Diasporas" "Migrants in crisis" "Health and migration" select 2');
    const post = ballotPost(h);
    const checkboxes = post.body.blocks.find((b: any) => b.accessory?.type === 'checkboxes');
    expect(checkboxes).toBeTruthy();
    await h.submitInline('U0MEX1', post.body.blocks, { approve: ['1', '3'] });
    expect(h.consult.store.get('W1')!.ballots.mexico.choices).toEqual([1, 3]);
    await h.submitInline('U0KEN1', post.body.blocks, { combineA: '2', combineB: '4' });
    const c = h.consult.store.get('W1')!;
    expect(c.options.some((o) => o.combines?.join('+') === '2+4')).toBe(true);
  });

  it('a satisfaction survey refuses someone neither on the roster nor listed: no form, nothing recorded, told why', async () => {
    await h.slash(SEC, 'feedback "Workshop on Migrants in Countries in Crisis" participants 40');
    const post = h.recorder.callsTo('chat.postMessage')[0];
    h.recorder.clear();
    await h.click('U0GUEST', findButton(post.body.blocks, /Answer/));
    expect(h.recorder.callsTo('views.open')).toEqual([]);
    expect(lastReply(h)).toContain('you are not on its list, so your answer was not recorded');
    expect(h.consult.store.all()[0].ballots).toEqual({});
  });

  it('a satisfaction survey opens in a modal with Likert radio buttons; the answer is recorded anonymously', async () => {
    await h.slash(SEC, 'feedback "Workshop on Migrants in Countries in Crisis" participants 40');
    const post = h.recorder.callsTo('chat.postMessage')[0];
    await h.click('U0MEX1', findButton(post.body.blocks, /Answer/));
    const open = last(h.recorder.callsTo('views.open'));
    const radios = open.body.view.blocks.filter((b: any) => b.type === 'input' && b.element.type === 'radio_buttons');
    expect(radios.length).toBeGreaterThan(0);
    const answers = Object.fromEntries(radios.map((b: any) => [b.block_id.split(':').pop(), '5']));
    await h.submitView('U0MEX1', open.body.view, answers);
    const c = h.consult.store.get('F1') ?? h.consult.store.all()[0];
    expect(Object.keys(c.ballots)).toHaveLength(1);
    expect(JSON.stringify(c.ballots)).not.toContain('U0MEX1');
  });
});
