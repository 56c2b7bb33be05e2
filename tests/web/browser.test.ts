/**
 * The whole cycle in a real browser, as an evaluator would try it after `npm start`: the
 * secretariat launches the 2012 theme poll, two delegations vote with the card buttons, an
 * observer is refused, the clock runs past the deadline and the results card shows the decision.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { t } from '../../src/i18n/index.ts';
import type { Lang } from '../../src/domain/model.ts';
import { startDemoApp, type RunningApp } from './support/app.ts';
import { ARTIFACTS, chatPage, openBrowser, screenshotCard, type Browser } from './support/browser.ts';

const CRISIS = 'Managing Migration in Crisis Situations';
const FAMILIES = 'Families and migration';

/** Waits until the card shows this text (the page polls the bot; cards change in place). */
async function shows(card: Locator, text: string): Promise<void> {
  await card.filter({ hasText: text }).first().waitFor({ timeout: 15_000 });
}

let app: RunningApp | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  await app?.close();
  browser = app = undefined;
});

async function theWholeCycle(lang: Lang, locale: string): Promise<void> {
  const c = t(lang);
  app = await startDemoApp();
  browser = await openBrowser(locale);
  const chat = chatPage(browser.page);
  await chat.open(app.url);
  expect(await browser.page.locator('#lang').inputValue()).toBe(lang);
  expect(await browser.page.locator('#demo-badge').isVisible()).toBe(true);

  // The secretariat launches the theme poll with the two 2012 options.
  await chat.actAs('secretariat');
  await chat.say(`theme "${CRISIS}" "${FAMILIES}"`);
  const ballot = chat.ballot(new RegExp(`^1 · ${CRISIS}`));
  await ballot.waitFor();
  await shows(ballot, `${c.kind.theme} T1`);
  await shows(ballot, c.ballot.chooseOne);

  // A delegate of Mexico votes with the card's button; the card, seen as Mexico, says so.
  await chat.actAs('mexico-1');
  await shows(ballot, c.ballot.notYet('Mexico'));
  await ballot.getByRole('button', { name: new RegExp(`^1 · ${CRISIS}`) }).click();
  await shows(ballot, c.reply.voteRecorded('Mexico', `1. ${CRISIS}`).split(':')[0]);
  await shows(ballot, c.ballot.yourVote('Mexico', `1. ${CRISIS}`));
  await screenshotCard(ballot, join(ARTIFACTS, `web-ballot-${lang}.png`));
  await browser.page.screenshot({ path: join(ARTIFACTS, `web-page-ballot-${lang}.png`) });

  // A delegate of Kenya, another delegation, votes too.
  await chat.actAs('kenya-1');
  await shows(ballot, c.ballot.notYet('Kenya'));
  await ballot.getByRole('button', { name: new RegExp(`^1 · ${CRISIS}`) }).click();
  await shows(ballot, c.ballot.yourVote('Kenya', `1. ${CRISIS}`));
  await shows(ballot, c.ballot.turnout(2, 9));

  // An observer state does not vote in a Member States poll: its own view of the ballot is read-only.
  await chat.actAs('qatar-1');
  const readOnly = chat.card(`${c.kind.theme} T1`);
  await shows(readOnly, c.safeguard.observersFollow);
  await shows(readOnly, c.ballot.notYet('Qatar'));
  expect(await readOnly.getByRole('button', { name: new RegExp(`^2 · ${FAMILIES}`) }).count()).toBe(0);
  expect(Object.keys(app.app.consult.store.get('T1')!.ballots).sort()).toEqual(['kenya', 'mexico']);

  // Past the deadline (a week by default): the bot closes the poll and posts the results here.
  await chat.actAs('secretariat');
  const results = chat.card(c.results.title('T1', c.kind.theme));
  for (let i = 0; i < 3 && !(await results.count()); i++) {
    await chat.fastForward('week');
    await browser.page.waitForTimeout(1_500);
  }
  await shows(results, c.results.winner(CRISIS));
  await shows(results, c.results.turnout(2, 9, '22%').split('(')[0]);
  // Colombia never voted: its delegate was reminded, in their personal chat, before the close; once the
  // poll closed, that reminder was redrawn in place as the closed ballot, with no button left.
  // They never wrote to the bot, so it does not know their language yet: English.
  await chat.actAs('colombia-1');
  const settled = browser.page
    .locator('#dm-log .ac-adaptiveCard')
    .filter({ hasText: t('en').ballot.closed('').trim() })
    .first();
  await settled.waitFor();
  expect(await settled.getByRole('button', { name: /^1 · / }).count()).toBe(0);
  expect(
    await browser.page
      .locator('#dm-log .ac-adaptiveCard')
      .filter({ hasText: t('en').reminder.title('T1') })
      .count(),
  ).toBe(0);
  await results.scrollIntoViewIfNeeded();
  await screenshotCard(results, join(ARTIFACTS, `web-results-${lang}.png`));
  await browser.page.screenshot({ path: join(ARTIFACTS, `web-page-results-${lang}.png`) });
}

describe('the local web chat in a browser', () => {
  it('runs a theme poll from launch to decision: two delegations vote, an observer sees it read-only, results after the deadline', async () => {
    await theWholeCycle('en', 'en-GB');
  }, 90_000);

  it('speaks French to a browser set to fr-FR: the cards are in French', async () => {
    await theWholeCycle('fr', 'fr-FR');
  }, 90_000);
});
