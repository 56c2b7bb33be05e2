/**
 * Requests validly signed but naming another workspace (the same app installed elsewhere) are
 * acknowledged with 200 and dropped: no core call, no Web API call; logged once per workspace.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/create-slack-adapter.ts';
import { createConsult } from '../../src/consult.ts';
import { createFileStore } from '../../src/store/file-store.ts';
import { createHttpServer } from '../../src/server.ts';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRecorder } from './recorder.ts';
import {
  CHANNEL,
  findButton,
  fixture,
  SEC,
  type SlackHarness,
  SIGNING_SECRET,
  startSlackHarness,
} from './support/harness.ts';

describe('Slack: only the installed workspace is served', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
    await h.roster('U0MEX1', 'Mexico', 'member', 'Americas');
    await h.slash(SEC, 'theme "Labour mobility" "Diasporas"');
    h.recorder.clear();
    h.logs.splice(0);
  });
  afterEach(async () => {
    await h.close();
  });

  const slashFrom = (team: Record<string, string>, text: string, user = SEC) =>
    h.signed({
      ...fixture('slash-command.json'),
      user_id: user,
      channel_id: CHANNEL,
      text,
      response_url: h.recorder.responseUrl(),
      ...team,
    });

  function clickFrom(team: { id: string } | null, enterprise: { id: string } | null) {
    const ballot = h.consult.store.get('T1')!;
    expect(ballot.posted).toHaveLength(1);
    const blocks = h.recorder.messages(CHANNEL)[0].blocks as any[];
    const b = findButton(blocks, /^1 · /);
    const p = fixture('block-actions-button.json');
    p.user = { ...p.user, id: 'U0MEX1', team_id: team?.id };
    p.team = team;
    p.enterprise = enterprise;
    p.response_url = h.recorder.responseUrl();
    p.actions = [
      { ...p.actions[0], action_id: b.action_id, value: b.value, text: { type: 'plain_text', text: b.text } },
    ];
    return h.signed({ payload: JSON.stringify(p) });
  }

  const nothingDone = (handle: ReturnType<typeof vi.spyOn>) => {
    expect(handle).not.toHaveBeenCalled();
    expect(h.recorder.calls).toEqual([]);
    expect(h.consult.store.get('T1')!.ballots).toEqual({});
  };

  it('a slash command from another team_id: 200, no core call, no Web API call', async () => {
    const handle = vi.spyOn(h.consult, 'handle');
    expect(await h.send(slashFrom({ team_id: 'T0EVIL', team_domain: 'evil' }, 'close T1'))).toBe(200);
    expect(await h.send(slashFrom({ team_id: 'T0EVIL' }, 'vote T1 1', 'U0MEX1'))).toBe(200);
    nothingDone(handle);
    expect(h.consult.store.get('T1')!.status).toBe('open');
  });

  it('a ballot click from another workspace, or from an organization that is not ours: nothing counted', async () => {
    const handle = vi.spyOn(h.consult, 'handle');
    expect(await h.send(clickFrom({ id: 'T0EVIL' }, null))).toBe(200);
    expect(await h.send(clickFrom({ id: 'T0TEST' }, { id: 'E0EVIL' }))).toBe(200);
    expect(await h.send(clickFrom(null, null))).toBe(200);
    nothingDone(handle);
    // The same click from the installed workspace counts.
    expect(await h.send(clickFrom({ id: 'T0TEST' }, null))).toBe(200);
    expect(h.consult.store.get('T1')!.ballots.mexico.choices).toEqual([1]);
  });

  it('a modal submission and a Home tab event from another workspace: nothing done', async () => {
    const handle = vi.spyOn(h.consult, 'handle');
    const view = fixture('view-submission.json');
    view.team = { id: 'T0EVIL', domain: 'evil' };
    view.user = { ...view.user, id: 'U0MEX1', team_id: 'T0EVIL' };
    expect(await h.send(h.signed({ payload: JSON.stringify(view) }))).toBe(200);
    const home = fixture('app-home-opened.json');
    home.team_id = 'T0EVIL';
    home.event = { ...home.event, user: 'U0MEX1' };
    expect(await h.send(h.signedJson(home))).toBe(200);
    nothingDone(handle);
  });

  it('logs a foreign workspace once, not once per request', async () => {
    for (let i = 0; i < 5; i++) await h.send(slashFrom({ team_id: 'T0EVIL' }, 'status'));
    await h.send(slashFrom({ team_id: 'T0OTHER' }, 'status'));
    expect(h.logs.filter((l) => l.includes('T0EVIL'))).toHaveLength(1);
    expect(h.logs.filter((l) => l.includes('T0OTHER'))).toHaveLength(1);
    expect(h.logs.join('\n')).toMatch(/serves T0TEST only/);
  });
});

describe('Slack: SLACK_TEAM_ID', () => {
  it('refuses to start when the bot token belongs to another workspace, and says what to fix', async () => {
    const recorder = await startRecorder();
    const store = createFileStore({ dir: await mkdtemp(join(tmpdir(), 'consult-team-')) });
    await store.open();
    const consult = createConsult({ store, secretariat: [], ballotSecret: 'x' });
    try {
      await expect(
        createSlackAdapter({
          consult,
          server: createHttpServer(),
          config: {
            SLACK_SIGNING_SECRET: SIGNING_SECRET,
            SLACK_BOT_TOKEN: 'xoxb-test',
            SLACK_API_URL: recorder.apiUrl,
            SLACK_TEAM_ID: 'T0ELSE',
          },
          networkRetries: 0,
        }),
      ).rejects.toThrow(/SLACK_TEAM_ID is T0ELSE, but SLACK_BOT_TOKEN belongs to workspace T0TEST/);
    } finally {
      await consult.stop();
      await store.close();
      await recorder.close();
    }
  });
});
