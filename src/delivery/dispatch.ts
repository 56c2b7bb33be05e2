/**
 * Hands messages to the platform deliverers in the background, after the state change that
 * caused them is durable, and keeps track of that work so tests and shutdown can wait for it.
 */
import type { Platform } from '../domain/model.ts';
import type { Deliverer, OutboundMessage } from '../outbound.ts';

export class Dispatch {
  private readonly deliverers = new Map<Platform, Deliverer>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly warned = new Set<Platform>();

  constructor(private readonly log: (line: string) => void) {}

  register(platform: Platform, deliverer: Deliverer): void {
    this.deliverers.set(platform, deliverer);
  }

  deliverer(platform: Platform): Deliverer {
    const d = this.deliverers.get(platform);
    if (!d) {
      if (!this.warned.has(platform))
        this.log(`no ${platform} adapter is running: messages for ${platform} wait until it is configured`);
      this.warned.add(platform);
      throw new Error(`no deliverer for ${platform}`);
    }
    return d;
  }

  deliver(platform: Platform, message: OutboundMessage): Promise<string | undefined> {
    return Promise.resolve().then(() => this.deliverer(platform).deliver(message));
  }

  /** Every platform redraws its live personal copies of a consultation that is over (Deliverer.settle). */
  settleAll(consultationId: string): Promise<unknown> {
    return Promise.allSettled([...this.deliverers.values()].map((d) => d.settle?.(consultationId)));
  }

  background(work: () => Promise<unknown>): void {
    const p = work().catch((err: unknown) =>
      this.log(`delivery failed: ${err instanceof Error ? err.message : String(err)}`),
    );
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  /** Runs `work` once, and once more if asked again while it ran: bursts collapse into at most two runs. */
  coalesced(running: Map<string, boolean>, key: string, work: () => Promise<void>): void {
    if (running.has(key)) {
      running.set(key, true);
      return;
    }
    running.set(key, false);
    this.background(async () => {
      try {
        do {
          running.set(key, false);
          await work();
        } while (running.get(key));
      } finally {
        running.delete(key);
      }
    });
  }

  async idle(extra?: Promise<unknown>): Promise<void> {
    while (this.pending.size || extra) {
      await Promise.allSettled([...this.pending, extra]);
      extra = undefined;
    }
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }
}
