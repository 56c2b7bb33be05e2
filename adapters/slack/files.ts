/**
 * Files shared with the bot: a roster CSV in a direct message. Slack serves them at url_private
 * with the bot token as bearer, so the token goes only to Slack's own file host (or the
 * configured API host, e.g. a test recorder), never to a URL a payload could point elsewhere.
 */

export const MAX_FILE_BYTES = 2_000_000;

export class FileTooBig extends Error {
  override name = 'FileTooBig';
}

/** Whether a shared file is a CSV by its name, type or MIME type. */
export function isCsv(file: { name?: string; filetype?: string; mimetype?: string }): boolean {
  return (
    file.filetype === 'csv' ||
    /\.csv$/i.test(file.name ?? '') ||
    file.mimetype === 'text/csv' ||
    file.mimetype === 'application/csv'
  );
}

export function createFileDownloader(opts: { token: string; apiUrl?: string; timeoutMs?: number }) {
  const allowed = new Set(['https://files.slack.com']);
  if (opts.apiUrl) allowed.add(new URL(opts.apiUrl).origin);
  return async function download(url: string): Promise<string> {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new Error('the file URL is not a URL');
    }
    if (!allowed.has(u.origin)) throw new Error(`refused to send the bot token to ${u.origin}`);
    const res = await fetch(u, {
      headers: { authorization: `Bearer ${opts.token}` },
      signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
    });
    if (!res.ok || !res.body) throw new Error(`the file download answered HTTP ${res.status}`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > MAX_FILE_BYTES) throw new FileTooBig(`larger than ${MAX_FILE_BYTES} bytes`);
      chunks.push(chunk);
    }
    // A login page instead of the file means the token lacks files:read.
    if (/^text\/html/i.test(res.headers.get('content-type') ?? ''))
      throw new Error('Slack answered with a web page, not the file (is the files:read scope granted?)');
    return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
  };
}
