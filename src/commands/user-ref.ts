/**
 * A user typed in a command: a Slack mention (<@U0123> or <@U0123|name>) or platform:userId,
 * so one roster spans both platforms (a Teams user can be added from Slack and vice versa).
 */
import { UserId } from '../domain/model.ts';

export function parseUser(raw: string): string | undefined {
  const mention = /^<@([UW][A-Z0-9]+)(\|[^>]*)?>$/.exec(raw);
  if (mention) return `slack:${mention[1]}`;
  return UserId.safeParse(raw).success ? raw : undefined;
}
