/**
 * The page and its small backend: static files (ours, and Microsoft's Adaptive Cards renderer
 * from node_modules: no CDN), who one may act as, Direct Line tokens (this is the "token
 * server" a site hosting a Direct Line client keeps), and the demo's fast-forward clock.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpServer } from '../../src/server.ts';
import { readBody } from '../shared/body.ts';
import type { Consult } from '../../src/consult-api.ts';
import type { Lang, UserId } from '../../src/domain/model.ts';
import { t } from '../../src/i18n/index.ts';
import { CHANNEL_CONVERSATION, type Conversations } from './conversations.ts';
import type { DirectLine } from './directline.ts';
import { fastForward, type DemoClock } from './demo.ts';
import { sendJson } from './http.ts';

const LANGS: Lang[] = ['en', 'fr', 'es'];
const USER_ID = /^[A-Za-z0-9._-]{1,64}$/;
const STEP_MS = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 } as const;

// Scripts only from this server; styles may be set inline (the renderer sizes elements in JS). Images
// also from the bot's public address, where cards link to their charts when PUBLIC_URL is set.
const csp = (publicUrl?: string) =>
  `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:${publicUrl ? ` ${new URL(publicUrl).origin}` : ''}; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

interface Asset {
  type: string;
  body: Buffer;
}

function assets(): Record<string, Asset> {
  const here = (name: string) => readFileSync(new URL(`./public/${name}`, import.meta.url));
  const require = createRequire(import.meta.url);
  return {
    '/': { type: 'text/html; charset=utf-8', body: here('index.html') },
    '/webchat/app.js': { type: 'text/javascript; charset=utf-8', body: here('app.js') },
    '/webchat/markdown.js': { type: 'text/javascript; charset=utf-8', body: here('markdown.js') },
    '/webchat/style.css': { type: 'text/css; charset=utf-8', body: here('style.css') },
    '/webchat/adaptivecards.min.js': {
      type: 'text/javascript; charset=utf-8',
      body: readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js')),
    },
  };
}

interface Identity {
  id: string;
  secretariat?: boolean;
  delegation?: string;
  kind?: string;
  region?: string;
  /** The delegation kind in each language. */
  kindLabel?: Record<Lang, string>;
}

/** Everyone the page may act as: the secretariat's and delegates' `web:` users. */
function identities(consult: Consult, secretariat: UserId[]): Identity[] {
  const meta = consult.store.meta();
  const web = (u: string) => (u.startsWith('web:') ? u.slice(4) : undefined);
  const out: Identity[] = [...new Set([...secretariat, ...meta.secretariat])].flatMap((u) =>
    web(u) ? [{ id: web(u)!, secretariat: true }] : [],
  );
  for (const d of meta.delegations) {
    for (const u of d.delegates) {
      const id = web(u);
      if (!id) continue;
      const kindLabel = Object.fromEntries(LANGS.map((l) => [l, t(l).delegationKind[d.kind]])) as Record<Lang, string>;
      out.push({ id, delegation: d.name, kind: d.kind, ...(d.region ? { region: d.region } : {}), kindLabel });
    }
  }
  return out;
}

export interface PageOptions {
  consult: Consult;
  conversations: Conversations;
  directLine: DirectLine;
  secretariat: UserId[];
  demo: boolean;
  clock?: DemoClock;
  guard: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** The bot's public address (PUBLIC_URL), where chart images are linked from. */
  publicUrl?: string;
}

export function mountPage(http: HttpServer, options: PageOptions): void {
  const { consult, directLine, guard } = options;
  const files = assets();
  const CSP = csp(options.publicUrl);
  let moving: Promise<void> = Promise.resolve();
  const route = (
    method: string,
    path: string,
    fn: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
  ) =>
    http.route(method, path, (req, res) => {
      if (!guard(req, res)) return;
      // JSON only: a form on another site cannot post here without a CORS preflight, which we never grant.
      if (method === 'POST' && !/^application\/json\b/i.test(String(req.headers['content-type'] ?? '')))
        return sendJson(res, 415, { error: 'Send JSON.' });
      return fn(req, res);
    });

  for (const [path, asset] of Object.entries(files)) {
    route('GET', path, (_req, res) => {
      res
        .writeHead(200, {
          'content-type': asset.type,
          'content-security-policy': CSP,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        })
        .end(asset.body);
    });
  }

  route('GET', '/webchat/setup', (_req, res) => {
    sendJson(res, 200, {
      demo: options.demo,
      now: consult.clock.now().toISOString(),
      timezone: consult.timezone,
      channel: CHANNEL_CONVERSATION,
      identities: identities(consult, options.secretariat),
    });
  });

  // A token for the shared channel (the page acts as anyone on it), or for one user's personal chat.
  route('POST', '/webchat/token', async (req, res) => {
    const body = await jsonBody(req);
    if (body?.conversation === 'channel') return sendJson(res, 200, directLine.grant(CHANNEL_CONVERSATION));
    const user = body?.user;
    if (body?.conversation === 'personal' && typeof user === 'string' && USER_ID.test(user)) {
      return sendJson(res, 200, directLine.grant(options.conversations.personal(user).id, user));
    }
    sendJson(res, 400, { error: 'Ask for {"conversation":"channel"} or {"conversation":"personal","user":"<id>"}.' });
  });

  // Demo only: moves the clock on and runs the scheduler, so reminders and closes happen now.
  route('POST', '/webchat/clock', async (req, res) => {
    const clock = options.clock;
    if (!options.demo || !clock) return sendJson(res, 404, { error: 'The clock can be moved in demo mode only.' });
    const step = (await jsonBody(req))?.advance;
    if (step !== 'hour' && step !== 'day' && step !== 'week')
      return sendJson(res, 400, { error: 'advance must be hour, day or week.' });
    // One move at a time: two quick clicks must not interleave their stops.
    moving = moving
      .catch(() => undefined)
      .then(async () => {
        await fastForward(consult, clock, STEP_MS[step]);
        await consult.adapterState.set('web', 'clockOffsetMs', clock.offsetMs);
      });
    await moving;
    sendJson(res, 200, { now: consult.clock.now().toISOString() });
  });
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse((await readBody(req, 4_000)) || '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
