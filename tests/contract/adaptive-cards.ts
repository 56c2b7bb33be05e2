/** Reading the Adaptive Cards that Bot Framework platforms (Teams, the web chat) show, as a person reads them. */
type Node = Record<string, any>;

/** Every node that has a type, wherever it sits (body, columns, containers, action sets, root actions). */
function nodes(node: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(node)) for (const n of node) nodes(n, out);
  else if (node && typeof node === 'object') {
    const n = node as Node;
    if (typeof n.type === 'string') out.push(n);
    for (const value of Object.values(n)) if (value && typeof value === 'object') nodes(value, out);
  }
  return out;
}

/** The Adaptive Cards an activity carries. */
function cardsOf(activity: { attachments?: unknown }): Node[] {
  return ((activity.attachments as Node[] | undefined) ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content as Node);
}

/** Card texts are markdown with special characters backslash-escaped (`1\\. A`): a reader sees `1. A`. */
const unescape = (text: unknown) => String(text).replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** What a reader sees of an activity: its text, and its cards' texts, facts and button titles. */
export function readable(activity: { text?: unknown; attachments?: unknown }): string {
  const texts = cardsOf(activity).flatMap((card) =>
    nodes(card).flatMap((n) => {
      if (n.type === 'TextBlock' || n.type === 'TextRun') return [unescape(n.text)];
      if (n.type === 'FactSet') return (n.facts as Node[]).flatMap((f) => [unescape(f.title), unescape(f.value)]);
      if (n.type === 'Action.Execute' && n.title) return [String(n.title)];
      return [];
    }),
  );
  return [typeof activity.text === 'string' ? activity.text : '', ...texts].join('\n');
}

/** The first button of the activity's cards whose title starts with `label`. */
export function buttonOf(activity: { attachments?: unknown }, label: string): Node | undefined {
  return nodes(cardsOf(activity)).find((n) => n.type === 'Action.Execute' && String(n.title ?? '').startsWith(label));
}
