/** The personal message to the secretariat when scheduled work (a close, reminders) cannot be saved. */
import type { Catalog } from '../i18n/en.ts';
import { errnoOf, stepFailures } from '../scheduler/health.ts';
import type { Card } from './card.ts';

function causeText(t: Catalog, err: unknown): string {
  const code = errnoOf(err);
  if (code === 'ENOSPC' || code === 'EDQUOT') return t.scheduler.cause.full;
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return t.scheduler.cause.readOnly;
  return t.scheduler.cause.other(code ?? (err instanceof Error ? err.message : String(err)).slice(0, 200));
}

export function failureCard(t: Catalog, err: unknown): Card {
  const failures = stepFailures(err);
  const lines = failures.length
    ? failures.map((f) => t.scheduler.failed(f.id, f.step, causeText(t, f.cause)))
    : [t.scheduler.failedOther(causeText(t, err))];
  return {
    title: t.scheduler.title,
    blocks: [
      ...lines.map((text) => ({ type: 'text' as const, text, style: 'error' as const })),
      { type: 'text', text: t.scheduler.retrying, style: 'muted' },
    ],
  };
}
