/**
 * Files in the local web chat (exports, reports): a download link in the conversation of the person who
 * asked, served by this server's own route behind the web chat's loopback guard. The link carries an
 * unguessable token and expires; the file waits in memory only (never on disk: an export says who
 * chose what) and is gone after a restart, when it is simply asked for again.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpServer } from '../../src/server.ts';
import type { OutboundMessage } from '../../src/outbound.ts';
import type { FileDelivery } from '../botframework/file-delivery.ts';
import { sendJson } from './http.ts';

const FILES_PATH = '/webchat/files/';
/** Time enough to click the link; the file is asked for again after that. */
const LINK_TTL_MS = 15 * 60_000;
/** Bounds memory in a long demo: the oldest links go first. */
const MAX_FILES = 200;
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

type OutboundFile = NonNullable<OutboundMessage['file']>;

export interface WebFiles extends FileDelivery {
  mount(http: HttpServer, guard: (req: IncomingMessage, res: ServerResponse) => boolean): void;
}

/** RFC 6266 filename parameters: an ASCII fallback and the UTF-8 name. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function createWebFiles(now: () => number = Date.now): WebFiles {
  const files = new Map<string, { file: OutboundFile; expires: number }>();

  function sweep(): void {
    for (const [token, f] of files) if (f.expires <= now()) files.delete(token);
    while (files.size >= MAX_FILES) files.delete(files.keys().next().value as string);
  }

  return {
    offer(file) {
      sweep();
      const token = randomBytes(24).toString('base64url');
      files.set(token, { file, expires: now() + LINK_TTL_MS });
      return [
        {
          type: 'message',
          attachments: [{ contentType: file.mime, contentUrl: `${FILES_PATH}${token}`, name: file.name }],
        },
      ];
    },
    mount(http, guard) {
      http.route('GET', `${FILES_PATH}*`, (req, res) => {
        if (!guard(req, res)) return;
        const token = (req.url ?? '').split('?')[0].slice(FILES_PATH.length);
        const entry = TOKEN.test(token) ? files.get(token) : undefined;
        if (!entry || entry.expires <= now())
          return sendJson(res, 404, { error: 'This download link has expired. Ask Consult again for the file.' });
        const body =
          typeof entry.file.content === 'string'
            ? Buffer.from(entry.file.content, 'utf8')
            : Buffer.from(entry.file.content);
        res
          .writeHead(200, {
            'content-type': /^text\//.test(entry.file.mime) ? `${entry.file.mime}; charset=utf-8` : entry.file.mime,
            'content-length': body.length,
            'content-disposition': disposition(entry.file.name),
            'x-content-type-options': 'nosniff',
            'content-security-policy': 'sandbox',
            'cache-control': 'no-store',
          })
          .end(body);
      });
    },
  };
}
