/** The ballot card: the question, every option in full, deadline, eligibility, secrecy, turnout, and how to vote. */
import type { Consultation, Delegation, Lang, Meta, Option } from '../domain/model.ts';
import { isPublished } from '../domain/secrecy.ts';
import type { Catalog } from '../i18n/en.ts';
import { turnoutCount, countOptions } from '../domain/tally.ts';
import { allowsAbstain, hasAnswered } from '../domain/ballot.ts';
import { activeOptions, proposalCap } from '../domain/proposals.ts';
import { isEligible } from '../domain/eligibility.ts';
import { silenceBallotBlocks } from './silence.ts';
import type { Button, Card, CardBlock } from './card.ts';
import { formatDate, formatRelative, pct, shortLabel } from './format.ts';
import { resultBars } from './results.ts';
import { optionText } from './option-text.ts';

export interface ViewContext {
  lang: Lang;
  t: Catalog;
  zone: string;
  now: Date;
  meta: Readonly<Meta>;
  secret: string;
  /** A post in a channel, read by every delegate there (options in all their languages), not a personal view. */
  channel?: boolean;
}

export function consultationTitle(v: ViewContext, c: Readonly<Consultation>): string {
  return `${v.t.kind[c.kind]} ${c.id}${c.title ? `: ${c.title}` : ''}`;
}

function deadlineLine(v: ViewContext, c: Readonly<Consultation>): string {
  if (c.status !== 'open') return v.t.ballot.closed(formatDate(c.closedAt ?? c.closesAt, v.zone, v.lang));
  return v.t.ballot.closes(formatDate(c.closesAt, v.zone, v.lang), formatRelative(c.closesAt, v.now, v.lang));
}

/** The options on the ballot now: anonymous ones wait for their publication slot (domain/secrecy.ts). */
function shown(v: ViewContext, c: Readonly<Consultation>): Option[] {
  const active = activeOptions(c);
  return c.status === 'open' ? active.filter((o) => isPublished(o, v.now)) : active;
}

function optionNote(v: ViewContext, o: Option): string {
  const name = (id: string) => v.meta.delegations.find((d) => d.id === id)?.name ?? id;
  if (o.anonymous) return o.combines ? v.t.ballot.requestedByDelegation : v.t.ballot.proposedByDelegation;
  if (o.combines) return v.t.ballot.combination;
  return o.proposedBy ? v.t.ballot.proposedBy(name(o.proposedBy)) : '';
}

function optionLines(v: ViewContext, c: Readonly<Consultation>): string {
  return shown(v, c)
    .map((o) => {
      const note = optionNote(v, o);
      return `${o.n}. ${optionText(v, o)}${note ? ` (${note})` : ''}`;
    })
    .join('\n');
}

/** Options the secretariat withdrew or merged, so a delegate who saw them knows where they went. */
function withdrawnLine(v: ViewContext, c: Readonly<Consultation>): CardBlock[] {
  const gone = c.options.filter((o) => o.withdrawn);
  if (gone.length === 0) return [];
  const list = gone
    .map((o) => `${o.n}. ${optionText(v, o)}${o.mergedInto ? ` (${v.t.safeguard.mergedInto(o.mergedInto)})` : ''}`)
    .join('; ');
  return [{ type: 'text', text: v.t.safeguard.withdrawnLine(list), style: 'muted' }];
}

function secrecyLine(v: ViewContext, c: Readonly<Consultation>): string {
  if (c.kind === 'feedback') return v.t.ballot.secrecyFeedback;
  return c.secrecy === 'secret' ? v.t.ballot.secrecySecret : v.t.ballot.secrecyRecorded;
}

/** What this viewer's delegation has done, for personal views (Teams refresh, App Home, replies). */
function viewerLine(v: ViewContext, c: Readonly<Consultation>, delegation: Delegation): CardBlock {
  if (c.secrecy === 'secret') {
    const done = c.answered.includes(delegation.id);
    return {
      type: 'text',
      text: done ? v.t.ballot.secretAnswered(delegation.name) : v.t.ballot.notYet(delegation.name),
      style: done ? 'success' : 'normal',
    };
  }
  const ballot = c.ballots[delegation.id];
  if (!ballot) return { type: 'text', text: v.t.ballot.notYet(delegation.name) };
  if (ballot.abstain) return { type: 'text', text: v.t.safeguard.abstained(delegation.name), style: 'success' };
  const chosen = ballot.choices
    .map((n) => {
      const o = c.options.find((x) => x.n === n);
      return `${n}. ${o ? optionText(v, o) : n}`;
    })
    .join('; ');
  return { type: 'text', text: v.t.ballot.yourVote(delegation.name, chosen), style: 'success' };
}

function voteControls(v: ViewContext, c: Readonly<Consultation>): CardBlock[] {
  if (c.kind === 'feedback') {
    return [
      {
        type: 'actions',
        buttons: [{ label: v.t.ballot.answerButton, command: { type: 'answer-form', id: c.id }, style: 'primary' }],
      },
    ];
  }
  const extra: Button[] = [];
  if (allowsAbstain(c))
    extra.push({ label: v.t.safeguard.abstainButton, command: { type: 'vote', id: c.id, choices: [], abstain: true } });
  if (proposalCap(c) > 0) extra.push({ label: v.t.ballot.proposeButton, command: { type: 'propose-form', id: c.id } });
  const active = shown(v, c);
  if (c.select === 1) {
    const buttons: Button[] = active.map((o) => ({
      label: `${o.n} · ${shortLabel(optionText(v, o))}`,
      command: { type: 'vote', id: c.id, choices: [o.n] },
    }));
    return [{ type: 'actions', buttons: [...buttons, ...extra] }];
  }
  const choices = active.map((o) => ({ value: String(o.n), label: `${o.n} · ${shortLabel(optionText(v, o), 70)}` }));
  const base = active
    .filter((o) => !o.combines)
    .map((o) => ({ value: String(o.n), label: `${o.n} · ${shortLabel(optionText(v, o), 70)}` }));
  return [
    {
      type: 'form',
      form: {
        id: `vote:${c.id}`,
        inputs: [
          {
            type: 'choice',
            id: 'approve',
            label: v.t.ballot.approveLabel,
            options: choices,
            multi: true,
            max: c.select,
            required: false,
          },
          {
            type: 'choice',
            id: 'combineA',
            label: v.t.ballot.combineLabel,
            options: base,
            multi: false,
            required: false,
          },
          { type: 'choice', id: 'combineB', label: '+', options: base, multi: false, required: false },
        ],
        submit: { label: v.t.ballot.submitVote, action: { type: 'vote', id: c.id } },
      },
    },
    ...(extra.length ? [{ type: 'actions' as const, buttons: extra }] : []),
  ];
}

/**
 * Who votes, and what this viewer may do. Observers in a members-only consultation see the
 * ballot read-only in their own views; the channel's ballot keeps its buttons and says who votes.
 */
function controls(v: ViewContext, c: Readonly<Consultation>, viewer?: { delegation?: Delegation }): CardBlock[] {
  const follows: CardBlock = { type: 'text', text: v.t.safeguard.observersFollow, style: 'muted' };
  if (c.status !== 'open') return [];
  if (viewer?.delegation && !isEligible(viewer.delegation, c)) return [follows];
  return [...(c.eligibility === 'members' && c.kind !== 'feedback' ? [follows] : []), ...voteControls(v, c)];
}

export function ballotCard(
  v: ViewContext,
  c: Readonly<Consultation>,
  viewer?: { delegation?: Delegation; user?: string },
): Card {
  const blocks: CardBlock[] = [];
  if (c.kind === 'silence') {
    blocks.push({ type: 'text', text: c.title });
    blocks.push({ type: 'text', text: v.t.silence.explain, style: 'muted' });
  } else if (c.kind === 'feedback') {
    blocks.push({ type: 'text', text: (c.statements ?? []).map((s, i) => `${i + 1}. ${s}`).join('\n') });
  } else {
    blocks.push({
      type: 'text',
      text: c.select === 1 ? v.t.ballot.chooseOne : v.t.ballot.chooseUpTo(c.select),
      style: 'muted',
    });
    blocks.push({ type: 'text', text: optionLines(v, c) });
    blocks.push(...withdrawnLine(v, c));
  }
  blocks.push({
    type: 'fields',
    fields: [
      { label: v.t.ballot.id(c.id), value: deadlineLine(v, c) },
      {
        label: v.t.kind[c.kind],
        value:
          c.kind === 'feedback'
            ? v.t.ballot.respondents(Object.keys(c.ballots).length)
            : v.t.ballot.eligibility[c.eligibility],
      },
    ],
  });
  if (c.kind === 'silence') {
    blocks.push(...silenceBallotBlocks(v, c, viewer));
    return { title: consultationTitle(v, c), blocks };
  }
  blocks.push({ type: 'text', text: secrecyLine(v, c), style: 'muted' });
  if (c.quorum !== undefined && c.kind !== 'feedback')
    blocks.push({ type: 'text', text: v.t.safeguard.quorumLine(pct(c.quorum, v.lang)), style: 'muted' });
  if (c.kind !== 'feedback') {
    const t = turnoutCount(v.meta, c);
    blocks.push({ type: 'text', text: v.t.ballot.turnout(t.answered, t.eligible) });
    if (viewer?.delegation) blocks.push(viewerLine(v, c, viewer.delegation));
  } else if (viewer?.user && hasAnswered(c, viewer.user, v.secret)) {
    blocks.push({ type: 'text', text: v.t.reply.answerRecorded, style: 'success' });
  }
  if (c.visibility === 'live' && c.kind !== 'feedback') {
    blocks.push({ type: 'text', text: v.t.ballot.liveResults, style: 'muted' });
    blocks.push(...resultBars(v, c, countOptions(c).options));
  } else if (c.status === 'open' && c.kind !== 'feedback') {
    blocks.push({ type: 'text', text: v.t.ballot.resultsHidden, style: 'muted' });
  }
  blocks.push(...controls(v, c, viewer));
  return { title: consultationTitle(v, c), blocks };
}
