/**
 * One HTTP server; the adapters mount their routes on it
 * (POST /slack/events, POST /api/messages, GET / for the local web chat, GET /healthz).
 *
 * It is the first line against a flood: every route has a body limit (a declared length above it is
 * refused before a byte of the body is read), the bodies being received at once share one byte budget,
 * requests still being received are capped in number (503 beyond), and node's headers and request
 * timeouts end slow senders. Routes marked `uncapped` (/healthz) answer even at the cap.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

interface RouteOptions {
  /** The largest request body the route accepts, in bytes: fit it to the platform's largest real payload. */
  bodyLimit?: number;
  /** Answered even when the server is at its cap of unfinished requests (health checks). */
  uncapped?: boolean;
}

export interface ServerLimits {
  /** Requests still being received at once; beyond it, 503 at once. */
  maxUnfinished: number;
  /** Bytes of request bodies being received at once: each request reserves its declared length. */
  bodyBudget: number;
  /** node's `headersTimeout`: the whole header block must arrive within it. */
  headersTimeoutMs: number;
  /** node's `requestTimeout`: the whole request (headers and body) must arrive within it. */
  requestTimeoutMs: number;
}

/** For routes that declare no limit. */
const DEFAULT_BODY_LIMIT = 1_000_000;

export const DEFAULT_LIMITS: ServerLimits = {
  maxUnfinished: 256,
  bodyBudget: 48_000_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
};

interface Route {
  method: string;
  path: string;
  prefix: boolean;
  handler: Handler;
  bodyLimit: number;
  uncapped: boolean;
}

export interface HttpServer {
  /** `path` ending in `/*` matches the prefix. The first matching route wins. */
  route(method: string, path: string, handler: Handler, options?: RouteOptions): void;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
  /** Requests being received now (tests, drills). */
  readonly unfinished: number;
  readonly server: http.Server;
}

/** What the server's caps count now: requests still being received, and the bytes they declared. */
interface Load {
  unfinished: number;
  reserved: number;
  warnedFull: boolean;
}

/**
 * A request's route limit, and its share of the caps until its body is in, its answer is out or its
 * client gave up. A prototype method, not a closure per request: this runs before every ack.
 */
class Admitted {
  constructor(
    readonly bodyLimit: number,
    /** Held until released; none for uncapped routes. */
    private load?: Load,
    private readonly bytes = 0,
  ) {}
  release(): void {
    const load = this.load;
    if (!load) return;
    this.load = undefined; // releasing twice does nothing
    load.unfinished--;
    load.reserved -= this.bytes;
    if (load.unfinished === 0) load.warnedFull = false;
  }
}

const admitted = new WeakMap<IncomingMessage, Admitted>();

/** Listener on the request ('end', 'close') and on its response ('close'). */
function releaseShare(this: IncomingMessage | ServerResponse): void {
  admitted.get('req' in this ? this.req : this)?.release();
}

/** The body limit of the route that received `req`. */
export function bodyLimitOf(req: IncomingMessage): number {
  return admitted.get(req)?.bodyLimit ?? DEFAULT_BODY_LIMIT;
}

/**
 * Answers a request without reading its body, and closes the connection after the answer,
 * so a client still sending (slowly) holds nothing.
 */
export function refuse(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  res.shouldKeepAlive = false;
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close', ...headers }).end(text);
}

/** What a request's headers say its body will weigh: its Content-Length, or `limit` when chunked. */
function declaredLength(req: IncomingMessage, limit: number): number {
  const length = req.headers['content-length'];
  if (length !== undefined) return Number(length);
  return req.headers['transfer-encoding'] ? limit : 0;
}

/** The URL's path, without its query. */
function pathOf(url = '/'): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

/** The first route matching; a loop rather than `find`, which would take a closure per request. */
function routeOf(routes: Route[], method: string | undefined, path: string): Route | undefined {
  for (const r of routes)
    if ((r.method === method || r.method === '*') && (r.prefix ? path.startsWith(r.path) : path === r.path)) return r;
  return undefined;
}

export function createHttpServer(
  log: (line: string) => void = () => {},
  overrides: Partial<ServerLimits> = {},
): HttpServer {
  const cfg = { ...DEFAULT_LIMITS, ...overrides };
  const routes: Route[] = [];
  const load: Load = { unfinished: 0, reserved: 0, warnedFull: false };

  const server = http.createServer(
    {
      headersTimeout: cfg.headersTimeoutMs,
      requestTimeout: cfg.requestTimeoutMs,
      // How often node looks for requests past those timeouts (default 30 s).
      connectionsCheckingInterval: Math.min(1_000, cfg.headersTimeoutMs),
    },
    (req, res) => {
      const route = routeOf(routes, req.method, pathOf(req.url));
      if (!route) return refuse(res, 404, 'Not found');
      const bytes = declaredLength(req, route.bodyLimit);
      if (!Number.isFinite(bytes) || bytes > route.bodyLimit) return refuse(res, 413, 'Request body too large');
      if (route.uncapped) admitted.set(req, new Admitted(route.bodyLimit));
      else {
        if (load.unfinished >= cfg.maxUnfinished || load.reserved + bytes > cfg.bodyBudget) {
          if (!load.warnedFull)
            log(
              `http: at the cap of requests being received (${load.unfinished}, ${Math.round(load.reserved / 1000)} kB); answering 503 until they finish`,
            );
          load.warnedFull = true;
          return refuse(res, 503, 'Busy, try again shortly', { 'retry-after': '1' });
        }
        load.unfinished++;
        load.reserved += bytes;
        admitted.set(req, new Admitted(route.bodyLimit, load, bytes));
        // `on`, not `once` (which wraps each listener per request): releasing twice does nothing.
        req.on('end', releaseShare);
        req.on('close', releaseShare);
        res.on('close', releaseShare);
      }
      Promise.resolve(route.handler(req, res)).catch((err: unknown) => {
        const status = (err as { status?: number }).status;
        if (status === 413) return refuse(res, 413, 'Request body too large');
        log(`request ${req.method} ${pathOf(req.url)} failed: ${err instanceof Error ? err.message : String(err)}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Internal error');
      });
    },
  );
  server.keepAliveTimeout = 5_000;
  return {
    server,
    get unfinished() {
      return load.unfinished;
    },
    route(method, path, handler, options = {}) {
      const prefix = path.endsWith('/*');
      routes.push({
        method,
        path: prefix ? path.slice(0, -1) : path,
        prefix,
        handler,
        bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
        uncapped: options.uncapped ?? false,
      });
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      });
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      });
    },
  };
}
