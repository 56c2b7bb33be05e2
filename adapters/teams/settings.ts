/**
 * The Teams adapter's trust settings, checked at start: which mode /api/messages runs in, which tenants
 * it serves, which service URLs it answers. A bad combination stops the start and names the variable.
 */
import { ConfigError } from '../../src/config.ts';
import type { TeamsConfig } from './config.ts';
import { DEFAULT_SERVICE_URLS, parseServiceUrlPattern, type ServiceUrlPattern } from './service-urls.ts';

export type { TeamsConfig };

/** `authenticated`: Bot Framework tokens checked; `local`: no app id, local tools on this machine only. */
export type TeamsMode = 'authenticated' | 'local';

export interface TeamsSettings {
  mode: TeamsMode;
  appId: string;
  /** Tenants served; empty in local mode without a tenant configured (any local tool's tenant). */
  tenants: Set<string>;
  /** Service URLs answered in authenticated mode (local mode answers loopback only). */
  serviceUrls: ServiceUrlPattern[];
}

/** Undefined when Teams is not configured: /api/messages is then not mounted at all. */
export function teamsMode(config: TeamsConfig): TeamsMode | undefined {
  if (config.MICROSOFT_APP_ID) return 'authenticated';
  return config.TEAMS_LOCAL ? 'local' : undefined;
}

const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function list(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

export function teamsSettings(config: TeamsConfig): TeamsSettings {
  const mode = teamsMode(config);
  if (!mode)
    throw new ConfigError(
      'MICROSOFT_APP_ID',
      'the Teams adapter needs MICROSOFT_APP_ID (with MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID), or TEAMS_LOCAL=1 for local tools',
    );
  if (mode === 'authenticated' && config.TEAMS_LOCAL)
    throw new ConfigError(
      'TEAMS_LOCAL',
      'TEAMS_LOCAL=1 turns Bot Framework authentication off and cannot be combined with MICROSOFT_APP_ID: unset one of them',
    );

  const tenants = new Set<string>();
  for (const [variable, ids] of [
    ['MICROSOFT_APP_TENANT_ID', list(config.MICROSOFT_APP_TENANT_ID)],
    ['TEAMS_ALLOWED_TENANTS', list(config.TEAMS_ALLOWED_TENANTS)],
  ] as const) {
    for (const id of ids) {
      if (!TENANT_ID.test(id))
        throw new ConfigError(
          variable,
          `"${id.slice(0, 60)}" is not a Microsoft Entra tenant id (a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47)`,
        );
      tenants.add(id.toLowerCase());
    }
  }
  if (mode === 'authenticated' && tenants.size === 0)
    throw new ConfigError(
      'MICROSOFT_APP_TENANT_ID',
      "required with MICROSOFT_APP_ID: the bot serves only its organisation's tenant (list others in TEAMS_ALLOWED_TENANTS)",
    );

  const serviceUrls: ServiceUrlPattern[] = [];
  for (const entry of config.TEAMS_SERVICE_URLS ? list(config.TEAMS_SERVICE_URLS) : DEFAULT_SERVICE_URLS) {
    const pattern = parseServiceUrlPattern(entry);
    if (typeof pattern === 'string') throw new ConfigError('TEAMS_SERVICE_URLS', pattern);
    serviceUrls.push(pattern);
  }
  return { mode, appId: config.MICROSOFT_APP_ID ?? '', tenants, serviceUrls };
}
