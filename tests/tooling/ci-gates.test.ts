/**
 * The gates in .ci/run bite: Biome fails on a lint error, knip on an unused export, file or dependency, each run
 * as CI runs it (the repository's own binaries and Biome configuration) on a tiny project in a temp dir, next to
 * the same project without the fault, which passes. And .ci/run calls both before the tests, stopping at the first
 * failure.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name: string): string => join(repo, 'node_modules', '.bin', name);

interface Run {
  code: number;
  output: string;
}

function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    execFile(command, args, { cwd, env: { ...process.env, NO_COLOR: '1' } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      done({ code, output: stdout + stderr });
    });
  });
}

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'consult-gates-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

/** The repository's Biome rules, minus the git integration (a temp dir is no repository). */
async function biomeConfig(): Promise<string> {
  const config = JSON.parse(await readFile(join(repo, 'biome.json'), 'utf8'));
  delete config.$schema;
  config.vcs = { enabled: false };
  return JSON.stringify(config);
}

describe('biome check (npm run lint)', () => {
  const clean = 'export function twice(n: number): number {\n  return n * 2;\n}\n';

  it('passes a clean file', async () => {
    const dir = await project({ 'biome.json': await biomeConfig(), 'ok.ts': clean });
    const result = await run(bin('biome'), ['check', 'ok.ts'], dir);
    expect(result.output).not.toMatch(/error/i);
    expect(result.code).toBe(0);
  });

  it('fails on a lint error, naming the rule and the file', async () => {
    const bad = 'export function same(n: number): boolean {\n  return n == 1;\n}\n';
    const dir = await project({ 'biome.json': await biomeConfig(), 'bad.ts': bad });
    const result = await run(bin('biome'), ['check', 'bad.ts'], dir);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('bad.ts');
    expect(result.output).toContain('noDoubleEquals');
  });

  it('fails on a line the formatter would change', async () => {
    const dir = await project({ 'biome.json': await biomeConfig(), 'ugly.ts': 'export const  x = "a"\n' });
    const result = await run(bin('biome'), ['check', 'ugly.ts'], dir);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('ugly.ts');
  });
});

describe('knip (npm run knip)', () => {
  const base = {
    'package.json': JSON.stringify({ name: 'gate-fixture', private: true, type: 'module' }),
    'knip.json': JSON.stringify({ entry: ['main.ts'], project: ['*.ts'] }),
    'main.ts': "import { used } from './lib.ts';\nconsole.log(used());\n",
  };

  it('passes when every export is imported', async () => {
    const dir = await project({ ...base, 'lib.ts': 'export const used = (): number => 1;\n' });
    const result = await run(bin('knip'), ['--no-progress'], dir);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('fails on an unused export, naming it', async () => {
    const lib = 'export const used = (): number => 1;\nexport const forgotten = (): number => 2;\n';
    const dir = await project({ ...base, 'lib.ts': lib });
    const result = await run(bin('knip'), ['--no-progress'], dir);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/Unused exports/);
    expect(result.output).toContain('forgotten');
  });

  it('fails on a file nothing imports', async () => {
    const dir = await project({ ...base, 'lib.ts': 'export const used = (): number => 1;\n', 'orphan.ts': '' });
    const result = await run(bin('knip'), ['--no-progress'], dir);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('orphan.ts');
  });
});

describe('knip, dependencies', () => {
  it('fails on a dependency nothing imports, naming it', async () => {
    const dir = await project({
      'package.json': JSON.stringify({
        name: 'gate-fixture',
        private: true,
        type: 'module',
        dependencies: { 'left-pad': '^1.3.0' },
      }),
      'knip.json': JSON.stringify({ entry: ['main.ts'], project: ['*.ts'] }),
      'main.ts': 'console.log(1);\n',
    });
    const result = await run(bin('knip'), ['--no-progress'], dir);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/Unused dependencies/);
    expect(result.output).toContain('left-pad');
  });
});

describe('.ci/run', () => {
  it('stops at the first failing step and runs lint and knip before the tests', async () => {
    const script = await readFile(join(repo, '.ci', 'run'), 'utf8');
    expect(script).toMatch(/^set -euo pipefail$/m);
    const steps = script.split('\n').filter((line) => /^npm (run |test)/.test(line));
    expect(steps).toEqual(['npm run lint', 'npm run knip', 'npm test']);
  });

  it('runs the repository configuration of both tools', async () => {
    const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8'));
    expect(pkg.scripts.lint).toBe('biome check .');
    expect(pkg.scripts.knip).toBe('knip');
  });
});
