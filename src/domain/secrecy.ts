/**
 * What keeps a secret ballot secret against a copy of the store (the key stays outside it).
 *
 * - A secret ballot is stored under a pseudonym, a keyed hash of the delegation (or participant),
 *   so the delegation can change its answer before the close while the store alone cannot tell
 *   who chose what.
 * - Every secret ballot re-keys all the consultation's pseudonyms under a fresh salt, and ballots are
 *   written sorted by pseudonym: two copies of the store cannot be diffed ballot by ballot, and no
 *   pseudonym "changes at the moment" a delegation's vote is logged. (Two copies taken around a
 *   single vote still differ by that one choice: see the README's threat model.)
 * - Nothing else is stored beside a choice: no time or user on a secret ballot; the audit entry of
 *   a secret ballot says that a delegation answered, to the minute; `answered` is kept sorted.
 * - Options that come from delegations (a proposal, a combination request) carry no proposer and
 *   reach the ballot only at the next publication slot, so a new option never appears on the card
 *   at the moment turnout rises by one.
 *
 * Satisfaction surveys store no list of respondents, so their pseudonyms cannot be re-keyed; nothing
 * in the store says who answered them either.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { addDays, set, startOfMinute } from 'date-fns';
import { tz } from '@date-fns/tz';
import type { Consultation, Option } from './model.ts';

/**
 * Fewer answers than this in a secret consultation (overall, or in a group of delegations) and their
 * counts would tell what one delegation chose: results then show turnout only.
 */
export const MIN_SECRET_GROUP = 3;

/** Whether counts over `answers` secret answers may be shown without identifying anyone's choice. */
export function countsMayShow(c: Pick<Consultation, 'secrecy'>, answers: number): boolean {
  return c.secrecy !== 'secret' || answers === 0 || answers >= MIN_SECRET_GROUP;
}

/** Anonymous options are published at these local hours (and at the latest at the close). */
const PUBLICATION_HOURS = [9, 15] as const;

/**
 * Tags an anonymous proposal with its delegation under the ballot key, so the per-delegation cap still holds in a
 * secret consultation. A copy of the store without the key cannot tell whose tag it is; it can only tell that two
 * proposals share a delegation, never which one, and the tag is unrelated to that delegation's ballot.
 */
export function proposerTag(secret: string, consultationId: string, delegation: string): string {
  return createHmac('sha256', secret)
    .update(`proposer\u0000${consultationId}\u0000${delegation}`)
    .digest('hex')
    .slice(0, 32);
}

/** Without a salt: the pseudonym of consultations stored before re-keying, and of satisfaction surveys. */
export function pseudonym(secret: string, consultationId: string, voter: string, salt?: string): string {
  const input = salt === undefined ? `${consultationId}\u0000${voter}` : `${salt}\u0000${consultationId}\u0000${voter}`;
  return createHmac('sha256', secret).update(input).digest('hex').slice(0, 32);
}

/** The ballot key of a voter (a delegation id, or a participant for satisfaction surveys). */
export function ballotKey(
  c: Pick<Consultation, 'id' | 'secrecy' | 'ballotSalt'>,
  voter: string,
  secret: string,
): string {
  return c.secrecy === 'secret' ? pseudonym(secret, c.id, voter, c.ballotSalt) : voter;
}

/** Sorted by key, on a null prototype like every record keyed by id (model.ts idRecord). */
export function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [k, v] of Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = v;
  return out;
}

/**
 * Moves every secret ballot of `c` to a pseudonym under a new salt. Costs two keyed hashes per
 * delegation that answered (a few hundred at most), once per secret ballot.
 */
export function rekeyBallots(c: Consultation, secret: string): void {
  const salt = randomBytes(16).toString('hex');
  const moved: Record<string, Consultation['ballots'][string]> = {};
  const left = new Map(Object.entries(c.ballots));
  for (const delegation of c.answered) {
    const old = pseudonym(secret, c.id, delegation, c.ballotSalt);
    const ballot = left.get(old);
    if (!ballot) continue;
    left.delete(old);
    moved[pseudonym(secret, c.id, delegation, salt)] = ballot;
  }
  // A ballot no delegation maps to (a hand-edited file) still counts; a random key keeps it unlinkable too.
  for (const ballot of left.values()) moved[randomBytes(16).toString('hex')] = ballot;
  c.ballots = sortedRecord(moved);
  c.ballotSalt = salt;
}

/** When a secret ballot or anonymous entry is logged: to the minute, never to the millisecond. */
export function coarseTime(at: Date): string {
  return startOfMinute(at).toISOString();
}

/** The first publication slot strictly after `now`, in the organisation's time zone, or the close if earlier. */
export function nextPublication(now: Date, zone: string, closesAt: Date): Date {
  const ctx = tz(zone);
  for (let day = 0; day <= 1; day++) {
    for (const hours of PUBLICATION_HOURS) {
      const slot = set(addDays(now, day, { in: ctx }), { hours, minutes: 0, seconds: 0, milliseconds: 0 }, { in: ctx });
      if (slot.getTime() > now.getTime()) return slot.getTime() < closesAt.getTime() ? slot : closesAt;
    }
  }
  return closesAt;
}

/** Whether an option is on the ballot yet (anonymous options wait for their publication slot). */
export function isPublished(o: Option, now: Date): boolean {
  return o.publishAt === undefined || Date.parse(o.publishAt) <= now.getTime();
}
