/**
 * Clicks already applied, so a platform delivering one again (a replay within Slack's 5-minute
 * signature window, even after a restart) changes nothing. Each vote's audit entry names the click
 * that cast it (`click`); the trail is append-only, so remembering costs one field of a line
 * written anyway, where a list in the consultation file made every later write of a burst longer.
 * The index of recent clicks lives in memory and is rebuilt from the trail when the trail
 * is a new array (after a load, or a failed write that restored the file).
 */
import type { Consultation } from './model.ts';

/** How long an applied click is remembered: Slack's signatures are valid 5 minutes; a margin for clock skew. */
const REPLAY_WINDOW_MS = 6 * 60_000;
/** Secret ballots log their time to the minute (secrecy.ts coarseTime): look back one minute more. */
const COARSE_MS = 60_000;

interface Index {
  /** Click → when it was applied (ms). */
  clicks: Map<string, number>;
  /** Size after the last pruning: prune again when it has doubled. */
  pruned: number;
}

const indexes = new WeakMap<Consultation['audit'], Index>();

function indexOf(c: Readonly<Consultation>, now: Date): Index {
  let index = indexes.get(c.audit);
  if (!index) {
    const since = now.getTime() - REPLAY_WINDOW_MS - COARSE_MS;
    const clicks = new Map<string, number>();
    // Files written before clicks were logged kept them in a list of their own.
    for (const a of c.applied ?? []) clicks.set(a.id, Date.parse(a.at));
    // The whole trail, once per load: a clock set back must not hide a recent click behind an older-looking line.
    for (const e of c.audit) {
      if (!e.click) continue;
      const at = Date.parse(e.at);
      if (at >= since) clicks.set(e.click, at);
    }
    index = { clicks, pruned: clicks.size };
    indexes.set(c.audit, index);
  }
  return index;
}

export function alreadyApplied(c: Readonly<Consultation>, click: string, now: Date): boolean {
  const at = indexOf(c, now).clicks.get(click);
  return at !== undefined && at >= now.getTime() - REPLAY_WINDOW_MS - COARSE_MS;
}

/** Call after the vote's audit entry, naming `click`, was added to `c.audit`. */
export function noteApplied(c: Consultation, click: string, now: Date): void {
  const index = indexOf(c, now);
  index.clicks.set(click, now.getTime());
  if (index.clicks.size > 2 * index.pruned + 100) {
    const since = now.getTime() - REPLAY_WINDOW_MS - COARSE_MS;
    for (const [id, at] of index.clicks) if (at < since) index.clicks.delete(id);
    index.pruned = index.clicks.size;
  }
  // The list of the earlier layout empties as its clicks expire.
  if (c.applied) {
    const since = now.getTime() - REPLAY_WINDOW_MS;
    c.applied = c.applied.filter((a) => Date.parse(a.at) >= since);
    if (c.applied.length === 0) delete c.applied;
  }
}
