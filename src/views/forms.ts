/** Forms opened from a ballot: propose an option, answer a survey (Likert statements). */
import type { Consultation } from '../domain/model.ts';
import type { Card } from './card.ts';
import { consultationTitle, type ViewContext } from './ballot.ts';
import { MAX_TEXT } from '../domain/limits.ts';

export function proposeForm(v: ViewContext, c: Readonly<Consultation>): Card {
  return {
    title: consultationTitle(v, c),
    blocks: [
      {
        type: 'form',
        form: {
          id: `propose:${c.id}`,
          inputs: [{ type: 'text', id: 'text', label: v.t.ballot.proposeButton, maxLength: MAX_TEXT, required: true }],
          submit: { label: v.t.ballot.proposeButton, action: { type: 'propose', id: c.id } },
        },
      },
    ],
  };
}

export function answerForm(v: ViewContext, c: Readonly<Consultation>): Card {
  const scale = [5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: v.t.likert[n] }));
  return {
    title: consultationTitle(v, c),
    blocks: [
      { type: 'text', text: v.t.ballot.secrecyFeedback, style: 'muted' },
      {
        type: 'form',
        form: {
          id: `feedback:${c.id}`,
          inputs: (c.statements ?? []).map((s, i) => ({
            type: 'choice' as const,
            id: `s${i + 1}`,
            label: s,
            options: scale,
            multi: false,
            required: false,
          })),
          submit: { label: v.t.ballot.answerButton, action: { type: 'feedback', id: c.id } },
        },
      },
    ],
  };
}
