/**
 * The results chart in the local web chat, in a real browser: the secretariat closes a theme poll
 * and the results card in the channel shows the chart, loaded (it decodes and has pixels), with its
 * text bars and an alternative text that a screen reader reads.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { startDemoApp, type RunningApp } from './support/app.ts';
import { ARTIFACTS, chatPage, openBrowser, screenshotCard, type Browser } from './support/browser.ts';

const CRISIS = 'Managing Migration in Crisis Situations';
const FAMILIES = 'Families and migration';

let app: RunningApp | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  await app?.close();
  browser = app = undefined;
});

/** Free port on this machine, so PUBLIC_URL can name the server before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Launch, one vote, close in the web chat; returns what the browser loaded for the results chart. */
async function closeAndReadChart(env: Record<string, string> = {}) {
  const c = t('en');
  app = await startDemoApp(env);
  browser = await openBrowser('en-GB');
  const chat = chatPage(browser.page);
  await chat.open(app.url);

  await chat.actAs('secretariat');
  await chat.say(`theme "${CRISIS}" "${FAMILIES}"`);
  const ballot = chat.ballot(new RegExp(`^1 · ${CRISIS}`));
  await ballot.waitFor();
  await chat.actAs('mexico-1');
  await ballot.getByRole('button', { name: new RegExp(`^1 · ${CRISIS}`) }).click();
  await ballot.filter({ hasText: c.ballot.yourVote('Mexico', `1. ${CRISIS}`) }).waitFor({ timeout: 15_000 });

  await chat.actAs('secretariat');
  await chat.say('close T1 confirm');
  const results = chat.card(c.results.title('T1', c.kind.theme));
  await results.filter({ hasText: c.results.winner(CRISIS) }).waitFor({ timeout: 30_000 });

  const image = results.locator('img').first();
  await image.waitFor({ timeout: 15_000 });
  await image.scrollIntoViewIfNeeded();
  // Loaded and decoded by the browser: a broken or blocked image has naturalWidth 0.
  await browser.page.waitForFunction((img) => (img as HTMLImageElement).complete, await image.elementHandle());
  const loaded = await image.evaluate((img: HTMLImageElement) => ({
    naturalWidth: img.naturalWidth,
    naturalHeight: img.naturalHeight,
    shownWidth: img.getBoundingClientRect().width,
    src: img.src,
    alt: img.alt,
  }));
  // The text bars stay beside the chart.
  await results.filter({ hasText: /█/ }).waitFor();
  return { loaded, results };
}

describe('the local web chat shows the results chart', () => {
  it('a close in the web chat posts the results card with the chart image loaded (naturalWidth > 0)', async () => {
    const { loaded, results } = await closeAndReadChart();
    expect(loaded.naturalWidth).toBeGreaterThan(0);
    expect(loaded.naturalHeight).toBeGreaterThan(0);
    expect(loaded.shownWidth).toBeGreaterThan(100);
    expect(loaded.src.startsWith('data:image/png;base64,')).toBe(true);
    expect(loaded.alt).toContain(`✓ 1. ${CRISIS}: 1 vote · 100%`);
    await screenshotCard(results, join(ARTIFACTS, 'web-results-chart-en.png'));
  }, 90_000);

  it('with PUBLIC_URL set (another origin than the page), the chart is linked from there and still loads', async () => {
    const port = await freePort();
    const { loaded } = await closeAndReadChart({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` });
    // The page is on localhost; the image comes from the public address, which the page's CSP allows.
    expect(app!.url).toBe(`http://localhost:${port}/`);
    expect(loaded.src).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/charts/[A-Za-z0-9._-]+\\.png$`));
    expect(loaded.naturalWidth).toBeGreaterThan(0);
    expect(loaded.alt).toContain(`✓ 1. ${CRISIS}: 1 vote · 100%`);
  }, 90_000);
});
