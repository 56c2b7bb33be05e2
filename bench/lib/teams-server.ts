/**
 * The server process of the Teams vote-path bench: the core on the file store and the Teams
 * adapter in authenticated mode, on a loopback port. Inbound, every activity must carry a Bot
 * Framework JWT, checked by the SDK against signing keys served by the bench's local token issuer
 * (tests/teams/support/token-issuer.ts). Outbound, the connector is the bench's recorder; the
 * token the bot would get from Microsoft's login service (the network edge) is put in the SDK's
 * token cache, so no call leaves the machine. Env: DATA_DIR, TEAMS_APP_ID, TEAMS_TENANT,
 * TEAMS_SERVICE_URL, TEAMS_OPENID_URL, BALLOT_SECRET. Prints `READY <port> slack=off pid=<pid>`.
 */
// botframework-connector comes with botbuilder (same version); only its token cache is used here.
import { AppCredentials } from 'botframework-connector';
import { createTeamsAdapter } from '../../adapters/teams/create-teams-adapter.ts';
import { createConsult } from '../../src/consult.ts';
import { createFileStore } from '../../src/store/file-store.ts';
import { createHttpServer } from '../../src/server.ts';
import { publicCloudWithKeysAt } from '../../tests/teams/support/auth-settings.ts';

const env = process.env;
const appId = env.TEAMS_APP_ID!;
try {
  const scope = 'https://api.botframework.com';
  (AppCredentials as unknown as { cache: Map<string, unknown> }).cache.set(`${appId}${scope}-cache`, {
    accessToken: 'bench-outbound-token',
    expiresOn: new Date(Date.now() + 24 * 3600_000),
  });
  const log = (line: string) => {
    if (env.BENCH_SERVER_QUIET !== '1') process.stderr.write(`${line}\n`);
  };
  const store = createFileStore({ dir: env.DATA_DIR!, fsync: env.STORE_FSYNC !== 'off' });
  await store.open();
  const consult = createConsult({
    store,
    timezone: 'Europe/Zurich',
    secretariat: ['teams:29:bench-sec'],
    ballotSecret: env.BALLOT_SECRET ?? 'bench-ballot-secret',
    log,
  });
  const server = createHttpServer(log);
  createTeamsAdapter({
    consult,
    server,
    log,
    config: {
      MICROSOFT_APP_ID: appId,
      MICROSOFT_APP_PASSWORD: 'bench-not-used',
      MICROSOFT_APP_TYPE: 'MultiTenant',
      MICROSOFT_APP_TENANT_ID: env.TEAMS_TENANT,
      TEAMS_SERVICE_URLS: env.TEAMS_SERVICE_URL,
    },
    authSettings: publicCloudWithKeysAt(env.TEAMS_OPENID_URL!),
  });
  const port = await server.listen(0, '127.0.0.1');
  consult.start();
  process.stdout.write(`READY ${port} slack=off pid=${process.pid}\n`);
  process.once('SIGTERM', () => {
    void (async () => {
      await consult.stop();
      await server.close();
      await store.close();
      process.exit(0);
    })();
  });
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.exit(2);
  }, 1000).unref();
} catch (err) {
  process.stdout.write(`FAILED ${err instanceof Error ? err.message.replace(/\n/g, ' ') : String(err)}\n`);
  process.exit(1);
}
