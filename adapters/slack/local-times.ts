/**
 * Slack shows `<!date^…>` tokens in each reader's own time zone: every deadline the core wrote in the
 * organisation's zone gets the reader's local time beside it, so a delegate in Nairobi or Manila does
 * not have to convert "23:59 (Geneva time)".
 */
import type { Lang } from '../../src/domain/model.ts';
import { datesIn } from '../../src/views/format.ts';
import { slackTexts } from './texts.ts';

function token(at: Date): string {
  const epoch = Math.floor(at.getTime() / 1000);
  // The fallback is what clients that cannot localise show (and notifications): the instant in UTC.
  const utc = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${epoch}^{date_short_pretty} {time}|${utc}>`;
}

/** `text` is already escaped for mrkdwn: the dates the core wrote contain no character that escaping changes. */
export function withLocalTimes(text: string, lang: Lang): string {
  let out = text;
  for (const date of datesIn(text))
    out = out.split(date.text).join(`${date.text} (${slackTexts(lang).localTime(token(date.at))})`);
  return out;
}
