/** The history card: the public record of themes and workshops by year, then the consultations closed here. */
import type { History } from '../domain/history.ts';
import type { Consultation } from '../domain/model.ts';
import type { ViewContext } from './ballot.ts';
import type { Card, CardBlock } from './card.ts';
import { resultsCard } from './results.ts';

/** Closed consultations shown at most, newest first: the card stays readable and within platform limits. */
export const HISTORY_CLOSED_SHOWN = 10;

export function historyCard(
  v: ViewContext,
  history: History | undefined,
  closed: ReadonlyArray<Readonly<Consultation>>,
  charts: ReadonlyMap<string, Extract<CardBlock, { type: 'image' }>>,
): Card {
  const h = v.t.history;
  const list = (items: string[]) => new Intl.ListFormat(v.lang, { type: 'conjunction' }).format(items);
  const blocks: CardBlock[] = [{ type: 'text', text: h.intro, style: 'muted' }];
  for (const y of history?.years ?? []) {
    const lines = [h.year(y.year, y.theme)];
    if (y.workshops.length) lines.push(h.workshops(list(y.workshops.map((w) => w.title))));
    else if (y.note) lines.push(h.noWorkshop(y.note));
    const notChosen = [...(y.notChosen?.themes ?? []), ...(y.notChosen?.workshops ?? [])];
    if (notChosen.length) lines.push(h.notChosen(list(notChosen)));
    blocks.push({ type: 'text', text: lines.join('\n') });
  }
  if (history) blocks.push({ type: 'text', text: h.source(history.source), style: 'muted' });
  blocks.push({ type: 'text', text: h.here, style: 'muted' });
  if (closed.length === 0) blocks.push({ type: 'text', text: h.none });
  let year: number | undefined;
  for (const c of closed) {
    const closedYear = new Date(c.closedAt ?? c.closesAt).getUTCFullYear();
    if (closedYear !== year) blocks.push({ type: 'text', text: String((year = closedYear)) });
    const results = resultsCard(v, c);
    blocks.push({ type: 'text', text: results.title });
    // The decision and its figures; the next-step hint and buttons belong to the live results post.
    blocks.push(...results.blocks.filter((b) => b.type === 'bar' || (b.type === 'text' && b.style !== 'muted')));
    const chart = charts.get(c.id);
    if (chart) blocks.push(chart);
  }
  return { title: h.title, blocks };
}
