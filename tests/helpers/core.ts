/** A real core on a real store in a temp dir, with a settable clock and recording deliverers. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileStore } from '../../src/store/file-store.ts';
import { createConsult } from '../../src/consult.ts';
import { loadHistory } from '../../src/domain/history.ts';
import type { Consult } from '../../src/consult-api.ts';
import type { ChannelRef, Platform } from '../../src/domain/model.ts';
import type { OutboundMessage } from '../../src/outbound.ts';
import type { Card } from '../../src/views/card.ts';

export const SEC = 'slack:USEC';

export class TestClock {
  constructor(public t: Date) {}
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string): void {
    this.t = new Date(iso);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export interface Harness {
  dir: string;
  clock: TestClock;
  consult: Consult;
  sent: OutboundMessage[];
  /** Runs typed text as `user` in `channel`, returns the replies. */
  say(user: string, text: string, channel?: ChannelRef, locale?: string): Promise<OutboundMessage[]>;
  /** Same, returning the reply's text. */
  text(user: string, text: string, channel?: ChannelRef, locale?: string): Promise<string>;
  restart(): Promise<Harness>;
}

export const SLACK_CH: ChannelRef = { platform: 'slack', id: 'C0MAIN' };
export const TEAMS_CH: ChannelRef = { platform: 'teams', id: '19:general@thread.tacv2' };

export function cardText(card: Card): string {
  const parts: string[] = [card.title];
  for (const b of card.blocks) {
    if (b.type === 'text') parts.push(b.text);
    else if (b.type === 'fields') parts.push(...b.fields.map((f) => `${f.label}: ${f.value}`));
    else if (b.type === 'bar') parts.push(`${b.label} ${b.value}`);
    else if (b.type === 'actions') parts.push(b.buttons.map((x) => `[${x.label}]`).join(' '));
    else if (b.type === 'form') parts.push(b.form.inputs.map((i) => i.label).join(' | '));
  }
  return parts.join('\n');
}

export async function makeHarness(
  opts: { dir?: string; clock?: TestClock; secretariat?: string[] } = {},
): Promise<Harness> {
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), 'consult-core-')));
  const clock = opts.clock ?? new TestClock(new Date('2026-12-01T08:00:00Z'));
  const store = createFileStore({ dir });
  await store.open();
  const consult = createConsult({
    store,
    clock,
    timezone: 'Europe/Zurich',
    secretariat: opts.secretariat ?? [SEC],
    ballotSecret: 'test-ballot-secret',
    history: loadHistory(),
  });
  const sent: OutboundMessage[] = [];
  let n = 0;
  for (const platform of ['slack', 'teams', 'web'] as Platform[]) {
    consult.registerDeliverer(platform, {
      deliver: async (m) => {
        sent.push(m);
        return `${platform}-msg-${++n}`;
      },
    });
  }
  const say = async (user: string, text: string, channel: ChannelRef = SLACK_CH, locale?: string) => {
    const out = await consult.handle({ actor: { user, locale }, channel }, { type: 'text', text });
    await consult.idle();
    return out;
  };
  const h: Harness = {
    dir,
    clock,
    consult,
    sent,
    say,
    text: async (user, text, channel, locale) =>
      (await say(user, text, channel, locale)).map((m) => cardText(m.card)).join('\n'),
    restart: async () => {
      await consult.stop();
      await store.close();
      return makeHarness({ ...opts, dir, clock });
    },
  };
  return h;
}

/** Delegations of the 2008 example: members across regions, and observers. */
export const ROSTER: [user: string, name: string, kind: string, region: string][] = [
  ['slack:UMEX1', 'Mexico', 'member', 'Americas'],
  ['teams:29:mex2', 'Mexico', 'member', 'Americas'],
  ['slack:UKEN1', 'Kenya', 'member', 'Africa'],
  ['slack:UPHL1', 'Philippines', 'member', 'Asia-Pacific'],
  ['teams:29:che1', 'Switzerland', 'member', 'Europe'],
  ['slack:UHOL1', 'Holy See', 'observer-state', 'Europe'],
  ['slack:UICR1', 'ICRC', 'observer-org', 'Global'],
];

export async function withRoster(h: Harness): Promise<void> {
  for (const [user, name, kind, region] of ROSTER) {
    const reply = await h.text(SEC, `roster add ${user} "${name}" ${kind} "${region}"`);
    if (!/votes for/.test(reply)) throw new Error(`roster add failed: ${reply}`);
  }
}

/** `n` Member State delegations d0…d{n-1}, one Slack delegate each (slack:U0…), written straight to the roster. */
export async function withManyDelegations(h: Harness, n: number): Promise<void> {
  await h.consult.store.updateMeta((m) => {
    for (let i = 0; i < n; i++)
      m.delegations.push({ id: `d${i}`, name: `Delegation ${i}`, kind: 'member', delegates: [`slack:U${i}`] });
  });
}

export function idFrom(text: string): string {
  const m = /\b([TWSF]\d+)\b/.exec(text);
  if (!m) throw new Error(`no consultation id in: ${text}`);
  return m[1];
}
