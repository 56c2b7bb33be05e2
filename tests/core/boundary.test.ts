import { describe, it, expect } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
}

describe('the core stays platform-neutral', () => {
  it('no file in src/ imports an adapter or a platform SDK, or reads process.env', async () => {
    const offenders: string[] = [];
    for (const f of await files('src')) {
      const text = await readFile(f, 'utf8');
      if (
        /from ['"](@slack\/|botbuilder|botframework|adaptivecards|.*\/adapters\/)/.test(text) ||
        /process\.env/.test(text)
      )
        offenders.push(f);
    }
    expect(offenders).toEqual([]);
  });
});

describe('adapters stay apart', () => {
  const SHARED = new Set(['botframework', 'shared']);

  it('no adapter imports another: only adapters/botframework/ and adapters/shared/ are shared', async () => {
    const offenders: string[] = [];
    const folders = (await readdir('adapters', { withFileTypes: true })).filter((e) => e.isDirectory());
    for (const folder of folders.map((e) => e.name)) {
      // shared/ imports no adapter at all; botframework/ only shared/; a platform only those two.
      const allowed =
        folder === 'shared' ? new Set<string>() : folder === 'botframework' ? new Set(['shared']) : SHARED;
      for (const f of await files(join('adapters', folder))) {
        const text = await readFile(f, 'utf8');
        for (const m of text.matchAll(/from ['"]\.\.\/([\w-]+)\//g))
          if (m[1] !== '..' && !allowed.has(m[1])) offenders.push(`${f} imports adapters/${m[1]}/`);
        if (/from ['"]\.\.\/[\w-]+\.ts['"]/.test(text)) offenders.push(`${f} imports the composition root`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
