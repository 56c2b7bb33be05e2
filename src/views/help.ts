/** The help card: what everyone and what only the secretariat can do (the lines, in order: HELP in table.ts). */
import type { Card } from './card.ts';
import type { Catalog } from '../i18n/en.ts';
import { HELP } from '../commands/table.ts';

/** `howToCall`: one line per mounted platform, supplied by its adapter, saying how to reach the bot there. */
export function helpCard(t: Catalog, secretariat: boolean, howToCall: readonly string[] = []): Card {
  const c = t.help.commands;
  const blocks: Card['blocks'] = [
    { type: 'text', text: [t.help.intro, ...howToCall].join(' ') },
    {
      type: 'fields',
      fields: [
        {
          label: t.help.everyone,
          value: HELP.everyone.map((key) => c[key]).join('\n'),
        },
      ],
    },
  ];
  if (secretariat) {
    blocks.push({
      type: 'fields',
      fields: [
        {
          label: t.help.secretariatOnly,
          value: HELP.secretariat.map((key) => c[key]).join('\n'),
        },
      ],
    });
  }
  blocks.push({ type: 'text', text: t.help.deadlines, style: 'muted' });
  return { title: t.help.title, blocks };
}
