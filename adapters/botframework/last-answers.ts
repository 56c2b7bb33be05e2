/**
 * What each person was last told after acting on a consultation's card ("Vote recorded for Mexico…",
 * a refusal, an open form). Teams refreshes a person's view of a ballot whenever the shared message is
 * updated, which happens right after every vote: the refresh answers with this on top of the fresh
 * ballot, so the confirmation stays until the person acts on the card again. Kept in memory only: after
 * a restart a refresh shows the ballot and the delegation's vote, which is what the confirmation said.
 */
import type { UserId } from '../../src/domain/model.ts';
import type { OutboundMessage } from '../../src/outbound.ts';

/** Enough for every delegate of a large dialogue acting on a few consultations at once. */
const MAX_KEPT = 5_000;

export class LastAnswers {
  private readonly kept = new Map<string, OutboundMessage[]>();

  constructor(private readonly max = MAX_KEPT) {}

  /** Replaces what `user` was last told about `consultationId`; a ballot reply is the fresh view itself. */
  remember(user: UserId, consultationId: string, replies: OutboundMessage[]): void {
    const key = `${user}\n${consultationId.toUpperCase()}`;
    this.kept.delete(key);
    const told = replies.filter((r) => r.purpose !== 'ballot').map(({ file: _file, ...r }) => r);
    if (told.length === 0) return;
    this.kept.set(key, told);
    if (this.kept.size > this.max) this.kept.delete(this.kept.keys().next().value as string);
  }

  told(user: UserId, consultationId: string): OutboundMessage[] {
    return this.kept.get(`${user}\n${consultationId.toUpperCase()}`) ?? [];
  }
}
