/**
 * The docs stay true to the tree: every relative link in the repository's Markdown resolves (to a file, and to a
 * heading when it names one), the folder diagram of docs/ARCHITECTURE.md matches the real folders, and every
 * adapter README's module table names each file of its folder, and only files that exist.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
/** Not the repository's own documents: dependencies, git, and what runs leave behind (all git-ignored). */
const SKIP = new Set(['node_modules', '.git', 'tests/artifacts', 'bench/results', 'data/store', 'data/demo']);

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (SKIP.has(relative(repo, path))) continue;
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

const markdown = walk(repo).filter((f) => f.endsWith('.md'));

/** The text outside fenced code blocks and inline code, where a link is a link. */
function prose(text: string): string {
  return text.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchor for a heading. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- ]/gu, '')
    .replace(/ /g, '-');
}

function anchors(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1])));
}

function links(file: string): string[] {
  return [...prose(readFileSync(file, 'utf8')).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
}

describe('links in the docs', () => {
  it('finds the documents', () => {
    const names = markdown.map((f) => relative(repo, f));
    for (const doc of ['README.md', 'CONTRIBUTING.md', 'docs/PRODUCT.md', 'docs/ARCHITECTURE.md', 'docs/DEPLOY.md'])
      expect(names).toContain(doc);
  });

  for (const file of markdown) {
    it(`resolves every relative link of ${relative(repo, file)}`, () => {
      for (const link of links(file)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto:: outside the repository
        const [path, anchor] = link.split('#');
        const target = path ? resolve(dirname(file), decodeURIComponent(path)) : file;
        expect(existsSync(target), `${link} in ${relative(repo, file)}`).toBe(true);
        // Nothing outside the repository: a clone must be complete.
        expect(relative(repo, target).startsWith('..'), `${link} leaves the repository`).toBe(false);
        if (anchor && target.endsWith('.md'))
          expect([...anchors(target)], `#${anchor} in ${relative(repo, target)}`).toContain(anchor);
      }
    });
  }
});

/** The folders and files the ```text tree under "## Folders" names, as paths (two spaces of indent a level). */
function diagramPaths(): string[] {
  const doc = readFileSync(join(repo, 'docs/ARCHITECTURE.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Folders'));
  const tree = /```text\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^( *)(\S+)/.exec(line);
    // Continuation lines of a description are indented past the names column.
    if (!m || m[1].length > 8 || !/^[\w.-]+\/?$/.test(m[2])) continue;
    const depth = m[1].length / 2;
    stack.length = depth;
    const path = [...stack, m[2]].join('');
    if (m[2].endsWith('/')) stack[depth] = m[2];
    out.push(path);
  }
  return out;
}

/** The repository's folders, two levels deep (tests' and fixtures' own sub-folders aside), as `a/` and `a/b/`. */
function realFolders(): string[] {
  const out: string[] = [];
  for (const top of readdirSync(repo, { withFileTypes: true })) {
    if (!top.isDirectory() || top.name.startsWith('.') || SKIP.has(top.name)) continue;
    out.push(`${top.name}/`);
    if (top.name === 'tests') continue;
    for (const sub of readdirSync(join(repo, top.name), { withFileTypes: true })) {
      const rel = `${top.name}/${sub.name}`;
      if (sub.isDirectory() && !SKIP.has(rel)) out.push(`${rel}/`);
    }
  }
  return out;
}

describe('docs/ARCHITECTURE.md', () => {
  it('names only folders and files that exist', () => {
    const paths = diagramPaths();
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) expect(existsSync(join(repo, path)), path).toBe(true);
  });

  it('names every folder of the repository', () => {
    const named = new Set(diagramPaths());
    for (const folder of realFolders()) expect(named.has(folder), folder).toBe(true);
  });
});

/** The names in backticks in the first column of the README's "module" table. */
function moduleTable(readme: string): string[] {
  const rows = readFileSync(readme, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('|'));
  const header = rows.findIndex((r) => /^\|\s*module\s*\|/.test(r));
  if (header < 0) return [];
  const names: string[] = [];
  for (const row of rows.slice(header + 2)) {
    const first = row.split('|')[1] ?? '';
    const found = [...first.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    if (found.length === 0) break;
    names.push(...found);
  }
  return names;
}

describe('adapter READMEs', () => {
  const folders = readdirSync(join(repo, 'adapters'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

  it('exist for every adapter folder', () => {
    expect(folders).toEqual(expect.arrayContaining(['slack', 'teams', 'web', 'botframework', 'shared']));
    for (const folder of folders) expect(existsSync(join(repo, 'adapters', folder, 'README.md')), folder).toBe(true);
  });

  for (const folder of folders) {
    it(`adapters/${folder}/README.md names each of its modules in a table`, () => {
      const dir = join(repo, 'adapters', folder);
      const named = moduleTable(join(dir, 'README.md'));
      const present = readdirSync(dir)
        .filter((name) => name !== 'README.md' && !name.startsWith('.'))
        .map((name) => (statSync(join(dir, name)).isDirectory() ? `${name}/` : name));
      for (const name of present) expect(named, `${name} is missing from the table`).toContain(name);
      for (const name of named) expect(present, `${name} is in the table but not in the folder`).toContain(name);
    });
  }
});
