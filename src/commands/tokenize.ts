/**
 * Splits command text into words and quoted strings. Accepts straight, curly and French
 * quotes, since phones and French keyboards turn " into “ ” or « ».
 */
import { ConsultError, problem } from '../errors.ts';
import { LANGS, type Lang } from '../domain/model.ts';

export interface Token {
  text: string;
  quoted: boolean;
  /** `fr:"…"`: a quoted text in that language (an option's translation). */
  lang?: Lang;
}

const OPEN_TO_CLOSE: Record<string, string> = { '"': '"', '“': '”', '„': '“', '«': '»', '”': '”' };

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const s = input.trim();
  while (i < s.length) {
    const ch = s[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    // `fr:"Migration de retour"`: a language tag glued to a quoted text.
    const tag = s.slice(i, i + 2).toLowerCase() as Lang;
    const tagged = s[i + 2] === ':' && LANGS.includes(tag) && OPEN_TO_CLOSE[s[i + 3]] !== undefined;
    if (tagged) i += 3;
    const close = OPEN_TO_CLOSE[s[i]];
    if (close) {
      let end = s.indexOf(close, i + 1);
      // Tolerate mixed quote styles: a straight quote may close a curly one and vice versa.
      if (end < 0) end = s.slice(i + 1).search(/["”»“]/) + i + 1;
      if (end <= i) throw new ConsultError('parse', problem('unclosedQuote'));
      tokens.push({
        text: s
          .slice(i + 1, end)
          .replace(/\s+/g, ' ')
          .trim(),
        quoted: true,
        ...(tagged ? { lang: tag } : {}),
      });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < s.length && !/\s/.test(s[end])) end++;
    tokens.push({ text: s.slice(i, end), quoted: false });
    i = end;
  }
  return tokens;
}
