/**
 * A Bolt receiver mounted on the shared HTTP server (POST /slack/events). It uses Bolt's ack
 * machinery, and adds what Bolt lacks: the v0 signature check with an injectable clock and a
 * freshness window in both directions (Bolt only refuses old requests), a replay guard, and a
 * prompt answer to requests no listener acknowledges. Button clicks (votes) bypass Bolt: they
 * are acknowledged as soon as they are authentic and handed to the adapter's own handler.
 */
import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type App, HTTPModuleFunctions as http, HTTPResponseAck, type Logger, type Receiver } from '@slack/bolt';
import { readRawBody } from '../shared/body.ts';
import { bodyLimitOf, refuse } from '../../src/server.ts';
import { createLogOnce } from './log-once.ts';
import { routingProblem } from './payloads.ts';
import { FORM, parseBody, parseClick } from './request-body.ts';
import type { WorkspaceGuard } from './workspace.ts';
import type { ReplayGuard } from './replay-guard.ts';
import type { AfterAck } from './after-ack.ts';

export interface SlackReceiverOptions {
  signingSecret: string;
  now: () => number;
  replay: ReplayGuard;
  /** Paces the work that follows acks; told of each request so that acks of a burst go first. */
  afterAck: AfterAck;
  logger: Logger;
  bodyLimit?: number;
}

/** How far a request's timestamp may be from our clock, either way (Slack's 5 minutes). */
const FRESHNESS_MS = 5 * 60 * 1000;

/**
 * What the headers alone tell: both signature headers present and the timestamp within 5 minutes
 * of `nowMs`, in the past or in the future. Checked before the body is read.
 */
function headerProblem(signature: unknown, timestampHeader: unknown, nowMs: number): string | undefined {
  if (typeof signature !== 'string' || typeof timestampHeader !== 'string')
    return 'missing x-slack-signature or x-slack-request-timestamp';
  const timestamp = Number(timestampHeader);
  if (!Number.isInteger(timestamp)) return 'x-slack-request-timestamp is not a number of seconds';
  const skew = timestamp * 1000 - nowMs;
  if (skew < -FRESHNESS_MS) return 'the request timestamp is more than 5 minutes old';
  if (skew > FRESHNESS_MS) return 'the request timestamp is more than 5 minutes in the future';
  return undefined;
}

/**
 * Checks Slack's v0 signature: `v0=` + hex HMAC-SHA256(secret, `v0:<timestamp>:<body>`), and the
 * headers as above. Returns why the request is refused, or undefined when it is authentic. Never
 * includes the secret or the body.
 */
function signatureProblem(
  secret: KeyObject,
  body: Buffer,
  signature: unknown,
  timestampHeader: unknown,
  nowMs: number,
): string | undefined {
  const problem = headerProblem(signature, timestampHeader, nowMs);
  if (problem) return problem;
  const timestamp = Number(timestampHeader);
  // Over the bytes as received: no copy of the body into a string first (clicks are acked before they are decoded).
  const mac = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest();
  // Compared as bytes: the header's hex decoded once, rather than the digest encoded and both copied.
  const hex = signature as string;
  const given =
    hex.length === 3 + 2 * mac.length && hex.startsWith('v0=') ? Buffer.from(hex.slice(3), 'hex') : undefined;
  if (given?.length !== mac.length || !timingSafeEqual(given, mac)) return 'the signature does not match';
  return undefined;
}

/** Slack's unsigned TLS check (`ssl_check=1&token=…`) is a few dozen bytes: an unsigned body may be read up to this. */
const SSL_CHECK_MAX_BYTES = 512;

/** `payload={"type":"block_actions"`, form-encoded: how Slack's click payloads begin. */
const CLICK_BYTES = Buffer.from(`payload=${encodeURIComponent('{"type":"block_actions"')}`);

const startsWith = (body: Buffer, prefix: Buffer) =>
  body.length >= prefix.length && body.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;

const errorLine = (error: unknown) =>
  error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : 'unknown error';

export class SlackHttpReceiver implements Receiver {
  private app?: App;
  private readonly pending = new Set<Promise<unknown>>();
  /** Clicks acknowledged and waiting for their turn (afterAck.defer), not yet in `pending`. */
  private queued = 0;
  /** Handles authenticated block_actions after the receiver acknowledged them; set by the adapter. */
  blockActions?: (body: Record<string, unknown>) => Promise<void>;
  /** Serves the installed workspace only; set by the adapter once auth.test has answered. */
  workspace?: WorkspaceGuard;

  private readonly warnOnce: (key: string, line: string) => void;
  /** The signing secret as a key object, prepared once rather than at every request. */
  private readonly key: KeyObject;

  constructor(private readonly opts: SlackReceiverOptions) {
    this.warnOnce = createLogOnce((line) => opts.logger.warn(line));
    this.key = createSecretKey(Buffer.from(opts.signingSecret, 'utf8'));
  }

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
    while (this.pending.size > 0 || this.queued > 0)
      // A turn comes after every click deferred before it: those have started by then.
      await (this.pending.size > 0 ? Promise.allSettled([...this.pending]) : this.opts.afterAck.turn());
  }

  readonly handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { logger } = this.opts;
    this.opts.afterAck.arrived();
    // One clock read per request: the freshness check and the replay guard use the same instant.
    const nowMs = this.opts.now();
    // Refuse what the headers already condemn before reading a byte of the body (a slow flood of
    // unsigned or stale requests then holds nothing). Only Slack's tiny unsigned ssl_check is read.
    const early = headerProblem(req.headers['x-slack-signature'], req.headers['x-slack-request-timestamp'], nowMs);
    const unsigned =
      req.headers['x-slack-signature'] === undefined && req.headers['x-slack-request-timestamp'] === undefined;
    if (early && !(unsigned && Number(req.headers['content-length'] ?? Number.NaN) <= SSL_CHECK_MAX_BYTES)) {
      this.refused(early);
      return refuse(res, 401, '');
    }
    let rawBody: Buffer;
    try {
      rawBody = await readRawBody(req, unsigned ? SSL_CHECK_MAX_BYTES : (this.opts.bodyLimit ?? bodyLimitOf(req)));
    } catch (err) {
      return refuse(res, (err as { status?: number }).status === 413 ? 413 : 400, '');
    }
    if (this.blockActions && startsWith(rawBody, CLICK_BYTES) && req.headers['content-type']?.startsWith(FORM))
      return this.click(rawBody, req, res, nowMs);
    const buffered = Object.assign(req, { rawBody });
    const raw = rawBody.toString('utf8');
    const parsed = parseBody(raw, req.headers['content-type']);
    // Slack checks TLS with an unsigned `ssl_check=1`; answer it and process nothing.
    if (parsed.ok && parsed.sslCheck) return http.buildSSLCheckResponse(res);
    if (!this.authentic(rawBody, req, nowMs)) return http.buildNoBodyResponse(res, 401);
    if (!parsed.ok) {
      logger.warn(`Slack request refused: malformed body (${parsed.reason}).`);
      return http.buildNoBodyResponse(res, 400);
    }
    const body = parsed.body;
    if (body.type === 'url_verification') return http.buildUrlVerificationResponse(res, body);
    // From another workspace: acknowledged (Slack would retry an error) and dropped.
    if (this.workspace && !this.workspace.allows(body)) return http.buildContentResponse(res, undefined);
    if (body.type === 'block_actions' && this.blockActions) {
      http.buildContentResponse(res, undefined);
      await this.track(this.handleClick(body));
      return;
    }
    const malformed = routingProblem(body);
    if (malformed) {
      // Signed, so from Slack, but Bolt would throw on it: acknowledge it and do nothing.
      logger.warn(
        `Slack request ignored: malformed ${typeof body.type === 'string' ? body.type.slice(0, 40) : 'payload'} (${malformed}).`,
      );
      return http.buildContentResponse(res, undefined);
    }
    const app = this.app;
    if (!app) return http.buildNoBodyResponse(res, 503);
    const ack = new HTTPResponseAck({
      logger,
      processBeforeResponse: false,
      httpRequest: buffered,
      httpRequestBody: body,
      httpResponse: res,
    });
    const boltAck = ack.bind();
    let acknowledged = false;
    const event = {
      body,
      ack: (response?: unknown) => {
        acknowledged = true;
        return boltAck(response);
      },
      retryNum: http.extractRetryNumFromHTTPRequest(req),
      retryReason: http.extractRetryReasonFromHTTPRequest(req),
      customProperties: {},
    };
    const work = app
      .processEvent(event)
      .then(async () => {
        // No listener matched (an unknown action_id, an event we do not subscribe to): Bolt would
        // leave the request open for 3 s. Processing is over, so acknowledge it now.
        if (!acknowledged && !res.headersSent) await event.ack();
      })
      .catch((error: unknown) => {
        const message = errorLine(error);
        if (res.headersSent) return logger.error(`Slack request failed after it was acknowledged: ${message}`);
        // Signed, so from Slack, yet Bolt could not process it (a malformed payload): a 500 would only
        // make Slack show an error or retry. Acknowledge it; nothing was done.
        logger.warn(`Slack request ignored: it could not be processed (${message}).`);
        ack.ack(); // stops Bolt's 3-second timer
        http.buildContentResponse(res, undefined);
      });
    await this.track(work);
  };

  /**
   * Clicks (votes) are the hot path: once authentic they are acknowledged before anything else,
   * even parsing, and skip Bolt's middleware. Any other request takes the ordinary path. The request
   * is over once answered: only the body waits for the vote's turn, as one small record (no
   * promise). A burst's requests and responses then die young, and its acks allocate little.
   */
  private click(rawBody: Buffer, req: IncomingMessage, res: ServerResponse, nowMs: number): void {
    if (!this.authentic(rawBody, req, nowMs)) {
      http.buildNoBodyResponse(res, 401);
      return;
    }
    http.buildContentResponse(res, undefined);
    this.queued++;
    // Queued at the ack, so a burst's votes start in click order ahead of the steps they then await.
    this.opts.afterAck.defer(this.startVote, rawBody);
  }

  private readonly startVote = (rawBody: Buffer): void => {
    this.queued--;
    void this.track(this.vote(rawBody).catch(this.clickFailed));
  };

  private async vote(rawBody: Buffer): Promise<void> {
    const parsed = parseClick(rawBody);
    if (!parsed.ok) return this.opts.logger.warn(`Slack request ignored: malformed body (${parsed.reason}).`);
    if (this.workspace && !this.workspace.allows(parsed.body)) return;
    await this.blockActions!(parsed.body);
  }

  private refused(problem: string): void {
    this.warnOnce(
      problem,
      `Slack request refused: ${problem}. If every request fails, check that SLACK_SIGNING_SECRET matches the app's signing secret and that this server's clock is right.`,
    );
  }

  /** Signed by Slack, fresh, and not seen before; logs why not. */
  private authentic(raw: Buffer, req: IncomingMessage, nowMs: number): boolean {
    const signature = req.headers['x-slack-signature'];
    const timestamp = req.headers['x-slack-request-timestamp'];
    const problem = signatureProblem(this.key, raw, signature, timestamp, nowMs);
    if (problem) {
      this.refused(problem);
      return false;
    }
    if (!this.opts.replay.firstTime(signature as string, Number(timestamp), nowMs)) {
      this.warnOnce('replay', 'Slack request refused: the same signed request was already received (replay).');
      return false;
    }
    return true;
  }

  private handleClick(body: Record<string, unknown>): Promise<void> {
    return this.blockActions!(body).catch(this.clickFailed);
  }

  private readonly clickFailed = (error: unknown): void =>
    this.opts.logger.error(`Slack click failed after it was acknowledged: ${errorLine(error)}`);

  private track(work: Promise<unknown>): Promise<unknown> {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
    return work;
  }
}
