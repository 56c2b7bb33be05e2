/** When `npm start` runs the local web chat, on which store, and on which interface. */
import { mkdtemp, mkdir, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config.ts';
import { platformConfigured } from '../../adapters/registry.ts';
import { WebChatConfigSchema } from '../../adapters/web/config.ts';
import { DEMO_ROSTER, planLocalRun as planWith } from '../../adapters/web/demo.ts';
import { webChatAddress, webChatEnabled } from '../../adapters/web/mount.ts';
import { startDemoApp } from './support/app.ts';

type Env = Record<string, string>;
/** As `npm start` plans it: the registry says whether a platform is configured. */
const planLocalRun = (env: Env) => planWith(env, platformConfigured(env));
const enabled = (env: Env) => webChatEnabled(parseEnv(WebChatConfigSchema, env), platformConfigured(env));

describe('running with no credentials', () => {
  it('with an empty data directory, runs in demo mode on a demo store beside it, on loopback', async () => {
    const root = await mkdtemp(join(tmpdir(), 'consult-plan-'));
    const plan = await planLocalRun({ DATA_DIR: join(root, 'store') });
    expect(plan.demo).toBe(true);
    expect(plan.env.DATA_DIR).toBe(join(root, 'demo'));
    expect(plan.env.HOST).toBe('127.0.0.1');
    expect(plan.env.SECRETARIAT).toBe('web:secretariat');
    expect(plan.clock).toBeDefined();
  });

  it('a store left empty by an earlier start still counts as empty', async () => {
    const root = await mkdtemp(join(tmpdir(), 'consult-plan-'));
    await mkdir(join(root, 'store', 'consultations'), { recursive: true });
    await writeFile(
      join(root, 'store', 'meta.json'),
      JSON.stringify({ version: 1, delegations: [], secretariat: [], prefs: {}, counters: {}, adapters: {} }),
    );
    expect((await planLocalRun({ DATA_DIR: join(root, 'store') })).demo).toBe(true);
  });

  it('with a real store, never uses demo data and keeps it as it is', async () => {
    const root = await mkdtemp(join(tmpdir(), 'consult-plan-'));
    await mkdir(join(root, 'store'));
    await writeFile(
      join(root, 'store', 'meta.json'),
      JSON.stringify({
        version: 1,
        delegations: [{ id: 'mexico', name: 'Mexico', kind: 'member', delegates: ['slack:U1'] }],
        secretariat: [],
        prefs: {},
        counters: {},
        adapters: {},
      }),
    );
    const plan = await planLocalRun({ DATA_DIR: join(root, 'store') });
    expect(plan.demo).toBe(false);
    expect(plan.env.DATA_DIR).toBe(join(root, 'store'));
    expect(plan.clock).toBeUndefined();
    expect(await readdir(root)).toEqual(['store']);
  });

  it('is off when a chat platform is configured, unless WEBCHAT=on; loopback unless WEBCHAT_HOST says otherwise', async () => {
    const teams = { MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000000' };
    expect((await planLocalRun(teams)).demo).toBe(false);
    expect((await planLocalRun(teams)).env.HOST).toBeUndefined();
    expect(enabled(teams)).toBe(false);
    expect(enabled({ ...teams, WEBCHAT: 'on' })).toBe(true);
    expect(enabled({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toBe(false);
    expect(enabled({})).toBe(true);
    expect(enabled({ WEBCHAT: 'off' })).toBe(false);
    expect(webChatAddress(parseEnv(WebChatConfigSchema, {}), 3978)).toBe('http://localhost:3978/');
    expect((await planLocalRun({ WEBCHAT_HOST: '0.0.0.0' })).env.HOST).toBe('0.0.0.0');
  });

  it('demo mode seeds a roster of all three kinds, in several regions, with one or two delegates each, and says so in the log', async () => {
    const run = await startDemoApp();
    try {
      const meta = run.app.consult.store.meta();
      expect(meta.delegations).toHaveLength(DEMO_ROSTER.length);
      expect(new Set(meta.delegations.map((d) => d.kind))).toEqual(
        new Set(['member', 'observer-state', 'observer-org']),
      );
      expect(new Set(meta.delegations.map((d) => d.region)).size).toBeGreaterThanOrEqual(4);
      expect(meta.delegations.every((d) => d.delegates.length >= 1 && d.delegates.length <= 2)).toBe(true);
      expect(run.logs.some((l) => l.startsWith('DEMO MODE'))).toBe(true);
      const setup = await (await fetch(new URL('/webchat/setup', run.url))).json();
      expect(setup.demo).toBe(true);
      expect(setup.identities[0]).toEqual({ id: 'secretariat', secretariat: true });
      const page = await fetch(run.url);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await page.text()).not.toMatch(/https?:\/\//);
    } finally {
      await run.close();
    }
  });
});
