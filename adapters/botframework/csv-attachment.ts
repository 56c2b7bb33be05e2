/**
 * A roster CSV attached to a message in Teams: a file download info attachment whose
 * downloadUrl is pre-authorised by Teams (no token is sent). Only SharePoint hosts are fetched,
 * or loopback when the conversation itself is local (tests, the Agents Playground).
 */
import type { Activity } from 'botbuilder';
import type { Consult } from '../../src/consult-api.ts';
import type { RequestContext } from '../../src/inbound.ts';
import type { OutboundMessage } from '../../src/outbound.ts';
import { t } from '../../src/i18n/index.ts';
import { textCard } from '../../src/views/reply.ts';

const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
const MAX_CSV_BYTES = 2_000_000;

interface DownloadInfo {
  downloadUrl?: unknown;
  fileType?: unknown;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function allowed(url: URL, serviceUrl: string | undefined): boolean {
  if (url.protocol === 'https:' && /\.sharepoint(-df)?\.(com|us|de|cn)$/i.test(url.hostname)) return true;
  let local = false;
  try {
    local = LOOPBACK.has(new URL(serviceUrl ?? '').hostname);
  } catch {
    local = false;
  }
  return local && LOOPBACK.has(url.hostname);
}

/** The attached CSV's download URL, if the message carries one. */
function csvAttachment(activity: Pick<Activity, 'attachments'>): { url: string; name: string } | undefined {
  for (const a of activity.attachments ?? []) {
    if (a.contentType !== FILE_DOWNLOAD_INFO || !a.content || typeof a.content !== 'object') continue;
    const info = a.content as DownloadInfo;
    const csv = info.fileType === 'csv' || /\.csv$/i.test(a.name ?? '');
    if (csv && typeof info.downloadUrl === 'string') return { url: info.downloadUrl, name: a.name ?? 'roster.csv' };
  }
  return undefined;
}

async function downloadCsv(url: string, serviceUrl: string | undefined): Promise<string> {
  const u = new URL(url);
  if (!allowed(u, serviceUrl)) throw new Error(`refused to download a file from ${u.origin}`);
  const res = await fetch(u, { signal: AbortSignal.timeout(15_000) });
  if (!res.ok || !res.body) throw new Error(`the file download answered HTTP ${res.status}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > MAX_CSV_BYTES) throw new Error(`the file is larger than ${MAX_CSV_BYTES} bytes`);
    chunks.push(chunk);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/**
 * The answer to a message with a CSV attached, or undefined when there is none: the file is
 * fetched only for the secretariat (the core refuses anyone else, as for typed lines).
 */
export async function importAttachedCsv(
  consult: Consult,
  activity: Pick<Activity, 'attachments' | 'serviceUrl'>,
  rc: RequestContext,
  log?: (line: string) => void,
): Promise<OutboundMessage[] | undefined> {
  const file = csvAttachment(activity);
  if (!file) return undefined;
  if (!consult.isSecretariat(rc.actor.user))
    return consult.handle(rc, { type: 'command', command: { type: 'roster-import' } });
  let csv: string;
  try {
    csv = await downloadCsv(file.url, activity.serviceUrl);
  } catch (err) {
    log?.(`teams: could not download ${file.name} (${(err as Error).message})`);
    const lang = consult.langFor(rc.actor.user, rc.actor.locale);
    const texts = t(lang).roster;
    return [
      {
        audience: { kind: 'reply' },
        card: textCard(texts.importTitle, texts.fileUnreadable, 'error'),
        lang,
        purpose: 'error',
      },
    ];
  }
  return consult.handle(rc, { type: 'command', command: { type: 'roster-import', csv } });
}
