/**
 * The workspace check: a request signed with our signing secret may still come from another
 * workspace (the same app installed elsewhere, or an app whose secret was reused). Only the
 * installed workspace (auth.test at start, or SLACK_TEAM_ID) is served; anything else is
 * acknowledged and dropped, and logged once per foreign workspace.
 */
import { createLogOnce } from './log-once.ts';

export interface Installed {
  /** The workspace (T…) the bot token belongs to. */
  teamId: string;
  /** The Enterprise Grid organization (E…), if any. */
  enterpriseId?: string;
  /** Installed for the whole organization: every workspace of `enterpriseId` is ours. */
  orgWide: boolean;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const field = (o: unknown, key: string): unknown =>
  o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined;

/** Where each kind of payload names its workspace: commands and events flat, interactions as objects. */
function workspaceOf(body: Record<string, unknown>): { teamId?: string; enterpriseId?: string } {
  return {
    teamId: str(body.team_id) ?? str(field(body.team, 'id')),
    enterpriseId: str(body.enterprise_id) ?? str(field(body.enterprise, 'id')),
  };
}

function isInstalledWorkspace(body: Record<string, unknown>, installed: Installed): boolean {
  const { teamId, enterpriseId } = workspaceOf(body);
  if (installed.orgWide) return enterpriseId === installed.enterpriseId;
  if (teamId !== installed.teamId) return false;
  return enterpriseId === undefined || enterpriseId === installed.enterpriseId;
}

export interface WorkspaceGuard {
  readonly installed: Installed;
  /** True for the installed workspace; otherwise logs (once per foreign workspace) and returns false. */
  allows(body: Record<string, unknown>): boolean;
}

export function createWorkspaceGuard(installed: Installed, log: (line: string) => void): WorkspaceGuard {
  const once = createLogOnce(log);
  return {
    installed,
    allows(body) {
      // Slack's URL check at setup names no workspace and does nothing.
      if (body.type === 'url_verification' || isInstalledWorkspace(body, installed)) return true;
      const { teamId, enterpriseId } = workspaceOf(body);
      const who = [teamId ?? 'no workspace', enterpriseId].filter(Boolean).join(' / ').slice(0, 60);
      once(
        who,
        `slack: ignored requests from workspace ${who}: this bot serves ${installed.orgWide ? `organization ${installed.enterpriseId}` : installed.teamId} only (auth.test of SLACK_BOT_TOKEN, or SLACK_TEAM_ID)`,
      );
      return false;
    },
  };
}

/** What auth.test says of the bot token, checked against SLACK_TEAM_ID when it is set. */
export function installedFrom(
  auth: { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean },
  configured: string | undefined,
): Installed {
  const installed: Installed = {
    teamId: auth.team_id ?? '',
    enterpriseId: auth.enterprise_id || undefined,
    orgWide: auth.is_enterprise_install === true,
  };
  if (configured && configured !== installed.teamId && configured !== installed.enterpriseId)
    throw new Error(
      `SLACK_TEAM_ID is ${configured}, but SLACK_BOT_TOKEN belongs to workspace ${installed.teamId || '?'}${installed.enterpriseId ? ` (organization ${installed.enterpriseId})` : ''}. Set SLACK_TEAM_ID to the workspace the app is installed in, or leave it unset.`,
    );
  if (!installed.teamId && !installed.enterpriseId)
    throw new Error(
      'auth.test named no workspace for SLACK_BOT_TOKEN: check that the app is installed in the workspace.',
    );
  return installed;
}
