/** Status: the consultations, newest first, with turnout and deadline; the viewer's delegation status. */
import type { Consultation, Delegation } from '../domain/model.ts';
import { turnoutCount } from '../domain/tally.ts';
import { hasAnswered } from '../domain/ballot.ts';
import type { Card, CardBlock } from './card.ts';
import type { ViewContext } from './ballot.ts';
import { formatDate } from './format.ts';

export function statusLine(v: ViewContext, c: Readonly<Consultation>): string {
  const tt = turnoutCount(v.meta, c);
  const answered = c.kind === 'feedback' ? Object.keys(c.ballots).length : tt.answered;
  const eligible = c.kind === 'feedback' ? (c.participants ?? answered) : tt.eligible;
  const when = formatDate(c.status === 'open' ? c.closesAt : (c.closedAt ?? c.closesAt), v.zone, v.lang);
  return v.t.status.line(c.id, v.t.kind[c.kind], c.title || '—', v.t.state[c.status], answered, eligible, when);
}

export function statusCard(v: ViewContext, list: ReadonlyArray<Readonly<Consultation>>, delegation?: Delegation): Card {
  if (list.length === 0) return { title: v.t.status.title, blocks: [{ type: 'text', text: v.t.status.none }] };
  const blocks: CardBlock[] = [{ type: 'text', text: list.map((c) => statusLine(v, c)).join('\n') }];
  if (delegation) {
    const open = list.filter((c) => c.status === 'open' && c.kind !== 'feedback');
    if (open.length) {
      blocks.push({
        type: 'text',
        text: open
          .map((c) => `${c.id}: ${v.t.status.yourDelegation(delegation.name, hasAnswered(c, delegation.id, v.secret))}`)
          .join('\n'),
        style: 'muted',
      });
    }
  }
  return { title: v.t.status.title, blocks };
}
