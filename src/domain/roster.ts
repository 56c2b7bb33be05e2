/** Who belongs to which delegation, and who is the secretariat. A user belongs to at most one delegation. */
import { fail, problem } from '../errors.ts';
import type { Delegation, DelegationKind, Meta, UserId } from './model.ts';

/**
 * Each vote asks whose delegation a user is in; with 1,000 delegations a scan of every list of
 * delegates was a tenth of a vote's cost. The last answer per user is kept, and checked before it is
 * used (still on the roster, still listing the user), so a roster change can never leave it stale;
 * keyed by the meta object, so a reload forgets it.
 */
const lastFound = new WeakMap<Readonly<Meta>, Map<UserId, Delegation>>();

export function delegationOf(meta: Readonly<Meta>, user: UserId): Delegation | undefined {
  let seen = lastFound.get(meta);
  const cached = seen?.get(user);
  if (cached?.delegates.includes(user) && meta.delegations.includes(cached)) return cached;
  const found = meta.delegations.find((d) => d.delegates.includes(user));
  if (found) {
    if (!seen) lastFound.set(meta, (seen = new Map()));
    seen.set(user, found);
  }
  return found;
}

export function isSecretariat(meta: Readonly<Meta>, fromConfig: ReadonlyArray<UserId>, user: UserId): boolean {
  return fromConfig.includes(user) || meta.secretariat.includes(user);
}

export function requireSecretariat(meta: Readonly<Meta>, fromConfig: ReadonlyArray<UserId>, user: UserId): void {
  if (!isSecretariat(meta, fromConfig, user)) fail('not-secretariat', problem('notSecretariat'));
}

/** Stable id for a delegation name: case and accents do not make a second delegation. */
export function delegationId(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'delegation'
  );
}

export function addDelegate(meta: Meta, user: UserId, name: string, kind: DelegationKind, region?: string): Delegation {
  const id = delegationId(name);
  const current = delegationOf(meta, user);
  if (current && current.id !== id) fail('roster', problem('userInOther', user, current.name));
  let delegation = meta.delegations.find((d) => d.id === id);
  if (delegation && delegation.kind !== kind) {
    const existing = delegation;
    fail('roster', problem('kindMismatch', existing.name, { delegationKind: existing.kind }));
  }
  if (!delegation) {
    delegation = { id, name, kind, region, delegates: [] };
    meta.delegations.push(delegation);
  }
  if (region && !delegation.region) delegation.region = region;
  if (!delegation.delegates.includes(user)) delegation.delegates.push(user);
  return delegation;
}

export function removeDelegate(meta: Meta, user: UserId): Delegation {
  const waiting = meta.delegations.find((d) => d.pending?.includes(user));
  if (waiting) {
    waiting.pending = waiting.pending!.filter((e) => e !== user);
    if (waiting.pending.length === 0) delete waiting.pending;
    return waiting;
  }
  const delegation = delegationOf(meta, user);
  if (!delegation) return fail('roster', problem('userNotOnRoster', user));
  delegation.delegates = delegation.delegates.filter((u) => u !== user);
  return delegation;
}

/** A delegation is on the roster once it has a delegate, or an address waiting to be matched to one. */
export function hasDelegates(d: Readonly<Delegation>): boolean {
  return d.delegates.length > 0 || (d.pending?.length ?? 0) > 0;
}

/** The name to show for a roster user: their platform's display name, else their e-mail, else the id. */
export function displayName(meta: Readonly<Meta>, user: UserId): string {
  const p = meta.people && Object.hasOwn(meta.people, user) ? meta.people[user] : undefined;
  return p?.name || p?.email || user;
}

/**
 * What a user's platform says about them when they write: their name, and the e-mail that may
 * match an address imported before they ever wrote. Returns whether the roster would change.
 */
export function personChanges(
  meta: Readonly<Meta>,
  user: UserId,
  seen: { name?: string; email?: string },
  /** The secretariat is named in roster views too. */
  remember = false,
): { name?: string; email?: string; joins?: string } | undefined {
  const p = meta.people && Object.hasOwn(meta.people, user) ? meta.people[user] : undefined;
  const email =
    typeof seen.email === 'string' && seen.email.length <= 254 ? seen.email.trim().toLowerCase() : undefined;
  const name = typeof seen.name === 'string' ? seen.name.trim().slice(0, 200) : undefined;
  const onRoster = delegationOf(meta, user) !== undefined;
  const joins = email && !onRoster ? meta.delegations.find((d) => d.pending?.includes(email))?.id : undefined;
  // Only roster people and the secretariat are remembered: the bot keeps nothing about anyone else who writes.
  if (!onRoster && !joins && !remember) return undefined;
  const out = {
    ...(name && name !== p?.name ? { name } : {}),
    ...(email && email !== p?.email ? { email } : {}),
    ...(joins ? { joins } : {}),
  };
  return Object.keys(out).length ? out : undefined;
}

/** Applies personChanges: the matched address leaves the pending list and the user joins that delegation. */
export function applyPerson(meta: Meta, user: UserId, change: NonNullable<ReturnType<typeof personChanges>>): void {
  const people = (meta.people ??= {});
  const before = Object.hasOwn(people, user) ? people[user] : undefined;
  people[user] = {
    ...before,
    ...(change.name ? { name: change.name } : {}),
    ...(change.email ? { email: change.email } : {}),
  };
  if (!change.joins || delegationOf(meta, user)) return;
  const d = meta.delegations.find((x) => x.id === change.joins);
  const email = people[user].email;
  if (!d || !email || !d.pending?.includes(email)) return;
  d.pending = d.pending.filter((e) => e !== email);
  if (d.pending.length === 0) delete d.pending;
  d.delegates.push(user);
}
