/**
 * Child process of the memory bench: opens the store in argv[2] the way the server does,
 * collects garbage, and prints its memory use as one JSON line. Run with --expose-gc.
 */
import { createFileStore } from '../src/store/file-store.ts';

const gc = (globalThis as { gc?: () => void }).gc;
const dir = process.argv[2];
const before = process.memoryUsage();
const t0 = performance.now();
const store = createFileStore({ dir });
await store.open();
const openMs = performance.now() - t0;
let ballots = 0;
for (const c of store.all()) ballots += Object.keys(c.ballots).length;
for (let i = 0; i < 3; i++) gc?.();
const after = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({ ballots, openMs, rssBefore: before.rss, rss: after.rss, heapUsed: after.heapUsed, external: after.external })}\n`,
);
await store.close();
