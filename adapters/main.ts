/** `npm start`: runs Consult with the environment (and .env if present). Refuses to start on bad config or a damaged store. */
import { existsSync } from 'node:fs';
import { createApp } from './app.ts';

if (existsSync('.env')) process.loadEnvFile('.env');

try {
  const app = await createApp({ env: process.env });
  await app.start();
  const shutdown = () => {
    void app.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (err) {
  console.error(`Consult did not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
