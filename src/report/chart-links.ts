/**
 * Links to results charts, for hosts that fetch a card's images by URL (a `PUBLIC_URL` is set)
 * instead of carrying them inside the card as data URIs.
 *
 * A link is `<PUBLIC_URL>/charts/<token>.png`. The token names the consultation, the language and
 * an expiry, and is signed (HMAC-SHA-256 with a key derived from the ballot key): it cannot be
 * guessed, altered or extended. The bot draws the chart again from the store when it is fetched
 * (the drawing is cached), so links need no storage and survive a restart. Past its expiry a link
 * serves nothing: the card keeps its figures in the text bars.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { LANGS, type Lang } from '../domain/model.ts';

const DAY = 86_400_000;
/** How long a link serves its chart: a consultation's results are read in the weeks after its close. */
export const CHART_LINK_TTL_MS = 30 * DAY;

const TOKEN = /^([A-Z]{1,4}\d{1,6})\.(en|fr|es)\.([0-9a-z]{1,11})\.([A-Za-z0-9_-]{43})$/;

type ChartLinkCheck = { ok: true; id: string; lang: Lang } | { ok: false; why: 'forged' | 'expired' };

export interface ChartLinks {
  /** A link to the chart of consultation `id` in `lang`, valid for CHART_LINK_TTL_MS from now. */
  url(id: string, lang: Lang): string;
  /** Reads a token (the link's last segment, without `.png`). */
  check(token: string): ChartLinkCheck;
}

export function createChartLinks(opts: {
  publicUrl: string;
  secret: string;
  now: () => Date;
  ttlMs?: number;
}): ChartLinks {
  const base = opts.publicUrl.replace(/\/+$/, '');
  const key = createHmac('sha256', opts.secret).update('consult chart links').digest();
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');
  const ttl = opts.ttlMs ?? CHART_LINK_TTL_MS;
  return {
    url(id, lang) {
      const expires = Math.ceil((opts.now().getTime() + ttl) / 1000).toString(36);
      const payload = `${id}.${lang}.${expires}`;
      return `${base}/charts/${payload}.${mac(payload)}.png`;
    },
    check(token) {
      const m = TOKEN.exec(token);
      if (!m || !LANGS.includes(m[2] as Lang)) return { ok: false, why: 'forged' };
      const [, id, lang, expires, given] = m;
      const expected = Buffer.from(mac(`${id}.${lang}.${expires}`));
      if (!timingSafeEqual(expected, Buffer.from(given))) return { ok: false, why: 'forged' };
      // Checked after the signature, so an expired answer tells nothing about forged tokens.
      if (Number.parseInt(expires, 36) * 1000 <= opts.now().getTime()) return { ok: false, why: 'expired' };
      return { ok: true, id, lang: lang as Lang };
    },
  };
}
