/** Test data for the store tests: a minimal valid consultation. */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Consultation } from '../../src/domain/model.ts';

export function makeConsultation(overrides: Partial<Consultation> = {}): Consultation {
  const now = new Date('2024-03-01T09:00:00Z');
  return {
    id: 'T1',
    kind: 'theme',
    title: 'Theme for next year',
    options: [
      { n: 1, text: 'Managing Migration in Crisis Situations' },
      { n: 2, text: 'Families and migration' },
    ],
    select: 1,
    channels: [],
    posted: [],
    openedAt: now.toISOString(),
    closesAt: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
    status: 'open',
    eligibility: 'members',
    visibility: 'hidden',
    secrecy: 'recorded',
    createdBy: 'slack:U1',
    lang: 'en',
    ballots: {},
    answered: [],
    remindersDone: [],
    outbox: [],
    audit: [],
    ...overrides,
  };
}

export function tempStoreDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'consult-store-'));
}

/** Every file under `dir` (recursively, dot files included) with its exact bytes. */
export async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) {
      const path = join(e.parentPath, e.name);
      files.set(path, await readFile(path));
    }
  }
  return files;
}
