/** The personal overview (Slack App Home): open consultations and whether the delegation answered; secretariat tools. */
import type { Consultation, Delegation } from '../domain/model.ts';
import { hasAnswered } from '../domain/ballot.ts';
import type { Card, CardBlock } from './card.ts';
import type { ViewContext } from './ballot.ts';
import { statusLine } from './status.ts';
import { reportButton } from './results.ts';
import { isEligible } from '../domain/eligibility.ts';
import { extendButtons } from './confirm.ts';

export function homeCard(
  v: ViewContext,
  open: ReadonlyArray<Readonly<Consultation>>,
  delegation: Delegation | undefined,
  secretariat: boolean,
  user: string,
  /** Recently closed consultations, shown to the secretariat with their report button. */
  closed: ReadonlyArray<Readonly<Consultation>> = [],
): Card {
  const blocks: CardBlock[] = [];
  if (!delegation && !secretariat) blocks.push({ type: 'text', text: v.t.home.notOnRoster, style: 'warning' });
  blocks.push({ type: 'text', text: v.t.home.open, style: 'muted' });
  if (open.length === 0) blocks.push({ type: 'text', text: v.t.home.none });
  for (const c of open) {
    const voter = c.kind === 'feedback' ? user : delegation?.id;
    const follows = c.kind !== 'feedback' && delegation && !isEligible(delegation, c);
    const mine = follows
      ? v.t.safeguard.observerFollows(delegation.name)
      : voter
        ? v.t.status.yourDelegation(delegation?.name ?? '—', hasAnswered(c, voter, v.secret))
        : '';
    blocks.push({ type: 'text', text: [statusLine(v, c), mine].filter(Boolean).join('\n') });
    if (secretariat) {
      blocks.push({
        type: 'actions',
        buttons: [
          { label: v.t.home.remindButton, command: { type: 'remind', id: c.id } },
          ...extendButtons(v, c),
          // Before the close, a hidden consultation exports its turnout only (commands/manage.ts): the label says so.
          {
            label: c.visibility === 'hidden' ? v.t.home.exportTurnoutButton : v.t.home.exportButton,
            command: { type: 'export', id: c.id },
          },
          { label: v.t.home.closeButton, command: { type: 'close', id: c.id }, style: 'danger' },
        ],
      });
    }
  }
  if (secretariat && closed.length) {
    blocks.push({ type: 'text', text: v.t.report.homeClosed, style: 'muted' });
    for (const c of closed) blocks.push({ type: 'text', text: statusLine(v, c) }, reportButton(v, c));
  }
  return { title: v.t.home.title, blocks };
}
