/** Plain replies: a confirmation, a notice or an error, as a one-block card. */
import type { Card, TextStyle } from './card.ts';

export function textCard(title: string, text: string, style: TextStyle = 'normal'): Card {
  return { title, blocks: [{ type: 'text', text, style }] };
}
