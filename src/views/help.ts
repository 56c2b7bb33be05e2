/** The help card: what everyone can do, and what the secretariat can do. */
import type { Card } from './card.ts';
import type { Catalog } from '../i18n/en.ts';

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
          value: [c.help, c.vote, c.propose, c.object, c.status, c.results, c.history, c.share, c.lang].join('\n'),
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
          value: [
            c.theme,
            c.topics,
            c.survey,
            c.languages,
            c.feedback,
            c.silence,
            c.manage,
            c.moderate,
            c.report,
            c.roster,
          ].join('\n'),
        },
      ],
    });
  }
  blocks.push({ type: 'text', text: t.help.deadlines, style: 'muted' });
  return { title: t.help.title, blocks };
}
