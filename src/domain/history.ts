/**
 * The public record of past IDM themes and workshops (data/idm-history.json),
 * used to show history and to flag a proposal that was already discussed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const HistoryWorkshop = z.object({ title: z.string().min(1), note: z.string().min(1).optional() });

export const HistoryYear = z.object({
  year: z.number().int().min(1900).max(2100),
  theme: z.string().min(1),
  /** A note on the whole year when it had no workshop (e.g. 2001). */
  note: z.string().min(1).optional(),
  workshops: z.array(HistoryWorkshop),
  /** Proposed but not chosen, as named in the record. */
  notChosen: z
    .object({ themes: z.array(z.string().min(1)).optional(), workshops: z.array(z.string().min(1)).optional() })
    .optional(),
});

export const History = z.object({ source: z.string().min(1), years: z.array(HistoryYear) });
export type History = z.infer<typeof History>;
export type HistoryYear = z.infer<typeof HistoryYear>;

const DEFAULT_HISTORY_PATH = fileURLToPath(new URL('../../data/idm-history.json', import.meta.url));

const cache = new Map<string, History>();

/** Reads and validates the file once per path; throws with the file name if it is missing or malformed. */
export function loadHistory(path: string = DEFAULT_HISTORY_PATH): History {
  const hit = cache.get(path);
  if (hit) return hit;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read history file ${path}: ${(err as Error).message}`);
  }
  const res = History.safeParse(parsed);
  if (!res.success) throw new Error(`invalid history file ${path}: ${z.prettifyError(res.error)}`);
  cache.set(path, res.data);
  return res.data;
}

export interface SimilarMatch {
  year: number;
  title: string;
  kind: 'theme' | 'workshop';
  notChosen?: boolean;
  score: number;
}

const STOP = new Set(
  (
    'a an and the of in to for on with from at by as or its their into during between toward towards ' +
    'through about is are be new de la le les des du et en el los las y del'
  ).split(' '),
);
/** Words in nearly every IDM title: they count a little, but never make a match alone. */
const WEAK = new Set([
  'migration',
  'migrant',
  'migratory',
  'challenge',
  'opportunity',
  'managing',
  'management',
  'policy',
]);
const WEAK_WEIGHT = 0.2;

/** Crude plural folding so "Families" meets "Family" and "Diasporas" meets "Diaspora". */
function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Content words, case/accent/punctuation-insensitive, each with its weight. */
function tokens(text: string): Map<string, number> {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOP.has(w))
    .map(stem);
  return new Map(words.map((w) => [w, WEAK.has(w) ? WEAK_WEIGHT : 1]));
}

const weight = (m: Map<string, number>) => [...m.values()].reduce((s, v) => s + v, 0);

/**
 * Mean of weighted Jaccard and weighted overlap (containment of the smaller title
 * in the larger), so "Return Migration" still meets "Return Migration: Challenges
 * and Opportunities". Zero unless at least one strong word is shared.
 */
function similarity(a: Map<string, number>, b: Map<string, number>): number {
  let inter = 0;
  for (const [w, v] of a) if (b.has(w)) inter += v;
  if (inter < 1) return 0;
  const wa = weight(a);
  const wb = weight(b);
  const jaccard = inter / (wa + wb - inter);
  const overlap = inter / Math.min(wa, wb);
  return (jaccard + overlap) / 2;
}

/** Tuned on the record: flags "Climate change and human mobility" (2011), not "Digital identity for refugees". */
const SIMILARITY_THRESHOLD = 0.4;

/** Past themes and workshops (chosen or not) resembling `text`, best first. */
export function findSimilar(text: string, history: History, threshold: number = SIMILARITY_THRESHOLD): SimilarMatch[] {
  const query = tokens(text);
  const out: SimilarMatch[] = [];
  const consider = (year: number, title: string, kind: SimilarMatch['kind'], notChosen: boolean) => {
    const score = Math.round(similarity(query, tokens(title)) * 1000) / 1000;
    if (score >= threshold) out.push({ year, title, kind, ...(notChosen ? { notChosen: true } : {}), score });
  };
  for (const y of history.years) {
    consider(y.year, y.theme, 'theme', false);
    for (const w of y.workshops) consider(y.year, w.title, 'workshop', false);
    for (const t of y.notChosen?.themes ?? []) consider(y.year, t, 'theme', true);
    for (const t of y.notChosen?.workshops ?? []) consider(y.year, t, 'workshop', true);
  }
  return out.sort((p, q) => q.score - p.score || p.year - q.year);
}
