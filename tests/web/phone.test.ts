/**
 * The local web chat on a phone (390 × 844): one view at a time with a switcher, the roster behind the
 * "Act as" tab, nothing cut off. A delegate votes and reads their personal chat, in English and in French.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { t } from '../../src/i18n/index.ts';
import type { Lang } from '../../src/domain/model.ts';
import { startDemoApp, type RunningApp } from './support/app.ts';
import { ARTIFACTS, PHONE, chatPage, openBrowser, screenshotCard, type Browser } from './support/browser.ts';

const CRISIS = 'Managing Migration in Crisis Situations';
const FAMILIES = 'Families and migration';

let app: RunningApp | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  await app?.close();
  browser = app = undefined;
});

/** Everything visible fits the screen's width: no sideways scrolling, no element past the right edge. */
async function nothingCutOff(page: Page): Promise<void> {
  const overflow = await page.evaluate((width) => {
    const wide: string[] = [];
    if (document.documentElement.scrollWidth > width) wide.push(`page ${document.documentElement.scrollWidth}px`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (el.closest('.log') && el.closest('.log')!.getBoundingClientRect().width <= width) {
        if (r.right > width + 1) wide.push(`${el.tagName}.${el.className} right=${Math.round(r.right)}`);
      } else if (r.right > width + 1 || r.left < -1)
        wide.push(`${el.tagName}.${el.className} ${Math.round(r.left)}–${Math.round(r.right)}`);
    }
    return wide.slice(0, 5);
  }, PHONE.width);
  expect(overflow).toEqual([]);
}

/** Picks who to act as from the menu; the page then shows the channel again. */
async function actAs(page: Page, user: string): Promise<void> {
  await tab(page, 'menu');
  await page.locator(`.identity[data-user="${user}"]`).click();
  await page.locator('#tabs [data-view="channel"][aria-pressed="true"]').waitFor();
  await page.locator(`.identity[data-user="${user}"][aria-checked="true"]`).waitFor({ state: 'attached' });
}

async function tab(page: Page, view: 'channel' | 'personal' | 'menu'): Promise<void> {
  await page.locator(`#tabs [data-view="${view}"]`).click();
  await page.locator(`#tabs [data-view="${view}"][aria-pressed="true"]`).waitFor();
}

async function onThePhone(lang: Lang, locale: string): Promise<void> {
  const c = t(lang);
  app = await startDemoApp();
  browser = await openBrowser(locale, PHONE);
  const { page } = browser;
  const chat = chatPage(page);
  await chat.open(app.url);
  expect(await page.locator('#tabs').isVisible()).toBe(true);
  // One pane at a time: the channel first; the roster is behind the menu.
  expect(await page.locator('.pane.channel').isVisible()).toBe(true);
  expect(await page.locator('.pane.personal').isVisible()).toBe(false);
  expect(await page.locator('.sidebar').isVisible()).toBe(false);
  await nothingCutOff(page);
  const channelHeight = (await page.locator('.pane.channel').boundingBox())!.height;
  expect(channelHeight).toBeGreaterThan(PHONE.height * 0.6);

  // The secretariat, chosen from the menu, launches the 2012 theme poll.
  await tab(page, 'menu');
  expect(await page.locator('.sidebar').isVisible()).toBe(true);
  await nothingCutOff(page);
  await page.screenshot({ path: join(ARTIFACTS, `phone-menu-${lang}.png`) });
  await actAs(page, 'secretariat');
  expect(await page.locator('.pane.channel').isVisible()).toBe(true);
  await chat.say(`theme "${CRISIS}" "${FAMILIES}"`);
  const ballot = chat.ballot(new RegExp(`^1 · ${CRISIS}`));
  await ballot.waitFor();

  // A delegate of Mexico votes with one tap and sees the confirmation on the card.
  await actAs(page, 'mexico-1');
  await ballot.getByRole('button', { name: new RegExp(`^1 · ${CRISIS}`) }).click();
  await ballot
    .filter({ hasText: c.ballot.yourVote('Mexico', `1. ${CRISIS}`) })
    .first()
    .waitFor({ timeout: 15_000 });
  await nothingCutOff(page);
  await screenshotCard(ballot, join(ARTIFACTS, `phone-ballot-${lang}.png`));
  await page.screenshot({ path: join(ARTIFACTS, `phone-channel-${lang}.png`) });

  // The personal chat is the other view; the channel is hidden meanwhile.
  await tab(page, 'personal');
  expect(await page.locator('.pane.personal').isVisible()).toBe(true);
  expect(await page.locator('.pane.channel').isVisible()).toBe(false);
  expect(await page.locator('#dm-title').textContent()).toContain('Mexico');
  await nothingCutOff(page);
  await page.screenshot({ path: join(ARTIFACTS, `phone-personal-${lang}.png`) });
}

describe('the local web chat on a phone', () => {
  it('works at 390 × 844 in English: one view at a time, roster behind a menu, nothing cut off', async () => {
    await onThePhone('en', 'en-GB');
  }, 90_000);

  it('works at 390 × 844 in French', async () => {
    await onThePhone('fr', 'fr-FR');
  }, 90_000);
});
