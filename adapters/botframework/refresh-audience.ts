/**
 * Who a posted ballot refreshes for automatically. Teams refreshes a card's per-user view by itself
 * only for the users its `refresh.userIds` lists, at most 60: here, the roster's delegates on this
 * platform who are members of the conversation. Beyond 60 the card lists no one and says how to
 * refresh by hand (render.ts).
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Consult } from '../../src/consult-api.ts';

const MAX_REFRESH_USERS = 60;

type RefreshAudience = { userIds?: string[]; tooMany?: true };

/** Members of a conversation change rarely; a ballot is updated after every vote. */
const MEMBERS_TTL_MS = 10 * 60_000;
const PAGE = 500;
const MAX_PAGES = 10;

export interface RefreshAudiences {
  /** The audience of a ballot posted in (or updated in) the conversation of this proactive turn. */
  of(context: TurnContext): Promise<RefreshAudience>;
}

export function createRefreshAudiences(options: {
  consult: Consult;
  now: () => number;
  /** The conversation's member ids; by default as Teams lists them (TeamsInfo paged members). */
  members?: (context: TurnContext) => Promise<string[]>;
  log?: (line: string) => void;
}): RefreshAudiences {
  const { consult, now, log } = options;
  const listMembers = options.members ?? teamsMembers;
  const cache = new Map<string, { at: number; ids: Set<string> | undefined }>();

  async function membersOf(context: TurnContext): Promise<Set<string> | undefined> {
    const conversation = context.activity.conversation.id;
    const hit = cache.get(conversation);
    if (hit && now() - hit.at < MEMBERS_TTL_MS) return hit.ids;
    let ids: Set<string> | undefined;
    try {
      ids = new Set(await listMembers(context));
    } catch (err) {
      // Without the member list, every delegate on the roster may be in this conversation.
      log?.(`teams: could not list the members of ${conversation} (${(err as Error).message})`);
    }
    cache.set(conversation, { at: now(), ids });
    return ids;
  }

  return {
    async of(context) {
      const delegates = consult.store
        .meta()
        .delegations.flatMap((d) => d.delegates)
        .filter((u) => u.startsWith('teams:'))
        .map((u) => u.slice('teams:'.length));
      if (delegates.length === 0) return {};
      const members = await membersOf(context);
      const here = [...new Set(members ? delegates.filter((id) => members.has(id)) : delegates)];
      if (here.length === 0) return {};
      return here.length <= MAX_REFRESH_USERS ? { userIds: here } : { tooMany: true };
    },
  };
}

async function teamsMembers(context: TurnContext): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const r = await TeamsInfo.getPagedMembers(context, PAGE, token);
    ids.push(...(r.members ?? []).map((m) => m.id));
    token = r.continuationToken;
    if (!token) break;
  }
  return ids;
}
