/** A direct reminder to a delegate whose delegation has not answered: the why, the deadline, and the ballot inline. */
import type { Consultation, Delegation } from '../domain/model.ts';
import type { Card } from './card.ts';
import { ballotCard, consultationTitle, type ViewContext } from './ballot.ts';
import { formatDate, formatRelative } from './format.ts';

export function reminderCard(
  v: ViewContext,
  c: Readonly<Consultation>,
  delegation: Delegation | undefined,
  user: string,
): Card {
  const ballot = ballotCard(v, c, { delegation, user });
  const text = (c.kind === 'silence' ? v.t.silence.reminder : v.t.reminder.text)(
    delegation?.name ?? user,
    c.title || consultationTitle(v, c),
    formatDate(c.closesAt, v.zone, v.lang),
    formatRelative(c.closesAt, v.now, v.lang),
  );
  return { title: v.t.reminder.title(c.id), blocks: [{ type: 'text', text, style: 'warning' }, ...ballot.blocks] };
}
