/**
 * What the contract suite needs from a platform to drive it as its users would: a stand-in for the
 * platform's servers (the only fake: the network edge), what people there see, and a way to tap a
 * button. An adapter gets the suite by giving its registry entry and such a kit (see suite.ts).
 */
import type { PlatformAdapter } from '../../src/platform.ts';
import type { Card } from '../../src/views/card.ts';

export interface ContractKit {
  /** The adapter exactly as the registry lists it. */
  adapter: PlatformAdapter;
  /** Starts the stand-in for the platform's servers. */
  start(): Promise<KitRun>;
}

export interface KitRun {
  /** The variables that make the adapter mount and talk to the stand-in. */
  env: Record<string, string>;
  /** A channel id the bot may post in. */
  channel: string;
  /** Everything people see, so far, in `channel` (by id), or in the direct chat with `user` (platform id, no prefix). */
  seen(where: { channel: string } | { user: string }): Promise<string>;
  /**
   * As `user` (platform id), taps the first button whose label starts with `label` in the latest
   * message of `channel` that has one, through the adapter's real inbound route on `baseUrl`.
   */
  tap(baseUrl: string, channel: string, user: string, label: string): Promise<void>;
  /**
   * Once the bot listens on `baseUrl`: whatever the platform does before a bot may post (Teams and the web chat:
   * an install or a first message in `channel`, from which the bot learns where and how to answer).
   */
  ready?(baseUrl: string): Promise<void>;
  close(): Promise<void>;
}

/** Every text a person must be able to read on a card (forms aside: platforms open them in dialogs). */
export function neutralTexts(card: Card): string[] {
  const out = [card.title];
  for (const b of card.blocks) {
    if (b.type === 'text') out.push(b.text);
    else if (b.type === 'fields') for (const f of b.fields) out.push(f.label, f.value);
    else if (b.type === 'bar') out.push(b.label, b.value);
    else if (b.type === 'actions') for (const button of b.buttons) out.push(button.label);
  }
  return out.filter((t) => t.trim() !== '');
}

/** Whitespace-insensitive: platforms may rewrap or split long text across sections. */
export function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
