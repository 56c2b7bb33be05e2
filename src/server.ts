/**
 * One HTTP server; the adapters mount their routes on it
 * (POST /slack/events, POST /api/messages, GET / for the local web chat, GET /healthz).
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

interface Route {
  method: string;
  path: string;
  prefix: boolean;
  handler: Handler;
}

export interface HttpServer {
  /** `path` ending in `/*` matches the prefix. The first matching route wins. */
  route(method: string, path: string, handler: Handler): void;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
  readonly server: http.Server;
}

export function createHttpServer(log: (line: string) => void = () => {}): HttpServer {
  const routes: Route[] = [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = routes.find(
      (r) => (r.method === req.method || r.method === '*') && (r.prefix ? path.startsWith(r.path) : path === r.path),
    );
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    Promise.resolve(route.handler(req, res)).catch((err: unknown) => {
      log(`request ${req.method} ${path} failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  });
  server.keepAliveTimeout = 5_000;
  return {
    server,
    route(method, path, handler) {
      const prefix = path.endsWith('/*');
      routes.push({ method, path: prefix ? path.slice(0, -1) : path, prefix, handler });
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
