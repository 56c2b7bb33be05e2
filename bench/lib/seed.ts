/**
 * Seeds a store directly on disk, in the file store's layout (`meta.json` plus
 * `consultations/<id>.json`), so benches and drills can start from 100k stored ballots
 * without casting them one by one. Every document is validated with the model's own schemas
 * before it is written, so a seeded store is one the bot accepts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Consultation, Meta, type Delegation } from '../../src/domain/model.ts';
import { delegationId } from '../../src/domain/roster.ts';
import { pseudonym } from '../../src/domain/secrecy.ts';

const REGIONS = ['Africa', 'Americas', 'Asia-Pacific', 'Europe', 'Middle East'];
const DAY = 86_400_000;

const pad = (i: number, w = 5): string => String(i).padStart(w, '0');

/** The Slack user id of simulated delegate i (one delegate per delegation). */
export const slackUserOf = (i: number): string => `UD${pad(i)}`;

export function makeDelegations(n: number, opts: { platform?: 'slack' | 'teams' } = {}): Delegation[] {
  const platform = opts.platform ?? 'slack';
  return Array.from({ length: n }, (_, i) => {
    const name = `Delegation ${pad(i)}`;
    return {
      id: delegationId(name),
      name,
      kind: 'member' as const,
      region: REGIONS[i % REGIONS.length],
      delegates: [`${platform}:${slackUserOf(i)}`],
    };
  });
}

export function makeMeta(
  delegations: Delegation[],
  counters: Record<string, number> = {},
  secretariat: string[] = [],
): Meta {
  return Meta.parse({ version: 1, delegations, secretariat, prefs: {}, counters, adapters: {} });
}

export interface ConsultationSpec {
  id: string;
  kind?: Consultation['kind'];
  status?: Consultation['status'];
  openedAt: Date;
  closesAt: Date;
  options?: number;
  select?: number;
  secrecy?: Consultation['secrecy'];
  channels?: Consultation['channels'];
  posted?: Consultation['posted'];
  /** How many delegations (from the start of `delegations`) have a ballot, with their audit entries. */
  ballots?: number;
  statements?: number;
}

/** A consultation document; ballots (and their audit entries) are filled for the first `ballots` delegations. */
export function makeConsultation(
  spec: ConsultationSpec,
  delegations: Delegation[],
  secret = 'bench-ballot-secret',
): Consultation {
  const kind = spec.kind ?? 'theme';
  const options =
    kind === 'feedback'
      ? []
      : Array.from({ length: spec.options ?? 2 }, (_, i) => ({ n: i + 1, text: `Option ${i + 1} for ${spec.id}` }));
  const secrecy = kind === 'feedback' ? 'secret' : (spec.secrecy ?? 'recorded');
  const c: Consultation = {
    id: spec.id,
    kind,
    title: kind === 'feedback' ? `Workshop ${spec.id}` : '',
    options,
    select: spec.select ?? 1,
    statements:
      kind === 'feedback' ? Array.from({ length: spec.statements ?? 4 }, (_, i) => `Statement ${i + 1}`) : undefined,
    participants: kind === 'feedback' ? Math.max(1, spec.ballots ?? 1) : undefined,
    channels: spec.channels ?? [{ platform: 'slack', id: 'CBENCH' }],
    posted: spec.posted ?? [],
    openedAt: spec.openedAt.toISOString(),
    closesAt: spec.closesAt.toISOString(),
    closedAt: spec.status === 'closed' ? spec.closesAt.toISOString() : undefined,
    status: spec.status ?? 'open',
    eligibility: 'members',
    visibility: 'hidden',
    secrecy,
    createdBy: 'slack:USEC',
    lang: 'en',
    ballots: {},
    answered: [],
    remindersDone: [],
    outbox: [],
    audit: [{ at: spec.openedAt.toISOString(), by: 'slack:USEC', platform: 'slack', action: 'launch' }],
  };
  const n = spec.ballots ?? 0;
  for (let i = 0; i < n; i++) {
    const at = new Date(spec.openedAt.getTime() + 60_000 + i * 1000).toISOString();
    if (kind === 'feedback') {
      // One anonymous answer per participant, keyed by a keyed hash like the real store.
      const key = pseudonym(secret, c.id, `slack:UP${pad(i, 7)}`);
      c.ballots[key] = {
        choices: [],
        answers: Array.from({ length: c.statements!.length }, (_, s) => (i * 7 + s * 3) % 6),
      };
      continue;
    }
    const d = delegations[i % delegations.length];
    const choice = 1 + ((i * 7) % options.length);
    const by = d.delegates[0];
    if (secrecy === 'secret') {
      c.ballots[pseudonym(secret, c.id, d.id)] = { choices: [choice] };
      c.answered.push(d.id);
      c.audit.push({ at, by, platform: 'slack', action: 'vote', delegation: d.id });
    } else {
      c.ballots[d.id] = { choices: [choice], at, by, platform: 'slack' };
      c.audit.push({ at, by, platform: 'slack', action: 'vote', delegation: d.id, choices: [choice] });
    }
  }
  return c;
}

export interface SeedSpec {
  /** Ballots across past (closed) consultations. */
  pastBallots: number;
  /** Ballots per past consultation (a delegation votes once per consultation). */
  perConsultation?: number;
  delegations: Delegation[];
  /** Further consultations to write (e.g. the open one the bench votes in). */
  extra?: Consultation[];
  secretariat?: string[];
  now?: Date;
}

/** Writes the store files; returns the past consultations' ids. */
export async function seedStore(dir: string, spec: SeedSpec): Promise<{ pastIds: string[]; files: number }> {
  const per = spec.perConsultation ?? Math.min(200, spec.delegations.length);
  const now = spec.now ?? new Date();
  const count = Math.ceil(spec.pastBallots / per);
  await mkdir(join(dir, 'consultations'), { recursive: true });
  const pastIds: string[] = [];
  let left = spec.pastBallots;
  for (let k = 0; k < count; k++) {
    const id = `P${k + 1}`;
    const openedAt = new Date(now.getTime() - (count - k + 30) * DAY);
    const c = makeConsultation(
      {
        id,
        status: 'closed',
        openedAt,
        closesAt: new Date(openedAt.getTime() + 14 * DAY),
        ballots: Math.min(per, left),
      },
      spec.delegations,
    );
    left -= Math.min(per, left);
    await writeFile(join(dir, 'consultations', `${id}.json`), JSON.stringify(Consultation.parse(c), null, 2));
    pastIds.push(id);
  }
  for (const c of spec.extra ?? []) {
    await writeFile(join(dir, 'consultations', `${c.id}.json`), JSON.stringify(Consultation.parse(c), null, 2));
  }
  const counters: Record<string, number> = { P: count };
  for (const c of spec.extra ?? []) {
    const m = /^([A-Z]+)(\d+)$/.exec(c.id);
    if (m) counters[m[1]] = Math.max(counters[m[1]] ?? 0, Number(m[2]));
  }
  await writeFile(
    join(dir, 'meta.json'),
    JSON.stringify(makeMeta(spec.delegations, counters, spec.secretariat), null, 2),
  );
  return { pastIds, files: count + (spec.extra?.length ?? 0) + 1 };
}
