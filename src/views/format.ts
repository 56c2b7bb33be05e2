/** Dates, percentages and short labels as readers see them, in their language and the organisation's zone. */
import { format, formatDistanceStrict } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type { Lang } from '../domain/model.ts';
import { dateLocales } from '../i18n/index.ts';

const PATTERN: Record<Lang, string> = {
  en: 'EEEE d MMMM yyyy, HH:mm',
  fr: "EEEE d MMMM yyyy 'à' HH:mm",
  es: "EEEE d 'de' MMMM 'de' yyyy, HH:mm",
};

const ZONE_NAMES: Record<Lang, Record<string, string>> = {
  en: { 'Europe/Zurich': 'Geneva time' },
  fr: { 'Europe/Zurich': 'heure de Genève' },
  es: { 'Europe/Zurich': 'hora de Ginebra' },
};

/** Deadlines are few and drawn on every ballot refresh: zone arithmetic is worth doing once each. */
const formatted = new Map<string, string>();
/** The instants behind recently formatted dates, so an adapter can add a reader-local time beside them. */
const instants = new Map<string, number>();
const RECENT_DATES = 500;
/** The zone labels dates end with ("(Geneva time)"): a text without one holds no date, and is not scanned. */
const zoneLabels = new Set<string>();

/** "Monday 7 December 2026, 23:59 (Geneva time)" */
export function formatDate(date: Date | string, zone: string, lang: Lang): string {
  const ms = new Date(date).getTime();
  const key = `${ms}|${zone}|${lang}`;
  let text = formatted.get(key);
  if (text === undefined) {
    const label = `(${ZONE_NAMES[lang][zone] ?? zone})`;
    zoneLabels.add(label);
    text = `${format(new TZDate(ms, zone), PATTERN[lang], { locale: dateLocales[lang] })} ${label}`;
    if (formatted.size > 10_000) formatted.clear();
    formatted.set(key, text);
  }
  instants.delete(text);
  instants.set(text, ms);
  if (instants.size > RECENT_DATES) instants.delete(instants.keys().next().value as string);
  return text;
}

/**
 * The dates `formatDate` wrote that occur in `text`, with their instant: a platform that can show each
 * reader their own local time (Slack's date tokens) adds it beside the organisation's. Only the
 * {@link RECENT_DATES} last formatted are known; an older one simply stays as written.
 */
export function datesIn(text: string): Array<{ text: string; at: Date }> {
  const out: Array<{ text: string; at: Date }> = [];
  // Most texts a renderer passes hold no date: one look for a zone label spares the scan of every date.
  if (![...zoneLabels].some((label) => text.includes(label))) return out;
  for (const [written, ms] of instants) if (text.includes(written)) out.push({ text: written, at: new Date(ms) });
  return out;
}

/** "in 3 days" / "3 days ago", in the reader's language. */
export function formatRelative(date: Date | string, now: Date, lang: Lang): string {
  return formatDistanceStrict(new Date(date), now, {
    addSuffix: true,
    locale: dateLocales[lang],
    roundingMethod: 'floor',
  });
}

export function pct(share: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A button label of at most `max` characters, cut at a word boundary, never mid-word. */
export function shortLabel(text: string, max = 40): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 3 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–]+$/, '')}…`;
}
