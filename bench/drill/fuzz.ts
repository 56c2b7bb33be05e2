/**
 * Drill (c): randomly mutated Slack and Bot Framework payloads against a real server process.
 * fast-check generates them from valid requests (button votes, slash commands, modal submits,
 * events; Teams messages and Adaptive Card invokes) by replacing or deleting a field with
 * arbitrary JSON, swapping in junk or near-valid commands, damaging the bytes, forging or
 * ageing the signature, or replaying an earlier request.
 *
 * Checked: the server never exits; every response comes within the platform's limit (Slack 3 s;
 * Bot Framework: 5 s for invokes, 15 s otherwise); and no invalid request changes state. State is
 * every consultation file plus meta.json without `prefs` and `adapters` (a signed request from a
 * real user may note that user's locale, and any Bot Framework turn refreshes its conversation
 * reference: adapter bookkeeping, not consultation state; locale writes are counted). A request counts as
 * possibly valid, and is exempt from the state check, only when it is correctly signed (Slack)
 * and acts as a user on the roster — forged, stale and replayed requests are never exempt.
 */
import fc from 'fast-check';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import { startRecorder } from '../../tests/slack/recorder.ts';
import { blockActions, formBody, post, sign } from '../lib/slack.ts';
import { makeConsultation, makeDelegations, seedStore, slackUserOf } from '../lib/seed.ts';
import { startServer, stopServer } from '../lib/proc.ts';
import { SIGNING_SECRET } from '../vote-path.ts';
import { validateStore, type DrillResult } from './lib.ts';
import { pool } from '../lib/stats.ts';
import type { Delegation } from '../../src/domain/model.ts';

interface Req {
  platform: 'slack' | 'teams';
  kind: string;
  mutation: string;
  body: string;
  headers: Record<string, string>;
  path: string;
  /** Could legitimately change state (signed, by a roster user). */
  maybeValid: boolean;
  limitMs: number;
}

const SLACK_USERS = 12;
const TEAMS_USERS = 6;
const PROTECTED = new Set(['response_url', 'serviceUrl']);

/** Where two snapshots first differ, with some context. */
function firstDiff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const file =
    a
      .slice(0, i)
      .split('\n')
      .filter((l) => /^(\w+\.json|meta)$/.test(l))
      .pop() ?? '?';
  return `${file}: …${JSON.stringify(a.slice(Math.max(0, i - 60), i + 60))} → …${JSON.stringify(b.slice(Math.max(0, i - 60), i + 60))}`;
}

const safeDecode = (b: string): string => {
  try {
    return decodeURIComponent(b.replace(/\+/g, ' '));
  } catch {
    return b;
  }
};

/** Users (Slack ids / Teams ids) whose ballot in T1 differs between two snapshots. */
function changedVoters(a: string, b: string): string[] {
  const t1 = (snap: string) => {
    const lines = snap.split('\n');
    const start = lines.indexOf('T1.json');
    const end = lines.findIndex((l, i) => i > start && /^(\w+\.json|meta)$/.test(l));
    return JSON.parse(lines.slice(start + 1, end).join('\n')) as {
      ballots: Record<string, { by?: string; at?: string }>;
    };
  };
  try {
    const x = t1(a).ballots;
    const y = t1(b).ballots;
    return Object.keys(y)
      .filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]))
      .map((k) => String(y[k].by ?? k).replace(/^(slack|teams):/, ''));
  } catch {
    return [];
  }
}

function paths(v: unknown, prefix: string[] = [], out: string[][] = []): string[][] {
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (PROTECTED.has(k)) continue;
      const p = [...prefix, k];
      out.push(p);
      paths(x, p, out);
    }
  }
  return out;
}

function setPath(obj: Record<string, unknown>, p: string[], value: unknown, del: boolean): void {
  let o: Record<string, unknown> = obj;
  for (const k of p.slice(0, -1)) {
    const n = o[k];
    if (!n || typeof n !== 'object') return;
    o = n as Record<string, unknown>;
  }
  if (del) delete o[p[p.length - 1]];
  else o[p[p.length - 1]] = value;
}

/** Commands that look right but are not valid here (unknown id, closed poll, bad choice, someone else's job). */
const nearValidCommand = fc.oneof(
  fc.record({
    type: fc.constant('vote'),
    id: fc.constantFrom('T2', 'T99', 'X1', '', 't1 ', 'T1;', 'P1'),
    choices: fc.array(fc.integer({ min: -3, max: 5 }), { maxLength: 4 }),
  }),
  fc.record({
    type: fc.constant('vote'),
    id: fc.constant('T1'),
    choices: fc.oneof(
      fc.constant([]),
      fc.constant([3]),
      fc.constant([0]),
      fc.constant([1, 2]),
      fc.constant([-1]),
      fc.constant(['1']),
      fc.constant(null),
    ),
  }),
  fc.record({
    type: fc.constantFrom('close', 'cancel', 'export', 'remind', 'extend'),
    id: fc.constantFrom('T1', 'T2'),
  }),
  fc.record({
    type: fc.constant('roster-add'),
    user: fc.constant('slack:UEVIL'),
    delegation: fc.constant('Evil'),
    kind: fc.constant('member'),
  }),
  fc.record({ type: fc.constantFrom('theme', 'topics'), options: fc.array(fc.string(), { maxLength: 3 }) }),
  fc.record({ type: fc.string(), id: fc.string() }),
);
const nearValidText = fc.oneof(
  fc.constantFrom(
    'vote T2 1',
    'vote T99 1',
    'vote T1 3',
    'vote T1 0',
    'vote T1',
    'vote',
    'close T1',
    'cancel T1',
    'extend T1 2031-01-01',
    'roster add slack:UEVIL "Evil" member',
    'theme "A" "B"',
    'export T1',
    'remind T1',
    'vote T1 1+2',
    'vote "T1" 1',
    'vote T1 1 2',
    'answer T1 5 5',
  ),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);

const MUTATIONS = ['field', 'delete', 'command', 'text', 'bytes', 'signature', 'replay', 'none-junk-user'] as const;

interface Spec {
  platform: 'slack' | 'teams';
  base: number;
  mutation: (typeof MUTATIONS)[number];
  pathIndex: number;
  anything: unknown;
  command: unknown;
  text: string;
  junk: string;
  bytesMode: number;
  sigMode: number;
  user: number;
  choice: number;
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  platform: fc.constantFrom('slack', 'slack', 'teams') as fc.Arbitrary<'slack' | 'teams'>,
  base: fc.nat(3),
  mutation: fc.constantFrom(...MUTATIONS),
  pathIndex: fc.nat(),
  anything: fc.anything({ maxDepth: 2, withNullPrototype: false }),
  command: nearValidCommand,
  text: nearValidText,
  junk: fc.string({ maxLength: 80 }),
  bytesMode: fc.nat(5),
  sigMode: fc.nat(5),
  user: fc.nat(SLACK_USERS + 3),
  choice: fc.integer({ min: 1, max: 2 }),
});

export async function fuzzDrill(opts: {
  count: number;
  seed: number;
  log?: (l: string) => void;
}): Promise<DrillResult> {
  const log = opts.log ?? (() => {});
  const failures: string[] = [];
  const notes: string[] = [];
  const root = await mkdtemp(join(tmpdir(), 'consult-drill-fuzz-'));
  const rec = await startRecorder();
  const slackDelegations = makeDelegations(SLACK_USERS);
  const teamsDelegations: Delegation[] = Array.from({ length: TEAMS_USERS }, (_, i) => ({
    id: `teams-delegation-${i}`,
    name: `Teams delegation ${i}`,
    kind: 'member',
    region: 'Europe',
    delegates: [`teams:29:fz${i}`],
  }));
  const delegations = [...slackDelegations, ...teamsDelegations];
  const now = new Date();
  const t1 = makeConsultation(
    {
      id: 'T1',
      openedAt: new Date(now.getTime() - 86_400_000),
      closesAt: new Date(now.getTime() + 30 * 86_400_000),
      options: 2,
      channels: [{ platform: 'slack', id: 'CFUZZ' }],
    },
    delegations,
  );
  const t2 = makeConsultation(
    {
      id: 'T2',
      status: 'closed',
      openedAt: new Date(now.getTime() - 40 * 86_400_000),
      closesAt: new Date(now.getTime() - 20 * 86_400_000),
      ballots: 3,
    },
    delegations,
  );
  const dataDir = join(root, 'store');
  await seedStore(dataDir, { pastBallots: 0, delegations, extra: [t1, t2] });
  const server = await startServer({
    DATA_DIR: dataDir,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-drill',
    SLACK_API_URL: rec.apiUrl,
    BALLOT_SECRET: 'drill-ballot-secret',
    // The Bot Framework mutations run against local mode (no app id, loopback only).
    TEAMS_LOCAL: '1',
    BENCH_SERVER_QUIET: '0',
  });
  let unexpectedLogs = 0;
  const sampleLogs: string[] = [];
  server.child.stderr!.on('data', (d: Buffer) => {
    for (const line of d.toString().split('\n')) {
      if (
        /unexpected error|listener failed|failed:/i.test(line) &&
        !/users\.info|response_url failed|refused/.test(line)
      ) {
        unexpectedLogs++;
        if (sampleLogs.length < 5) sampleLogs.push(line.slice(0, 200));
      }
    }
  });
  const slackIds = new Set(slackDelegations.map((d) => d.delegates[0].slice('slack:'.length)));
  const teamsIds = new Set(teamsDelegations.map((d) => d.delegates[0].slice('teams:'.length)));
  const agent = new http.Agent({ keepAlive: false, maxSockets: 16 });

  async function snapshot(): Promise<string> {
    const parts: string[] = [];
    for (const name of (await readdir(join(dataDir, 'consultations')))
      .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
      .sort()) {
      parts.push(name, await readFile(join(dataDir, 'consultations', name), 'utf8'));
    }
    const meta = JSON.parse(await readFile(join(dataDir, 'meta.json'), 'utf8')) as Record<string, unknown>;
    delete meta.prefs;
    delete meta.adapters;
    parts.push('meta', JSON.stringify(meta));
    return parts.join('\n');
  }
  const prefsCount = async () =>
    Object.keys((JSON.parse(await readFile(join(dataDir, 'meta.json'), 'utf8')) as { prefs: object }).prefs).length;

  let prev = await snapshot();
  const sent: Req[] = [];
  function build(s: Spec, i: number): Req {
    const userIdx = s.user;
    if (s.platform === 'slack') {
      const user =
        userIdx < SLACK_USERS ? slackUserOf(userIdx) : (['UNOTONROSTER', 'U', 'USEC'][userIdx - SLACK_USERS] ?? 'UX');
      const responseUrl = rec.responseUrl(`fuzz:${i}`);
      let payload: Record<string, unknown>;
      const json = false;
      let kind: string;
      if (s.base === 0 || s.base === 3) {
        kind = 'block_actions';
        payload = blockActions({
          user,
          channel: 'CFUZZ',
          value: JSON.stringify({ type: 'vote', id: 'T1', choices: [s.choice] }),
          responseUrl,
          actionId: s.base === 3 ? 'consult-submit:0' : 'consult:0',
        });
        if (s.base === 3)
          (payload.actions as Record<string, unknown>[])[0].value = JSON.stringify({
            index: 0,
            action: { type: 'vote', id: 'T1' },
          });
      } else if (s.base === 1) {
        kind = 'slash_command';
        payload = {
          token: 'x',
          team_id: 'T0TEST',
          team_domain: 'bench',
          channel_id: 'CFUZZ',
          channel_name: 'fuzz',
          user_id: user,
          user_name: user.toLowerCase(),
          command: '/consult',
          text: `vote T1 ${s.choice}`,
          api_app_id: 'ABENCH',
          response_url: responseUrl,
          trigger_id: `${i}.fuzz`,
        };
      } else {
        kind = 'view_submission';
        payload = {
          type: 'view_submission',
          team: { id: 'T0TEST', domain: 'bench' },
          user: { id: user, name: user.toLowerCase(), team_id: 'T0TEST' },
          api_app_id: 'ABENCH',
          trigger_id: `${i}.fuzz`,
          view: {
            id: 'VFUZZ',
            type: 'modal',
            callback_id: 'consult-form',
            private_metadata: JSON.stringify({ channel: 'CFUZZ', action: { type: 'vote', id: 'T1' } }),
            state: {
              values: {
                'consult-form:0:approve': {
                  value: { type: 'static_select', selected_option: { value: String(s.choice) } },
                },
              },
            },
          },
        };
      }
      let mutation: string = s.mutation;
      if (s.mutation === 'field' || s.mutation === 'delete') {
        const ps = paths(payload);
        if (ps.length) setPath(payload, ps[s.pathIndex % ps.length], s.anything, s.mutation === 'delete');
      } else if (s.mutation === 'command' && kind === 'block_actions') {
        (payload.actions as Record<string, unknown>[])[0].value =
          typeof s.command === 'object' && s.pathIndex % 5 === 0 ? s.junk : JSON.stringify(s.command);
      } else if (s.mutation === 'text' && kind === 'slash_command') {
        payload.text = s.text;
      } else if (s.mutation === 'none-junk-user') {
        if ('user' in payload && typeof payload.user === 'object')
          (payload.user as Record<string, unknown>).id = s.junk || 'U';
        else payload.user_id = s.junk;
      } else if (s.mutation === 'command' || s.mutation === 'text') {
        mutation = 'field';
        const ps = paths(payload);
        if (ps.length) setPath(payload, ps[s.pathIndex % ps.length], s.text, false);
      }
      let body =
        kind === 'slash_command'
          ? new URLSearchParams(
              Object.entries(payload).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
            ).toString()
          : json
            ? JSON.stringify(payload)
            : formBody(payload);
      let contentType = 'application/x-www-form-urlencoded';
      let signatureValid = true;
      if (s.mutation === 'bytes') {
        signatureValid = s.bytesMode !== 5; // mode 5 changes bytes after signing
        if (s.bytesMode === 0) body = body.slice(0, s.pathIndex % Math.max(1, body.length));
        else if (s.bytesMode === 1) body = `${body.slice(0, 40)}${s.junk}${body.slice(40)}`;
        else if (s.bytesMode === 2) contentType = 'application/json';
        else if (s.bytesMode === 3) body = '';
        else if (s.bytesMode === 4) body = `payload=${'%7B'.repeat(400_000)}`;
      }
      const ts = Math.floor(Date.now() / 1000);
      const headers: Record<string, string> = {
        'content-type': contentType,
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': sign(SIGNING_SECRET, ts, body),
      };
      if (s.mutation === 'bytes' && s.bytesMode === 5) body = body.replace(/T1/g, 'T2');
      if (s.mutation === 'signature') {
        signatureValid = false;
        if (s.sigMode === 0) headers['x-slack-signature'] = sign('wrong-secret', ts, body);
        else if (s.sigMode === 1)
          Object.assign(headers, {
            'x-slack-request-timestamp': String(ts - 600),
            'x-slack-signature': sign(SIGNING_SECRET, ts - 600, body),
          });
        else if (s.sigMode === 2)
          Object.assign(headers, {
            'x-slack-request-timestamp': String(ts + 600),
            'x-slack-signature': sign(SIGNING_SECRET, ts + 600, body),
          });
        else if (s.sigMode === 3) delete headers['x-slack-signature'];
        else if (s.sigMode === 4) headers['x-slack-signature'] = `v0=${s.junk}`;
        else headers['x-slack-request-timestamp'] = s.junk || 'NaN';
      }
      const u = (payload.user as { id?: unknown } | undefined)?.id ?? payload.user_id;
      const maybeValid = signatureValid && typeof u === 'string' && slackIds.has(u);
      return { platform: 'slack', kind, mutation, body, headers, path: '/slack/events', maybeValid, limitMs: 3000 };
    }
    // Bot Framework activity, unauthenticated loopback mode; serviceUrl always points at the recorder.
    const from = userIdx < TEAMS_USERS ? `29:fz${userIdx}` : `29:stranger${userIdx}`;
    const kind = ['message', 'invoke', 'message-value', 'conversationUpdate'][s.base];
    const activity: Record<string, unknown> = {
      type: kind === 'invoke' ? 'invoke' : kind === 'conversationUpdate' ? 'conversationUpdate' : 'message',
      id: `act-${i}`,
      timestamp: new Date().toISOString(),
      serviceUrl: rec.base,
      channelId: 'msteams',
      from: { id: from, name: 'Delegate', aadObjectId: '00000000-0000-0000-0000-000000000000' },
      conversation: { id: '19:fuzz@thread.tacv2', conversationType: 'channel', tenantId: 'tenant' },
      recipient: { id: '28:consult-bot', name: 'Consult' },
      locale: 'en-US',
      channelData: { tenant: { id: 'tenant' } },
    };
    if (kind === 'message') activity.text = `<at>Consult</at> vote T1 ${s.choice}`;
    if (kind === 'message-value') activity.value = { command: { type: 'vote', id: 'T1', choices: [s.choice] } };
    if (kind === 'invoke')
      Object.assign(activity, {
        name: 'adaptiveCard/action',
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'consult',
            data: { command: { type: 'vote', id: 'T1', choices: [s.choice] } },
          },
          trigger: 'manual',
        },
      });
    if (kind === 'conversationUpdate') activity.membersAdded = [{ id: '28:consult-bot' }];
    let mutation: string = s.mutation;
    if (s.mutation === 'field' || s.mutation === 'delete' || s.mutation === 'signature' || s.mutation === 'replay') {
      mutation = s.mutation === 'delete' ? 'delete' : 'field';
      const ps = paths(activity);
      if (ps.length) setPath(activity, ps[s.pathIndex % ps.length], s.anything, s.mutation === 'delete');
    } else if (s.mutation === 'command') {
      if (kind === 'invoke')
        (activity.value as { action: { data: Record<string, unknown> } }).action.data.command = s.command;
      else activity.value = { command: s.command };
    } else if (s.mutation === 'text') activity.text = s.text;
    else if (s.mutation === 'none-junk-user') (activity.from as Record<string, unknown>).id = s.junk;
    let body = JSON.stringify(activity);
    let contentType = 'application/json';
    if (s.mutation === 'bytes') {
      if (s.bytesMode === 0) body = body.slice(0, s.pathIndex % Math.max(1, body.length));
      else if (s.bytesMode === 1) body = `${body.slice(0, 30)}${s.junk}${body.slice(30)}`;
      else if (s.bytesMode === 2) contentType = 'text/plain';
      else if (s.bytesMode === 3) body = '';
      else if (s.bytesMode === 4) body = `{"type":"message","text":"${'x'.repeat(1_100_000)}"}`;
    }
    const f = (activity.from as { id?: unknown } | undefined)?.id;
    const maybeValid = typeof f === 'string' && teamsIds.has(f) && typeof activity.serviceUrl === 'string';
    return {
      platform: 'teams',
      kind,
      mutation,
      body,
      headers: { 'content-type': contentType },
      path: '/api/messages',
      maybeValid,
      limitMs: kind === 'invoke' ? 5000 : 15000,
    };
  }

  const stats = async () =>
    (await fetch(`${server.url}/drill/stats`).then((r) => r.json())) as { inflight: number; handled: number };
  /** Until no core request is in flight (and, after a possibly valid Slack request, until one was handled) and deliveries are done. */
  const idle = async (handledBefore?: number) => {
    const until = Date.now() + 500;
    for (;;) {
      const st = await stats();
      const started = handledBefore === undefined || st.handled > handledBefore;
      if ((st.inflight === 0 && started) || Date.now() > until) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    await fetch(`${server.url}/drill/idle`).then((r) => r.text());
  };

  // Targeted probes first: a valid vote by a roster user, signed in each wrong way, must change nothing.
  const probes: Record<string, string> = {};
  {
    const vote = (i: number, tag: string) =>
      formBody(
        blockActions({
          user: slackUserOf(i),
          channel: 'CFUZZ',
          value: JSON.stringify({ type: 'vote', id: 'T1', choices: [2] }),
          responseUrl: rec.responseUrl(`probe:${tag}`),
        }),
      );
    const ts = Math.floor(Date.now() / 1000);
    const signed = (
      name: string,
      tag: string,
      at: number,
      secret: string | undefined,
    ): [string, string, Record<string, string>] => {
      const body = vote(11, tag);
      return [
        name,
        body,
        { 'x-slack-request-timestamp': String(at), ...(secret ? { 'x-slack-signature': sign(secret, at, body) } : {}) },
      ];
    };
    const cases: [string, string, Record<string, string>][] = [
      signed('signed with another secret', 'a', ts, 'not-the-secret'),
      signed('timestamp 10 min old', 'b', ts - 600, SIGNING_SECRET),
      signed('timestamp 10 min ahead', 'c', ts + 600, SIGNING_SECRET),
      signed('no signature', 'd', ts, undefined),
    ];
    for (const [name, body, headers] of cases) {
      const before = await snapshot();
      const res = await post(`${server.url}/slack/events`, body, {
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        agent,
      });
      await new Promise((r) => setTimeout(r, 300));
      await idle();
      const changed = (await snapshot()) !== before;
      probes[name] = `HTTP ${res.status}${changed ? ', STATE CHANGED' : ', no change'}`;
      if (changed) failures.push(`probe "${name}": a vote signed this way was recorded (HTTP ${res.status})`);
    }
    // Replay: a valid request (recorded), then the same bytes and headers again.
    const body = vote(10, 'e');
    const rts = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(rts),
      'x-slack-signature': sign(SIGNING_SECRET, rts, body),
    };
    const h0 = (await stats()).handled;
    await post(`${server.url}/slack/events`, body, { headers, agent });
    await idle(h0);
    const before = await snapshot();
    const res = await post(`${server.url}/slack/events`, body, { headers, agent });
    await new Promise((r) => setTimeout(r, 300));
    await idle();
    const changed = (await snapshot()) !== before;
    probes['replay of a recorded vote'] = `HTTP ${res.status}${changed ? ', STATE CHANGED' : ', no change'}`;
    if (changed) failures.push(`probe "replay": the replayed request changed state (HTTP ${res.status})`);
    prev = await snapshot();
  }

  const specs = fc.sample(specArb, { numRuns: opts.count, seed: opts.seed });
  let over = 0;
  let maxMs = 0;
  let status5xx = 0;
  let changedByInvalid = 0;
  let exempt = 0;
  let replays = 0;
  const statusCounts: Record<string, number> = {};
  const byPlatform = { slack: 0, teams: 0 };
  let lastBatch: Req[] = [];
  const t0 = performance.now();

  let resets = 0;
  async function send(r: Req, retry = true): Promise<void> {
    try {
      const res = await post(`${server.url}${r.path}`, r.body, {
        headers: { ...r.headers, 'content-length': String(Buffer.byteLength(r.body)) },
        agent,
        timeoutMs: 20_000,
      });
      statusCounts[res.status] = (statusCounts[res.status] ?? 0) + 1;
      if (res.status >= 500) {
        status5xx++;
        if (samples5xx.length < 4)
          samples5xx.push(`${res.status} ${r.platform} ${r.kind}/${r.mutation}: ${safeDecode(r.body).slice(0, 300)}`);
      }
      maxMs = Math.max(maxMs, res.ms);
      if (res.ms > r.limitMs) {
        over++;
        if (over <= 3)
          failures.push(
            `${r.platform} ${r.kind}/${r.mutation} answered in ${res.ms.toFixed(0)} ms (limit ${r.limitMs}), HTTP ${res.status}`,
          );
      }
    } catch (err) {
      // A connection reset under load (16 fresh loopback connections at once) is retried once, as
      // the platform would redeliver; it is counted and reported. A second failure is a failure.
      if (retry && /ECONNRESET|EPIPE/.test((err as Error).message)) {
        resets++;
        return send(r, false);
      }
      statusCounts.error = (statusCounts.error ?? 0) + 1;
      failures.push(
        `${r.platform} ${r.kind}/${r.mutation}: no response (${(err as Error).message}) [${r.body.length} bytes]`,
      );
    }
  }
  const samples5xx: string[] = [];
  /**
   * Requests go in chunks of 100, in order of generation. In each chunk the possibly valid ones
   * go first (8 at a time), then the server is waited on and the state snapshotted; then the
   * invalid ones (8 at a time), and the state must not have moved.
   */
  async function runChunk(chunk: Req[]): Promise<void> {
    const exemptReqs = chunk.filter((r) => r.maybeValid);
    const strict = chunk.filter((r) => !r.maybeValid);
    if (exemptReqs.length) {
      const before = (await stats()).handled;
      await pool(exemptReqs, 8, (r) => send(r));
      const slackCount = exemptReqs.filter((r) => r.platform === 'slack').length;
      await idle(slackCount ? before + slackCount - 1 : undefined);
      prev = await snapshot();
    }
    await pool(strict, 16, (r) => send(r));
    await idle();
    const snap = await snapshot();
    if (snap !== prev) {
      changedByInvalid++;
      failures.push(
        `state changed after ${strict.length} invalid requests: ${strict
          .map((r) => `${r.platform}:${r.kind}/${r.mutation}`)
          .slice(0, 4)
          .join(', ')}…: ${firstDiff(prev, snap)}`,
      );
      const who = changedVoters(prev, snap);
      const suspects = strict.filter((r) =>
        who.some((u) => safeDecode(r.body).includes(`"${u}"`) || safeDecode(r.body).includes(`=${u}&`)),
      );
      failures.push(
        `  changed ballots of ${who.join(', ')}; requests in the batch naming them: ${suspects.map((r) => `${r.platform}:${r.kind}/${r.mutation} ts=${r.headers['x-slack-request-timestamp'] ?? '-'} (now ${Math.floor(Date.now() / 1000)})`).join('; ') || 'none'}`,
      );
      if (process.env.DRILL_DEBUG)
        for (const r of suspects)
          process.stderr.write(
            `--- ${r.platform} ${r.kind}/${r.mutation} ${JSON.stringify(r.headers)}\n${safeDecode(r.body).slice(0, 1500)}\n`,
          );
      prev = snap;
    }
    lastBatch = chunk;
  }

  for (let c = 0; c < specs.length; c += 100) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      failures.push(`the server exited after ${c} requests`);
      break;
    }
    const chunk: Req[] = [];
    for (let i = c; i < Math.min(specs.length, c + 100); i++) {
      const s = specs[i];
      let r: Req;
      if (s.mutation === 'replay' && s.platform === 'slack' && lastBatch.some((x) => x.platform === 'slack')) {
        const candidates = lastBatch.filter((x) => x.platform === 'slack');
        const orig = candidates[s.pathIndex % candidates.length];
        r = { ...orig, mutation: 'replay', maybeValid: false };
        replays++;
      } else r = build(s, i);
      byPlatform[r.platform]++;
      if (r.maybeValid) exempt++;
      sent.push(r);
      chunk.push(r);
    }
    await runChunk(chunk);
    if (c % 1000 === 900) log(`fuzz: ${c + 100}/${specs.length}`);
  }
  const alive = server.child.exitCode === null && server.child.signalCode === null;
  if (!alive) failures.push('the server is not running at the end');
  const prefs = await prefsCount();
  await stopServer(server);
  await rec.close();
  const valid = await validateStore(dataDir);
  if (!valid.ok) failures.push(`the store does not validate: ${valid.error}`);
  else await valid.store.close();
  if (status5xx)
    notes.push(`${status5xx} responses were HTTP 5xx (the server kept running), e.g. ${samples5xx.join(' || ')}`);
  if (unexpectedLogs)
    notes.push(`${unexpectedLogs} "unexpected error"/"failed" log lines, e.g. ${sampleLogs.join(' | ')}`);
  if (!process.env.DRILL_KEEP) await rm(root, { recursive: true, force: true });
  const seconds = (performance.now() - t0) / 1000;
  log(`fuzz: ${sent.length} requests in ${seconds.toFixed(0)} s`);
  return {
    name: `(c) ${opts.count} mutated Slack and Bot Framework payloads (fast-check, seed ${opts.seed})`,
    pass: failures.length === 0,
    figures: {
      ...Object.fromEntries(Object.entries(probes).map(([k, v]) => [`probe: valid vote, ${k}`, v])),
      'requests (Slack / Bot Framework)': `${byPlatform.slack} / ${byPlatform.teams}`,
      'replays of earlier requests': replays,
      'possibly valid (signed, roster user): exempt from the state check': exempt,
      'state changes after invalid requests': changedByInvalid,
      'responses over the platform limit': over,
      'slowest response ms': maxMs,
      'connection resets retried once': resets,
      'HTTP statuses': JSON.stringify(statusCounts),
      'users whose locale got noted (meta.prefs, not compared)': prefs,
      'server alive at the end': alive,
      'store validates': valid.ok,
      seconds,
    },
    failures,
    notes,
  };
}
