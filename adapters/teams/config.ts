/** The Teams adapter's variables (the Azure Bot's credentials), validated at start. */
import { z } from 'zod';
import { envChoice, envText } from '../../src/config.ts';

export const TeamsConfigSchema = z.object({
  /** Without it, /api/messages accepts requests from this machine only (local development). */
  MICROSOFT_APP_ID: envText('00000000-0000-0000-0000-000000000000'),
  MICROSOFT_APP_PASSWORD: envText("the client secret's value from the Azure Bot's app registration"),
  MICROSOFT_APP_TENANT_ID: envText('00000000-0000-0000-0000-000000000000'),
  MICROSOFT_APP_TYPE: envChoice(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], 'SingleTenant').optional(),
});

export type TeamsConfig = z.infer<typeof TeamsConfigSchema>;

/** An app id means real Bot Framework authentication (and so a platform that is configured). */
export function teamsConfigured(config: TeamsConfig): boolean {
  return Boolean(config.MICROSOFT_APP_ID);
}
