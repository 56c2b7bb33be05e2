/**
 * Demo mode: with no platform configured and an empty data directory, `npm start` runs on a
 * store of its own (a `demo` directory beside the real one) with a made-up roster, so an
 * evaluator can try the whole cycle. The real store is never opened, so the two never mix.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Clock } from '../../src/clock.ts';
import type { Consult } from '../../src/consult-api.ts';
import type { DelegationKind } from '../../src/domain/model.ts';

const DEMO_SECRETARIAT = 'secretariat';

/** A clock the page can move forward, to see reminders and closes without waiting. */
export class DemoClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/** Fictional delegates of real-sounding delegations: one or two per delegation, three kinds, several regions. */
export const DEMO_ROSTER: { delegation: string; kind: DelegationKind; region: string; delegates: string[] }[] = [
  { delegation: 'Mexico', kind: 'member', region: 'Americas', delegates: ['mexico-1', 'mexico-2'] },
  { delegation: 'Colombia', kind: 'member', region: 'Americas', delegates: ['colombia-1'] },
  { delegation: 'Kenya', kind: 'member', region: 'Africa', delegates: ['kenya-1', 'kenya-2'] },
  { delegation: 'Senegal', kind: 'member', region: 'Africa', delegates: ['senegal-1'] },
  { delegation: 'Philippines', kind: 'member', region: 'Asia-Pacific', delegates: ['philippines-1'] },
  { delegation: 'Bangladesh', kind: 'member', region: 'Asia-Pacific', delegates: ['bangladesh-1'] },
  { delegation: 'Germany', kind: 'member', region: 'Europe', delegates: ['germany-1'] },
  { delegation: 'Switzerland', kind: 'member', region: 'Europe', delegates: ['switzerland-1', 'switzerland-2'] },
  { delegation: 'Morocco', kind: 'member', region: 'Middle East and North Africa', delegates: ['morocco-1'] },
  { delegation: 'Qatar', kind: 'observer-state', region: 'Middle East and North Africa', delegates: ['qatar-1'] },
  { delegation: 'Bhutan', kind: 'observer-state', region: 'Asia-Pacific', delegates: ['bhutan-1'] },
  { delegation: 'Red Cross and Red Crescent', kind: 'observer-org', region: 'Global', delegates: ['redcross-1'] },
  { delegation: 'Migrant Workers Network', kind: 'observer-org', region: 'Global', delegates: ['mwn-1'] },
];

async function entries(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

/**
 * Nothing in it yet: no files, or only what a first start leaves (an empty meta.json and no
 * consultations). A file we cannot read counts as data: the store itself will say what is wrong.
 */
async function isEmptyStore(dir: string): Promise<boolean> {
  const files = (await entries(dir)).filter((f) => !f.startsWith('.'));
  if (files.some((f) => f !== 'meta.json' && f !== 'consultations')) return false;
  if ((await entries(join(dir, 'consultations'))).length > 0) return false;
  if (!files.includes('meta.json')) return true;
  try {
    const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as Record<string, unknown>;
    const blank = (k: string, v: unknown) =>
      Array.isArray(v)
        ? v.length === 0
        : typeof v === 'object' && v !== null
          ? Object.keys(v).length === 0
          : k === 'version';
    return Object.entries(meta).every(([k, v]) => blank(k, v));
  } catch {
    return false;
  }
}

export interface LocalRun {
  env: Record<string, string | undefined>;
  clock?: DemoClock;
  demo: boolean;
}

/**
 * Decides how `npm start` runs before the store is opened. No platform configured (the registry
 * tells): the server binds the web chat's host (loopback) unless HOST is set; an empty data
 * directory: demo mode on `<data dir>/../demo` with the demo secretariat.
 */
export async function planLocalRun(
  env: Record<string, string | undefined>,
  platformConfigured: boolean,
): Promise<LocalRun> {
  if (platformConfigured || env.WEBCHAT === 'off') return { env, demo: false };
  const out = { ...env, HOST: env.HOST || env.WEBCHAT_HOST || '127.0.0.1' };
  const dataDir = resolve(env.DATA_DIR || './data/store');
  if (!(await isEmptyStore(dataDir))) return { env: out, demo: false };
  const demoDir = join(dirname(dataDir), 'demo');
  const secretariat = [env.SECRETARIAT, `web:${DEMO_SECRETARIAT}`].filter(Boolean).join(',');
  return { env: { ...out, DATA_DIR: demoDir, SECRETARIAT: secretariat }, clock: new DemoClock(), demo: true };
}

/** Fills an empty demo store with the demo roster, through the core like any secretariat would. */
export async function seedDemoRoster(consult: Consult): Promise<boolean> {
  if (consult.store.meta().delegations.length > 0) return false;
  const actor = { user: `web:${DEMO_SECRETARIAT}` as const };
  for (const d of DEMO_ROSTER) {
    for (const user of d.delegates) {
      await consult.handle(
        { actor },
        {
          type: 'command',
          command: {
            type: 'roster-add',
            user: `web:${user}`,
            delegation: d.delegation,
            kind: d.kind,
            region: d.region,
          },
        },
      );
    }
  }
  return true;
}

const HOUR = 3_600_000;

/**
 * Moves the demo clock forward by `ms`, stopping at every whole hour (reminders fall on the
 * hour) and at every deadline on the way, and runs the scheduler at each stop: closes happen
 * at their deadline and each reminder at its time, as if the time had really passed.
 */
export async function fastForward(consult: Consult, clock: DemoClock, ms: number): Promise<void> {
  const start = clock.now().getTime();
  const target = start + ms;
  const stops = new Set<number>([target]);
  for (let h = Math.floor(start / HOUR + 1) * HOUR; h < target; h += HOUR) stops.add(h);
  for (const c of consult.store.all()) {
    const closes = Date.parse(c.closesAt);
    if (c.status === 'open' && closes > start && closes < target) stops.add(closes);
  }
  for (const at of [...stops].sort((a, b) => a - b)) {
    clock.offsetMs = at - Date.now();
    await consult.tick();
    await consult.idle();
  }
  clock.offsetMs = target - Date.now();
}
