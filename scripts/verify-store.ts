/**
 * `npm run verify-store <dir>`: verifies a copy of the store offline (schemas, semantic checks,
 * every consultation's audit hash chain) and prints, per consultation, its entries and head hash,
 * to compare with the head hash shown on the results and in the export. Never writes; exits 1 if
 * anything fails to verify, 2 when the directory is missing.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { verifyStore } from '../src/store/verify.ts';

const dir = process.argv[2];
if (!dir || !existsSync(dir)) {
  process.stderr.write(`Usage: npm run verify-store <store directory>${dir ? ` (${dir} does not exist)` : ''}\n`);
  process.exit(2);
}
const report = await verifyStore(resolve(dir));
const out: string[] = [];
out.push(report.meta.ok ? `meta.json: ok` : `meta.json: FAILED: ${report.meta.file}: ${report.meta.problem}`);
for (const c of report.consultations) {
  if (!c.ok) out.push(`${c.id}: FAILED: ${c.file}: ${c.problem}`);
  else if (!c.chained)
    out.push(`${c.id}: ok, ${c.entries} audit entries, written before the hash chain (not verifiable)`);
  else out.push(`${c.id}: ok, ${c.entries} audit entries, head ${c.head}`);
}
out.push(
  report.ok
    ? `Verified: ${report.consultations.length} consultations.`
    : `NOT VERIFIED: ${report.consultations.filter((c) => !c.ok).length + (report.meta.ok ? 0 : 1)} file(s) failed.`,
);
process.stdout.write(`${out.join('\n')}\n`);
process.exit(report.ok ? 0 : 1);
