/**
 * A slow flood against the real server process (createApp with Slack configured, its Web API on a
 * local recorder): 300 unsigned requests that announce large bodies and send them slowly, held open
 * together. The server must refuse what it can refuse from the headers alone, cap what it buffers,
 * stay under 150 MB of RSS above idle, and keep answering /healthz throughout.
 */
import { readFileSync } from 'node:fs';
import { statusOf } from './support/status.ts';
import { mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_BODY_LIMIT } from '../../adapters/slack/limits.ts';
import { killServer, type ServerProc, startServer } from '../../bench/lib/proc.ts';
import { type SlackRecorder, startRecorder } from '../slack/recorder.ts';

const MB = 1024 * 1024;
const filler = Buffer.alloc(MB, 'a');

function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) * 1024;
}

interface Slow {
  socket: net.Socket;
  /** Resolves with the status line's code if the server answers, or 0 when it closes without one. */
  status: Promise<number>;
}

/** Opens a connection, writes the request head and `sent` bytes of a body of `length`, and keeps it open. */
function slowRequest(port: number, path: string, headers: Record<string, string>, length: number, sent: number): Slow {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => {});
  const head = [
    `POST ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    `Content-Length: ${length}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    '',
    '',
  ].join('\r\n');
  socket.write(head);
  if (sent > 0) socket.write(filler.subarray(0, sent));
  const status = statusOf(socket);
  return { socket, status };
}

async function healthz(url: string): Promise<number> {
  const res = await fetch(`${url}/healthz`);
  await res.text();
  return res.status;
}

describe('the shared server under a slow flood', () => {
  let recorder: SlackRecorder;
  let server: ServerProc;
  beforeAll(async () => {
    recorder = await startRecorder();
    server = await startServer({
      DATA_DIR: join(await mkdtemp(join(tmpdir(), 'consult-flood-')), 'store'),
      SLACK_BOT_TOKEN: 'xoxb-flood',
      SLACK_SIGNING_SECRET: 'flood-signing-secret',
      SLACK_API_URL: recorder.apiUrl,
    });
  }, 120_000);
  afterAll(async () => {
    if (server) await killServer(server);
    await recorder?.close();
  });

  it('300 slow unsigned requests: RSS stays under 150 MB above idle and /healthz keeps answering', async () => {
    for (let i = 0; i < 3; i++) expect(await healthz(server.url)).toBe(200);
    const idle = rssOf(server.child.pid!);
    const now = String(Math.floor(Date.now() / 1000));
    const slow: Slow[] = [];
    for (let i = 0; i < 100; i++) {
      // No signature at all, a body the route could take announced: refused from the headers.
      slow.push(
        slowRequest(
          server.port,
          '/slack/events',
          { 'Content-Type': 'application/json' },
          SLACK_BODY_LIMIT,
          SLACK_BODY_LIMIT - 10,
        ),
      );
      // A fresh timestamp and a forged signature: the body must be read to check it, up to the route's limit.
      slow.push(
        slowRequest(
          server.port,
          '/slack/events',
          {
            'Content-Type': 'application/x-www-form-urlencoded',
            'X-Slack-Request-Timestamp': now,
            'X-Slack-Signature': `v0=${'0'.repeat(64)}`,
          },
          SLACK_BODY_LIMIT,
          SLACK_BODY_LIMIT - 10,
        ),
      );
      // Far more than Slack's route takes: refused from the Content-Length alone.
      slow.push(
        slowRequest(
          server.port,
          '/slack/events',
          { 'X-Slack-Request-Timestamp': now, 'X-Slack-Signature': 'v0=1' },
          8 * MB,
          900_000,
        ),
      );
    }
    let peak = 0;
    for (let i = 0; i < 10; i++) {
      expect(await healthz(server.url)).toBe(200);
      peak = Math.max(peak, rssOf(server.child.pid!));
    }
    // What the headers condemn is answered at once, the rest still being sent.
    const unsigned = await Promise.all(slow.filter((_, i) => i % 3 === 0).map((s) => s.status));
    expect(new Set(unsigned)).toEqual(new Set([401]));
    const oversized = await Promise.all(slow.filter((_, i) => i % 3 === 2).map((s) => s.status));
    expect(new Set(oversized)).toEqual(new Set([413]));
    expect(peak - idle).toBeLessThan(150 * MB);
    for (const s of slow) s.socket.destroy();
    expect(await healthz(server.url)).toBe(200);
    // Nothing reached the core or Slack.
    expect(recorder.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  }, 120_000); // a child process on a shared machine: generous, though it takes about 2 s
});
