/**
 * Day one at a real secretariat, over real signed Slack HTTP: the whole membership (175 Member
 * States, 100 observers, 450 delegates, by e-mail) in one slash command, e-mails resolved by
 * users.lookupByEmail (answered by the recorder), then the roster by name and a first poll.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateCalls } from './block-kit-limits.ts';
import { blocksText, CHANNEL, fixture, SEC, startSlackHarness, type SlackHarness } from './support/harness.ts';

const REGIONS = ['Africa', 'Americas', 'Asia-Pacific', 'Europe', 'Middle East'];
const HEADER = 'delegation,kind,region,user';

interface Line {
  delegation: string;
  kind: string;
  region: string;
  user: string;
}

/** 175 member and 100 observer delegations with 450 delegates, each a workspace member with a name and address. */
function membership(h: SlackHarness): Line[] {
  const lines: Line[] = [];
  let n = 0;
  const add = (delegation: string, kind: string, region: string, delegates: number) => {
    for (let k = 0; k < delegates; k++) {
      n++;
      const user = `U${String(n).padStart(4, '0')}`;
      const email = `delegate${n}@mission${lines.length}.example.org`;
      h.recorder.setPerson(user, { name: `Delegate ${n}`, email });
      // Slack (should_escape) sends typed addresses as <mailto:…|…> and mentions as <@U…|name>.
      const typed =
        n % 10 === 0 ? `<@${user}|delegate${n}>` : n % 7 === 0 ? `slack:${user}` : `<mailto:${email}|${email}>`;
      lines.push({ delegation, kind, region, user: typed });
    }
  };
  for (let i = 0; i < 175; i++) {
    const name = i === 3 ? 'Antigua &amp; Barbuda' : `Member State ${String(i + 1).padStart(3, '0')}`;
    add(name, 'member', REGIONS[i % REGIONS.length], i < 125 ? 2 : 1);
  }
  for (let j = 0; j < 100; j++) {
    const kind = j < 50 ? 'observer-state' : 'observer-org';
    add(`Observer ${String(j + 1).padStart(3, '0')}`, kind, REGIONS[j % REGIONS.length], j < 50 ? 2 : 1);
  }
  return lines;
}

const csv = (lines: Line[]) => [HEADER, ...lines.map((l) => `${l.delegation},${l.kind},${l.region},${l.user}`)];

function repliesSince(h: SlackHarness, from: number) {
  return h.recorder.calls.slice(from).filter((c) => c.method === 'response_url' || c.method === 'chat.postEphemeral');
}

describe('Slack: the whole membership in one step', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
  });
  afterEach(async () => {
    expect(validateCalls(h.recorder.calls)).toEqual([]);
    await h.close();
  });

  it('imports 450 delegates of 275 delegations in one message: one summary, names in the list, turnout "0 of 175"', async () => {
    const lines = membership(h);
    expect(lines).toHaveLength(450);
    const from = h.recorder.calls.length;
    expect(await h.slash(SEC, `roster import\n${csv(lines).join('\n')}`)).toBe(200);

    const replies = repliesSince(h, from);
    expect(replies).toHaveLength(1);
    const summary = blocksText(replies[0].body.blocks);
    expect(summary).toContain('Roster imported: 450 lines read.');
    expect(summary).toContain('Delegations: 275 added, 0 updated.');
    expect(summary).toContain('Delegates: 450 added, 0 moved');
    expect(summary).toContain(
      'Member State: 175 delegations, 300 delegates (Africa 35, Americas 35, Asia-Pacific 35, Europe 35, Middle East 35)',
    );
    expect(summary).toContain('Observer State: 50 delegations, 100 delegates');
    expect(summary).toContain('Observer Organization: 50 delegations, 50 delegates');
    expect(summary).not.toContain('matched nobody');
    const emails = lines.filter((l) => l.user.startsWith('<mailto:')).length;
    expect(h.recorder.done('users.lookupByEmail')).toHaveLength(emails);

    // The roster by name, grouped by kind; past one message it comes as a file, to the requester only.
    h.recorder.clear();
    await h.slash(SEC, 'roster list');
    const upload = h.recorder.callsTo('upload')[0];
    expect(upload, 'the roster list is sent as a file').toBeDefined();
    const listed = String(upload.body.raw);
    expect(listed).toContain('Member State (175)');
    expect(listed).toContain('Antigua & Barbuda (Europe): Delegate 7, Delegate 8');
    expect(listed).toContain('Observer Organization (50)');
    expect(listed).not.toMatch(/slack:U\d|mailto/);
    expect(h.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL)).toHaveLength(0);

    // A theme poll for Member States: nobody has answered yet out of 175 delegations.
    await h.slash(SEC, 'theme "Human mobility and climate" "Migrants in cities"');
    const ballot = h.recorder.callsTo('chat.postMessage').find((c) => c.body.channel === CHANNEL);
    expect(blocksText(ballot?.body.blocks)).toContain('0 of 175');
  });

  it('refuses the same import with 3 bad lines: nothing changes, the 3 lines are listed', async () => {
    const lines = membership(h);
    lines[9] = { ...lines[9], kind: 'member-state' };
    lines[199] = { ...lines[199], user: '' };
    lines[300] = { ...lines[300], user: lines[0].user, delegation: 'Observer 999' };
    const rows = csv(lines);
    rows[200] = rows[200].replace(/,$/, '');
    const from = h.recorder.calls.length;
    expect(await h.slash(SEC, `roster import\n${rows.join('\n')}`)).toBe(200);
    const replies = repliesSince(h, from);
    expect(replies).toHaveLength(1);
    const text = blocksText(replies[0].body.blocks);
    expect(text).toContain('Nothing was imported: 3 lines need fixing.');
    expect(text).toContain('Line 11: "member-state" is not a kind');
    expect(text).toContain('Line 201: 3 cells where 4 are expected');
    expect(text).toContain('Line 302: this user is already listed for Member State 001 on line 2.');
    expect(text.match(/Line \d+:/g)).toHaveLength(3);
    expect(h.consult.store.meta().delegations).toHaveLength(0);
    // Nothing was looked up for a file that is refused anyway.
    expect(h.recorder.callsTo('users.lookupByEmail')).toHaveLength(0);
  });

  it('keeps addresses outside the workspace as pending and matches them when that person first writes', async () => {
    await h.slash(SEC, `roster import\n${HEADER}\nKenya,member,Africa,<mailto:wanjiru@mfa.go.ke|wanjiru@mfa.go.ke>`);
    expect(blocksText(h.recorder.callsTo('response_url').at(-1)?.body.blocks)).toContain('Line 2: wanjiru@mfa.go.ke');
    // She joins the workspace later; her first command carries her profile address (users.info).
    h.recorder.setPerson('U0WAN', { name: 'Wanjiru Kamau', email: 'Wanjiru@mfa.go.ke' });
    await h.slash(SEC, 'theme "A" "B"');
    h.recorder.clear();
    await h.slash('U0WAN', 'vote T1 1');
    expect(blocksText(h.recorder.callsTo('response_url').at(-1)?.body.blocks)).toContain('Vote recorded for Kenya');
    await h.slash(SEC, 'roster list');
    expect(blocksText(h.recorder.callsTo('response_url').at(-1)?.body.blocks)).toContain(
      'Kenya (Africa): Wanjiru Kamau',
    );
  });

  it('opens a modal for `/consult roster import` alone, and imports what is pasted into it', async () => {
    await h.slash(SEC, 'roster import');
    const open = h.recorder.callsTo('views.open').at(-1);
    expect(open, 'a modal opened').toBeDefined();
    const view = open!.body.view;
    const input = view.blocks.find((b: any) => b.type === 'input');
    expect(input.element).toMatchObject({ type: 'plain_text_input', multiline: true });
    await h.submitView(SEC, view, { csv: `${HEADER}\nPeru,member,Americas,slack:U0PER1` });
    expect(h.consult.store.meta().delegations.map((d) => d.name)).toEqual(['Peru']);
    expect(h.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL)).toHaveLength(0);
  });

  it('imports a CSV file shared with the bot in a direct message, downloaded with the bot token', async () => {
    h.recorder.setPerson('U0ANA', { name: 'Ana Pérez', email: 'ana@sre.gob.mx' });
    const url = h.recorder.addFile('roster.csv', `${HEADER}\r\nMexico,member,Americas,ana@sre.gob.mx\r\n`);
    const e = fixture('message-im-file-share.json');
    e.event.files[0].url_private = url;
    e.event.files[0].url_private_download = url;
    expect(await h.send(h.signedJson(e))).toBe(200);
    expect(h.recorder.callsTo('file-download')[0].body.authorization).toBe('Bearer xoxb-test-token');
    const answer = h.recorder.callsTo('chat.postMessage').at(-1);
    expect(answer?.body.channel).toBe('D0SEC');
    expect(blocksText(answer?.body.blocks)).toContain('Roster imported: 1 lines read.');
    expect(h.consult.store.meta().delegations[0].delegates).toEqual(['slack:U0ANA']);
    // Slack resends an event it thinks was lost (signed anew, same event id): the file is imported once.
    h.clock.advance(1000);
    expect(await h.send(h.signedJson(e), { 'x-slack-retry-num': '1' })).toBe(200);
    expect(h.recorder.callsTo('file-download')).toHaveLength(1);
  });

  it('never sends the bot token to a file URL outside Slack, and imports nothing', async () => {
    const e = fixture('message-im-file-share.json');
    e.event.files[0].url_private_download = 'http://127.0.0.1:9/steal';
    e.event.files[0].url_private = 'http://127.0.0.1:9/steal';
    expect(await h.send(h.signedJson(e))).toBe(200);
    expect(h.logs.some((l) => /refused to send the bot token/.test(l))).toBe(true);
    expect(blocksText(h.recorder.callsTo('chat.postMessage').at(-1)?.body.blocks)).toContain('could not be downloaded');
    expect(h.consult.store.meta().delegations).toHaveLength(0);
  });

  it('refuses a delegate’s file like a typed import: only the secretariat edits the roster', async () => {
    const url = h.recorder.addFile('r.csv', `${HEADER}\nMexico,member,Americas,slack:U0MEX1\n`);
    const e = fixture('message-im-file-share.json');
    e.event.user = 'U0MEX1';
    e.event.channel = 'D0MEX1';
    e.event.files[0].url_private_download = url;
    await h.send(h.signedJson(e));
    expect(blocksText(h.recorder.callsTo('chat.postMessage').at(-1)?.body.blocks)).toContain(
      'Only the secretariat can do this',
    );
    expect(h.recorder.callsTo('file-download')).toHaveLength(0);
    expect(h.consult.store.meta().delegations).toHaveLength(0);
  });
});
