/**
 * "A new platform is one folder": a minimal adapter is written into a temporary folder, registered
 * here (not in adapters/registry.ts), and passes the same contract as the real adapters, with no
 * change under src/. Its platform is a small JSON relay: the stand-in below records what it posts.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll } from 'vitest';
import type { PlatformAdapter } from '../../src/platform.ts';
import type { ContractKit, KitRun } from './kit.ts';
import { runContract } from './suite.ts';

const repo = resolve(import.meta.dirname, '../..');
const at = (path: string) => JSON.stringify(join(repo, path));

/** The whole adapter: configuration, inbound route, rendering and delivery, in one file of its own folder. */
const ADAPTER = `
import { z } from 'zod';
import { envUrl } from ${at('src/config.ts')};
import { definePlatform } from ${at('src/platform.ts')};
import { readBody } from ${at('adapters/shared/body.ts')};

function render(card) {
  const lines = [card.title];
  const buttons = [];
  for (const b of card.blocks) {
    if (b.type === 'text') lines.push(b.text);
    else if (b.type === 'fields') for (const f of b.fields) lines.push(f.label + ': ' + f.value);
    else if (b.type === 'bar') lines.push(b.label + ' ' + b.value);
    else if (b.type === 'actions') for (const x of b.buttons) buttons.push({ label: x.label, command: x.command });
  }
  return { lines, buttons };
}

export const relayPlatform = definePlatform({
  name: 'relay',
  label: 'Relay',
  config: z.object({ RELAY_URL: envUrl('http://127.0.0.1:8080/').optional() }),
  isConfigured: (config) => Boolean(config.RELAY_URL),
  async mount({ config, consult, http }) {
    const post = async (body) => {
      const res = await fetch(new URL('messages', config.RELAY_URL), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await res.json()).ref;
    };
    http.route('POST', '/relay/events', async (req, res) => {
      const body = JSON.parse(await readBody(req));
      const channel = body.channel ? { platform: 'relay', id: String(body.channel) } : undefined;
      const out = await consult.handle({ actor: { user: 'relay:' + body.user }, channel }, { type: 'command', command: body.command });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out.map((m) => render(m.card))));
    });
    const deliverer = {
      async deliver(message) {
        const a = message.audience;
        if (a.kind === 'channel') return post({ to: a.channel.id, ...render(message.card) });
        if (a.kind === 'user') return post({ to: 'dm:' + a.user.slice('relay:'.length), ...render(message.card) });
        if (a.kind === 'ballot-update') return post({ to: a.channel.id, replace: a.ref, ...render(message.card) });
        return undefined;
      },
    };
    return { label: 'Relay at /relay/events', deliverer, stop: async () => {} };
  },
  howToCall: {
    en: 'In Relay, send a command to the bot.',
    fr: 'Dans Relay, envoyez une commande au bot.',
    es: 'En Relay, envíe un comando al bot.',
  },
  userIdExample: 'relay:alice',
});
`;

interface Posted {
  ref: string;
  to: string;
  lines: string[];
  buttons: { label: string; command: unknown }[];
}

async function startRelay(): Promise<KitRun> {
  const posted: Posted[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const existing = body.replace && posted.find((p) => p.ref === body.replace);
    const ref = existing ? existing.ref : `m${posted.length + 1}`;
    if (existing) Object.assign(existing, { lines: body.lines, buttons: body.buttons });
    else posted.push({ ref, to: body.to, lines: body.lines, buttons: body.buttons });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ref }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  const where = (w: { channel: string } | { user: string }) => ('channel' in w ? w.channel : `dm:${w.user}`);
  return {
    env: { RELAY_URL: `http://127.0.0.1:${port}/` },
    channel: 'general',
    async seen(w) {
      return posted
        .filter((p) => p.to === where(w))
        .flatMap((p) => [...p.lines, ...p.buttons.map((b) => b.label)])
        .join('\n');
    },
    async tap(baseUrl, channel, user, label) {
      const message = posted.filter((p) => p.to === channel && p.buttons.some((b) => b.label.startsWith(label))).at(-1);
      const button = message?.buttons.find((b) => b.label.startsWith(label));
      if (!button) throw new Error(`no button "${label}" in ${channel}`);
      const res = await fetch(`${baseUrl}/relay/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user, channel, command: button.command }),
      });
      if (res.status !== 200) throw new Error(`relay inbound answered ${res.status}`);
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

// Written before the suite is declared: the adapter must exist as files, like any other. Inside the repository
// (tests/artifacts is ignored by git) so its imports of src/ resolve; a fresh clone has no such folder yet.
await mkdir(join(repo, 'tests', 'artifacts'), { recursive: true });
const folder = await mkdtemp(join(repo, 'tests', 'artifacts', 'relay-'));
await mkdir(join(folder, 'relay'), { recursive: true });
await writeFile(join(folder, 'relay', 'platform.ts'), ADAPTER);
const { relayPlatform } = (await import(pathToFileURL(join(folder, 'relay', 'platform.ts')).href)) as {
  relayPlatform: PlatformAdapter;
};
afterAll(() => rm(folder, { recursive: true, force: true }));

const kit: ContractKit = { adapter: relayPlatform, start: startRelay };
runContract(kit);
