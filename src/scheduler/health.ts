/**
 * Whether the scheduler keeps up. A pass that fails (most often: the store cannot be written)
 * puts the bot in a degraded state until a pass succeeds; `/healthz` then answers 503 with the
 * reason, so a load balancer or an operator sees it. Retries back off, from one second to a minute.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassFailed, type StepFailure } from './tick.ts';

export interface Degraded {
  reason: string;
  since: string;
  failedPasses: number;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

export class SchedulerHealth {
  #degraded: Degraded | undefined;

  get degraded(): Readonly<Degraded> | undefined {
    return this.#degraded;
  }

  /** Records a failed pass; true the first time since the last good pass (report it once). */
  failed(err: unknown, now: Date): boolean {
    const reason = err instanceof Error ? err.message : String(err);
    const first = !this.#degraded;
    this.#degraded = {
      reason,
      since: this.#degraded?.since ?? now.toISOString(),
      failedPasses: (this.#degraded?.failedPasses ?? 0) + 1,
    };
    return first;
  }

  succeeded(): void {
    this.#degraded = undefined;
  }

  /** How long to wait before retrying: doubles with each failed pass in a row. */
  retryDelay(): number {
    const n = this.#degraded?.failedPasses ?? 0;
    return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, n - 1));
  }
}

/** The failures of a pass, whatever was thrown. */
export function stepFailures(err: unknown): StepFailure[] {
  return err instanceof PassFailed ? err.failures : [];
}

/** What a store error means to a person: the errno code of its cause, when there is one. */
export function errnoOf(err: unknown): string | undefined {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** GET /healthz: 200 while the scheduler keeps up, 503 with the reason while it does not. */
export function healthzHandler(status: () => { degraded?: Readonly<Degraded>; consultations: number }) {
  return (_req: IncomingMessage, res: ServerResponse): void => {
    const { degraded, consultations } = status();
    const body = degraded
      ? {
          ok: false,
          degraded: true,
          reason: degraded.reason,
          since: degraded.since,
          failedPasses: degraded.failedPasses,
        }
      : { ok: true, consultations };
    res.writeHead(degraded ? 503 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
}
