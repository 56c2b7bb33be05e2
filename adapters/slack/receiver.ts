/**
 * A Bolt receiver mounted on the shared HTTP server (POST /slack/events). It uses Bolt's own
 * request buffering, v0 signature verification and ack machinery, and adds what Bolt lacks:
 * an injectable clock for the 5-minute freshness check and a replay guard.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { type App, HTTPModuleFunctions as http, HTTPResponseAck, type Logger, type Receiver, verifySlackRequest } from '@slack/bolt';
import type { ReplayGuard } from './replay-guard.ts';

export interface SlackReceiverOptions {
  signingSecret: string;
  now: () => number;
  replay: ReplayGuard;
  logger: Logger;
  bodyLimit?: number;
}

export class SlackHttpReceiver implements Receiver {
  private app?: App;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly opts: SlackReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  // The shared server listens; nothing to start or stop here.
  start(): Promise<void> {
    return Promise.resolve();
  }
  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** Resolves when every request received so far has been fully processed (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  readonly handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { logger } = this.opts;
    let buffered;
    try {
      buffered = await http.bufferIncomingMessage(req, this.opts.bodyLimit ?? 1_000_000);
    } catch (err) {
      if (http.isRawBodyError(err) && err.statusCode === 413) return http.buildNoBodyResponse(res, 413);
      return http.buildNoBodyResponse(res, 400);
    }
    const raw = buffered.rawBody.toString('utf8');
    // Slack checks TLS with an unsigned `ssl_check=1`; answer it and process nothing.
    if (req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') && parseQuery(raw).ssl_check === '1') {
      return http.buildSSLCheckResponse(res);
    }
    const signature = req.headers['x-slack-signature'];
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    try {
      if (typeof signature !== 'string' || !Number.isFinite(timestamp)) throw new Error('missing x-slack-signature or x-slack-request-timestamp');
      verifySlackRequest({
        signingSecret: this.opts.signingSecret,
        body: raw,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
        nowMilliseconds: this.opts.now(),
      });
    } catch (err) {
      logger.warn(`Slack request refused: ${(err as Error).message}. If every request fails, check that SLACK_SIGNING_SECRET matches the app's signing secret and that this server's clock is right.`);
      return http.buildNoBodyResponse(res, 401);
    }
    if (!this.opts.replay.firstTime(signature, timestamp)) {
      logger.warn('Slack request refused: the same signed request was already received (replay).');
      return http.buildNoBodyResponse(res, 401);
    }
    let body;
    try {
      body = http.parseHTTPRequestBody(buffered);
    } catch (err) {
      logger.warn(`Slack request refused: malformed body (${(err as Error).message}).`);
      return http.buildNoBodyResponse(res, 400);
    }
    if (body?.type === 'url_verification') return http.buildUrlVerificationResponse(res, body);
    const ack = new HTTPResponseAck({ logger, processBeforeResponse: false, httpRequest: buffered, httpRequestBody: body, httpResponse: res });
    const event = {
      body,
      ack: ack.bind(),
      retryNum: http.extractRetryNumFromHTTPRequest(req),
      retryReason: http.extractRetryReasonFromHTTPRequest(req),
      customProperties: {},
    };
    const app = this.app;
    if (!app) return http.buildNoBodyResponse(res, 503);
    const work = app.processEvent(event).catch(async (error: unknown) => {
      const acknowledged = await http.defaultProcessEventErrorHandler({ error: error as Error, logger, request: req, response: res, storedResponse: ack.storedResponse });
      if (acknowledged) ack.ack();
    });
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
    await work;
  };
}
