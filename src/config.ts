/**
 * The core's configuration, parsed once with zod from an environment object that callers pass in
 * (tests pass their own; the entry point passes the process environment). Nothing in src/ reads it
 * directly. Each platform adapter declares and validates its own variables with the helpers below,
 * so every bad value stops the start the same way: the variable, what was expected, an example.
 */
import { z } from 'zod';
import { UserId } from './domain/model.ts';
import { LOG_LEVELS } from './log.ts';

type Env = Record<string, string | undefined>;

/** A non-blank text (a token, a secret, an id); never echoed back, since it may be a secret. */
export function envText(example: string) {
  return z.string().trim().min(1, `expected a non-blank value, e.g. ${example}`).optional();
}

/** One of a fixed set of words, spelled exactly. */
export function envChoice<const T extends readonly [string, ...string[]]>(values: T, example: T[number]) {
  return z.enum(values, { error: `expected one of ${values.join(', ')} (exactly as written), e.g. ${example}` });
}

/** An absolute http(s) URL. */
export function envUrl(example: string) {
  return z
    .string()
    .trim()
    .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), {
      error: `expected an absolute http(s) URL, e.g. ${example}`,
    });
}

const zone = z.string().refine(
  (name) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'expected a known IANA time zone, e.g. Europe/Zurich' },
);

export const ConfigSchema = z.object({
  PORT: z.coerce
    .number({ error: 'expected a port number from 0 to 65535, e.g. 3978' })
    .int({ error: 'expected a port number from 0 to 65535, e.g. 3978' })
    .min(0, { error: 'expected a port number from 0 to 65535, e.g. 3978' })
    .max(65535, { error: 'expected a port number from 0 to 65535, e.g. 3978' })
    .default(3978),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data/store'),
  CONSULT_TIMEZONE: zone.default('Europe/Zurich'),
  SECRETARIAT: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(UserId)),
  /** The key that hides who cast a secret ballot, given directly (e.g. by a secret manager); wins over the file. */
  BALLOT_SECRET: envText('a long random string (openssl rand -hex 32)'),
  /** Where the secret-ballot key is kept, outside DATA_DIR; default ~/.config/consult/ballot.key (adapters/ballot-key.ts). */
  BALLOT_KEY_FILE: envText('/etc/consult/ballot.key'),
  LOG_LEVEL: envChoice(LOG_LEVELS, 'info').default('info'),
  /** on: every store write and its directory are fsynced before the write counts as recorded (src/store/durable-fs.ts). */
  STORE_FSYNC: envChoice(['on', 'off'], 'on').default('on'),
  /** The bot's address as seen from outside (https in production): cards then link to charts the bot serves. */
  PUBLIC_URL: envUrl('https://consult.example.org').optional(),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(
      `Configuration variable ${variable} is invalid: ${problem}. Fix it in the environment or .env and start again.`,
    );
    this.name = 'ConfigError';
  }
}

/**
 * Parses `env` with `schema` (an object of variables). Empty strings mean "unset", as in most
 * .env files. The first bad variable throws a ConfigError naming it.
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: Env): z.infer<S> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(String(issue.path[0] ?? '?'), issue.message);
  }
  return result.data;
}

export function parseConfig(env: Env): Config {
  return parseEnv(ConfigSchema, env);
}
