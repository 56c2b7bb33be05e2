/**
 * Delivering what the bot owes (reminders, results) from a consultation's durable outbox.
 *
 * Each batch is marked "sending" in one write before it goes out and removed in one write
 * after. An entry still marked "sending" when a flush starts was interrupted by a crash: the
 * deliverer is asked whether the platform already has it (by its delivery key), so a restart
 * neither loses a reminder nor, where the platform can tell, sends it twice.
 */
import type { Store } from '../store/store.ts';
import type { Clock } from '../clock.ts';
import type { Consultation, OutboxEntry, Platform } from '../domain/model.ts';
import type { OutboundMessage } from '../outbound.ts';
import type { Dispatch } from './dispatch.ts';

/** Small batches bound how many deliveries a crash can leave in doubt. */
const BATCH = 25;
/** Deliveries in flight at once; the adapters pace per channel and retry 429s. */
const CONCURRENCY = 8;

export type RenderOwed = (
  c: Readonly<Consultation>,
  e: OutboxEntry,
) => { platform: Platform; message: OutboundMessage } | undefined;

type Outcome = 'done' | 'failed';

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

export async function flushOutbox(
  id: string,
  deps: { store: Store; clock: Clock; dispatch: Dispatch; render: RenderOwed; log: (line: string) => void },
): Promise<void> {
  const { store, clock, dispatch, render, log } = deps;
  const failed = new Set<string>();
  for (;;) {
    const c = store.get(id);
    if (!c) return;
    const now = clock.now();
    // Read at each delivery, not at the start of the batch: a cancel or close mid-batch stops the rest.
    const wanted = () => {
      const live = store.get(id);
      return live?.status === 'open' && clock.now().getTime() < Date.parse(live.closesAt);
    };
    const stale = (e: OutboxEntry) => e.type === 'reminder' && !wanted();
    const batch = c.outbox.filter((e) => !failed.has(e.key)).slice(0, BATCH);
    if (batch.length === 0) return;
    const interrupted = new Set(batch.filter((e) => e.sending).map((e) => e.key));

    const keys = new Set(batch.map((e) => e.key));
    await store.update(id, (d) => {
      for (const e of d.outbox) if (keys.has(e.key) && !e.sending) e.sending = now.toISOString();
    });

    const outcomes = await mapLimit(batch, CONCURRENCY, async (e): Promise<Outcome> => {
      if (stale(e)) return 'done'; // never remind after the close or a cancel
      const owed = render(c, e);
      if (!owed) return 'done';
      const message: OutboundMessage = {
        ...owed.message,
        deliveryKey: `${id}:${e.key}`,
        ...(e.type === 'reminder' ? { stillWanted: wanted } : {}),
      };
      try {
        if (interrupted.has(e.key)) {
          const already = await dispatch.deliverer(owed.platform).wasDelivered?.(message);
          if (already) return 'done';
        }
        await dispatch.deliver(owed.platform, message);
        return 'done';
      } catch (err) {
        log(
          `could not deliver ${e.key} of ${id} (kept for the next pass): ${err instanceof Error ? err.message : String(err)}`,
        );
        return 'failed';
      }
    });

    const done = new Set(batch.filter((_, i) => outcomes[i] === 'done').map((e) => e.key));
    for (const e of batch) if (!done.has(e.key)) failed.add(e.key);
    await store.update(id, (d) => {
      d.outbox = d.outbox.filter((e) => !done.has(e.key));
      // A delivery that failed here surely did not go out: resend it plainly next time.
      for (const e of d.outbox) if (failed.has(e.key)) delete e.sending;
    });
  }
}
