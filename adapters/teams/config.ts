/**
 * The Teams adapter's variables (the Azure Bot's credentials, local mode, allow-lists), validated at
 * start: a bad value stops the start naming the variable. settings.ts checks how they combine.
 */
import { z } from 'zod';
import { envChoice, envText } from '../../src/config.ts';

export const TeamsConfigSchema = z.object({
  MICROSOFT_APP_ID: envText('00000000-0000-0000-0000-000000000000'),
  MICROSOFT_APP_PASSWORD: envText("the client secret's value from the Azure Bot's app registration"),
  MICROSOFT_APP_TENANT_ID: envText('72f988bf-86f1-41af-91ab-2d7cd011db47'),
  MICROSOFT_APP_TYPE: envChoice(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], 'SingleTenant').optional(),
  /** `1`: Bot Framework endpoint without an app id, for local tools only (settings.ts checks the rest). */
  TEAMS_LOCAL: envChoice(['0', '1'], '1')
    .default('0')
    .transform((v) => v === '1'),
  /** Comma-separated service URL prefixes the bot may answer (service-urls.ts parses them). */
  TEAMS_SERVICE_URLS: envText('https://smba.trafficmanager.net/'),
  /** Comma-separated tenant ids accepted besides MICROSOFT_APP_TENANT_ID. */
  TEAMS_ALLOWED_TENANTS: envText('72f988bf-86f1-41af-91ab-2d7cd011db47'),
});

/** Tests and tools may pass only the variables they set. */
export type TeamsConfig = Partial<z.infer<typeof TeamsConfigSchema>>;

/** An app id means real Bot Framework authentication (and so a platform that is configured). */
export function teamsConfigured(config: TeamsConfig): boolean {
  return Boolean(config.MICROSOFT_APP_ID);
}
