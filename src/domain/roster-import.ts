/**
 * The roster as CSV: `delegation,kind,region,user`, one delegate a line. An import is all or
 * nothing: every line is checked first (here, without touching the roster), and only a file
 * with no bad line is applied. The file names delegations and their delegates; it never
 * removes anyone (that is `roster remove`).
 */
import { parse } from 'csv-parse/sync';
import { problem, type Problem } from '../errors.ts';
import { MAX_TEXT } from './limits.ts';
import { parseUser } from '../commands/user-ref.ts';
import { DelegationKind, type Meta, type UserId } from './model.ts';
import { delegationId } from './roster.ts';

export const CSV_HEADER = ['delegation', 'kind', 'region', 'user'] as const;
const MAX_IMPORT_LINES = 5_000;
const MAX_NAME = MAX_TEXT;
const MAX_REGION = 100;
const MAX_EMAIL = 254;
const EMAIL = /^[^\s@<>",;:()[\]\\]+@[^\s@<>",;:()[\]\\]+\.[^\s@<>",;:()[\]\\]+$/;

/** Who a line names: a user id, or an e-mail address still to be matched to a user. */
type ImportUser = { kind: 'id'; id: UserId } | { kind: 'email'; email: string };

export interface ImportRow {
  line: number;
  delegation: string;
  kind: DelegationKind;
  region?: string;
  user: ImportUser;
}

/** A line the import refuses, and why (its text is chosen where the refusal is shown). */
export interface BadLine {
  line: number;
  problem: Problem;
}

/** A spreadsheet-safe cell as our export writes it ('=SUM…) read back as typed. */
function unguard(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

export function normalizeEmail(raw: string): string | undefined {
  const email = raw.trim().toLowerCase();
  return email.length <= MAX_EMAIL && EMAIL.test(email) ? email : undefined;
}

function readUser(raw: string): ImportUser | undefined {
  const id = parseUser(raw);
  if (id) return { kind: 'id', id: id as UserId };
  const email = normalizeEmail(raw.replace(/^mailto:/i, ''));
  return email ? { kind: 'email', email } : undefined;
}

/** One physical line as CSV cells, or undefined when it is not valid CSV (e.g. an unclosed quote). */
function cells(line: string): string[] | undefined {
  try {
    const records = parse(line, { relax_column_count: true, trim: true }) as string[][];
    return records.length === 1 ? records[0] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the lines of a roster CSV (line 1 is the header). Each physical line is read on its
 * own, so one broken line does not hide the others: every bad line is reported.
 */
export function parseRosterCsv(text: string): { rows: ImportRow[]; bad: BadLine[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  const rows: ImportRow[] = [];
  const bad: BadLine[] = [];
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return { rows, bad: [{ line: 1, problem: problem('csvEmpty', CSV_HEADER.join(',')) }] };
  const header = cells(lines[first])?.map((h) => h.toLowerCase());
  if (!header || header.join(',') !== CSV_HEADER.join(',')) {
    return { rows, bad: [{ line: first + 1, problem: problem('csvBadHeader', CSV_HEADER.join(',')) }] };
  }
  if (lines.length - first - 1 > MAX_IMPORT_LINES) {
    return { rows, bad: [{ line: first + 1, problem: problem('csvTooManyLines', MAX_IMPORT_LINES) }] };
  }
  for (let i = first + 1; i < lines.length; i++) {
    const n = i + 1;
    if (lines[i].trim() === '') continue;
    const row = cells(lines[i]);
    if (!row) {
      bad.push({ line: n, problem: problem('csvMalformed', CSV_HEADER.length) });
      continue;
    }
    if (row.length !== CSV_HEADER.length) {
      const count = row.length;
      bad.push({ line: n, problem: problem('csvColumnCount', count, CSV_HEADER.length) });
      continue;
    }
    const [delegation, kindRaw, regionRaw, userRaw] = row.map(unguard);
    if (!delegation) {
      bad.push({ line: n, problem: problem('csvNoDelegation') });
      continue;
    }
    if (delegation.length > MAX_NAME || regionRaw.length > MAX_REGION) {
      bad.push({ line: n, problem: problem('csvTooLong', MAX_NAME, MAX_REGION) });
      continue;
    }
    const kind = DelegationKind.safeParse(kindRaw.toLowerCase());
    if (!kind.success) {
      bad.push({ line: n, problem: problem('csvBadKind', kindRaw) });
      continue;
    }
    const user = readUser(userRaw);
    if (!user) {
      bad.push({ line: n, problem: problem('csvBadUser', userRaw) });
      continue;
    }
    rows.push({ line: n, delegation, kind: kind.data, region: regionRaw || undefined, user });
  }
  return { rows, bad };
}

/** What a user or address resolved to; e-mails the directory did not find stay as they are. */
export type Resolved = Map<string, { user: UserId; name?: string }>;

interface PlannedDelegation {
  id: string;
  name: string;
  kind: DelegationKind;
  region?: string;
  /** Lines that name it, for messages. */
  firstLine: number;
  users: UserId[];
  emails: string[];
}

export interface ImportPlan {
  bad: BadLine[];
  delegations: PlannedDelegation[];
  /** Lines whose address matched nobody: stored as pending. */
  unresolved: { line: number; email: string }[];
  names: Map<UserId, string>;
  emailsOf: Map<UserId, string>;
}

/**
 * Checks the rows against each other (a user in two delegations, a delegation given two
 * kinds or regions) with e-mails resolved where the directory knew them. Pure.
 */
export function planImport(rows: ReadonlyArray<ImportRow>, resolved: Resolved): ImportPlan {
  const bad: BadLine[] = [];
  const byId = new Map<string, PlannedDelegation>();
  const userLine = new Map<string, { line: number; delegation: string; id: string }>();
  const unresolved: { line: number; email: string }[] = [];
  const names = new Map<UserId, string>();
  const emailsOf = new Map<UserId, string>();
  for (const row of rows) {
    const id = delegationId(row.delegation);
    const found = row.user.kind === 'email' ? resolved.get(row.user.email) : undefined;
    const user: UserId | undefined = row.user.kind === 'id' ? row.user.id : found?.user;
    const key = user ?? (row.user as { email: string }).email;
    const seen = userLine.get(key);
    if (seen && seen.id !== id) {
      const other = seen;
      bad.push({ line: row.line, problem: problem('csvUserTwice', other.delegation, other.line) });
      continue;
    }
    let d = byId.get(id);
    if (d && d.kind !== row.kind) {
      const first = d;
      bad.push({ line: row.line, problem: problem('csvKindDiffers', first.name, { delegationKind: first.kind }) });
      continue;
    }
    if (d && row.region && d.region && d.region !== row.region) {
      const first = d;
      bad.push({ line: row.line, problem: problem('csvRegionDiffers', first.name, first.region ?? '') });
      continue;
    }
    if (!d) {
      d = { id, name: row.delegation, kind: row.kind, region: row.region, firstLine: row.line, users: [], emails: [] };
      byId.set(id, d);
    }
    d.region ??= row.region;
    if (seen) continue;
    userLine.set(key, { line: row.line, delegation: d.name, id });
    if (user) {
      d.users.push(user);
      if (found?.name) names.set(user, found.name);
      if (row.user.kind === 'email') emailsOf.set(user, row.user.email);
    } else if (row.user.kind === 'email') {
      d.emails.push(row.user.email);
      unresolved.push({ line: row.line, email: row.user.email });
    }
  }
  return { bad, delegations: [...byId.values()], unresolved, names, emailsOf };
}

export interface ImportSummary {
  delegationsAdded: number;
  delegationsUpdated: number;
  delegatesAdded: number;
  delegatesMoved: number;
  pending: number;
  /** Delegations and delegates the file names, by kind, and delegations by region within each kind. */
  byKind: { kind: DelegationKind; delegations: number; delegates: number; regions: [string, number][] }[];
  changed: boolean;
}

/** Applies a plan with no bad line. Never throws, so a failed write leaves no half-applied roster in memory. */
export function applyImport(meta: Meta, plan: ImportPlan): ImportSummary {
  const s: ImportSummary = {
    delegationsAdded: 0,
    delegationsUpdated: 0,
    delegatesAdded: 0,
    delegatesMoved: 0,
    pending: plan.unresolved.length,
    byKind: [],
    changed: false,
  };
  const index = new Map(meta.delegations.map((d) => [d.id, d]));
  const holder = new Map<string, string>();
  for (const d of meta.delegations) {
    for (const u of d.delegates) holder.set(u, d.id);
    for (const e of d.pending ?? []) holder.set(e, d.id);
  }
  const release = (key: string): void => {
    const from = holder.get(key);
    if (from === undefined) return;
    const old = index.get(from)!;
    old.delegates = old.delegates.filter((u) => u !== key);
    if (old.pending) old.pending = old.pending.filter((e) => e !== key);
    if (old.pending?.length === 0) delete old.pending;
    holder.delete(key);
  };
  const takeFrom = (key: string, to: string): 'new' | 'moved' | 'same' => {
    const from = holder.get(key);
    if (from === to) return 'same';
    release(key);
    return from === undefined ? 'new' : 'moved';
  };
  for (const p of plan.delegations) {
    let d = index.get(p.id);
    if (!d) {
      d = { id: p.id, name: p.name, kind: p.kind, ...(p.region ? { region: p.region } : {}), delegates: [] };
      meta.delegations.push(d);
      index.set(p.id, d);
      s.delegationsAdded++;
    } else if (d.name !== p.name || d.kind !== p.kind || (p.region && d.region !== p.region)) {
      d.name = p.name;
      d.kind = p.kind;
      if (p.region) d.region = p.region;
      s.delegationsUpdated++;
    }
    for (const u of p.users) {
      // An address imported earlier and now found is the same person: it leaves the pending list.
      const email = plan.emailsOf.get(u);
      if (email) release(email);
      const how = takeFrom(u, p.id);
      if (how === 'same') continue;
      d.delegates.push(u);
      holder.set(u, p.id);
      if (how === 'new') s.delegatesAdded++;
      else s.delegatesMoved++;
    }
    for (const e of p.emails) {
      const how = takeFrom(e, p.id);
      if (how === 'same') continue;
      (d.pending ??= []).push(e);
      holder.set(e, p.id);
      if (how === 'new') s.delegatesAdded++;
      else s.delegatesMoved++;
    }
  }
  const people = (meta.people ??= {});
  for (const [user, name] of plan.names) {
    const email = plan.emailsOf.get(user);
    const before = people[user];
    if (before?.name === name && (!email || before.email === email)) continue;
    people[user] = { ...before, name, ...(email ? { email } : {}) };
  }
  s.changed = s.delegationsAdded + s.delegationsUpdated + s.delegatesAdded + s.delegatesMoved > 0;
  for (const kind of DelegationKind.options) {
    const of = plan.delegations.filter((d) => d.kind === kind);
    if (!of.length) continue;
    const regions = new Map<string, number>();
    for (const d of of) if (d.region) regions.set(d.region, (regions.get(d.region) ?? 0) + 1);
    s.byKind.push({
      kind,
      delegations: of.length,
      delegates: of.reduce((n, d) => n + d.users.length + d.emails.length, 0),
      regions: [...regions].sort((a, b) => a[0].localeCompare(b[0])),
    });
  }
  return s;
}

/** Quotes a cell, and defuses spreadsheet formulas (=, +, -, @) in names. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The roster as the CSV `roster import` reads: users by id, addresses not yet matched by address. */
export function rosterCsv(meta: Readonly<Meta>): string {
  const rows: string[][] = [[...CSV_HEADER]];
  const sorted = [...meta.delegations].sort((a, b) => a.name.localeCompare(b.name));
  for (const d of sorted) {
    for (const u of [...d.delegates, ...(d.pending ?? [])]) rows.push([d.name, d.kind, d.region ?? '', u]);
  }
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
