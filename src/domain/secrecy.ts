/**
 * Secret ballots are stored under a keyed hash of the voter, so the delegation can change its
 * answer before the close, while the store alone (without the key, kept outside it) cannot
 * tell who chose what. Ballot keys are written sorted, so their order reveals nothing either.
 */
import { createHmac } from 'node:crypto';
import type { Consultation } from './model.ts';

export function pseudonym(secret: string, consultationId: string, voter: string): string {
  return createHmac('sha256', secret).update(`${consultationId}\u0000${voter}`).digest('hex').slice(0, 32);
}

/** The ballot key of a voter (a delegation id, or a participant for satisfaction surveys). */
export function ballotKey(c: Pick<Consultation, 'id' | 'secrecy'>, voter: string, secret: string): string {
  return c.secrecy === 'secret' ? pseudonym(secret, c.id, voter) : voter;
}

export function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
