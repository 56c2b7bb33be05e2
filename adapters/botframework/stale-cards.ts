/**
 * Personal messages that carry a live ballot (reminders, "the options changed" notices) are kept by
 * consultation, durably, so that once the consultation closes or is cancelled each one is redrawn as
 * that person's closed ballot: no button left that would only answer "closed". Posted channel ballots
 * need nothing here: the core redraws them itself at the close.
 */
import type { Consult } from '../../src/consult-api.ts';
import type { UserId } from '../../src/domain/model.ts';
import type { OutboundMessage } from '../../src/outbound.ts';

interface Kept {
  user: UserId;
  activityId: string;
}

/** A delegate gets a handful of reminders per consultation; a bound keeps a hand-edited store in check. */
const MAX_KEPT = 20_000;

export interface StaleCards {
  /** A personal message was posted: keep it if it carries a live ballot. */
  posted(message: OutboundMessage, user: UserId, activityId: string | undefined): Promise<void>;
  /** Redraws the kept messages of a consultation that is no longer open (once), through `update`. */
  settle(
    consultationId: string,
    update: (user: UserId, activityId: string, message: OutboundMessage) => Promise<void>,
  ): Promise<void>;
}

const LIVE: ReadonlySet<string> = new Set(['reminder', 'notice']);

export function createStaleCards(consult: Consult, adapterName: string, log?: (line: string) => void): StaleCards {
  const state = consult.adapterState;
  const key = (id: string) => `cards:${id.toUpperCase()}`;
  const kept = (id: string) => (state.get(adapterName, key(id)) as Kept[] | undefined) ?? [];
  const isOpen = (id: string) => consult.store.get(id.toUpperCase())?.status === 'open';
  // One change at a time: reminders go out in parallel, and a close and its results arrive together.
  let queue = Promise.resolve();
  const inTurn = (work: () => Promise<void>): Promise<void> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    posted(message, user, activityId) {
      const id = message.consultationId;
      if (!id || !activityId || !LIVE.has(message.purpose)) return Promise.resolve();
      return inTurn(async () => {
        if (!isOpen(id)) return;
        const list = kept(id);
        if (list.length < MAX_KEPT) await state.set(adapterName, key(id), [...list, { user, activityId }]);
      });
    },
    settle(id, update) {
      return inTurn(async () => {
        if (isOpen(id)) return;
        const list = kept(id);
        if (list.length === 0) return;
        await state.delete(adapterName, key(id));
        for (const { user, activityId } of list) {
          const view = consult.ballotView(id, user);
          if (!view) continue;
          const message: OutboundMessage = {
            audience: { kind: 'user', user },
            card: view.card,
            lang: view.lang,
            // Not 'ballot': a closed personal copy needs no per-viewer refresh.
            purpose: 'reminder',
            consultationId: id,
          };
          try {
            await update(user, activityId, message);
          } catch (err) {
            log?.(`${adapterName}: could not close ${user}'s copy of ${id} (${(err as Error).message})`);
          }
        }
      });
    },
  };
}
