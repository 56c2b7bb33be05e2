/**
 * Text fitting for Slack's length limits: cut at word boundaries, never mid-word.
 * Lengths are UTF-16 units, which never undercount what Slack counts.
 */

const ELLIPSIS = '…';

/**
 * Fits `text` into `max` characters. Cuts at the last space before the limit and adds "…".
 * A single word longer than the limit is the only case cut mid-word (there is no boundary).
 */
export function shorten(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const head = t.slice(0, max - ELLIPSIS.length + 1);
  const cut = head.lastIndexOf(' ');
  const base = cut > 0 ? head.slice(0, cut) : t.slice(0, max - ELLIPSIS.length);
  return base.replace(/[\s,;:.\-–—]+$/, '') + ELLIPSIS;
}

/** Splits `text` into a head of at most `max` characters (cut at a space) and the rest, so nothing is lost. */
export function splitAtWord(text: string, max: number): [string, string] {
  const t = text.trim();
  if (t.length <= max) return [t, ''];
  let cut = t.slice(0, max + 1).lastIndexOf(' ');
  if (cut <= 0) cut = max;
  return [t.slice(0, cut).trimEnd(), t.slice(cut).trim()];
}

/**
 * Splits long text into chunks of at most `max` characters, preferring paragraph,
 * then line, then word boundaries, so a long section becomes several sections.
 */
export function chunkText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = window.lastIndexOf('\n\n');
    if (cut < max / 2) cut = window.lastIndexOf('\n');
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = max;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.length > 0 || out.length === 0) out.push(rest);
  return out;
}

/** Slack mrkdwn needs only these three characters escaped. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
