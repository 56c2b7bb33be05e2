/** Personal notices, drawn in the reader's language when delivered: a colleague's ballot, a returned ballot, changed options. */
import type { Consultation, Notice } from '../domain/model.ts';
import type { Card } from './card.ts';
import { ballotCard, type ViewContext } from './ballot.ts';
import { formatDate } from './format.ts';
import { optionText } from './option-text.ts';

export function noticeCard(v: ViewContext, c: Readonly<Consultation>, notice: Notice): Card {
  const s = v.t.safeguard;
  const delegation = v.meta.delegations.find((d) => d.id === notice.delegation);
  const name = delegation?.name ?? notice.delegation;
  const until = formatDate(c.closesAt, v.zone, v.lang);
  const text = (n: number) => {
    const o = c.options.find((x) => x.n === n);
    return o ? optionText(v, o) : String(n);
  };
  let title: string;
  let body: string;
  switch (notice.kind) {
    case 'colleague-vote': {
      title = s.colleagueTitle(c.id);
      const ballot = c.ballots[notice.delegation];
      if (c.kind === 'silence') body = v.t.silence.colleague(name, c.id, ballot !== undefined);
      else if (c.secrecy === 'secret' || !ballot) body = s.colleagueChangedSecret(name, c.id);
      else {
        const choice = ballot.abstain
          ? s.abstainButton.toLowerCase()
          : ballot.choices.map((n) => `${n}. ${text(n)}`).join('; ');
        body = s.colleagueChanged(name, c.id, choice);
      }
      break;
    }
    case 'ballot-returned':
      title = s.returnedTitle(c.id);
      body = s.returned(name, c.id, notice.option, text(notice.option), until);
      break;
    case 'options-changed':
      title = s.optionsTitle(c.id);
      body =
        notice.change === 'added'
          ? s.optionAdded(c.id, notice.option, text(notice.option), until)
          : notice.change === 'withdrawn'
            ? s.optionWithdrawn(c.id, notice.option, text(notice.option), until)
            : s.optionMerged(c.id, notice.option, text(notice.option), notice.into ?? 0, text(notice.into ?? 0), until);
      break;
  }
  // The ballot follows, as this delegation sees it, so acting on the notice is one tap away.
  const ballot = c.status === 'open' ? ballotCard(v, c, { delegation }).blocks : [];
  return { title, blocks: [{ type: 'text', text: body, style: 'warning' }, ...ballot] };
}
