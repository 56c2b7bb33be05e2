/** `npm start` as a test runs it: no platform, an empty data directory, so demo mode on a temp dir and a random port. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../../adapters/app.ts';
import { platformConfigured } from '../../../adapters/registry.ts';
import { planLocalRun, type LocalRun } from '../../../adapters/web/demo.ts';

export interface RunningApp {
  app: App;
  plan: LocalRun;
  url: string;
  logs: string[];
  close(): Promise<void>;
}

export async function startDemoApp(extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const root = await mkdtemp(join(tmpdir(), 'consult-web-'));
  const env = { DATA_DIR: join(root, 'store'), PORT: '0', BALLOT_SECRET: 'web-test', ...extraEnv };
  const plan = await planLocalRun(env, platformConfigured(env));
  const logs: string[] = [];
  const app = await createApp({
    env: plan.env,
    clock: plan.clock,
    webchat: { demo: plan.demo, clock: plan.clock },
    log: (line) => void logs.push(line),
  });
  const port = await app.start();
  return {
    app,
    plan,
    url: `http://localhost:${port}/`,
    logs,
    async close() {
      await app.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
