/** `history`: the public record of past themes and workshops, and the consultations closed in this installation. */
import type { Caller, Env } from './env.ts';
import { reply } from './env.ts';
import { HISTORY_CLOSED_SHOWN, historyCard } from '../views/history.ts';
import type { CardBlock } from '../views/card.ts';
import type { OutboundMessage } from '../outbound.ts';

export async function history(env: Env, caller: Caller): Promise<OutboundMessage[]> {
  const v = env.view(caller.lang);
  const closed = env.store
    .all()
    .filter((c) => c.status === 'closed')
    .sort((a, b) => (a.closedAt ?? '').localeCompare(b.closedAt ?? ''))
    .slice(-HISTORY_CLOSED_SHOWN);
  const charts = new Map<string, Extract<CardBlock, { type: 'image' }>>();
  for (const c of closed) {
    const chart = await env.charts.block(v, c);
    if (chart) charts.set(c.id, chart);
  }
  return [reply(caller, historyCard(v, env.history, closed, charts), 'status')];
}
