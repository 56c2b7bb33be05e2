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
