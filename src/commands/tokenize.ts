/**
 * Splits command text into words and quoted strings. Accepts straight, curly and French
 * quotes, since phones and French keyboards turn " into “ ” or « ».
 */
import { ConsultError } from '../errors.ts';

export interface Token {
  text: string;
  quoted: boolean;
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
    const close = OPEN_TO_CLOSE[ch];
    if (close) {
      let end = s.indexOf(close, i + 1);
      // Tolerate mixed quote styles: a straight quote may close a curly one and vice versa.
      if (end < 0) end = s.slice(i + 1).search(/["”»“]/) + i + 1;
      if (end <= i) throw new ConsultError('parse', (c) => c.errors.parse.unclosedQuote);
      tokens.push({
        text: s
          .slice(i + 1, end)
          .replace(/\s+/g, ' ')
          .trim(),
        quoted: true,
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
