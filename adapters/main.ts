/** `npm start`: runs Consult with the environment (and .env if present). Refuses to start on bad config or a damaged store. */
import { existsSync } from 'node:fs';
import { createApp } from './app.ts';
import { platformConfigured } from './registry.ts';
import { planLocalRun } from './web/demo.ts';

if (existsSync('.env')) process.loadEnvFile('.env');

try {
  // No platform configured: the local web chat, on the demo store when the data directory is empty.
  const plan = await planLocalRun(process.env, platformConfigured(process.env));
  const app = await createApp({ env: plan.env, clock: plan.clock, webchat: { demo: plan.demo, clock: plan.clock } });
  const port = await app.start();
  for (const platform of app.platforms) {
    const line = platform.announce?.(port);
    if (line) console.log(line);
  }
  const shutdown = () => {
    void app.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (err) {
  console.error(`Consult did not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
