/** Shared pieces of the fault drills: results, a free port, waiting, and store validation. */
import net from 'node:net';
import { join } from 'node:path';
import { makeConsultation, makeDelegations, seedStore } from '../lib/seed.ts';
import { SIGNING_SECRET } from '../vote-path.ts';
import { createFileStore } from '../../src/store/file-store.ts';
import type { Store } from '../../src/store/store.ts';

export interface DrillResult {
  name: string;
  pass: boolean;
  figures: Record<string, number | string | boolean>;
  failures: string[];
  notes?: string[];
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A loopback port that was free a moment ago (so restarts can reuse it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Opens the store as the server would (reads and validates every file); returns it or the error. */
export async function validateStore(dir: string): Promise<{ ok: true; store: Store } | { ok: false; error: string }> {
  const store = createFileStore({ dir });
  try {
    await store.open();
    return { ok: true, store };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/** A deterministic pseudo-random generator (mulberry32), so a failing drill can be replayed with DRILL_SEED. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function printResult(r: DrillResult): string {
  const lines = [`${r.pass ? 'PASS' : 'FAIL'}  ${r.name}`];
  for (const [k, v] of Object.entries(r.figures))
    lines.push(`      ${k}: ${typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : v}`);
  for (const f of r.failures.slice(0, 15)) lines.push(`      ✗ ${f}`);
  if (r.failures.length > 15) lines.push(`      … ${r.failures.length - 15} more`);
  for (const n of r.notes ?? []) lines.push(`      note: ${n}`);
  return lines.join('\n');
}

/**
 * A store under `root` with `n` delegations and the open poll T1 (opened a day ago, closing in 30 days),
 * posted in the channel CDRILL unless `channel` is false: what every vote drill starts from.
 */
export async function seedOpenPoll(root: string, n: number, options: number, channel = true) {
  const delegations = makeDelegations(n);
  const now = Date.now();
  const open = makeConsultation(
    {
      id: 'T1',
      openedAt: new Date(now - 86_400_000),
      closesAt: new Date(now + 30 * 86_400_000),
      options,
      ...(channel ? { channels: [{ platform: 'slack', id: 'CDRILL' }] } : {}),
    },
    delegations,
  );
  const dataDir = join(root, 'store');
  await seedStore(dataDir, { pastBallots: 0, delegations, extra: [open] });
  return { dataDir, delegations, open };
}

/** The environment of a drill's server: Slack over signed HTTP, its Web API at the recorder. */
export function drillEnv(dataDir: string, apiUrl: string): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-drill',
    SLACK_API_URL: apiUrl,
    BALLOT_SECRET: 'drill-ballot-secret',
  };
}
