/** Debian's chromium driven by playwright-core, in a fresh profile, with the page's helpers the tests share. */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'artifacts');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  page: Page;
  close(): Promise<void>;
}

/** A phone's screen (an iPhone 12–15 in portrait): the size the phone layout is checked at. */
export const PHONE = { width: 390, height: 844 } as const;

export async function openBrowser(
  locale: string,
  viewport: { width: number; height: number } = { width: 1360, height: 1100 },
): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does.`,
    );
  const profile = await mkdtemp(join(tmpdir(), 'consult-chromium-'));
  await mkdir(ARTIFACTS, { recursive: true });
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...ARGS, `--lang=${locale}`],
    locale,
    viewport,
    ...(viewport.width <= PHONE.width ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** What a person does on the page, in the words of the tests. */
export function chatPage(page: Page) {
  const channel = page.locator('#channel-log');
  return {
    async open(url: string) {
      await page.goto(url);
      await page.locator('body[data-ready="true"]').waitFor();
    },
    async actAs(user: string) {
      await page.locator(`.identity[data-user="${user}"]`).click();
      await page.locator(`.identity[data-user="${user}"][aria-checked="true"]`).waitFor();
    },
    async say(text: string) {
      await page.locator('#composer-input').fill(text);
      await page.locator('#composer-input').press('Enter');
    },
    /** The last card in the channel whose text contains `text`. */
    card(text: string | RegExp): Locator {
      return channel.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
    },
    /** The ballot: the last card in the channel with a button named like this. */
    ballot(button: RegExp): Locator {
      return channel
        .locator('.ac-adaptiveCard')
        .filter({ has: page.getByRole('button', { name: button }) })
        .last();
    },
    async fastForward(step: 'hour' | 'day' | 'week') {
      const done = page.waitForResponse((r) => r.url().endsWith('/webchat/clock') && r.ok());
      await page.locator(`[data-advance="${step}"]`).click();
      await done;
    },
  };
}

/**
 * Screenshots a card that a late ballot refresh may replace in place: the locator finds the
 * new card on the next try (what it shows was asserted before).
 */
export async function screenshotCard(card: Locator, path: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await card.screenshot({ path });
      return;
    } catch (err) {
      // Replaced mid-screenshot, playwright says "detached", or "not visible" when the old node was already gone.
      if (attempt >= 5 || !/not attached|detached|not visible/i.test(String(err))) throw err;
    }
  }
}
