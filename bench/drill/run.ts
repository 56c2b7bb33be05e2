/**
 * `npm run drill`: the fault drills against real server processes. Each prints its figures and
 * PASS or FAIL; the exit code is 1 if any failed. DRILL_SMALL=1 runs small versions (a minute or
 * two); DRILL_SEED=n replays a run; DRILL_ONLY=crash,disk,fuzz,storm,race,deadline,fsync picks drills;
 * DRILL_KEEP=1 keeps the fuzz drill's store directory for inspection.
 * Results are also written to bench/results/drill-latest.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crashDrill } from './crash.ts';
import { diskDrills } from './disk.ts';
import { fuzzDrill } from './fuzz.ts';
import { reminderStormDrill } from './reminder-storm.ts';
import { raceDrill } from './race.ts';
import { deadlineDrill } from './deadline.ts';
import { fsyncDrill } from './fsync.ts';
import { printResult, type DrillResult } from './lib.ts';
import { ROOT } from '../lib/proc.ts';

export interface DrillOptions {
  small: boolean;
  seed: number;
  only?: string[];
  log?: (line: string) => void;
}

export async function runDrills(opts: DrillOptions): Promise<DrillResult[]> {
  const log = opts.log ?? (() => {});
  const want = (name: string) => !opts.only || opts.only.includes(name);
  const results: DrillResult[] = [];
  const guard = async (name: string, fn: () => Promise<DrillResult | DrillResult[]>) => {
    try {
      const r = await fn();
      for (const x of Array.isArray(r) ? r : [r]) {
        results.push(x);
        log(printResult(x));
      }
    } catch (err) {
      const x: DrillResult = {
        name,
        pass: false,
        figures: {},
        failures: [`the drill itself failed: ${(err as Error).stack ?? String(err)}`.slice(0, 800)],
      };
      results.push(x);
      log(printResult(x));
    }
  };
  if (want('crash')) {
    await guard('(a) crash', () =>
      crashDrill(
        opts.small
          ? { delegations: 100, votesEach: 5, seed: opts.seed, killEveryMs: [300, 1200], concurrency: 100, log }
          : { delegations: 1000, votesEach: 10, seed: opts.seed, killEveryMs: [500, 3000], concurrency: 1000, log },
      ),
    );
  }
  if (want('disk')) await guard('(b) disk', () => diskDrills());
  if (want('fuzz'))
    await guard('(c) fuzz', () => fuzzDrill({ count: opts.small ? 500 : 10_000, seed: opts.seed, log }));
  if (want('storm'))
    await guard('(d) storm', () =>
      reminderStormDrill(
        opts.small
          ? { delegates: 60, restarts: 5, seed: opts.seed, log }
          : { delegates: 1000, restarts: 25, seed: opts.seed, log },
      ),
    );
  if (want('race'))
    await guard('(e) race', () =>
      raceDrill(opts.small ? { rounds: 3, delegations: 50 } : { rounds: 10, delegations: 300 }),
    );
  if (want('deadline')) await guard('(f) deadline', () => deadlineDrill({ delegations: opts.small ? 5 : 50 }));
  if (want('fsync'))
    await guard('(g) fsync', () =>
      fsyncDrill(opts.small ? { delegations: 50, bursts: 2 } : { delegations: 200, bursts: 3 }),
    );
  return results;
}

const isMain = process.argv[1]?.endsWith('bench/drill/run.ts');
if (isMain) {
  const small = process.env.DRILL_SMALL === '1';
  const seed = Number(process.env.DRILL_SEED ?? Date.now() % 1_000_000);
  const only = process.env.DRILL_ONLY?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const started = new Date();
  process.stdout.write(
    `Consult fault drills (${small ? 'small' : 'full'}), seed ${seed} — ${started.toISOString()}\n\n`,
  );
  const results = await runDrills({ small, seed, only, log: (l) => process.stdout.write(`${l}\n\n`) });
  const failed = results.filter((r) => !r.pass);
  process.stdout.write(
    `${results.length - failed.length}/${results.length} drills passed${failed.length ? `; FAILED: ${failed.map((r) => r.name).join(' | ')}` : ''}\n`,
  );
  const out = join(ROOT, 'bench', 'results');
  await mkdir(out, { recursive: true });
  await writeFile(
    join(out, small ? 'drill-latest-small.json' : 'drill-latest.json'),
    `${JSON.stringify({ date: started.toISOString(), small, seed, results }, null, 2)}\n`,
  );
  process.exit(failed.length ? 1 : 0);
}
