/**
 * Retries Web API calls Slack answered with HTTP 429, after the Retry-After it asked for.
 * The WebClient is created with rejectRateLimitedCalls so that it hands the 429 to us
 * instead of sleeping on its own timer: our sleep is injectable and tests never wait.
 */
import { ErrorCode } from '@slack/web-api';
import type { Sleep } from './pacer.ts';

export async function withRateLimitRetry<T>(
  fn: () => Promise<T>,
  opts: { sleep: Sleep; maxRetries?: number; onRetry?: (seconds: number) => void },
): Promise<T> {
  const max = opts.maxRetries ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const e = err as { code?: string; retryAfter?: number };
      if (e.code !== ErrorCode.RateLimitedError || attempt >= max) throw err;
      const seconds = Math.max(1, e.retryAfter ?? 1);
      opts.onRetry?.(seconds);
      await opts.sleep(seconds * 1000);
    }
  }
}
