/**
 * Which Microsoft Entra tenant an activity comes from. A validly signed activity from another
 * organisation's Teams must do nothing here: not read status or results, not answer, not become
 * the tenant where reminder chats are opened.
 */
import type { Activity } from 'botbuilder';

/** Teams puts the tenant in channelData and in the conversation; two different values are a forgery. */
function tenantOf(activity: Pick<Activity, 'channelData' | 'conversation'>): string | undefined | 'conflict' {
  const fromData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const fromConversation = activity.conversation?.tenantId;
  const ids = [fromData, fromConversation].filter((x): x is string => typeof x === 'string' && x !== '');
  if (ids.length === 2 && ids[0].toLowerCase() !== ids[1].toLowerCase()) return 'conflict';
  return ids[0]?.toLowerCase();
}

/** Why this activity's tenant is not served, or undefined. An empty set serves any (local mode, none configured). */
export function tenantRefusal(
  activity: Pick<Activity, 'channelData' | 'conversation'>,
  tenants: Set<string>,
): string | undefined {
  if (tenants.size === 0) return undefined;
  const tenant = tenantOf(activity);
  if (tenant === 'conflict') return 'its channelData and conversation name different tenants';
  if (!tenant) return 'it names no tenant';
  return tenants.has(tenant)
    ? undefined
    : `its tenant ${tenant.slice(0, 60)} is not MICROSOFT_APP_TENANT_ID or in TEAMS_ALLOWED_TENANTS`;
}
