/**
 * A flood of refused requests must not become a flood of log lines: each kind of refusal is
 * logged the first time, then again only at the 10th, 100th, 1000th… time, with the count.
 */
export function createLogOnce(log: (line: string) => void): (key: string, line: string) => void {
  const counts = new Map<string, number>();
  return (key, line) => {
    if (counts.size >= 1000 && !counts.has(key)) counts.clear(); // bounded, whatever the keys
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n === 1) log(line);
    else if (Number.isInteger(Math.log10(n))) log(`${line} (${n} times since start)`);
  };
}
