/**
 * Paces outgoing Bot Framework calls per conversation and retries throttled ones.
 * Teams limits each bot per conversation (thread); a burst of reminders or result posts
 * must stay under them, and a 429 is retried with backoff rather than lost.
 * Time is injected: tests run it on a fake clock without sleeping.
 */

interface RateLimit {
  count: number;
  windowMs: number;
}

/** Teams' documented per-bot, per-conversation limits. */
const TEAMS_CONVERSATION_LIMITS: RateLimit[] = [
  { count: 7, windowMs: 1_000 },
  { count: 8, windowMs: 2_000 },
  { count: 60, windowMs: 30_000 },
  { count: 1_800, windowMs: 3_600_000 },
];

export interface PacerOptions {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  limits?: RateLimit[];
  /** Retries after a 429 (then the error is thrown). */
  maxRetries?: number;
  /** First backoff when the 429 carries no Retry-After; doubles each time. */
  backoffMs?: number;
  log?: (line: string) => void;
}

export interface Pacer {
  /** Runs `fn` when `conversation` has room under every limit, one call at a time per conversation. */
  run<T>(conversation: string, fn: () => Promise<T>): Promise<T>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPacer(options: PacerOptions = {}): Pacer {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const limits = options.limits ?? TEAMS_CONVERSATION_LIMITS;
  const maxRetries = options.maxRetries ?? 5;
  const backoffMs = options.backoffMs ?? 1_000;
  const longest = Math.max(0, ...limits.map((l) => l.windowMs));
  const queues = new Map<string, Promise<unknown>>();
  const sent = new Map<string, number[]>();

  async function waitForSlot(conversation: string): Promise<void> {
    for (;;) {
      const t = now();
      const times = (sent.get(conversation) ?? []).filter((s) => t - s < longest);
      sent.set(conversation, times);
      let wait = 0;
      for (const limit of limits) {
        const inWindow = times.filter((s) => t - s < limit.windowMs);
        if (inWindow.length >= limit.count)
          wait = Math.max(wait, inWindow[inWindow.length - limit.count] + limit.windowMs - t);
      }
      if (wait <= 0) {
        times.push(t);
        return;
      }
      await sleep(wait);
    }
  }

  async function attempt<T>(conversation: string, fn: () => Promise<T>): Promise<T> {
    for (let retry = 0; ; retry++) {
      await waitForSlot(conversation);
      try {
        return await fn();
      } catch (err) {
        if (!isThrottled(err) || retry >= maxRetries) throw err;
        const delay = retryAfterMs(err) ?? backoffMs * 2 ** retry;
        options.log?.(`teams: throttled (429) in conversation ${conversation}; retry ${retry + 1} in ${delay} ms`);
        await sleep(delay);
      }
    }
  }

  return {
    run(conversation, fn) {
      const previous = queues.get(conversation) ?? Promise.resolve();
      const result = previous.then(() => attempt(conversation, fn));
      const settled = result.catch(() => undefined);
      queues.set(conversation, settled);
      void settled.then(() => {
        if (queues.get(conversation) === settled) queues.delete(conversation);
      });
      return result;
    },
  };
}

interface HttpishError {
  statusCode?: number;
  status?: number;
  response?: { status?: number; headers?: { get?(name: string): string | undefined } | Record<string, string> };
}

function isThrottled(err: unknown): boolean {
  const e = err as HttpishError | undefined;
  return e?.statusCode === 429 || e?.status === 429 || e?.response?.status === 429;
}

function retryAfterMs(err: unknown): number | undefined {
  const headers = (err as HttpishError | undefined)?.response?.headers;
  if (!headers) return undefined;
  const raw =
    typeof headers.get === 'function' ? headers.get('retry-after') : (headers as Record<string, string>)['retry-after'];
  const seconds = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1_000 : undefined;
}
