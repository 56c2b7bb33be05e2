/** Asking the secretariat to confirm a step that cannot be undone (close early, cancel), and the Extend buttons. */
import { addDays, format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type { Consultation } from '../domain/model.ts';
import { dateLocales } from '../i18n/index.ts';
import type { Button, Card } from './card.ts';
import { consultationTitle, type ViewContext } from './ballot.ts';
import { formatDate } from './format.ts';

export function confirmCard(v: ViewContext, c: Readonly<Consultation>, type: 'close' | 'cancel'): Card {
  const s = v.t.safeguard;
  const question =
    type === 'close' ? s.confirmClose(c.id, formatDate(c.closesAt, v.zone, v.lang)) : s.confirmCancel(c.id);
  const label = type === 'close' ? s.confirmCloseButton(c.id) : s.confirmCancelButton(c.id);
  return {
    title: `${s.confirmTitle}: ${consultationTitle(v, c)}`,
    blocks: [
      { type: 'text', text: question, style: 'warning' },
      { type: 'actions', buttons: [{ label, command: { type, id: c.id, confirm: true }, style: 'danger' }] },
      { type: 'text', text: s.orType(`${type} ${c.id} confirm`), style: 'muted' },
    ],
  };
}

/**
 * Extend buttons: one day and seven days after the current deadline (never from now, so a click
 * can only move it later). Each carries the target date itself, so a second click on a card drawn
 * before the first changes nothing: that date is no longer later than the deadline.
 */
export function extendButtons(v: ViewContext, c: Readonly<Consultation>): Button[] {
  const current = new TZDate(Date.parse(c.closesAt), v.zone);
  return [1, 7].map((days) => {
    const target = addDays(current, days);
    return {
      label: v.t.safeguard.extendTo(format(target, 'EEE d MMM', { locale: dateLocales[v.lang] })),
      command: { type: 'extend', id: c.id, deadline: format(target, 'yyyy-MM-dd') },
    };
  });
}

/**
 * The secretariat's actions on an open consultation, for views that have no App Home (a
 * `status <id>` answer in Teams or the web chat): remind, extend later, close (which asks first).
 */
export function manageButtons(v: ViewContext, c: Readonly<Consultation>): Button[] {
  return [
    { label: v.t.home.remindButton, command: { type: 'remind', id: c.id } },
    ...extendButtons(v, c),
    { label: v.t.home.closeButton, command: { type: 'close', id: c.id }, style: 'danger' },
  ];
}
