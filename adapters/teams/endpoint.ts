/**
 * POST /api/messages on the shared server. With an app id, the Bot Framework SDK validates
 * each request's JWT (401 without a valid one). Without one (local development, like
 * Microsoft's own local test tools) only requests from this machine are accepted.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CloudAdapter,
  type ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Log } from '../../src/log.ts';
import { readBody } from '../shared/body.ts';
import { isLoopback } from '../shared/loopback.ts';

/** Splits the adapter's turn processing in two, so that a refused token maps to 401 whatever the SDK threw. */
export class ConsultCloudAdapter extends CloudAdapter {
  constructor(private readonly auth: ConfigurationBotFrameworkAuthentication) {
    super(auth);
  }

  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.auth.authenticateRequest(activity, authHeader);
  }

  runAuthenticated(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

export interface EndpointOptions {
  adapter: ConsultCloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  /** false: no app id configured, accept only loopback requests. */
  authenticated: boolean;
  log: Log;
}

function reply(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res
    .writeHead(status, {
      'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    })
    .end(text);
}

export function messagesEndpoint(
  options: EndpointOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { adapter, logic, authenticated, log } = options;
  return async (req, res) => {
    if (!authenticated) {
      // A proxy on this machine (a dev tunnel) would make the internet look local: refuse forwarded requests too.
      const forwarded = req.headers['x-forwarded-for'] ?? req.headers.forwarded;
      if (!isLoopback(req.socket.remoteAddress) || forwarded) {
        log(
          `teams: refused an unauthenticated request from ${req.socket.remoteAddress}${forwarded ? ' (forwarded)' : ''}: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to accept Teams traffic`,
          'warn',
        );
        reply(
          res,
          403,
          'Forbidden: this bot runs without Bot Framework authentication and accepts requests from this machine only.',
        );
        return;
      }
    }
    let activity: Activity;
    try {
      const parsed: unknown = JSON.parse(await readBody(req));
      if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { type?: unknown }).type !== 'string')
        throw new Error('not an activity');
      activity = parsed as Activity;
    } catch (err) {
      reply(
        res,
        (err as { status?: number }).status ?? 400,
        'Bad request: the body must be a Bot Framework activity (JSON with a type).',
      );
      return;
    }
    let auth: AuthenticateRequestResult;
    try {
      auth = await adapter.authenticate(activity, String(req.headers.authorization ?? ''));
    } catch (err) {
      // Any failure to authenticate (no token, bad signature, wrong audience, unknown key…) is a refusal.
      log(
        `teams: refused a request without a valid Bot Framework token: ${err instanceof Error ? err.message : String(err)}`,
        'warn',
      );
      reply(res, 401, 'Unauthorized');
      return;
    }
    const invoke = await adapter.runAuthenticated(auth, activity, logic);
    reply(res, invoke?.status ?? 200, invoke?.body);
  };
}
