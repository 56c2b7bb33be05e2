/** The launch modal over signed Slack HTTP: every option of the typed commands, and the core's errors beside their field. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateCalls } from './block-kit-limits.ts';
import { blocksText, CHANNEL, last, SEC, startSlackHarness, type SlackHarness } from './support/harness.ts';

describe('Slack: the launch modal', () => {
  let h: SlackHarness;
  let view: any;
  beforeEach(async () => {
    h = await startSlackHarness();
    await h.roster('U0MEX1', 'Mexico', 'member', 'Americas');
    await h.roster('U0KEN1', 'Kenya', 'member', 'Africa');
    await h.slash(SEC, '');
    view = last(h.recorder.callsTo('views.open')).body.view;
    h.recorder.clear();
  });
  afterEach(async () => {
    expect(validateCalls(h.recorder.calls)).toEqual([]);
    await h.close();
  });

  const inputs = () => view.blocks.filter((b: any) => b.type === 'input').map((b: any) => b.block_id);

  it('offers ten options, date and time, eligibility, results, secret, quorum, participants, survey-from and the posts’ language', () => {
    expect(inputs()).toEqual([
      'kind',
      ...Array.from({ length: 10 }, (_, i) => `opt${i + 1}`),
      'select',
      'deadline',
      'time',
      'eligible',
      'visibility',
      'secret',
      'quorum',
      'participants',
      'from',
      'lang',
    ]);
    expect(blocksText(view.blocks)).toMatch(/Quorum/);
  });

  it('a secret shortlist with ten options, a deadline at 17:00, a quorum and French channel posts launches as typed would', async () => {
    const options = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`opt${i + 1}`, `Topic ${i + 1}`]));
    const answer = await h.submitViewForAnswer(SEC, view, {
      kind: 'topics',
      ...options,
      opt1: 'Return migration\nfr: Migration de retour\nes: Migración de retorno',
      select: '3',
      deadline: '2026-12-10',
      time: '17:00',
      secret: ['secret'],
      quorum: '50',
      lang: 'fr',
    });
    expect(answer).toEqual({ status: 200, body: '' });
    const c = h.consult.store.get('W1')!;
    expect(c.options).toHaveLength(10);
    expect(c.options[0]).toMatchObject({
      text: 'Return migration',
      tr: { fr: 'Migration de retour', es: 'Migración de retorno' },
    });
    expect(c.select).toBe(3);
    expect(c.closesAt).toBe('2026-12-10T16:00:00.000Z');
    expect(c.secrecy).toBe('secret');
    expect(c.quorum).toBe(0.5);
    expect(c.lang).toBe('fr');
    const post = h.recorder.callsTo('chat.postMessage').find((x) => x.body.channel === CHANNEL)!;
    expect(blocksText(post.body.blocks)).toContain('Return migration / Migration de retour / Migración de retorno');
  });

  it('secret with live results: the modal stays open with the reason beside Results, and nothing is launched', async () => {
    const answer = await h.submitViewForAnswer(SEC, view, {
      kind: 'theme',
      opt1: 'A',
      opt2: 'B',
      secret: ['secret'],
      visibility: 'live',
    });
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.body);
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(['visibility']);
    expect(body.errors.visibility).toMatch(/A secret ballot cannot show live results/);
    expect(h.consult.store.all()).toHaveLength(0);
    // Said in the modal, not also as a message.
    expect(h.recorder.callsTo('chat.postEphemeral')).toHaveLength(0);
    expect(h.recorder.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('a deadline in the past is shown beside the date; a survey from an unknown or open consultation beside its field', async () => {
    const past = JSON.parse(
      (await h.submitViewForAnswer(SEC, view, { kind: 'theme', opt1: 'A', opt2: 'B', deadline: '2020-01-01' })).body,
    );
    expect(Object.keys(past.errors)).toEqual(['deadline']);
    const unknown = JSON.parse((await h.submitViewForAnswer(SEC, view, { kind: 'survey', from: 'T9' })).body);
    expect(unknown.errors.from).toMatch(/T9/);
    await h.slash(SEC, 'theme "A" "B"');
    const open = JSON.parse((await h.submitViewForAnswer(SEC, view, { kind: 'survey', from: 'T1' })).body);
    expect(open.errors.from).toMatch(/T1 is still open/);
    expect(h.consult.store.all().map((c) => c.id)).toEqual(['T1']);
  });

  it('one option for a theme poll is refused beside the options, in the launcher’s language', async () => {
    h.recorder.setLocale(SEC, 'fr-FR');
    await h.slash(SEC, 'lang fr');
    const body = JSON.parse((await h.submitViewForAnswer(SEC, view, { kind: 'theme', opt1: 'A' })).body);
    expect(Object.keys(body.errors)).toEqual(['opt1']);
    expect(body.errors.opt1).toMatch(/deux options/);
    expect(h.consult.store.all()).toHaveLength(0);
  });

  it('a satisfaction survey with its participants picked in the modal: only they may answer', async () => {
    const answer = await h.submitViewForAnswer(SEC, view, {
      kind: 'feedback',
      opt1: 'Workshop on labour migration',
      participants: ['U0MEX1', 'U0PART'],
    });
    expect(answer.body).toBe('');
    const c = h.consult.store.get('F1')!;
    expect(c.invited).toEqual(['slack:U0MEX1', 'slack:U0PART']);
    expect(c.participants).toBe(2);
  });

  it('a non-secretariat user submitting the modal is refused, and nothing is launched', async () => {
    const answer = await h.submitViewForAnswer('U0KEN1', view, { kind: 'theme', opt1: 'A', opt2: 'B' });
    expect(answer).toEqual({ status: 200, body: '' });
    expect(h.consult.store.all()).toHaveLength(0);
    const refusal = last(h.recorder.callsTo('chat.postEphemeral'));
    expect(refusal.body.user).toBe('U0KEN1');
    expect(blocksText(refusal.body.blocks)).toMatch(/Only the secretariat can do this/);
  });
});
