/** The audit trail as CSV for the secretariat: who did what, when, from which platform. */
import type { Consultation, Meta } from '../domain/model.ts';

/** Quotes a cell, and defuses spreadsheet formulas (=, +, -, @) typed into option texts. */
function cell(value: string | undefined): string {
  const v = value ?? '';
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(c: Readonly<Consultation>, meta: Readonly<Meta>): string {
  const name = (id?: string) => (id ? (meta.delegations.find((d) => d.id === id)?.name ?? id) : '');
  const option = (n: number) => `${n}. ${c.options.find((o) => o.n === n)?.text ?? ''}`;
  const rows = [['consultation', 'at', 'action', 'user', 'platform', 'delegation', 'choices', 'detail']];
  for (const e of c.audit) {
    rows.push([
      c.id,
      e.at,
      e.action,
      e.by,
      e.platform,
      name(e.delegation),
      (e.choices ?? []).map(option).join('; '),
      e.detail ?? '',
    ]);
  }
  // The head hash of the trail, to check this export against the store (npm run verify-store).
  if (c.auditHead) rows.push(['audit head (SHA-256)', c.auditHead, `${c.audit.length} entries`]);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
