/**
 * Reads an `strace -f -ttt -T -y` log into calls with their start and end times (epoch seconds),
 * joining the halves of a call that another thread's line interrupted (`<unfinished ...>` and
 * `<... fsync resumed>`), and the paths strace resolved (`-y`) or was given.
 */

export interface Syscall {
  pid: number;
  name: string;
  /** Epoch ms. */
  start: number;
  end: number;
  /** The paths the call names: the quoted ones, then the fd's resolved `<path>`. */
  paths: string[];
  ok: boolean;
}

const LINE = /^(\d+) +(\d+\.\d+) (.*)$/;

function finish(pid: number, name: string, start: number, text: string): Syscall | undefined {
  const result = / = (-?\d+)[^=]*$/.exec(text);
  if (!result) return undefined;
  const duration = /<(\d+\.\d+)>$/.exec(text);
  const paths = [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  // `-y` shows an fd as `18</the/path>`; for fsync that is the only path there is.
  for (const m of text.matchAll(/\d+<([^>]+)>/g)) paths.push(m[1]);
  return {
    pid,
    name,
    start: start * 1000,
    end: (start + (duration ? Number(duration[1]) : 0)) * 1000,
    paths,
    ok: Number(result[1]) >= 0,
  };
}

export function parseStrace(log: string): Syscall[] {
  const calls: Syscall[] = [];
  const pending = new Map<number, { name: string; start: number; text: string }>();
  for (const line of log.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const pid = Number(m[1]);
    const at = Number(m[2]);
    const rest = m[3];
    const unfinished = /^(\w+)\((.*) <unfinished \.\.\.>$/.exec(rest);
    if (unfinished) {
      pending.set(pid, { name: unfinished[1], start: at, text: unfinished[2] });
      continue;
    }
    const resumed = /^<\.\.\. (\w+) resumed>(.*)$/.exec(rest);
    if (resumed) {
      const p = pending.get(pid);
      pending.delete(pid);
      const call = p && finish(pid, p.name, p.start, `${p.text}${resumed[2]}`);
      if (call) calls.push(call);
      continue;
    }
    const whole = /^(\w+)\((.*)$/.exec(rest);
    const call = whole && finish(pid, whole[1], at, whole[2]);
    if (call) calls.push(call);
  }
  return calls.sort((a, b) => a.start - b.start);
}
