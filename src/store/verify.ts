/**
 * Offline verification of a store copy (`npm run verify-store <dir>`): reads every file as the
 * store would at start (schemas, semantic checks, the audit hash chain) without taking the lock
 * or writing anything, and reports per consultation its entries and head hash, or the problem.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConsultation, loadMeta } from './file-store.ts';

interface ConsultationReport {
  id: string;
  file: string;
  ok: boolean;
  entries?: number;
  head?: string;
  /** False for a trail written before the chain existed: loaded, but nothing to verify it against. */
  chained?: boolean;
  problem?: string;
}

export interface StoreReport {
  ok: boolean;
  meta: { file: string; ok: boolean; problem?: string };
  consultations: ConsultationReport[];
}

export async function verifyStore(dir: string): Promise<StoreReport> {
  const metaFile = join(dir, 'meta.json');
  const meta = await loadMeta(metaFile);
  const consultations: ConsultationReport[] = [];
  const names = (await readdir(join(dir, 'consultations')).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
    .sort();
  for (const name of names) {
    const file = join(dir, 'consultations', name);
    const id = name.slice(0, -'.json'.length);
    const c = await loadConsultation(file);
    if (!c.ok) consultations.push({ id, file: c.file, ok: false, problem: c.problem });
    else
      consultations.push({
        id,
        file,
        ok: true,
        entries: c.data.audit.length,
        head: c.data.auditHead,
        chained: c.persisted.head !== undefined,
      });
  }
  const metaReport = meta.ok ? { file: metaFile, ok: true } : { file: metaFile, ok: false, problem: meta.problem };
  return { ok: metaReport.ok && consultations.every((c) => c.ok), meta: metaReport, consultations };
}
