/**
 * Options in several languages, in a Teams channel: the posted ballot shows every language given,
 * and a French and an English delegate tapping on it each see the options, and their confirmation,
 * in their own language. Over real activities and the connector recorder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { teamsActivity } from '../fixtures/teams/activities.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { actionsOf, cardOf, textsOf } from './support/cards.ts';
import type { Recorded } from './support/connector-recorder.ts';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BOT = '28:9e1b6d40-consult';
const CHANNEL = '19:general-delegates@thread.tacv2';
const TRILINGUAL =
  'theme "Return migration" fr:"Migration de retour" es:"Migración de retorno" ' +
  '"Labour migration" fr:"Migration de travail" es:"Migración laboral"';

type Who = { userId: string; userName: string; conversationId?: string; locale?: string };
const sec: Who = { userId: '29:1sec-geneva', userName: 'Secretariat', conversationId: 'a:1sec-personal' };
const fr: Who = { userId: '29:1fr-claire', userName: 'Claire (France)', locale: 'fr-FR' };
const en: Who = { userId: '29:1ke-wanjiru', userName: 'Wanjiru (Kenya)', locale: 'en-GB' };

let h: Harness;
let ballot: Recorded;
const common = () => ({ serviceUrl: h.recorder.serviceUrl, tenantId: TENANT, botId: BOT, teamId: CHANNEL });

async function tap(who: Who, action: Record<string, any>) {
  const res = await h.post(
    teamsActivity('invoke-adaptive-card-action', {
      ...common(),
      channelId: CHANNEL,
      ...who,
      replyToId: ballot.id,
      value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' },
    }),
  );
  expect(res.status).toBe(200);
  return textsOf(res.body.value);
}

beforeAll(async () => {
  h = await startHarness({ secretariat: [`teams:${sec.userId}`] });
  await h.post(teamsActivity('conversation-update-install', { ...common(), channelId: CHANNEL, ...sec }));
  for (const line of [`roster add teams:${fr.userId} "France" member`, `roster add teams:${en.userId} "Kenya" member`])
    await h.post(teamsActivity('message-personal', { ...common(), ...sec, locale: 'en-GB', text: line }));
  const before = h.recorder.calls.length;
  await h.post(
    teamsActivity('message-channel-mention', {
      ...common(),
      channelId: CHANNEL,
      ...sec,
      locale: 'en-GB',
      text: `<at>Consult</at> ${TRILINGUAL}`,
    }),
  );
  await h.consult.idle();
  ballot = h.recorder.calls.slice(before).find((c) => c.method === 'POST' && c.conversation === CHANNEL)!;
});
afterAll(() => h?.close());

describe('a ballot with options in three languages, in Teams', () => {
  it('the channel post shows all three', () => {
    const texts = textsOf(cardOf(ballot));
    expect(texts).toContain('1. Return migration / Migration de retour / Migración de retorno');
    expect(texts).toContain('2. Labour migration / Migration de travail / Migración laboral');
  });

  it('a French delegate and an English delegate each see the options and their confirmation in their language', async () => {
    const [first, second] = actionsOf(cardOf(ballot));
    const hers = await tap(fr, first);
    expect(hers).toContain(t('fr').reply.voteRecorded('France', '1. Migration de retour'));
    expect(hers).toContain('1. Migration de retour');
    expect(hers.join(' ')).not.toContain('Return migration');
    const his = await tap(en, second);
    expect(his).toContain(t('en').reply.voteRecorded('Kenya', '2. Labour migration'));
    expect(his.join(' ')).not.toMatch(/Migration de travail|Migración/);
  });
});
