/**
 * An optional capability of a platform adapter: finding the people of its workspace, so a
 * roster can be loaded by e-mail address and shown with names instead of ids. An adapter
 * registers one for its platform, or passes one with a request when the answer depends on
 * where the request was typed (the members of that team or chat).
 */
import type { UserId } from './domain/model.ts';

export interface DirectoryEntry {
  user: UserId;
  name?: string;
}

export interface Directory {
  /** The users these addresses (lower case) belong to; addresses it cannot find are left out. Never throws. */
  lookupEmails(emails: ReadonlyArray<string>): Promise<Map<string, DirectoryEntry>>;
  /** Display names of these users; unknown ones are left out. Never throws. */
  displayNames(users: ReadonlyArray<UserId>): Promise<Map<UserId, string>>;
}
