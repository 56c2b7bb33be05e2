/**
 * The web chat's conversations, held in memory: each is an ordered log of activities that
 * Direct Line clients read by watermark. The bot writes into it through the connector routes,
 * the page through Direct Line. An updated activity is appended again with the same id, so a
 * polling client sees the update and replaces what it drew.
 */
import type { Activity } from 'botbuilder';

/** The one shared channel of the local chat: ballots and results are posted here. */
export const CHANNEL_CONVERSATION = 'consultations';

interface Conversation {
  id: string;
  type: 'channel' | 'personal';
  /** For a personal conversation: the web user id (without `web:`) it belongs to. */
  owner?: string;
  log: Partial<Activity>[];
}

/** Oldest activities are dropped past this, so a long demo cannot grow memory without bound. */
const MAX_LOG = 2_000;

export interface Conversations {
  get(id: string): Conversation | undefined;
  /** The conversation with this id, created on first use (ids are stable across restarts). */
  ensure(id: string, type: Conversation['type'], owner?: string): Conversation;
  /** The personal conversation of a user: `dm-<user>`. */
  personal(user: string): Conversation;
  /** Appends an activity, giving it an id and timestamp when it has none. Returns the id. */
  append(conversationId: string, activity: Partial<Activity>): string;
  /** Reads from a watermark: the activities after it and the new watermark. */
  read(conversationId: string, watermark: number): { activities: Partial<Activity>[]; watermark: string };
}

/** `now`: the core's clock, so that in demo mode messages carry the simulated time. */
export function createConversations(now: () => Date = () => new Date()): Conversations {
  const all = new Map<string, Conversation>();
  // Watermarks count appends since start; `dropped` keeps them valid when the log is trimmed.
  const dropped = new Map<string, number>();
  let seq = 0;

  const api: Conversations = {
    get: (id) => all.get(id),
    ensure(id, type, owner) {
      let c = all.get(id);
      if (!c) {
        c = { id, type, ...(owner ? { owner } : {}), log: [] };
        all.set(id, c);
      }
      return c;
    },
    personal: (user) => api.ensure(`dm-${user}`, 'personal', user),
    append(conversationId, activity) {
      const c = api.ensure(
        conversationId,
        conversationId.startsWith('dm-') ? 'personal' : 'channel',
        conversationId.startsWith('dm-') ? conversationId.slice(3) : undefined,
      );
      const id = activity.id ?? `${conversationId}|${String(++seq).padStart(7, '0')}`;
      // An update keeps the time the message was first posted.
      const first = activity.id ? c.log.find((a) => a.id === id)?.timestamp : undefined;
      c.log.push({
        ...activity,
        id,
        timestamp: first ?? activity.timestamp ?? now(),
        conversation: { ...(activity.conversation ?? {}), id: conversationId } as Activity['conversation'],
      });
      if (c.log.length > MAX_LOG) {
        const cut = c.log.length - MAX_LOG;
        c.log.splice(0, cut);
        dropped.set(conversationId, (dropped.get(conversationId) ?? 0) + cut);
      }
      return id;
    },
    read(conversationId, watermark) {
      const c = all.get(conversationId);
      const offset = dropped.get(conversationId) ?? 0;
      const total = offset + (c?.log.length ?? 0);
      const from = Math.max(0, Math.min(watermark, total) - offset);
      return { activities: c ? c.log.slice(from) : [], watermark: String(total) };
    },
  };
  return api;
}
