/**
 * Memory bench: resident memory of a process holding a store with N ballots (the file store
 * keeps every consultation in memory), measured in a fresh child per run, beside an empty store.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDelegations, seedStore } from './lib/seed.ts';
import { spread, type Spread } from './lib/stats.ts';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./memory-child.ts', import.meta.url));

export interface MemoryBenchResult {
  ballots: number;
  /** RSS with the store loaded, MB. */
  rssMB: Spread;
  /** RSS of the same process with an empty store, MB. */
  emptyRssMB: Spread;
  heapMB: Spread;
  /** Opening (read + validate) the store at start-up, ms. */
  openMs: Spread;
}

async function measure(dir: string) {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, dir], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    timeout: 120_000,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as {
    ballots: number;
    openMs: number;
    rss: number;
    heapUsed: number;
  };
}

export async function memoryBench(opts: { ballots: number; runs: number }): Promise<MemoryBenchResult> {
  const root = await mkdtemp(join(tmpdir(), 'consult-bench-mem-'));
  try {
    const full = join(root, 'full');
    const empty = join(root, 'empty');
    const delegations = makeDelegations(200);
    await seedStore(full, { pastBallots: opts.ballots, delegations });
    await seedStore(empty, { pastBallots: 0, delegations });
    const fulls = [];
    const empties = [];
    for (let i = 0; i < opts.runs; i++) {
      fulls.push(await measure(full));
      empties.push(await measure(empty));
    }
    if (fulls.some((f) => f.ballots !== opts.ballots))
      throw new Error(
        `memory bench: expected ${opts.ballots} ballots, child counted ${fulls.map((f) => f.ballots).join(',')}`,
      );
    const mb = (b: number) => b / 1024 / 1024;
    return {
      ballots: opts.ballots,
      rssMB: spread(fulls.map((f) => mb(f.rss))),
      emptyRssMB: spread(empties.map((f) => mb(f.rss))),
      heapMB: spread(fulls.map((f) => mb(f.heapUsed))),
      openMs: spread(fulls.map((f) => f.openMs)),
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
