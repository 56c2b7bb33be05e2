/** GET /charts/<token>.png: the chart a card links to, while its link is genuine and unexpired. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Consult } from '../consult-api.ts';

export const CHART_ROUTE = '/charts/*';

export function chartHandler(consult: Pick<Consult, 'chartImage'>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const m = /^\/charts\/([^/]{1,120})\.png$/.exec(path);
    const found = m ? await consult.chartImage(m[1]) : 'not-found';
    const plain = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };
    // Gone, not missing: the link was ours; the card that holds it still carries the figures.
    if (found === 'expired') return void res.writeHead(410, plain).end('This chart link has expired.');
    if (found === 'not-found') return void res.writeHead(404, plain).end('Not found');
    res
      .writeHead(200, {
        'content-type': 'image/png',
        'content-length': found.byteLength,
        // Private: a link is meant for the people of the conversation it was posted in.
        'cache-control': 'private, max-age=3600',
        'x-content-type-options': 'nosniff',
      })
      .end(Buffer.from(found.buffer, found.byteOffset, found.byteLength));
  };
}
