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

describe('the core names no platform', () => {
  /** The code without its comments (which may explain which platform does what). */
  const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const literals = (text: string) => [
    ...code(text).matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g),
  ];
  const PLATFORM = /\b(slack|teams|microsoft|web ?chat|direct ?line|bot ?framework)\b/i;
  /** Platform syntax: Slack mentions and mrkdwn links, Teams' <at> mentions, a slash command. */
  const SYNTAX = /<@|<at>|<mailto:|<!here>|(^|[\s'"`])\/consult\b/;

  it('src/ has no platform name and no platform syntax in any string (i18n texts included)', async () => {
    const offenders: string[] = [];
    for (const f of await files('src')) {
      for (const [literal] of literals(await readFile(f, 'utf8')))
        if (PLATFORM.test(literal) || SYNTAX.test(literal)) offenders.push(`${f}: ${literal.slice(0, 80)}`);
    }
    expect(offenders).toEqual([]);
  });

  it('the scan catches what it is meant to catch', () => {
    const found = (text: string) => literals(text).some(([l]) => PLATFORM.test(l) || SYNTAX.test(l));
    expect(found("const a = 'after /consult in Slack';")).toBe(true);
    expect(found('const b = `mention <@U0123>`;')).toBe(true);
    expect(found("const p = './consult-api.ts';")).toBe(false);
    expect(found("// Slack's own comment\nconst c = 'neutral';")).toBe(false);
  });
});
