/**
 * A Direct Line 3.0-compatible endpoint, in process: the protocol Microsoft's chat clients
 * speak to a bot. Tokens are ours, bound to one conversation (and, for personal chats, to one
 * user); every conversation request without its token is refused. Clients poll activities by
 * watermark (no WebSocket stream). Card actions are posted as `invoke` activities
 * (`adaptiveCard/action`) and the bot's invoke response is returned with the POST, so the page
 * can show it in place of the card, as Teams does with Universal Actions.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity, InvokeResponse } from 'botbuilder';
import type { HttpServer } from '../../src/server.ts';
import { readBody } from '../shared/body.ts';
import type { Conversations } from './conversations.ts';
import { sendJson } from './http.ts';

/** Direct Line tokens last 30 minutes; clients refresh them before. */
const TOKEN_TTL_S = 1_800;
const USER_ID = /^[A-Za-z0-9._-]{1,64}$/;

interface Grant {
  conversationId: string;
  token: string;
  expires_in: number;
}

export interface DirectLineOptions {
  conversations: Conversations;
  /** Runs the bot on an activity the client posted; resolves with the invoke response, if any. */
  toBot(activity: Activity): Promise<InvokeResponse | undefined>;
  /** Where the bot answers (our connector routes). */
  serviceUrl(): string;
  bot: { id: string; name: string };
  now?: () => number;
  log?: (line: string) => void;
}

export interface DirectLine {
  /** Issues a token for a conversation; with `user`, the token may act only as that user. */
  grant(conversationId: string, user?: string): Grant;
  mount(http: HttpServer, guard: (req: IncomingMessage, res: ServerResponse) => boolean): void;
}

interface TokenInfo {
  conversationId: string;
  user?: string;
  expires: number;
}

export function createDirectLine(options: DirectLineOptions): DirectLine {
  const { conversations } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const tokens = new Map<string, TokenInfo>();
  // The secret that mints tokens never leaves this process: our own page backend uses `grant`.
  const secret = randomBytes(32).toString('base64url');

  function grant(conversationId: string, user?: string): Grant {
    for (const [t, info] of tokens) if (info.expires <= now()) tokens.delete(t);
    if (!conversations.get(conversationId)) conversations.ensure(conversationId, user ? 'personal' : 'channel', user);
    const token = randomBytes(32).toString('base64url');
    tokens.set(token, { conversationId, ...(user ? { user } : {}), expires: now() + TOKEN_TTL_S * 1000 });
    return { conversationId, token, expires_in: TOKEN_TTL_S };
  }

  function bearer(req: IncomingMessage): string | undefined {
    const m = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
    return m?.[1];
  }

  function isSecret(value: string): boolean {
    const a = Buffer.from(value);
    const b = Buffer.from(secret);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** The token's grant if it is valid for this conversation; otherwise answers 401/403 and returns undefined. */
  function authorize(req: IncomingMessage, res: ServerResponse, conversationId?: string): TokenInfo | undefined {
    const token = bearer(req);
    if (!token) {
      sendJson(res, 401, {
        error: { code: 'BadArgument', message: 'Missing token: send Authorization: Bearer <token>.' },
      });
      return undefined;
    }
    const info = tokens.get(token);
    if (!info || info.expires <= now() || (conversationId !== undefined && info.conversationId !== conversationId)) {
      sendJson(res, 403, {
        error: { code: 'TokenInvalid', message: 'This token is not valid for this conversation.' },
      });
      return undefined;
    }
    return info;
  }

  /** Client activity → the activity the bot receives. Only what a client may set is kept. */
  function toActivity(body: Record<string, unknown>, conversationId: string, from: string): Activity | string {
    const type = body.type;
    if (type !== 'message' && type !== 'invoke') return 'only message and invoke activities are accepted';
    const text = typeof body.text === 'string' ? body.text.slice(0, 4_000) : undefined;
    const locale =
      typeof body.locale === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(body.locale)
        ? body.locale
        : undefined;
    const conversation = conversations.get(conversationId)!;
    const fromName =
      typeof (body.from as { name?: unknown } | undefined)?.name === 'string'
        ? String((body.from as { name: string }).name).slice(0, 100)
        : from;
    return {
      type,
      ...(text !== undefined ? { text } : {}),
      ...(type === 'invoke' ? { name: String(body.name ?? '') } : {}),
      ...(body.value !== undefined ? { value: body.value } : {}),
      ...(locale ? { locale } : {}),
      channelId: 'webchat',
      serviceUrl: options.serviceUrl(),
      from: { id: from, name: fromName, role: 'user' },
      recipient: { ...options.bot, role: 'bot' },
      conversation: {
        id: conversationId,
        conversationType: conversation.type,
        isGroup: conversation.type === 'channel',
      },
    } as Activity;
  }

  async function postActivity(req: IncomingMessage, res: ServerResponse, conversationId: string): Promise<void> {
    const info = authorize(req, res, conversationId);
    if (!info) return;
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(await readBody(req, 64_000));
      if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      return sendJson(res, 400, { error: { code: 'BadArgument', message: 'The body must be an activity (JSON).' } });
    }
    // A token bound to a user acts only as that user; the shared channel's token lets the page "act as" anyone.
    const from = info.user ?? String((body.from as { id?: unknown } | undefined)?.id ?? '');
    if (!USER_ID.test(from))
      return sendJson(res, 400, {
        error: { code: 'BadArgument', message: 'from.id must be 1-64 letters, digits, dots, dashes or underscores.' },
      });
    const activity = toActivity(body, conversationId, from);
    if (typeof activity === 'string') return sendJson(res, 400, { error: { code: 'BadArgument', message: activity } });
    // Messages are echoed to every client of the conversation, as Direct Line does; invokes are not.
    activity.id =
      activity.type === 'message'
        ? conversations.append(conversationId, activity)
        : `invoke-${randomBytes(6).toString('hex')}`;
    const invoke = await options.toBot(activity);
    sendJson(res, 200, {
      id: activity.id,
      ...(invoke ? { invokeResponse: { status: invoke.status, body: invoke.body } } : {}),
    });
  }

  function mount(http: HttpServer, guard: (req: IncomingMessage, res: ServerResponse) => boolean): void {
    const route = (
      method: string,
      path: string,
      fn: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
    ) => http.route(method, path, (req, res) => (guard(req, res) ? fn(req, res) : undefined));

    // Mint a token for a new personal conversation: needs the secret, as with Microsoft's service.
    route('POST', '/v3/directline/tokens/generate', async (req, res) => {
      const key = bearer(req);
      if (!key || !isSecret(key))
        return sendJson(res, key ? 403 : 401, {
          error: { code: 'Unauthorized', message: 'tokens/generate needs the Direct Line secret.' },
        });
      let body: { user?: { id?: string } } = {};
      try {
        body = JSON.parse((await readBody(req, 4_000)) || '{}') as typeof body;
      } catch {
        return sendJson(res, 400, { error: { code: 'BadArgument', message: 'The body must be JSON.' } });
      }
      const user = body.user?.id && USER_ID.test(body.user.id) ? body.user.id : `dl_${randomBytes(6).toString('hex')}`;
      sendJson(res, 200, grant(conversations.personal(user).id, user));
    });
    route('POST', '/v3/directline/tokens/refresh', (req, res) => {
      const info = authorize(req, res);
      if (info) sendJson(res, 200, grant(info.conversationId, info.user));
    });
    // Start (or resume) the token's conversation. No streamUrl: clients poll.
    route('POST', '/v3/directline/conversations', (req, res) => {
      const info = authorize(req, res);
      if (info)
        sendJson(res, 201, {
          conversationId: info.conversationId,
          token: bearer(req),
          expires_in: Math.round((info.expires - now()) / 1000),
        });
    });
    route('*', '/v3/directline/conversations/*', async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://local');
      const m = /^\/v3\/directline\/conversations\/([^/]+)(\/activities)?$/.exec(url.pathname);
      if (!m) return sendJson(res, 404, { error: { code: 'NotFound', message: 'Unknown Direct Line route.' } });
      const conversationId = decodeURIComponent(m[1]);
      if (m[2] && req.method === 'POST') return postActivity(req, res, conversationId);
      if (req.method !== 'GET')
        return sendJson(res, 405, {
          error: { code: 'MethodNotAllowed', message: `${req.method} is not supported here.` },
        });
      const info = authorize(req, res, conversationId);
      if (!info) return;
      const watermark = Number.parseInt(url.searchParams.get('watermark') ?? '0', 10);
      if (!m[2])
        return sendJson(res, 200, {
          conversationId,
          token: bearer(req),
          expires_in: Math.round((info.expires - now()) / 1000),
        });
      sendJson(res, 200, conversations.read(conversationId, Number.isFinite(watermark) ? watermark : 0));
    });
    log('web chat: Direct Line 3.0 endpoint at /v3/directline (tokens issued in process)');
  }

  return { grant, mount };
}
