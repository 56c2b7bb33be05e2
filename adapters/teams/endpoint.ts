/**
 * POST /api/messages on the shared server. Authenticated mode: a request without a Bearer token is
 * refused before its body is read, then the Bot Framework SDK validates the JWT (401 without a valid
 * one). Local mode (TEAMS_LOCAL=1, no app id): only local tools on this machine (see local-request.ts).
 * Either way the activity must name an allowed service URL and tenant before anything is done or
 * remembered: a refused activity causes no outbound request.
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
import { localRequestRefusal } from '../shared/local-request.ts';
import { isLoopbackServiceUrl, serviceUrlAllowed } from './service-urls.ts';
import type { TeamsSettings } from './settings.ts';
import { tenantRefusal } from './tenants.ts';

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
  settings: TeamsSettings;
  log: Log;
}

/** Teams' largest activities (a message with its HTML copy and mentions, a card action with its inputs) are far below this. */
export const MAX_ACTIVITY_BYTES = 256_000;

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

/** Refuses without reading the body: the connection is closed rather than kept for more. */
function refuseUnread(res: ServerResponse, status: number, text: string): void {
  res.setHeader('connection', 'close');
  reply(res, status, text);
}

/** Logs each distinct refusal once (a flood of foreign activities must not flood the log). */
function onceLogger(log: (line: string) => void): (key: string, line: string) => void {
  const seen = new Set<string>();
  return (key, line) => {
    if (seen.has(key) || seen.size >= 1_000) return;
    seen.add(key);
    log(line);
  };
}

export function messagesEndpoint(
  options: EndpointOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { adapter, logic, settings, log } = options;
  const logOnce = onceLogger(log);
  const local = settings.mode === 'local';
  return async (req, res) => {
    const authorization = String(req.headers.authorization ?? '');
    if (local) {
      const why = localRequestRefusal(req, { json: true, origin: 'none' });
      if (why) {
        logOnce(`local:${why}`, `teams: refused a request in local mode (TEAMS_LOCAL=1) because ${why}`);
        return refuseUnread(
          res,
          403,
          'Forbidden: TEAMS_LOCAL=1 serves local tools on this machine only (JSON, sent to http://127.0.0.1:<port>/api/messages, not through a proxy).',
        );
      }
    } else if (!/^Bearer [^\s]+$/.test(authorization)) {
      logOnce('bearer', 'teams: refused a request without a Bearer token (logged once)');
      return refuseUnread(res, 401, 'Unauthorized');
    }
    let activity: Activity;
    try {
      const parsed: unknown = JSON.parse(await readBody(req, MAX_ACTIVITY_BYTES));
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
      auth = await adapter.authenticate(activity, local ? '' : authorization);
    } catch (err) {
      // Any failure to authenticate (no token, bad signature, wrong audience, unknown key…) is a refusal.
      log(
        `teams: refused a request without a valid Bot Framework token: ${err instanceof Error ? err.message : String(err)}`,
      );
      reply(res, 401, 'Unauthorized');
      return;
    }
    const serviceUrl = typeof activity.serviceUrl === 'string' ? activity.serviceUrl : '';
    if (!(local ? isLoopbackServiceUrl(serviceUrl) : serviceUrlAllowed(serviceUrl, settings.serviceUrls))) {
      logOnce(
        `url:${serviceUrl}`,
        `teams: refused an activity whose serviceUrl ${JSON.stringify(serviceUrl.slice(0, 200))} is not ${local ? 'on this machine (local mode)' : 'a Bot Framework service (TEAMS_SERVICE_URLS)'}`,
      );
      reply(res, 403, 'Forbidden: this service URL is not one the bot answers.');
      return;
    }
    const tenant = tenantRefusal(activity, settings.tenants);
    if (tenant) {
      logOnce(`tenant:${tenant}`, `teams: refused an activity because ${tenant}`);
      reply(res, 403, "Forbidden: this bot serves its own organisation's tenant only.");
      return;
    }
    const invoke = await adapter.runAuthenticated(auth, activity, logic);
    reply(res, invoke?.status ?? 200, invoke?.body);
  };
}
