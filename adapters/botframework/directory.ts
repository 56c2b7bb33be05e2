/**
 * Teams only (the web chat has no directory). The members of the team or chat where a request
 * is typed, as the core's directory: a roster imported there by e-mail resolves addresses
 * against those members (their e-mail or UPN, TeamsInfo paged members), and names come from
 * the same list. Also the sender's own address,
 * looked up only while the roster waits for addresses, so someone imported by e-mail is matched
 * the first time they write.
 */
import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { Consult } from '../../src/consult-api.ts';
import type { Directory, DirectoryEntry } from '../../src/directory.ts';
import type { RequestContext } from '../../src/inbound.ts';
import type { UserId } from '../../src/domain/model.ts';

/** Pages of 500 (Teams' maximum), and a bound so a huge tenant cannot keep a turn busy forever. */
const PAGE = 500;
const MAX_PAGES = 40;

async function members(context: TurnContext): Promise<TeamsChannelAccount[]> {
  const all: TeamsChannelAccount[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const r = await TeamsInfo.getPagedMembers(context, PAGE, token);
    all.push(...(r.members ?? []));
    token = r.continuationToken;
    if (!token) break;
  }
  return all;
}

const addressesOf = (m: TeamsChannelAccount) =>
  [m.email, m.userPrincipalName].filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase());

function teamsDirectory(context: TurnContext, log?: (line: string) => void): Directory {
  let listed: Promise<TeamsChannelAccount[]> | undefined;
  const list = () =>
    (listed ??= members(context).catch((err: unknown) => {
      log?.(`teams: could not list the members of this conversation (${(err as Error).message})`);
      return [];
    }));
  return {
    async lookupEmails(emails) {
      const wanted = new Set(emails);
      const found = new Map<string, DirectoryEntry>();
      for (const m of await list()) {
        if (!m.id) continue;
        for (const a of addressesOf(m)) {
          if (wanted.has(a)) found.set(a, { user: `teams:${m.id}`, ...(m.name ? { name: m.name } : {}) });
        }
      }
      return found;
    },
    async displayNames(users) {
      const names = new Map<UserId, string>();
      for (const m of await list())
        if (m.id && m.name && users.includes(`teams:${m.id}`)) names.set(`teams:${m.id}`, m.name);
      return names;
    },
  };
}

/** Addresses already looked up per member: each sender is asked about once per process. */
const known = new Map<string, string | null>();

/** The sender's e-mail (or UPN), for matching an address imported before they wrote; undefined if unknown. */
async function senderEmail(context: TurnContext, log?: (line: string) => void): Promise<string | undefined> {
  const id = context.activity.from?.id;
  if (!id) return undefined;
  if (known.has(id)) return known.get(id) ?? undefined;
  let email: string | null = null;
  try {
    const m = await TeamsInfo.getMember(context, id);
    email = addressesOf(m)[0] ?? null;
  } catch (err) {
    log?.(`teams: could not look up the sender's address (${(err as Error).message})`);
    return undefined;
  }
  known.set(id, email);
  if (known.size > 10_000) known.delete(known.keys().next().value as string);
  return email ?? undefined;
}

/** A Teams request's context with who can be found here, the sender's name, and their address when it may match. */
export async function withTeamsPeople(
  consult: Consult,
  context: TurnContext,
  rc: RequestContext,
  log?: (line: string) => void,
): Promise<RequestContext> {
  const name = context.activity.from?.name;
  const email = consult.wantsEmail(rc.actor.user) ? await senderEmail(context, log) : undefined;
  return {
    ...rc,
    actor: { ...rc.actor, ...(name ? { name } : {}), ...(email ? { email } : {}) },
    directory: teamsDirectory(context, log),
  };
}
