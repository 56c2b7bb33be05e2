/** Who belongs to which delegation, and who is the secretariat. A user belongs to at most one delegation. */
import { fail } from '../errors.ts';
import type { Delegation, DelegationKind, Meta, UserId } from './model.ts';

export function delegationOf(meta: Readonly<Meta>, user: UserId): Delegation | undefined {
  return meta.delegations.find((d) => d.delegates.includes(user));
}

export function isSecretariat(meta: Readonly<Meta>, fromConfig: ReadonlyArray<UserId>, user: UserId): boolean {
  return fromConfig.includes(user) || meta.secretariat.includes(user);
}

export function requireSecretariat(meta: Readonly<Meta>, fromConfig: ReadonlyArray<UserId>, user: UserId): void {
  if (!isSecretariat(meta, fromConfig, user)) fail('not-secretariat', (c) => c.errors.notSecretariat);
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
  if (current && current.id !== id) fail('roster', (c) => c.errors.userInOther(user, current.name));
  let delegation = meta.delegations.find((d) => d.id === id);
  if (delegation && delegation.kind !== kind) {
    const existing = delegation;
    fail('roster', (c) => c.errors.kindMismatch(existing.name, c.delegationKind[existing.kind]));
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
  const delegation = delegationOf(meta, user);
  if (!delegation) return fail('roster', (c) => c.errors.userNotOnRoster(user));
  delegation.delegates = delegation.delegates.filter((u) => u !== user);
  return delegation;
}
