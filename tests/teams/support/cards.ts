/** Reading Adaptive Cards in tests: texts, buttons, and the cards a connector call carried. */
import type { Recorded } from './connector-recorder.ts';

type Node = Record<string, any>;

export function walk(node: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(node)) node.forEach((n) => walk(n, out));
  else if (node && typeof node === 'object') {
    const n = node as Node;
    if (typeof n.type === 'string') out.push(n);
    for (const key of ['body', 'items', 'columns', 'actions']) if (key in n) walk(n[key], out);
  }
  return out;
}

/** Card texts are markdown with every special character backslash-escaped: the text as a reader sees it. */
const unescapeMarkdown = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** Every text a reader sees on the card: text blocks, facts, input labels and choices, button titles. */
export function textsOf(card: Node): string[] {
  return walk(card.body).flatMap((n) => {
    if (n.type === 'TextBlock') return [unescapeMarkdown(n.text as string)];
    if (n.type === 'FactSet') return (n.facts as Node[]).flatMap((f) => [f.title, f.value].map(unescapeMarkdown));
    if (n.type === 'Input.ChoiceSet')
      return [
        n.label,
        ...(n.choices as Node[]).map((c) => (n.style === 'expanded' ? unescapeMarkdown(c.title) : c.title)),
      ];
    if (n.type === 'Input.Text') return [n.label];
    if (n.type === 'Action.Execute') return [n.title];
    return [];
  });
}

export function actionsOf(card: Node): Node[] {
  return walk(card.body).filter((n) => n.type === 'Action.Execute');
}

export function cardOf(call: Recorded): Node {
  const attachments = call.body.attachments as Node[] | undefined;
  const card = attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  if (!card) throw new Error(`no Adaptive Card in ${call.method} ${call.path}`);
  return card.content as Node;
}
