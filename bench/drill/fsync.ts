/**
 * Drill (g): power-cut safety, proven from outside the process. Killing a server after a write
 * says nothing about fsync (the page cache survives a SIGKILL), so instead the server runs under
 * `strace -f -ttt -T -y` and every system call that opens, fsyncs or renames a store file is
 * logged with its time. A write group of consultation T1 is: the audit log and the temp file opened
 * (the snapshot is taken just before) and both fsynced, the temp file renamed over T1.json, and the
 * consultations directory fsynced. For each confirmed vote ("Vote recorded" at the recorder), a
 * whole group must lie between its click and its confirmation. The same burst with STORE_FSYNC=off
 * is the control: no fsync at all, so the check would catch a store that skipped them.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRecorder } from '../../tests/slack/recorder.ts';
import { startServer, stopServer, type ServerProc } from '../lib/proc.ts';
import { drillEnv, seedOpenPoll, type DrillResult } from './lib.ts';
import { LOCK_FILE } from '../../src/store/lock.ts';
import { parseStrace, type Syscall } from './strace.ts';
import { voteBurst, type VoteOutcome } from './votes.ts';

const TRACED = 'trace=fsync,fdatasync,openat,rename,renameat,renameat2';

interface Group {
  start: number;
  logSync?: number;
  tmpSync?: number;
  renamed?: number;
  dirSync?: number;
}

/** Whether strace can trace a child here (installed, and ptrace allowed); the reason if not. */
function straceProblem(): Promise<string | undefined> {
  return new Promise((resolve) =>
    execFile('strace', ['-f', '-e', 'trace=none', 'true'], (err, _o, stderr) =>
      resolve(
        err
          ? (err as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'strace is not installed (apt-get install -y strace)'
            : `strace cannot trace here: ${(stderr || err.message).trim().slice(0, 200)}`
          : undefined,
      ),
    ),
  );
}

/** T1's write groups, in order, from the traced calls. */
function writeGroups(calls: Syscall[], consultations: string): Group[] {
  const file = join(consultations, 'T1.json');
  const tmp = join(consultations, '.T1.json.tmp');
  const log = join(consultations, 'T1.audit.jsonl');
  const groups: Group[] = [];
  let g: Group | undefined;
  for (const c of calls) {
    if (!c.ok) continue;
    const on = (p: string) => c.paths.includes(p);
    if (c.name === 'openat' && (on(log) || on(tmp))) {
      // The log and the temp file are written side by side: the first of them opens the group.
      if (!g) {
        g = { start: c.start };
        groups.push(g);
      }
    } else if (!g) continue;
    else if (c.name === 'fsync' || c.name === 'fdatasync') {
      if (on(log)) g.logSync = c.end;
      else if (on(tmp)) g.tmpSync = c.end;
      else if (on(consultations) && g.renamed !== undefined) {
        g.dirSync = c.end;
        g = undefined;
      }
    } else if (c.name.startsWith('rename') && on(tmp) && on(file)) g.renamed = c.end;
  }
  return groups;
}

const whole = (g: Group): g is Required<Group> =>
  g.logSync !== undefined &&
  g.tmpSync !== undefined &&
  g.renamed !== undefined &&
  g.dirSync !== undefined &&
  g.start <= Math.min(g.logSync, g.tmpSync) &&
  Math.max(g.logSync, g.tmpSync) <= g.renamed &&
  g.renamed <= g.dirSync;

interface Run {
  votes: VoteOutcome[];
  groups: Group[];
  storeSyncs: number;
  /** Confirmed votes with a whole fsynced group between click and confirmation. */
  covered: number;
  /** Smallest time from the end of a covering group's directory fsync to the confirmation, ms. */
  margin: number;
}

async function tracedRun(fsync: 'on' | 'off', opts: { delegations: number; bursts: number }): Promise<Run> {
  const root = await mkdtemp(join(tmpdir(), `consult-drill-fsync-${fsync}-`));
  const rec = await startRecorder();
  const { dataDir, delegations } = await seedOpenPoll(root, opts.delegations, 2);
  const trace = join(root, 'strace.log');
  let server: ServerProc | undefined;
  const votes: VoteOutcome[] = [];
  try {
    server = await startServer(
      { ...drillEnv(dataDir, rec.apiUrl), STORE_FSYNC: fsync },
      { wrap: ['strace', '-f', '-ttt', '-T', '-y', '--seccomp-bpf', '-e', TRACED, '-o', trace], timeoutMs: 120_000 },
    );
    for (let b = 0; b < opts.bursts; b++)
      votes.push(
        ...(await voteBurst(server.url, rec, {
          indices: delegations.map((_, i) => i),
          choiceOf: (i) => 1 + ((i + b) % 2),
          tag: `b${b}`,
        })),
      );
  } finally {
    if (server) await stopServer(server);
    await rec.close();
  }
  const calls = parseStrace(await readFile(trace, 'utf8'));
  await rm(root, { recursive: true, force: true });
  const consultations = join(dataDir, 'consultations');
  const groups = writeGroups(calls, consultations);
  // The lock file is fsynced once at open whatever the setting: it is not a write of the store's data.
  const lock = join(dataDir, LOCK_FILE);
  const storeSyncs = calls.filter(
    (c) => (c.name === 'fsync' || c.name === 'fdatasync') && c.paths.some((p) => p.startsWith(dataDir) && p !== lock),
  ).length;
  let covered = 0;
  let margin = Number.POSITIVE_INFINITY;
  for (const v of votes) {
    if (v.recordedAt === undefined) continue;
    const g = groups.find((x) => x.start >= v.sentAt && whole(x) && x.dirSync <= v.recordedAt!);
    if (!g) continue;
    covered++;
    margin = Math.min(margin, v.recordedAt - g.dirSync!);
  }
  return { votes, groups, storeSyncs, covered, margin };
}

export async function fsyncDrill(opts: { delegations: number; bursts: number }): Promise<DrillResult> {
  const name = `(g) every confirmed vote fsynced before its confirmation (strace), ${opts.bursts} bursts of ${opts.delegations}`;
  const problem = await straceProblem();
  if (problem) return { name, pass: true, figures: { skipped: true }, failures: [], notes: [`SKIPPED: ${problem}`] };
  const failures: string[] = [];
  const on = await tracedRun('on', opts);
  const off = await tracedRun('off', opts);
  const confirmed = (r: Run) => r.votes.filter((v) => v.recordedAt !== undefined).length;
  const total = opts.delegations * opts.bursts;
  if (confirmed(on) !== total) failures.push(`fsync on: ${total - confirmed(on)} votes were not confirmed`);
  if (on.covered !== confirmed(on))
    failures.push(
      `fsync on: ${confirmed(on) - on.covered} confirmed votes had no fully fsynced write between their click and their confirmation`,
    );
  if (confirmed(off) !== total) failures.push(`fsync off: ${total - confirmed(off)} votes were not confirmed`);
  if (off.storeSyncs !== 0) failures.push(`fsync off: ${off.storeSyncs} fsyncs of store files`);
  if (off.covered !== 0) failures.push('the control run (fsync off) passed the check: the check proves nothing');
  const wholeGroups = on.groups.filter(whole).length;
  return {
    name,
    pass: failures.length === 0,
    figures: {
      'STORE_FSYNC=on: votes confirmed': `${confirmed(on)}/${total}`,
      'STORE_FSYNC=on: confirmed votes with a fully fsynced write (log, file, rename, directory) between click and confirmation': `${on.covered}/${confirmed(on)}`,
      'STORE_FSYNC=on: write groups of T1 (all fsynced) / votes': `${wholeGroups} / ${total}`,
      'STORE_FSYNC=on: fsync calls on store files (lock file aside)': on.storeSyncs,
      'STORE_FSYNC=on: smallest margin, directory fsync done → confirmation (ms)': on.margin,
      'STORE_FSYNC=off (control): votes confirmed': `${confirmed(off)}/${total}`,
      'STORE_FSYNC=off (control): fsync calls on store files (lock file aside)': off.storeSyncs,
      'STORE_FSYNC=off (control): votes passing the check': off.covered,
    },
    failures,
  };
}
