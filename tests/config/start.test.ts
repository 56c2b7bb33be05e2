/**
 * Configuration as an operator meets it: every bad value stops the start before anything opens,
 * naming the variable, what was expected and an example; LOG_LEVEL filters the log.
 */
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../adapters/app.ts';

async function emptyDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'consult-config-'));
}

/** Starts with `env` on a fresh data directory and returns the error it stopped with. */
async function refusal(env: Record<string, string>): Promise<{ message: string; opened: string[] }> {
  const root = await emptyDir();
  const dir = join(root, 'store');
  const error = await createApp({ env: { DATA_DIR: dir, PORT: '0', BALLOT_SECRET: 'x', ...env }, log: () => {} }).then(
    () => undefined,
    (err: unknown) => err as Error,
  );
  if (!error) throw new Error(`started with ${JSON.stringify(env)}`);
  return { message: error.message, opened: await readdir(root) };
}

describe('a bad configuration value stops the start', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['a misspelt app type', { MICROSOFT_APP_TYPE: 'SingleTenent' }, /MultiTenant, SingleTenant, UserAssignedMSI/],
    ['a local mode that is not 0 or 1', { TEAMS_LOCAL: 'yes' }, /one of 0, 1 .*e\.g\. 1/],
    ['a malformed Web API URL', { SLACK_API_URL: 'slack.example/api' }, /absolute http\(s\) URL, e\.g\. https:/],
    ['a non-http Web API URL', { SLACK_API_URL: 'ftp://slack.example/api' }, /absolute http\(s\) URL/],
    ['a blank bot token', { SLACK_BOT_TOKEN: '   ' }, /non-blank value, e\.g\. xoxb-/],
    ['an unknown web chat mode', { WEBCHAT: 'yes' }, /on, off, auto .*e\.g\. auto/],
    ['an unknown log level', { LOG_LEVEL: 'verbose' }, /debug, info, warn, error .*e\.g\. info/],
    ['a port out of range', { PORT: '70000' }, /port number from 0 to 65535, e\.g\. 3978/],
    ['a time zone that is a city', { CONSULT_TIMEZONE: 'Geneva' }, /IANA time zone, e\.g\. Europe\/Zurich/],
  ];
  for (const [what, env, expected] of cases) {
    const variable = Object.keys(env)[0];
    it(`${what} (${variable}): names the variable, what was expected and an example; opens nothing`, async () => {
      const { message, opened } = await refusal(env);
      expect(message).toContain(`Configuration variable ${variable} is invalid`);
      expect(message).toMatch(expected);
      expect(opened).toEqual([]);
    });
  }

  it('never repeats the rejected value (it may be a secret)', async () => {
    const { message } = await refusal({ SLACK_API_URL: 'not-a-url-s3cr3t' });
    expect(message).not.toContain('s3cr3t');
  });
});

describe('LOG_LEVEL', () => {
  async function startLogs(env: Record<string, string>): Promise<string[]> {
    const lines: string[] = [];
    const app = await createApp({
      env: { DATA_DIR: join(await emptyDir(), 'store'), PORT: '0', BALLOT_SECRET: 'x', ...env },
      log: (line) => void lines.push(line),
    });
    await app.start();
    await app.stop();
    return lines;
  }

  // Local mode's notice (no authentication, this machine only) is a warning.
  const warning = (l: string) => l.includes('LOCAL MODE (TEAMS_LOCAL=1)');

  it('info (the default) logs the start-up line and the warnings', async () => {
    const lines = await startLogs({ TEAMS_LOCAL: '1' });
    expect(lines.some((l) => l.startsWith('Consult is listening'))).toBe(true);
    expect(lines.some(warning)).toBe(true);
  });

  it('warn keeps the warnings and drops the information lines', async () => {
    const lines = await startLogs({ TEAMS_LOCAL: '1', LOG_LEVEL: 'warn' });
    expect(lines.some(warning)).toBe(true);
    expect(lines.some((l) => l.startsWith('Consult is listening'))).toBe(false);
  });

  it('error drops the warnings too', async () => {
    const lines = await startLogs({ TEAMS_LOCAL: '1', LOG_LEVEL: 'error' });
    expect(lines).toEqual([]);
  });
});
