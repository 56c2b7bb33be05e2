/** Identities across the boundary: users are `slack:<user_id>`, channels `{ platform: 'slack', id }`. */
import type { ChannelRef, UserId } from '../../src/domain/model.ts';

export const toUserId = (slackUserId: string): UserId => `slack:${slackUserId}`;

export function slackUser(user: UserId): string {
  if (!user.startsWith('slack:')) throw new Error(`${user} is not a Slack user`);
  return user.slice('slack:'.length);
}

export const toChannel = (id: string): ChannelRef => ({ platform: 'slack', id });
