/**
 * Configuration, parsed once with zod from an environment object that callers pass in
 * (tests pass their own; the entry point passes the process environment). Nothing in src/ reads it directly.
 */
import { z } from 'zod';
import { UserId } from './domain/model.ts';

const optionalText = z.string().trim().min(1).optional().catch(undefined);

const zoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'not a known IANA time zone (e.g. Europe/Zurich)');

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data/store'),
  CONSULT_TIMEZONE: zoneSchema.default('Europe/Zurich'),
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
  BALLOT_SECRET: optionalText,
  /** Where the secret-ballot key is kept, outside DATA_DIR; default ~/.config/consult/ballot.key (adapters/ballot-key.ts). */
  BALLOT_KEY_FILE: z.string().trim().min(1).optional(),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: z.string().url().optional().catch(undefined),
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional().catch(undefined),
  /** `1`: Bot Framework endpoint without an app id, for local tools only (the Teams adapter checks the rest). */
  TEAMS_LOCAL: z
    .enum(['0', '1'], { message: 'expected 1 (local tools only) or 0' })
    .default('0')
    .transform((v) => v === '1'),
  /** Comma-separated service URL prefixes the bot may answer (the Teams adapter parses them). */
  TEAMS_SERVICE_URLS: z.string().trim().min(1).optional(),
  /** Comma-separated tenant ids accepted besides MICROSOFT_APP_TENANT_ID. */
  TEAMS_ALLOWED_TENANTS: z.string().trim().min(1).optional(),
  WEBCHAT: z.enum(['on', 'off', 'auto']).default('auto'),
  WEBCHAT_HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
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

export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "unset", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ConfigSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(String(issue.path[0] ?? '?'), issue.message);
  }
  return result.data;
}
