/**
 * Every card the bot sends, as a Teams client draws it: Microsoft's `adaptivecards` renderer in headless
 * chromium, with the web chat's markdown handling (backslash escapes undone, the rest shown as text, as a
 * CommonMark host does for our escaped texts). The visible text must be the neutral card's text, word for
 * word: no lost `‹id›` placeholder, no lines run together, no `*now*` turned into emphasis, no button
 * hidden behind an overflow menu; and the renderer's parser must report no error or warning.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/outbound.ts';
import type { Card } from '../../src/views/card.ts';
import { messageActivity } from '../../adapters/botframework/activity.ts';
import { invokeResponseCard } from '../../adapters/botframework/invoke-response.ts';
import { cardToAdaptiveCard } from '../../adapters/botframework/render.ts';
import { failureCard } from '../../src/views/scheduler-failure.ts';
import { t } from '../../src/i18n/index.ts';
import { datesIn } from '../../src/views/format.ts';
import { makeHarness, TEAMS_CH, type Harness } from '../helpers/core.ts';
import { openBrowser, type Browser } from '../web/support/browser.ts';

const require = createRequire(import.meta.url);
const SEC = 'teams:29:sec';
const FR = 'teams:29:fra1';
const MX = 'teams:29:mex1';
/** Proposals as delegates type them: markdown and HTML a host must not interpret. */
const TRICKY = [
  'Partnerships *now*',
  '<partnerships> & [x](y)',
  '# Not a heading',
  '- not a bullet',
  '1. not a list',
  'snake_case_name and `code`',
];

interface Sample {
  name: string;
  card: Card;
  ac: Record<string, unknown>;
}

/** The words a reader must see on the card, in order: what the adapter must not lose or change. */
function neutralWords(card: Card): string[] {
  const parts: string[] = [card.title];
  for (const b of card.blocks) {
    if (b.type === 'text') parts.push(b.text);
    else if (b.type === 'fields') for (const f of b.fields) parts.push(f.label, f.value);
    else if (b.type === 'bar') parts.push(b.label, b.value);
    else if (b.type === 'actions') parts.push(...b.buttons.map((x) => x.label));
    else if (b.type === 'form') {
      for (const i of b.form.inputs) parts.push(i.label, ...(i.type === 'choice' ? i.options.map((o) => o.label) : []));
      parts.push(b.form.submit.label);
    }
  }
  return words(withUtc(parts.join('\n')));
}

/** The adapter adds each deadline's instant in UTC beside the organisation's time the core wrote. */
function withUtc(text: string): string {
  let out = text;
  for (const d of datesIn(text))
    out = out.split(d.text).join(`${d.text} (${d.at.toISOString().slice(0, 16).replace('T', ' ')} UTC)`);
  return out;
}

/** Bars drawn with block characters, and the host's `*` beside a required field: not words of the card's text. */
const words = (text: string) => text.split(/\s+/).filter((w) => w && !/^([█░▏▎▍▌▋▊▉]+|\*)$/.test(w));

let h: Harness;
let browser: Browser;
const samples: Sample[] = [];

function keep(name: string, messages: OutboundMessage[]): void {
  messages.forEach((m, i) => {
    const attachment = messageActivity(m).attachments![0] as { content: Record<string, unknown> };
    samples.push({
      name: `${name}${messages.length > 1 ? ` #${i + 1}` : ''} (${m.purpose})`,
      card: m.card,
      ac: attachment.content,
    });
  });
}

async function say(name: string, user: string, text: string, locale?: string): Promise<OutboundMessage[]> {
  const before = h.sent.length;
  const replies = await h.say(user, text, TEAMS_CH, locale);
  keep(name, replies);
  keep(`${name}: posted`, h.sent.slice(before));
  return replies;
}

async function tap(name: string, user: string, command: Record<string, unknown>, id: string): Promise<void> {
  const replies = await h.consult.handle({ actor: { user }, channel: TEAMS_CH }, { type: 'command', command } as never);
  await h.consult.idle();
  const view = h.consult.ballotView(id, user);
  const ac = invokeResponseCard(replies, view, id)!;
  // The card the voter sees after the tap: the core's replies on top of their view of the ballot.
  const own = replies.find((r) => r.purpose === 'ballot' || r.purpose === 'form');
  const card: Card = own
    ? own.card
    : {
        title: view!.card.title,
        blocks: [
          ...replies.flatMap((r) => [{ type: 'text' as const, text: r.card.title }, ...r.card.blocks]),
          ...view!.card.blocks,
        ],
      };
  samples.push({ name: `${name} (${own?.purpose ?? 'invoke'})`, card, ac: ac as unknown as Record<string, unknown> });
}

beforeAll(async () => {
  h = await makeHarness({ secretariat: [SEC] });
  await say('help for everyone', MX, 'help');
  await say('help for the secretariat', SEC, 'help');
  for (const [user, name] of [
    [MX, 'Mexico'],
    [FR, 'France'],
    ['teams:29:ken1', 'Kenya'],
  ])
    await say(`roster add ${name}`, SEC, `roster add ${user} "${name}" member "Region"`);
  await say('roster list', SEC, 'roster list');
  await say('theme launch', SEC, `theme ${TRICKY.map((o) => `"${o}"`).join(' ')} deadline 14d proposals 2`);
  await tap('vote', MX, { type: 'vote', id: 'T1', choices: [2] }, 'T1');
  await tap('propose form', MX, { type: 'propose-form', id: 'T1' }, 'T1');
  await say('propose', FR, 'propose T1 "Migration *de retour* <now>"', 'fr-FR');
  await say('status', SEC, 'status');
  await say('status of T1', SEC, 'status T1');
  await say('remind', SEC, 'remind T1');
  await say('topics launch', SEC, 'topics "Health" "Labour_mobility" "Climate <and> migration" select 2 deadline 7d');
  await say('shortlist vote', MX, 'vote W1 1,3');
  await say('silence launch', SEC, 'silence "Adopt the *report* as [final]" deadline 5d');
  await say('object', FR, 'object SP1 "Too <short>"', 'fr-FR');
  await say('feedback launch', SEC, 'feedback "Workshop on #health" deadline 7d');
  await tap('answer form', MX, { type: 'answer-form', id: 'F1' }, 'F1');
  await say('close asks first', SEC, 'close T1');
  await say('close', SEC, 'close T1 confirm');
  await say('results', MX, 'results T1');
  await say('history', MX, 'history');
  await say('unknown command', MX, 'frobnicate <x>');
  await say('error in French', FR, 'vote T1 1', 'fr-FR');
  const home = h.consult.homeView(SEC);
  samples.push({ name: 'home (secretariat)', card: home.card, ac: cardToAdaptiveCard(home.card, home.lang) as never });
  const failure = failureCard(t('es'), new Error('disk <full>'));
  samples.push({ name: 'scheduler failure', card: failure, ac: cardToAdaptiveCard(failure, 'es') as never });

  browser = await openBrowser('en-GB', { width: 500, height: 900 });
  await browser.page.setContent('<!doctype html><meta charset="utf-8"><body></body>');
  await browser.page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
  await browser.page.addScriptTag({ path: new URL('../../adapters/web/public/markdown.js', import.meta.url).pathname });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h?.consult.stop();
});

interface Rendered {
  text: string;
  events: string[];
  failures: string[];
}

async function render(ac: Record<string, unknown>): Promise<Rendered> {
  return browser.page.evaluate((json) => {
    const AC = (window as any).AdaptiveCards;
    // The renderer checks `lang` with a global (/g) regex whose lastIndex survives between cards, so every
    // other valid "en" is reported invalid; start each parse afresh.
    AC.CardElement.langProperty.regEx.lastIndex = 0;
    const card = new AC.AdaptiveCard();
    card.hostConfig = new AC.HostConfig({});
    const context = new AC.SerializationContext();
    card.parse(json, context);
    const events: string[] = [];
    for (let i = 0; i < context.eventCount; i++) {
      const e = context.getEventAt(i);
      events.push(`${e.phase}/${e.event}: ${e.message}`);
    }
    const failures: string[] = card
      .validateProperties()
      .validationEvents.map((e: { event: string; message: string }) => `${e.event}: ${e.message}`);
    const el = card.render() as HTMLElement;
    document.body.replaceChildren(el);
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees (hidden error texts left out)
    return { text: el.innerText, events, failures };
  }, ac);
}

describe('every card the bot sends, drawn by the adaptivecards renderer', () => {
  it('covers every kind of card the bot sends', () => {
    const purposes = new Set(samples.map((s) => /\((\w+)\)$/.exec(s.name)?.[1]));
    for (const p of ['help', 'ballot', 'results', 'reminder', 'status', 'reply', 'form', 'error', 'notice'])
      expect(purposes, p).toContain(p);
    expect(samples.length).toBeGreaterThan(30);
  });

  it('shows each card word for word, with no parse error or warning', async () => {
    const problems: string[] = [];
    for (const s of samples) {
      const r = await render(s.ac);
      if (r.events.length || r.failures.length) problems.push(`${s.name}: ${[...r.events, ...r.failures].join('; ')}`);
      const want = neutralWords(s.card).join(' ');
      const got = words(r.text).join(' ');
      if (got !== want) problems.push(`${s.name}:\n  want ${want}\n  got  ${got}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it("shows each deadline in the organisation's zone and in UTC", async () => {
    const ballot = samples.find((s) => s.name.startsWith('theme launch: posted'))!;
    const r = await render(ballot.ac);
    // Launched 2026-12-01 for 14 days: end of day in Geneva (CET, UTC+1) is 22:59 UTC.
    expect(r.text).toMatch(/Tuesday 15 December 2026, 23:59 \(Geneva time\) \(2026-12-15 22:59 UTC\)/);
  });

  it('shows the help placeholders, one command per line', async () => {
    const help = samples.find((s) => s.name.startsWith('help for the secretariat'))!;
    const r = await render(help.ac);
    const lines = r.text.split('\n').map((l) => l.trim());
    for (const [key, line] of Object.entries(t('en').help.commands)) expect(lines, key).toContain(line);
    expect(r.text).toContain('vote ‹id› ‹number›');
    expect(r.text).toContain('roster add ‹user› "‹delegation›"');
  });

  it('shows markdown typed by delegates as written, not as emphasis, links, headings or lists', async () => {
    const ballot = samples.find((s) => s.name.startsWith('theme launch: posted'))!;
    const r = await render(ballot.ac);
    for (const [i, o] of TRICKY.entries()) expect(r.text).toContain(`${i + 1}. ${o}`);
    const html = await browser.page.evaluate(() => document.body.innerHTML);
    expect(html).not.toMatch(/<(em|strong|h\d|ol|ul|li|a|code)\b/);
  });

  it('draws the launch form, and the form sent back after a refusal, with no parse error or warning, every label visible', async () => {
    const locales = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' } as const;
    for (const lang of ['en', 'fr', 'es'] as const) {
      const actor = { user: SEC, locale: locales[lang] };
      const [open] = await h.consult.handle(
        { actor, channel: TEAMS_CH },
        { type: 'command', command: { type: 'launch-form', kind: 'theme' } },
      );
      const [back] = await h.consult.handle(
        { actor, channel: TEAMS_CH },
        {
          type: 'form',
          submit: { action: { type: 'launch', id: 'theme' }, values: { opt1: 'A *b*', opt2: 'B', quorum: '<half>' } },
        },
      );
      const f = t(lang).launchForm;
      for (const m of [open, back]) {
        expect(m.lang).toBe(lang);
        const r = await render(cardToAdaptiveCard(m.card, lang) as unknown as Record<string, unknown>);
        expect([...r.events, ...r.failures]).toEqual([]);
        for (const label of [f.title(t(lang).kind.theme), f.option(10), f.deadline, f.quorum, f.lang, f.submit])
          expect(r.text).toContain(label);
      }
      const refused = await render(cardToAdaptiveCard(back.card, lang) as unknown as Record<string, unknown>);
      expect(refused.text).toContain(t(lang).problems.notANumber(f.quorum));
    }
  });
});
