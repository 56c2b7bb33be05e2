/**
 * Store bench: the cost of recording one vote when the store already holds N ballots across
 * past consultations, for the file store (one file per consultation) and, in the same run,
 * for plain lowdb usage (one JSON document holding everything, `db.update` per vote).
 * Both record the vote the way the core does (castVote: ballot + audit entry) and both wait
 * for the write to be on disk before the next vote.
 */
import { mkdtemp, rm, writeFile, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { createFileStore } from '../src/store/file-store.ts';
import { castVote } from '../src/domain/ballot.ts';
import type { Consultation, Delegation, Meta } from '../src/domain/model.ts';
import { makeConsultation, makeDelegations, seedStore } from './lib/seed.ts';
import { spread, nowMs, type Spread } from './lib/stats.ts';

interface StoreSizeResult {
  ballots: number;
  files: number;
  /** ms per vote, file store. */
  fileStore: Spread;
  /** ms per vote, plain lowdb (one document). */
  lowdb: Spread;
  /** lowdb / file store, per run. */
  ratio: Spread;
  /** Opening (reading + validating) the whole file store, ms. */
  openMs: number;
  /** Size of the single lowdb document, bytes. */
  lowdbBytes: number;
}

export interface StoreBenchResult {
  sizes: StoreSizeResult[];
  /** File-store cost at the largest size divided by the cost at the smallest (1 = perfectly flat). */
  flatness: number;
}

export interface StoreBenchOptions {
  sizes: number[];
  runs: number;
  votesPerRun: number;
  /** Plain lowdb is slow at large sizes: votes per run for it, by size. */
  lowdbVotes: (ballots: number) => number;
  delegations?: number;
  log?: (line: string) => void;
}

const OPEN_ID = 'T1';

/** `node --expose-gc` makes collection explicit between timed segments; without it, a no-op. */
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

function voter(d: Delegation, i: number) {
  return {
    delegation: d,
    user: d.delegates[0],
    platform: 'slack' as const,
    at: new Date(Date.now() + i),
    secret: 'bench-ballot-secret',
  };
}

async function timeVotes(
  n: number,
  offset: number,
  delegations: Delegation[],
  record: (c: (doc: Consultation) => void) => Promise<void>,
): Promise<number> {
  const t0 = nowMs();
  for (let i = 0; i < n; i++) {
    const k = offset + i;
    const d = delegations[k % delegations.length];
    await record((c) => void castVote(c, { choices: [1 + (k % 2)] }, voter(d, k)));
  }
  return (nowMs() - t0) / n;
}

export async function storeBench(opts: StoreBenchOptions): Promise<StoreBenchResult> {
  const log = opts.log ?? (() => {});
  const delegations = makeDelegations(opts.delegations ?? 200);
  const sizes: StoreSizeResult[] = [];
  for (const ballots of opts.sizes) {
    const root = await mkdtemp(join(tmpdir(), `consult-bench-store-${ballots}-`));
    try {
      const now = new Date();
      const open = makeConsultation(
        {
          id: OPEN_ID,
          openedAt: new Date(now.getTime() - 86_400_000),
          closesAt: new Date(now.getTime() + 30 * 86_400_000),
        },
        delegations,
      );
      const fileDir = join(root, 'file-store');
      const { files } = await seedStore(fileDir, { pastBallots: ballots, delegations, extra: [open], now });

      // Plain lowdb: the same documents in one file.
      const consultations: Record<string, Consultation> = {};
      for (const name of await readdir(join(fileDir, 'consultations'))) {
        const c = JSON.parse(await readFile(join(fileDir, 'consultations', name), 'utf8')) as Consultation;
        consultations[c.id] = c;
      }
      const meta = JSON.parse(await readFile(join(fileDir, 'meta.json'), 'utf8')) as Meta;
      const lowFile = join(root, 'lowdb.json');
      const oneDoc = JSON.stringify({ meta, consultations }, null, 2);
      await writeFile(lowFile, oneDoc);
      const lowdbBytes = Buffer.byteLength(oneDoc);

      const t0 = nowMs();
      // Like for like with plain lowdb, which never fsyncs: fsync's cost is measured on the vote path, on and off.
      const store = createFileStore({ dir: fileDir, fsync: false });
      await store.open();
      const openMs = nowMs() - t0;

      type Doc = { meta: Meta; consultations: Record<string, Consultation> };
      const db = new Low<Doc>(new JSONFile<Doc>(lowFile), { meta, consultations: {} });
      await db.read();

      // Warm up both paths (JIT, file handles) before measuring.
      await timeVotes(5, 0, delegations, (fn) => store.update(OPEN_ID, fn));
      await timeVotes(2, 0, delegations, (fn) => db.update((d) => fn(d.consultations[OPEN_ID])));

      const fileRuns: number[] = [];
      const lowRuns: number[] = [];
      const ratios: number[] = [];
      const lowVotes = opts.lowdbVotes(ballots);
      for (let r = 0; r < opts.runs; r++) {
        // Collect the previous run's garbage (plain lowdb makes a lot) so it is not billed to the next one.
        gc();
        const f = await timeVotes(opts.votesPerRun, r * opts.votesPerRun, delegations, (fn) =>
          store.update(OPEN_ID, fn),
        );
        gc();
        const l = await timeVotes(lowVotes, r * lowVotes, delegations, (fn) =>
          db.update((d) => fn(d.consultations[OPEN_ID])),
        );
        fileRuns.push(f);
        lowRuns.push(l);
        ratios.push(l / f);
      }
      await store.close();
      const row: StoreSizeResult = {
        ballots,
        files,
        fileStore: spread(fileRuns),
        lowdb: spread(lowRuns),
        ratio: spread(ratios),
        openMs,
        lowdbBytes,
      };
      log(
        `store ${ballots} ballots: file store ${row.fileStore.median.toFixed(3)} ms/vote, lowdb ${row.lowdb.median.toFixed(2)} ms/vote, ratio ${row.ratio.median.toFixed(1)}x`,
      );
      sizes.push(row);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }
  const flatness = sizes.length > 1 ? sizes[sizes.length - 1].fileStore.median / sizes[0].fileStore.median : 1;
  return { sizes, flatness };
}
