/** Builds and signs Slack requests the way Slack sends them to /slack/events. */
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface BlockActionSpec {
  user: string;
  channel: string;
  value: string;
  responseUrl: string;
  actionId?: string;
  triggerId?: string;
}

/** A block_actions payload for a button click on a ballot message. */
export function blockActions(s: BlockActionSpec): Record<string, unknown> {
  const now = Date.now() / 1000;
  return {
    type: 'block_actions',
    user: { id: s.user, username: s.user.toLowerCase(), name: s.user.toLowerCase(), team_id: 'T0TEST' },
    api_app_id: 'ABENCH',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: s.channel, is_ephemeral: false },
    trigger_id: s.triggerId ?? `${Math.floor(now)}.${randomBytes(6).toString('hex')}`,
    team: { id: 'T0TEST', domain: 'bench' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: s.channel, name: 'consultations' },
    message: { type: 'message', ts: '1700000000.000100', text: 'ballot', blocks: [] },
    state: { values: {} },
    response_url: s.responseUrl,
    actions: [
      {
        action_id: s.actionId ?? 'consult:0',
        block_id: 'bench',
        text: { type: 'plain_text', text: 'Vote', emoji: true },
        value: s.value,
        type: 'button',
        action_ts: now.toFixed(6),
      },
    ],
  };
}

export const formBody = (payload: unknown): string => `payload=${encodeURIComponent(JSON.stringify(payload))}`;

export interface Sent {
  status: number;
  ms: number;
  body: string;
}

/** POSTs a body to the server; `headers` override the signed defaults (fuzzing). */
export function post(
  url: string,
  body: string,
  opts: {
    secret?: string;
    timestamp?: number;
    headers?: Record<string, string>;
    agent?: http.Agent;
    timeoutMs?: number;
    contentType?: string;
  } = {},
): Promise<Sent> {
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': opts.contentType ?? 'application/x-www-form-urlencoded',
    'content-length': String(Buffer.byteLength(body)),
    ...(opts.secret !== undefined
      ? { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(opts.secret, ts, body) }
      : {}),
    ...opts.headers,
  };
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(url, { method: 'POST', headers, agent: opts.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          ms: performance.now() - t0,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.setTimeout(opts.timeoutMs ?? 30_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}
