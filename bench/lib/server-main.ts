/**
 * The server process used by the benches and drills: the real composition root (createApp:
 * config, file store, core, HTTP server, Slack adapter) started from environment variables,
 * plus two things only benches need:
 *   - CLOCK_AT + CLOCK_REAL_AT: a clock running at real speed from a chosen instant (CLOCK_AT
 *     at real time CLOCK_REAL_AT), identical across restarts, so reminder slots can be put
 *     a second away;
 *   - POST /drill/command: the core's own request path, answering only once `handle` resolved,
 *     i.e. once the state change is durable (what the delegate's "vote recorded" means).
 * Prints `READY <port>` once listening. SIGTERM stops gracefully.
 */
import { createApp } from '../../adapters/app.ts';
import { readBody } from '../../adapters/shared/body.ts';
import type { Clock } from '../../src/clock.ts';
import type { OutboundMessage } from '../../src/outbound.ts';
import type { Card } from '../../src/views/card.ts';

const env = process.env;
const logLines: string[] = [];
const quiet = env.BENCH_SERVER_QUIET === '1';
const log = (line: string) => {
  logLines.push(line);
  if (logLines.length > 200) logLines.shift();
  if (!quiet) process.stderr.write(`${line}\n`);
};

let clock: Clock | undefined;
if (env.CLOCK_AT) {
  const at = Date.parse(env.CLOCK_AT);
  const realAt = Number(env.CLOCK_REAL_AT ?? Date.now());
  clock = { now: () => new Date(at + (Date.now() - realAt)) };
}

export function cardText(card: Card): string {
  const parts: string[] = [card.title];
  for (const b of card.blocks) {
    if (b.type === 'text') parts.push(b.text);
    else if (b.type === 'fields') parts.push(...b.fields.map((f) => `${f.label}: ${f.value}`));
  }
  return parts.join('\n');
}

try {
  const app = await createApp({ env: { ...env, HOST: '127.0.0.1' }, clock, log });
  const slackMounted = logLines.some((l) => l.includes('Slack adapter on'));
  // Count the core requests in flight, whichever adapter makes them (adapters call consult.handle
  // through this object), so drills can wait until requests acknowledged early are processed.
  let inflight = 0;
  let handled = 0;
  const handle = app.consult.handle.bind(app.consult);
  (app.consult as { handle: typeof handle }).handle = async (ctx, req) => {
    inflight++;
    try {
      return await handle(ctx, req);
    } finally {
      inflight--;
      handled++;
    }
  };
  app.http.route('GET', '/drill/stats', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ inflight, handled }));
  });
  app.http.route('POST', '/drill/command', async (req, res) => {
    const { user, command, text, channel } = JSON.parse(await readBody(req)) as {
      user: string;
      command?: unknown;
      text?: string;
      channel?: string;
    };
    const out: OutboundMessage[] = await app.consult.handle(
      { actor: { user: user as `slack:${string}` }, channel: { platform: 'slack', id: channel ?? 'CBENCH' } },
      text !== undefined ? { type: 'text', text } : { type: 'command', command: command as never },
    );
    const replies = out
      .filter((m) => m.audience.kind === 'reply')
      .map((m) => ({ purpose: m.purpose, errorCode: m.errorCode, text: cardText(m.card) }));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ replies }));
  });
  app.http.route('GET', '/drill/idle', async (_req, res) => {
    for (const platform of app.platforms) await platform.idle?.();
    await app.consult.idle();
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ ok: true, rss: process.memoryUsage().rss }));
  });
  const port = await app.start();
  process.stdout.write(`READY ${port} slack=${slackMounted ? 'on' : 'off'} pid=${process.pid}\n`);
  process.once('SIGTERM', () => {
    void app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  // Never outlive the bench or drill that started this server (it may have been killed itself).
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.exit(2);
  }, 1000).unref();
} catch (err) {
  process.stderr.write(`server did not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.stdout.write(`FAILED ${err instanceof Error ? err.message.replace(/\n/g, ' ') : String(err)}\n`);
  process.exit(1);
}
