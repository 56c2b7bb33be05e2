/**
 * Builds data/idm-history.json from the IDM reference TSV:
 *   npx tsx scripts/build-history.ts [path-to-tsv]
 * The app ships only the JSON, since shared/ is absent at runtime.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { History, type HistoryYear } from '../src/domain/history.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsvPath = resolve(process.argv[2] ?? resolve(root, '../shared/reference/idm-themes-2001-2014.tsv'));
const outPath = resolve(root, 'data/idm-history.json');

/** Not in the TSV: named in its README ("from the same record"). */
const NOT_CHOSEN: Record<number, NonNullable<HistoryYear['notChosen']>> = {
  2008: { themes: ['Mainstreaming Gender into Migration Management'] },
  2012: {
    themes: ['Families and migration'],
    workshops: ['Beyond the emergency: Long-term solutions to crisis migration'],
  },
};

const lines = readFileSync(tsvPath, 'utf8')
  .split(/\r?\n/)
  .filter((l) => l.trim() !== '');
const header = lines.shift();
if (header?.trim() !== 'year\toverarching_theme\tworkshop\tnote')
  throw new Error(`${tsvPath}: unexpected header: ${header}`);

const years = new Map<number, HistoryYear>();
lines.forEach((line, i) => {
  const cols = line.split('\t').map((c) => c.trim());
  const [yearText, theme, workshop, note] = cols;
  const year = Number(yearText);
  if (cols.length > 4 || !Number.isInteger(year) || !theme) throw new Error(`${tsvPath}:${i + 2}: bad row: ${line}`);
  let entry = years.get(year);
  if (!entry) years.set(year, (entry = { year, theme, workshops: [] }));
  if (entry.theme !== theme) throw new Error(`${tsvPath}:${i + 2}: ${year} has two themes`);
  if (workshop) entry.workshops.push(note ? { title: workshop, note } : { title: workshop });
  else if (note) entry.note = note; // a year without workshops keeps its note
});
for (const [year, notChosen] of Object.entries(NOT_CHOSEN)) {
  const entry = years.get(Number(year));
  if (!entry) throw new Error(`not-chosen entries for ${year}, which is not in the TSV`);
  entry.notChosen = notChosen;
}

const history = History.parse({
  source: `IOM International Dialogue on Migration: public record of overarching themes and workshops, 2001-2014 (${basename(tsvPath)} and its README)`,
  years: [...years.values()].sort((a, b) => a.year - b.year),
});
writeFileSync(outPath, JSON.stringify(history, null, 2) + '\n');
console.log(`wrote ${outPath}: ${history.years.length} years`);
