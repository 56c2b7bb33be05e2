/**
 * The peer the vote-path bench compares Consult with: the vote handler a Slack developer would
 * write from Bolt's documentation. Bolt's default HTTP receiver (signature checks included),
 * lowdb's JSONFilePreset, and per click one `ack()`, one `db.update` and one `respond()` to the
 * response_url. Same roster (read from the seeded store's meta.json) and same ballot as Consult.
 * Env: PEER_DB (the lowdb file), PEER_ROSTER (a meta.json), SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN,
 * SLACK_API_URL. Prints `READY <port> slack=on` like the server the benches start.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, LogLevel, type BlockButtonAction } from '@slack/bolt';
import { JSONFilePreset } from 'lowdb/node';

interface Delegation {
  id: string;
  name: string;
  delegates: string[];
}
interface Data {
  ballots: Record<string, { choices: number[]; at: string; by: string }>;
  audit: Array<{ at: string; by: string; delegation: string; choices: number[] }>;
}

const env = process.env;
const roster = (JSON.parse(readFileSync(env.PEER_ROSTER!, 'utf8')) as { delegations: Delegation[] }).delegations;
const db = await JSONFilePreset<Data>(env.PEER_DB!, { ballots: {}, audit: [] });

const app = new App({
  token: env.SLACK_BOT_TOKEN,
  signingSecret: env.SLACK_SIGNING_SECRET!,
  clientOptions: { slackApiUrl: env.SLACK_API_URL },
  logLevel: LogLevel.ERROR,
});

app.action<BlockButtonAction>(/^consult:/, async ({ ack, body, action, respond }) => {
  await ack();
  const vote = JSON.parse(action.value ?? '{}') as { id: string; choices: number[] };
  const delegation = roster.find((d) => d.delegates.includes(`slack:${body.user.id}`));
  if (!delegation) {
    await respond({ response_type: 'ephemeral', replace_original: false, text: 'You are not on the roster.' });
    return;
  }
  const at = new Date().toISOString();
  await db.update((data) => {
    data.ballots[delegation.id] = { choices: vote.choices, at, by: body.user.id };
    data.audit.push({ at, by: body.user.id, delegation: delegation.id, choices: vote.choices });
  });
  await respond({
    response_type: 'ephemeral',
    replace_original: false,
    text: `Vote recorded for ${delegation.name}: option ${vote.choices.join(', ')} (${vote.id}).`,
  });
});

const server = (await app.start(Number(env.PORT ?? 0))) as Server;
process.stdout.write(`READY ${(server.address() as AddressInfo).port} slack=on pid=${process.pid}\n`);
process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(2);
}, 1000).unref();
