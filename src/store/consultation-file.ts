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
 *
 * The trail is tamper-evident: each line carries in `prev` the SHA-256 of the line before it (the
 * first, of a value naming the consultation), and the JSON file keeps the hash of the last line
 * (`auditHead`). A line edited, removed or moved breaks the chain at that line, and loading says
 * which. The hash covers the line as written, whatever fields an entry holds. A trail written
 * before the chain existed (no `auditHead`) loads unverified and is rewritten chained at its next write.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AuditEntry, Consultation } from '../domain/model.ts';

export const AUDIT_SUFFIX = '.audit.jsonl';

const HASH = /^[0-9a-f]{64}$/;

const ConsultationFile = Consultation.omit({ audit: true }).extend({
  auditBytes: z.number().int().nonnegative().optional(),
  auditHead: z.string().regex(HASH, 'a SHA-256 hash in hex').optional(),
  audit: z.array(AuditEntry).optional(),
});

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** What the first entry of a consultation's trail points back to: binds the trail to its consultation. */
export const genesis = (id: string): string => sha256(`consult audit trail of ${id}`);

/** How much of the in-memory trail the files on disk already hold. */
export interface Persisted {
  entries: number;
  bytes: number;
  /** Hash of the last line on disk (the genesis when none); undefined for a trail written before the chain. */
  head: string | undefined;
}

export type Decoded =
  | { ok: true; data: Consultation; persisted: Persisted }
  | { ok: false; problem: string; inLog?: boolean };

const broken = (problem: string): Decoded => ({ ok: false, inLog: true, problem });

/** Joins a parsed JSON file and its log (null when there is none) into one consultation, checking the chain. */
export function decode(json: unknown, log: Buffer | null): Decoded {
  const file = ConsultationFile.safeParse(json);
  if (!file.success) {
    const issue = file.error.issues[0];
    const where = issue.path.length > 0 ? `at ${issue.path.map(String).join('.')}` : 'at the top level';
    return { ok: false, problem: `it does not match the expected content ${where}: ${issue.message}` };
  }
  const { auditBytes = 0, auditHead, audit: inline = [], ...rest } = file.data;
  const available = log?.length ?? 0;
  const text = log ? log.subarray(0, Math.min(auditBytes, available)).toString('utf8') : '';
  const parts = text.split('\n');
  const partial = parts.pop() ?? ''; // what follows the last newline: empty when the text ends with one
  const chained = auditHead !== undefined;
  const logged: AuditEntry[] = [];
  let head = genesis(rest.id);
  for (const [i, line] of parts.entries()) {
    let entry;
    try {
      entry = AuditEntry.safeParse(JSON.parse(line));
    } catch {
      return broken(`line ${i + 1} of its audit trail is not valid JSON`);
    }
    if (!entry.success) return broken(`line ${i + 1} of its audit trail is not an audit entry`);
    if (chained && entry.data.prev !== head) {
      return broken(
        i === 0
          ? 'line 1 of its audit trail is not the first entry of this consultation (entries before it were removed, or it was changed)'
          : `line ${i + 1} of its audit trail does not follow line ${i}: line ${i} was changed, or lines were removed or reordered there`,
      );
    }
    logged.push(entry.data);
    head = sha256(line);
  }
  if (partial)
    return broken(
      `line ${parts.length + 1} of its audit trail does not end where the consultation says: it was changed, or the file was cut`,
    );
  if (available < auditBytes)
    return broken(
      `its audit trail ends after line ${parts.length} but should hold ${auditBytes} bytes (it holds ${available}): entries after line ${parts.length} were removed`,
    );
  if (chained && head !== auditHead)
    return broken(
      parts.length
        ? `line ${parts.length} of its audit trail (the last) was changed: its hash is not the head hash the consultation keeps`
        : 'its audit trail is empty but the consultation keeps the head hash of entries',
    );
  return {
    ok: true,
    data: { ...rest, auditHead: chained ? head : undefined, audit: [...logged, ...inline] },
    persisted: chained
      ? { entries: logged.length, bytes: auditBytes, head }
      : { entries: 0, bytes: 0, head: undefined },
  };
}

export interface Encoded {
  /** The log lines not on disk yet (may be empty), to write at `position`. */
  lines: string;
  position: number;
  /** The JSON file's new text. */
  json: string;
  next: Persisted;
}

/**
 * Snapshots `c` synchronously: the JSON text and the log lines the disk lacks, each chained to
 * the one before. Sets `prev` on the new entries and `auditHead` on `c`, as the disk will hold them.
 * A trail from before the chain is written again from its first line, chained.
 */
export function encode(c: Consultation, persisted: Persisted): Encoded {
  const from = persisted.head === undefined ? { entries: 0, bytes: 0, head: genesis(c.id) } : persisted;
  let head = from.head;
  let lines = '';
  for (let i = from.entries; i < c.audit.length; i++) {
    const { prev: _old, ...entry } = c.audit[i];
    const chained = { ...entry, prev: head };
    c.audit[i] = chained;
    const line = JSON.stringify(chained);
    head = sha256(line);
    lines += `${line}\n`;
  }
  c.auditHead = head;
  const bytes = from.bytes + Buffer.byteLength(lines);
  const { audit: _trail, ...rest } = c;
  return {
    lines,
    position: from.bytes,
    json: JSON.stringify({ ...rest, auditBytes: bytes }, null, 2),
    next: { entries: c.audit.length, bytes, head },
  };
}
