/**
 * An option's text as a reader sees it. A delegate reads it in their language when the launch gave one;
 * a channel post is read by delegates of every language, so it shows each text given, the launch's first.
 */
import { LANGS, type Option } from '../domain/model.ts';
import type { ViewContext } from './ballot.ts';

export function optionText(v: Pick<ViewContext, 'lang' | 'channel'>, o: Readonly<Option>): string {
  if (!o.tr) return o.text;
  if (!v.channel) return o.tr[v.lang] ?? o.text;
  const others = LANGS.map((l) => o.tr?.[l]).filter((t): t is string => t !== undefined && t !== o.text);
  return [o.text, ...new Set(others)].join(' / ');
}
