/** The roster as people read it: delegations by name, grouped by kind, with their delegates' names. */
import type { Meta, UserId } from '../domain/model.ts';
import { DelegationKind } from '../domain/model.ts';
import { displayName, hasDelegates } from '../domain/roster.ts';
import type { Catalog } from '../i18n/en.ts';
import type { Card, CardBlock } from './card.ts';
import type { ImportSummary, BadLine } from '../domain/roster-import.ts';
import { CSV_HEADER } from '../domain/roster-import.ts';
import { problemText, type ProblemReader } from './problem-text.ts';

/** Past this many characters a text is no longer "one message" on every platform: it goes as a file. */
export const ONE_MESSAGE = 3_000;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** Lines of at most `per` items per text block, so no block grows past what a platform shows at once. */
function chunks(lines: string[], per = 40): CardBlock[] {
  const out: CardBlock[] = [];
  for (let i = 0; i < lines.length; i += per) out.push({ type: 'text', text: lines.slice(i, i + per).join('\n') });
  return out;
}

export interface RosterListing {
  card: Card;
  /** The same as plain text, for when it is sent as a file. */
  text: string;
  delegations: number;
  delegates: number;
}

export function rosterListing(t: Catalog, meta: Readonly<Meta>, secretariat: ReadonlyArray<UserId>): RosterListing {
  const blocks: CardBlock[] = [];
  const textParts: string[] = [];
  const listed = meta.delegations.filter(hasDelegates);
  for (const kind of DelegationKind.options) {
    const of = listed.filter((d) => d.kind === kind).sort(byName);
    if (!of.length) continue;
    const heading = t.roster.listHeading(t.delegationKind[kind], of.length);
    const lines = of.map((d) => {
      const people = d.delegates.map((u) => displayName(meta, u));
      if (d.pending?.length) people.push(t.roster.waiting(d.pending.join(', ')));
      return t.roster.listLine(d.name, d.region ?? '', people.join(', ') || t.roster.nobody);
    });
    blocks.push({ type: 'text', text: heading, style: 'muted' }, ...chunks(lines));
    textParts.push(heading, ...lines, '');
  }
  if (!listed.length) {
    blocks.push({ type: 'text', text: t.reply.rosterEmpty });
    textParts.push(t.reply.rosterEmpty, '');
  }
  const sec = t.reply.secretariatLine(secretariat.map((u) => displayName(meta, u)).join(', ') || '—');
  blocks.push({ type: 'text', text: sec, style: 'muted' });
  textParts.push(sec);
  return {
    card: { title: t.reply.rosterTitle, blocks },
    text: `${textParts.join('\n')}\n`,
    delegations: listed.length,
    delegates: listed.reduce((n, d) => n + d.delegates.length + (d.pending?.length ?? 0), 0),
  };
}

export function rejectedImportCard(v: ProblemReader, bad: ReadonlyArray<BadLine>): Card {
  const t = v.t;
  const lines = [...bad]
    .sort((a, b) => a.line - b.line)
    .map((b) => t.roster.badLine(b.line, problemText(v, b.problem)));
  return {
    title: t.roster.importTitle,
    blocks: [{ type: 'text', text: t.roster.rejected(bad.length), style: 'error' }, ...chunks(lines)],
  };
}

export function importSummaryCard(
  t: Catalog,
  s: ImportSummary,
  lines: number,
  pending: ReadonlyArray<{ line: number; email: string }>,
): Card {
  const blocks: CardBlock[] = [
    { type: 'text', text: s.changed ? t.roster.imported(lines) : t.roster.unchanged(lines), style: 'success' },
  ];
  if (s.changed) {
    blocks.push({
      type: 'text',
      text: [
        t.roster.delegations(s.delegationsAdded, s.delegationsUpdated),
        t.roster.delegates(s.delegatesAdded, s.delegatesMoved),
      ].join('\n'),
    });
  }
  blocks.push({
    type: 'text',
    text: s.byKind
      .map((k) =>
        t.roster.kindLine(
          t.delegationKind[k.kind],
          k.delegations,
          k.delegates,
          k.regions.map(([r, n]) => `${r} ${n}`).join(', '),
        ),
      )
      .join('\n'),
  });
  if (pending.length) {
    blocks.push(
      { type: 'text', text: t.roster.pending(pending.length), style: 'warning' },
      ...chunks(pending.map((p) => t.roster.pendingLine(p.line, p.email))),
    );
  }
  return { title: t.roster.importTitle, blocks };
}

export function importFormCard(t: Catalog): Card {
  const header = CSV_HEADER.join(',');
  return {
    title: t.roster.importTitle,
    blocks: [
      { type: 'text', text: t.roster.formIntro(header) },
      {
        type: 'form',
        form: {
          id: 'roster-import',
          inputs: [
            {
              type: 'text',
              id: 'csv',
              label: t.roster.formLabel,
              placeholder: `${header}\n`,
              maxLength: 3_000,
              required: true,
            },
          ],
          submit: { label: t.roster.formSubmit, action: { type: 'roster-import', id: 'roster' } },
        },
      },
    ],
  };
}
