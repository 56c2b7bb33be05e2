/**
 * A user typed in a command: `<platform>:<id>`, so one roster spans every platform (a user of one
 * can be added from another). Adapters turn their platform's mentions into this form before the
 * text reaches the parser.
 */
import { UserId } from '../domain/model.ts';

export function parseUser(raw: string): string | undefined {
  return UserId.safeParse(raw).success ? raw : undefined;
}
