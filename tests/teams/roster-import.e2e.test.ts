/**
 * Roster import from Teams over real HTTP: CSV lines in a message (e-mails resolved against the
 * team's members, TeamsInfo paged members, answered by the connector recorder), an attached CSV
 * file in a personal chat, and an address matched when its owner first writes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { teamsActivity } from '../fixtures/teams/activities.ts';
import { cardOf, textsOf } from './support/cards.ts';
import { startHarness, type Harness } from './support/harness.ts';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BOT = '28:9e1b6d40-consult';
const CHANNEL = '19:general-delegates@thread.tacv2';
const HEADER = 'delegation,kind,region,user';
const sec = { userId: '29:1sec-geneva', userName: 'Secretariat', conversationId: 'a:1sec-personal' };

let h: Harness;
const common = () => ({ serviceUrl: h.recorder.serviceUrl, tenantId: TENANT, botId: BOT, teamId: CHANNEL });
const inChannel = (who: typeof sec, text: string) =>
  h.post(teamsActivity('message-channel-mention', { ...common(), channelId: CHANNEL, ...who, text }));
const inPersonalChat = (who: typeof sec, text: string, extra: Record<string, unknown> = {}) =>
  h.post({ ...teamsActivity('message-personal', { ...common(), ...who, text }), ...extra });

/** Everything the bot said since call `from`, as text. */
function saidSince(from: number): string {
  return h.recorder.calls
    .slice(from)
    .filter((c) => Array.isArray(c.body.attachments))
    .map((c) => textsOf(cardOf(c)).join('\n'))
    .join('\n');
}

beforeEach(async () => {
  h = await startHarness({ secretariat: [`teams:${sec.userId}`] });
  h.recorder.members = [
    { id: '29:1mx-ana', name: 'Ana Pérez', email: 'ana@sre.gob.mx', userPrincipalName: 'ana@sre.gob.mx' },
    { id: '29:1ke-wanjiru', name: 'Wanjiru Kamau', userPrincipalName: 'Wanjiru.Kamau@mfa.go.ke' },
    { id: sec.userId, name: 'Secretariat', email: 'idm@iom.int' },
  ];
});
afterEach(async () => {
  await h.close();
});

describe('Teams: roster import', () => {
  it('reads CSV lines typed after the mention, resolving e-mails and UPNs among the team’s members', async () => {
    const from = h.recorder.calls.length;
    const text = [
      'roster import',
      HEADER,
      'Mexico,member,Americas,ana@sre.gob.mx',
      'Kenya,member,Africa,wanjiru.kamau@mfa.go.ke',
      'Holy See,observer-state,Europe,nuncio@holysee.va',
    ].join('\n');
    expect((await inChannel(sec, text)).status).toBe(200);
    await h.consult.idle();
    const said = saidSince(from);
    expect(said).toContain('Roster imported: 3 lines read.');
    expect(said).toContain('Line 4: nuncio@holysee.va');
    expect(h.recorder.calls.some((c) => c.method === 'GET' && c.path.endsWith('/pagedmembers'))).toBe(true);
    const meta = h.consult.store.meta();
    expect(meta.delegations.find((d) => d.name === 'Kenya')?.delegates).toEqual(['teams:29:1ke-wanjiru']);

    const list = h.recorder.calls.length;
    await inPersonalChat(sec, 'roster list');
    expect(saidSince(list)).toContain('Mexico (Americas): Ana Pérez');
    expect(saidSince(list)).toContain('Kenya (Africa): Wanjiru Kamau');
  });

  it('imports a CSV file attached in a personal chat', async () => {
    const url = h.recorder.addFile('roster.csv', `${HEADER}\nMexico,member,Americas,ana@sre.gob.mx\n`);
    const from = h.recorder.calls.length;
    await inPersonalChat(sec, '', {
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'roster.csv',
          contentUrl: 'https://contoso.sharepoint.com/personal/sec/Documents/roster.csv',
          content: { downloadUrl: url, uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C8C', fileType: 'csv' },
        },
      ],
    });
    expect(saidSince(from)).toContain('Roster imported: 1 lines read.');
    expect(h.consult.store.meta().delegations[0].delegates).toEqual(['teams:29:1mx-ana']);
  });

  it('does not fetch a file from a host that is not SharePoint', async () => {
    const from = h.recorder.calls.length;
    await inPersonalChat(sec, '', {
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'roster.csv',
          content: { downloadUrl: 'http://169.254.169.254/latest/meta-data', fileType: 'csv' },
        },
      ],
    });
    expect(saidSince(from)).toContain('The file could not be downloaded, so nothing was imported.');
    expect(h.logs.some((l) => /refused to download a file from http:\/\/169\.254\.169\.254/.test(l))).toBe(true);
    expect(h.consult.store.meta().delegations).toHaveLength(0);
  });

  it('matches an address imported before its owner wrote, the first time they write', async () => {
    await inPersonalChat(sec, `roster import\n${HEADER}\nFrance,member,Europe,claire@diplomatie.gouv.fr`);
    expect(h.consult.store.meta().delegations[0].pending).toEqual(['claire@diplomatie.gouv.fr']);
    h.recorder.members.push({ id: '29:1fr-claire', name: 'Claire Martin', email: 'Claire@diplomatie.gouv.fr' });
    const claire = { userId: '29:1fr-claire', userName: 'Claire Martin', conversationId: 'a:1fr-personal' };
    await inPersonalChat(sec, 'theme "A" "B"');
    const from = h.recorder.calls.length;
    await inPersonalChat(claire, 'vote T1 1');
    expect(saidSince(from)).toContain('Vote recorded for France');
    expect(h.consult.store.meta().delegations[0]).toMatchObject({ delegates: ['teams:29:1fr-claire'] });
  });

  it('refuses several commands typed on several lines', async () => {
    const from = h.recorder.calls.length;
    await inPersonalChat(sec, 'roster add teams:29:a "Peru" member\nroster add teams:29:b "Chile" member');
    expect(saidSince(from)).toContain('One command per message, please');
    expect(h.consult.store.meta().delegations).toHaveLength(0);
  });
});
