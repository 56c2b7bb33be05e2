/**
 * Files go to the requester privately: uploaded with files.uploadV2 (getUploadURLExternal, the
 * upload, completeUploadExternal) to their direct message, never into a channel and never inline,
 * with a short ephemeral note where they asked. Observed through the recorder.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackDeliverer } from '../../adapters/slack/deliverer.ts';
import { createPacer } from '../../adapters/slack/pacer.ts';
import { createReplies } from '../../adapters/slack/replies.ts';
import { createSlackWeb } from '../../adapters/slack/web.ts';
import { WebClient } from '@slack/web-api';
import type { OutboundMessage } from '../../src/outbound.ts';
import { type SlackRecorder, startRecorder } from './recorder.ts';
import { blocksText, CHANNEL, findButton, last, SEC, type SlackHarness, startSlackHarness } from './support/harness.ts';

describe('Slack: exports reach the requester only', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
    await h.roster('U0MEX1', 'Mexico', 'member', 'Americas');
    await h.slash(SEC, 'theme "Labour mobility" "Diasporas" live');
    await h.click('U0MEX1', findButton(h.recorder.messages(CHANNEL)[0].blocks as any[], /^1 · /));
    h.recorder.clear();
  });
  afterEach(async () => {
    await h.close();
  });

  /** Nothing of the export went to the channel: no post, no file shared there, no CSV anywhere but the upload. */
  function nothingInChannel() {
    expect(h.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL)).toEqual([]);
    for (const c of h.recorder.callsTo('files.completeUploadExternal')) expect(c.body.channel_id).not.toBe(CHANNEL);
    for (const c of h.recorder.calls.filter((x) => x.method !== 'upload'))
      expect(JSON.stringify(c.body)).not.toContain('Labour mobility');
  }

  it('export typed in a channel: the file in the DM, an ephemeral note in the channel', async () => {
    await h.slash(SEC, 'export T1');
    expect(h.recorder.done('files.getUploadURLExternal')).toHaveLength(1);
    const upload = last(h.recorder.callsTo('upload'));
    expect(upload.body.raw).toContain('consultation,at,action');
    expect(upload.body.raw).toContain('1. Labour mobility');
    const complete = last(h.recorder.callsTo('files.completeUploadExternal'));
    expect(complete.body).toMatchObject({ channel_id: 'D0SEC' });
    expect(complete.body.files[0].title).toBe('consult-T1.csv');
    expect(blocksText(last(h.recorder.callsTo('response_url')).body.blocks)).toContain(
      'consult-T1.csv sent to you as a file, in your direct messages with Consult.',
    );
    nothingInChannel();
  });

  it('export clicked in the Home tab: the file in the DM', async () => {
    await h.homeOpened(SEC);
    const home = last(h.recorder.callsTo('views.publish'));
    h.recorder.clear();
    await h.click(SEC, findButton(home.body.view.blocks, /Export/, 'home'));
    expect(last(h.recorder.callsTo('files.completeUploadExternal')).body.channel_id).toBe('D0SEC');
    nothingInChannel();
  });

  it('when the upload fails, the requester is told in their language, and nothing goes to the channel', async () => {
    await h.slash(SEC, 'lang fr');
    h.recorder.fail('files.getUploadURLExternal', 'missing_scope');
    await h.slash(SEC, 'export T1');
    expect(blocksText(last(h.recorder.callsTo('response_url')).body.blocks)).toContain(
      'consult-T1.csv n’a pas pu vous être envoyé en fichier.',
    );
    expect(h.recorder.callsTo('upload')).toEqual([]);
    nothingInChannel();
    expect(h.logs.join('\n')).toMatch(/could not send consult-T1\.csv/);
  });
});

describe('Slack: files as bytes, and files addressed to a channel', () => {
  let recorder: SlackRecorder;
  const logs: string[] = [];
  beforeEach(async () => {
    recorder = await startRecorder();
    logs.splice(0);
  });
  afterEach(async () => {
    await recorder.close();
  });

  const web = () => {
    const client = new WebClient('xoxb-test', { slackApiUrl: recorder.apiUrl, retryConfig: { retries: 0 } });
    const sleep = async () => {};
    return createSlackWeb({
      client: () => client,
      pacer: createPacer({ now: () => 0, sleep }),
      sleep,
      log: (l) => logs.push(l),
    });
  };
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff, 0x80]);
  const message = (audience: OutboundMessage['audience']): OutboundMessage => ({
    audience,
    card: { title: 'Report T1', blocks: [{ type: 'text', text: 'The report of T1.' }] },
    lang: 'en',
    purpose: 'export',
    file: { name: 'report-T1.pdf', mime: 'application/pdf', content: pdf },
  });

  it('a PDF (bytes) for the requester is uploaded as a file to their DM', async () => {
    const w = web();
    const replies = createReplies({
      web: w,
      deliverer: createSlackDeliverer(w, (l) => logs.push(l), { now: () => 0, sleep: async () => {} }),
      log: (l) => logs.push(l),
    });
    await replies.send([message({ kind: 'reply' })], { user: 'U0SEC', channel: CHANNEL });
    const upload = last(recorder.callsTo('upload'));
    expect(upload.body.raw).toContain('%PDF-1.7');
    expect(last(recorder.callsTo('files.completeUploadExternal')).body.channel_id).toBe('D0SEC');
    expect(last(recorder.callsTo('chat.postEphemeral')).body).toMatchObject({ channel: CHANNEL, user: 'U0SEC' });
  });

  it('a file on a message for a channel is never posted there; for one user it goes to their DM', async () => {
    const deliverer = createSlackDeliverer(web(), (l) => logs.push(l), { now: () => 0, sleep: async () => {} });
    await deliverer.deliver(message({ kind: 'channel', channel: { platform: 'slack', id: CHANNEL } }));
    expect(recorder.callsTo('files.getUploadURLExternal')).toEqual([]);
    expect(logs.join('\n')).toMatch(/report-T1\.pdf was not posted to channel C0MAIN/);
    await deliverer.deliver(message({ kind: 'user', user: 'slack:U0MEX1' }));
    expect(last(recorder.callsTo('files.completeUploadExternal')).body.channel_id).toBe('D0MEX1');
  });
});
