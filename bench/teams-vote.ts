/**
 * Teams vote-path bench: N delegates tap a ballot card's vote button at the same moment, i.e. N
 * concurrent `adaptiveCard/action` invokes POSTed to /api/messages, each with a Bot Framework JWT
 * signed by the local token issuer and checked for real by the SDK (lib/teams-server.ts). The
 * invoke's answer is what the voter waits for (Teams shows the card it carries): its latency is
 * measured per request, on persistent connections as for Slack. The channel's ballot card is
 * refreshed through the connector (PUT activity), counted at the recorder: refreshes are
 * coalesced, so a burst costs a few, not one per vote. Cold (first burst after start) and warm.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { teamsActivity } from '../tests/fixtures/teams/activities.ts';
import { startConnectorRecorder, type ConnectorRecorder } from '../tests/teams/support/connector-recorder.ts';
import { startTokenIssuer } from '../tests/teams/support/token-issuer.ts';
import type { Consultation } from '../src/domain/model.ts';
import { startServer, stopServer } from './lib/proc.ts';
import { closePool, openPool, rawRequest, revivePool, send } from './lib/raw-http.ts';
import { makeConsultation, makeDelegations, seedStore, slackUserOf } from './lib/seed.ts';
import { percentile, spread, type Spread } from './lib/stats.ts';
import { sleep } from './drill/lib.ts';

const TEAMS_SERVER = fileURLToPath(new URL('./lib/teams-server.ts', import.meta.url));
const APP_ID = '9e1b6d40-0c5f-4b8e-a0f4-3c2d1e0f9a11';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CHANNEL = '19:bench-delegates@thread.tacv2';
const BALLOT = 'ballot-activity-1';

interface TeamsRound {
  ms: number[];
  non200: number;
  errors: number;
  refreshes: number;
  durable: number;
}

export interface TeamsVoteResult {
  delegates: number;
  cold?: { p50: number; p99: number; refreshes: number };
  p50: Spread;
  p99: Spread;
  /** Ballot card refreshes (PUT to the channel's ballot) per burst. */
  refreshes: Spread;
  durableMin: number;
  non200: number;
  errors: number;
  blocked?: string;
}

/** Waits until the recorder has seen no new PUT for `quietMs` (at most `maxMs`); returns the PUTs since `from`. */
async function settledPuts(rec: ConnectorRecorder, from: number, quietMs: number, maxMs: number): Promise<number> {
  const puts = () => rec.calls.slice(from).filter((c) => c.method === 'PUT').length;
  let last = puts();
  for (let quiet = 0, waited = 0; quiet < quietMs && waited < maxMs; waited += 100) {
    await sleep(100);
    const now = puts();
    quiet = now === last ? quiet + 100 : 0;
    last = now;
  }
  return last;
}

export async function teamsVoteBench(opts: {
  delegates: number;
  runs: number;
  warmups: number;
}): Promise<TeamsVoteResult> {
  const n = opts.delegates;
  const issuer = await startTokenIssuer();
  const rec = await startConnectorRecorder();
  const dir = await mkdtemp(join(tmpdir(), 'consult-bench-teams-'));
  const dataDir = join(dir, 'store');
  const delegations = makeDelegations(n, { platform: 'teams' });
  const now = new Date();
  const channel = { platform: 'teams' as const, id: CHANNEL };
  const open = makeConsultation(
    {
      id: 'T1',
      openedAt: new Date(now.getTime() - 86_400_000),
      closesAt: new Date(now.getTime() + 30 * 86_400_000),
      options: 2,
      channels: [channel],
      posted: [{ channel, ref: BALLOT }],
    },
    delegations,
  );
  await seedStore(dataDir, { pastBallots: 0, delegations, extra: [open] });
  const empty: TeamsVoteResult = {
    delegates: n,
    p50: spread([]),
    p99: spread([]),
    refreshes: spread([]),
    durableMin: 0,
    non200: 0,
    errors: 0,
  };
  let server;
  try {
    server = await startServer(
      {
        DATA_DIR: dataDir,
        TEAMS_APP_ID: APP_ID,
        TEAMS_TENANT: TENANT,
        TEAMS_SERVICE_URL: rec.serviceUrl,
        TEAMS_OPENID_URL: issuer.metadataUrl,
      },
      { script: TEAMS_SERVER },
    );
  } catch (err) {
    await Promise.all([issuer.close(), rec.close(), rm(dir, { recursive: true, force: true })]);
    return { ...empty, blocked: `the Teams server did not start: ${(err as Error).message.slice(0, 300)}` };
  }
  const token = `Bearer ${issuer.sign({ aud: APP_ID, serviceurl: rec.serviceUrl })}`;
  const vars = {
    serviceUrl: rec.serviceUrl,
    tenantId: TENANT,
    botId: `28:${APP_ID}`,
    channelId: CHANNEL,
    teamId: CHANNEL,
  };
  const headers = { 'Content-Type': 'application/json', Authorization: token };
  let sockets: net.Socket[] = [];
  try {
    // The app is added to the channel: the bot keeps the conversation reference it refreshes the ballot with.
    const install = JSON.stringify(teamsActivity('conversation-update-install', { ...vars, userId: '29:bench-sec' }));
    const [installSocket] = await openPool(server.port, 1);
    const installed = await send(installSocket, rawRequest('/api/messages', headers, install));
    closePool([installSocket]);
    if (installed.status !== 200) return { ...empty, blocked: `the install activity got HTTP ${installed.status}` };

    sockets = await openPool(server.port, n);
    const file = join(dataDir, 'consultations', 'T1.json');
    const burst = async (k: number): Promise<TeamsRound> => {
      const choiceOf = (i: number) => 1 + ((i + k) % 2);
      const requests = delegations.map((_, i) =>
        rawRequest(
          '/api/messages',
          headers,
          JSON.stringify(
            teamsActivity('invoke-adaptive-card-action', {
              ...vars,
              userId: slackUserOf(i),
              userName: `Delegate ${i}`,
              replyToId: BALLOT,
              value: {
                action: {
                  type: 'Action.Execute',
                  verb: 'consult',
                  data: { command: { type: 'vote', id: 'T1', choices: [choiceOf(i)] } },
                },
                trigger: 'manual',
              },
            }),
          ),
        ),
      );
      await revivePool(server.port, sockets);
      const from = rec.calls.length;
      const ms: number[] = [];
      let non200 = 0;
      let errors = 0;
      await Promise.all(
        requests.map(async (bytes, i) => {
          try {
            const r = await send(sockets[i], bytes);
            ms.push(r.ms);
            if (r.status !== 200) non200++;
          } catch {
            errors++;
          }
        }),
      );
      const refreshes = await settledPuts(rec, from, 1000, 15_000);
      const c = JSON.parse(await readFile(file, 'utf8')) as Consultation;
      const durable = delegations.filter((d, i) => c.ballots[d.id]?.choices[0] === choiceOf(i)).length;
      return { ms, non200, errors, refreshes, durable };
    };
    const first = await burst(0);
    for (let w = 1; w <= opts.warmups; w++) await burst(w);
    const rounds: TeamsRound[] = [];
    for (let r = 0; r < opts.runs; r++) rounds.push(await burst(opts.warmups + 1 + r));
    const all = [first, ...rounds];
    return {
      delegates: n,
      cold: { p50: percentile(first.ms, 50), p99: percentile(first.ms, 99), refreshes: first.refreshes },
      p50: spread(rounds.map((x) => percentile(x.ms, 50))),
      p99: spread(rounds.map((x) => percentile(x.ms, 99))),
      refreshes: spread(rounds.map((x) => x.refreshes)),
      durableMin: Math.min(...all.map((x) => x.durable)),
      non200: all.reduce((s, x) => s + x.non200, 0),
      errors: all.reduce((s, x) => s + x.errors, 0),
    };
  } finally {
    closePool(sockets);
    await stopServer(server);
    await Promise.all([issuer.close(), rec.close()]);
    await rm(dir, { recursive: true, force: true });
  }
}
