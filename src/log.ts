/**
 * The operator's log: one line per event, with a level that LOG_LEVEL filters. A plain
 * `(line) => void` is a valid Log (everything at info), so callers that pass one keep working.
 */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type Log = (line: string, level?: LogLevel) => void;

/** Drops lines below `minimum` and hands the rest to `sink` (default: the console). */
export function leveledLog(minimum: LogLevel, sink: Log = (line) => console.log(line)): Log {
  const floor = LOG_LEVELS.indexOf(minimum);
  return (line, level = 'info') => {
    if (LOG_LEVELS.indexOf(level) >= floor) sink(line, level);
  };
}
