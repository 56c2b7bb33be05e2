/**
 * The channel side the bot talks back to: the few Bot Framework connector routes it calls at
 * the activity's serviceUrl (reply, post, update in place, open a 1:1 chat), written into the
 * in-memory conversations. Mounted under a random path only the bot learns, on this server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity } from 'botbuilder';
import type { HttpServer } from '../../src/server.ts';
import { readBody } from '../shared/body.ts';
import type { Conversations } from './conversations.ts';
import { sendJson } from './http.ts';

export interface ConnectorOptions {
  conversations: Conversations;
  /** Path prefix, e.g. `/webchat/connector/<key>`. */
  base: string;
  bot: { id: string; name: string };
}

/** Only the fields a client draws: nothing the bot did not mean to show. */
function fromBot(body: Partial<Activity>, bot: ConnectorOptions['bot'], replyToId?: string): Partial<Activity> {
  return {
    type: body.type ?? 'message',
    ...(body.text ? { text: body.text, textFormat: body.textFormat } : {}),
    ...(body.summary ? { summary: body.summary } : {}),
    ...(body.attachments ? { attachments: body.attachments } : {}),
    ...(body.locale ? { locale: body.locale } : {}),
    ...(replyToId ? { replyToId } : {}),
    from: { ...bot, role: 'bot' },
  };
}

export function mountConnector(
  http: HttpServer,
  options: ConnectorOptions,
  guard: (req: IncomingMessage, res: ServerResponse) => boolean,
): void {
  const { conversations, bot, base } = options;
  http.route('*', `${base}/*`, async (req, res) => {
    if (!guard(req, res)) return;
    const path = (req.url ?? '').split('?')[0].slice(base.length);
    let body: Partial<Activity> & { members?: { id: string }[] };
    try {
      body = JSON.parse((await readBody(req)) || '{}') as typeof body;
    } catch {
      return sendJson(res, 400, { error: { code: 'BadArgument', message: 'The body must be JSON.' } });
    }
    if (req.method === 'POST' && path === '/v3/conversations') {
      // The bot opens a 1:1 chat to remind someone: it is that user's personal conversation.
      const member = body.members?.[0]?.id;
      if (!member) return sendJson(res, 400, { error: { code: 'BadArgument', message: 'members[0].id is required.' } });
      return sendJson(res, 201, { id: conversations.personal(member).id });
    }
    const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (!m || (req.method !== 'POST' && req.method !== 'PUT'))
      return sendJson(res, 404, {
        error: { code: 'NotFound', message: `${req.method} ${path} is not served by the local web chat.` },
      });
    const conversationId = decodeURIComponent(m[1]);
    const activityId = m[2] ? decodeURIComponent(m[2]) : undefined;
    if (req.method === 'PUT') {
      // In place: the same id again; clients replace what they drew. An id lost in a restart is posted anew.
      conversations.append(conversationId, { ...fromBot(body, bot), id: activityId });
      return sendJson(res, 200, { id: activityId });
    }
    const id = conversations.append(conversationId, fromBot(body, bot, activityId));
    sendJson(res, 201, { id });
  });
}
