/**
 * How a consultation lies on disk. `<id>.json` holds everything but the audit trail, which
 * grows with every vote: it lives in `<id>.audit.jsonl`, one entry per line, written at the end
 * of what is already there. So recording a vote costs the same at the 10th and the 10,000th
 * entry: only the new lines and the bounded JSON file are written.
 *
 * The JSON file says how many bytes of the log belong to it (`auditBytes`), and it is renamed
 * into place only after the new lines are written. A crash in between leaves bytes that no JSON
 * file counts: loading ignores them and the next write overwrites them. Files of the earlier
 * layout, with the trail inline under `audit`, still load; their next write moves it to the log.
 */
import { open } from 'node:fs/promises';
import { constants } from 'node:fs';
import { z } from 'zod';
import { AuditEntry, Consultation } from '../domain/model.ts';

export const AUDIT_SUFFIX = '.audit.jsonl';

export const ConsultationFile = Consultation.omit({ audit: true }).extend({
  auditBytes: z.number().int().nonnegative().optional(),
  audit: z.array(AuditEntry).optional(),
});

/** How much of the in-memory trail the files on disk already hold. */
export interface Persisted {
  entries: number;
  bytes: number;
}

export type Decoded =
  | { ok: true; data: Consultation; persisted: Persisted }
  | { ok: false; problem: string; inLog?: boolean };

/** Joins a parsed JSON file and its log (null when there is none) into one consultation. */
export function decode(json: unknown, log: Buffer | null): Decoded {
  const file = ConsultationFile.safeParse(json);
  if (!file.success) {
    const issue = file.error.issues[0];
    const where = issue.path.length > 0 ? `at ${issue.path.map(String).join('.')}` : 'at the top level';
    return { ok: false, problem: `it does not match the expected content ${where}: ${issue.message}` };
  }
  const { auditBytes = 0, audit: inline = [], ...rest } = file.data;
  const available = log?.length ?? 0;
  if (available < auditBytes) {
    return {
      ok: false,
      inLog: true,
      problem: `it should hold ${auditBytes} bytes of audit trail but holds ${available}`,
    };
  }
  const text = auditBytes === 0 ? '' : log!.subarray(0, auditBytes).toString('utf8');
  if (text && !text.endsWith('\n'))
    return { ok: false, inLog: true, problem: 'its audit trail does not end where the consultation says' };
  const lines = text ? text.slice(0, -1).split('\n') : [];
  const logged: AuditEntry[] = [];
  for (const [i, line] of lines.entries()) {
    let entry;
    try {
      entry = AuditEntry.safeParse(JSON.parse(line));
    } catch {
      return { ok: false, inLog: true, problem: `line ${i + 1} of its audit trail is not valid JSON` };
    }
    if (!entry.success)
      return { ok: false, inLog: true, problem: `line ${i + 1} of its audit trail is not an audit entry` };
    logged.push(entry.data);
  }
  return {
    ok: true,
    data: { ...rest, audit: [...logged, ...inline] },
    persisted: { entries: logged.length, bytes: auditBytes },
  };
}

export interface Encoded {
  /** The log lines not on disk yet (may be empty), to write at `persisted.bytes`. */
  lines: string;
  /** The JSON file's new text. */
  json: string;
  next: Persisted;
}

/** Snapshots `c` synchronously: the JSON text and the log lines the disk lacks. */
export function encode(c: Readonly<Consultation>, persisted: Persisted): Encoded {
  let lines = '';
  for (let i = persisted.entries; i < c.audit.length; i++) lines += `${JSON.stringify(c.audit[i])}\n`;
  const bytes = persisted.bytes + Buffer.byteLength(lines);
  const { audit: _trail, ...rest } = c;
  return {
    lines,
    json: JSON.stringify({ ...rest, auditBytes: bytes }, null, 2),
    next: { entries: c.audit.length, bytes },
  };
}

/** Writes `text` at `position` of the log and cuts what lay beyond (bytes no JSON file counted). */
export async function writeLogAt(file: string, position: number, text: string): Promise<void> {
  const handle = await open(file, constants.O_RDWR | constants.O_CREAT, 0o644);
  try {
    const data = Buffer.from(text);
    let done = 0;
    while (done < data.length)
      done += (await handle.write(data, done, data.length - done, position + done)).bytesWritten;
    await handle.truncate(position + data.length);
  } finally {
    await handle.close();
  }
}
