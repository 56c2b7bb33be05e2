/**
 * The Dockerfile does what docs/DEPLOY.md says: node:20-slim, a non-root user, the store and the ballot key in two
 * volumes (the key outside DATA_DIR), a health check on /healthz that really tells a running bot from a stopped
 * one, node itself as the command. The image installs dependencies only (npm ci --omit=dev), so the code it runs
 * must import no development package; and .dockerignore keeps secrets and live data out of the build.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../adapters/app.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const dockerfile = readFileSync(join(repo, 'Dockerfile'), 'utf8');
/** Instructions with their continuation lines joined. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const all = (name: string) => instructions.filter((l) => l.startsWith(`${name} `)).map((l) => l.slice(name.length + 1));
const env = Object.fromEntries(all('ENV').flatMap((e) => [...e.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]])));

describe('Dockerfile', () => {
  it('builds on node:20-slim and runs as a user that is not root', () => {
    expect(all('FROM')).toEqual(['node:20-slim']);
    const users = all('USER');
    expect(users.length).toBe(1);
    expect(users[0]).not.toMatch(/^(root|0)(:|$)/);
    // Nothing runs as root after the switch: the bot's user is the last word.
    expect(instructions.findIndex((l) => l.startsWith('USER '))).toBeLessThan(
      instructions.findIndex((l) => l.startsWith('CMD ')),
    );
  });

  it('keeps DATA_DIR and the ballot key in two volumes, the key outside DATA_DIR', () => {
    const volumes = all('VOLUME').flatMap((v) => JSON.parse(v) as string[]);
    expect(env.DATA_DIR).toBeDefined();
    expect(env.BALLOT_KEY_FILE).toBeDefined();
    expect(volumes).toContain(env.DATA_DIR);
    expect(volumes).toContain(posix.dirname(env.BALLOT_KEY_FILE));
    expect(posix.relative(env.DATA_DIR, env.BALLOT_KEY_FILE).startsWith('..')).toBe(true);
  });

  it('installs dependencies only, and starts node itself on the entry point', () => {
    expect(all('RUN').some((r) => /npm ci --omit=dev/.test(r))).toBe(true);
    expect(JSON.parse(all('CMD')[0])).toEqual(['node', '--import', 'tsx', 'adapters/main.ts']);
  });

  it('copies only paths that exist and that .dockerignore lets through', () => {
    const ignored = readFileSync(join(repo, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#') && !l.startsWith('!'));
    for (const secret of ['.env', 'node_modules', 'data/store', '*.ballot-key']) expect(ignored).toContain(secret);
    const sources = all('COPY').flatMap((c) =>
      c
        .split(/\s+/)
        .filter((w) => !w.startsWith('--'))
        .slice(0, -1),
    );
    expect(sources).toEqual(expect.arrayContaining(['package-lock.json', 'src', 'adapters']));
    for (const source of sources) {
      expect(readdirSync(join(repo, posix.dirname(source))), source).toContain(posix.basename(source));
      expect(
        ignored.some((i) => source === i || source.startsWith(`${i}/`)),
        `${source} is ignored`,
      ).toBe(false);
    }
  });

  it('checks health with a command that passes on a running bot and fails once it stops', async () => {
    const check = JSON.parse(all('HEALTHCHECK')[0].replace(/^.*?CMD /, '')) as string[];
    expect(check.join(' ')).toContain('/healthz');
    const root = await mkdtemp(join(tmpdir(), 'consult-health-'));
    const app = await createApp({
      env: { DATA_DIR: join(root, 'store'), PORT: '0', HOST: '127.0.0.1', BALLOT_SECRET: 'health', WEBCHAT: 'off' },
      log: () => {},
    });
    const run = (port: number) =>
      new Promise<number>((done) => {
        execFile(check[0], check.slice(1), { env: { ...process.env, PORT: String(port) } }, (err) =>
          done(err ? Number(err.code ?? 1) : 0),
        );
      });
    try {
      const port = await app.start();
      expect(await run(port)).toBe(0);
      await app.stop();
      expect(await run(port)).not.toBe(0);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('what the image runs', () => {
  /** Run by npm scripts on a developer's machine, never by the bot. */
  const TOOLS = ['adapters/teams/package.ts', 'adapters/teams/appPackage/'];

  function sources(dir: string): string[] {
    return readdirSync(join(repo, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `${dir}/${f}`)
      .filter((f) => !TOOLS.some((t) => f.startsWith(t)));
  }

  it('imports only runtime dependencies and node built-ins', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    const runtime = new Set(Object.keys(pkg.dependencies));
    const builtins = new Set(builtinModules);
    const files = [...sources('src'), ...sources('adapters')];
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = readFileSync(join(repo, file), 'utf8');
      const specifiers = [...text.matchAll(/(?:from |import\(|resolve\()'([^'.][^']*)'/g)].map((m) => m[1]);
      for (const spec of specifiers) {
        if (spec.startsWith('node:') || builtins.has(spec)) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        expect(runtime.has(name), `${relative(repo, join(repo, file))} imports ${name}`).toBe(true);
      }
    }
  });
});
