/** Charts with the results and PDF reports over real signed Slack HTTP, Slack's Web API answered by the recorder. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateCalls } from './block-kit-limits.ts';
import { blocksText, CHANNEL, findButton, last, SEC, startSlackHarness, type SlackHarness } from './support/harness.ts';

const CRISIS = 'Managing Migration in Crisis Situations';
const FAMILIES = 'Families and migration';

describe('Slack: charts and reports', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness({ start: '2026-03-02T08:00:00Z' });
    await h.roster('U0MEX1', 'Mexico', 'member', 'Americas');
    await h.roster('U0KEN1', 'Kenya', 'member', 'Africa');
    await h.roster('U0PHL1', 'Philippines', 'member', 'Asia-Pacific');
    await h.slash(SEC, `theme "${CRISIS}" "${FAMILIES}"`);
    const ballot = h.recorder.callsTo('chat.postMessage')[0];
    await h.click('U0MEX1', findButton(ballot.body.blocks, /^1 · /));
    await h.click('U0KEN1', findButton(ballot.body.blocks, /^1 · /));
    await h.click('U0PHL1', findButton(ballot.body.blocks, /^2 · /));
    h.recorder.clear();
  });
  afterEach(async () => {
    expect(validateCalls(h.recorder.calls)).toEqual([]);
    await h.close();
  });

  it('a close uploads the chart (getUploadURLExternal, upload, completeUploadExternal) into the results thread and the results message shows it', async () => {
    await h.slash(SEC, 'close T1 confirm');
    const results = h.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL);
    expect(results).toHaveLength(1);
    const resultsTs = h.recorder
      .messages(CHANNEL)
      .find((m) => blocksText(m.blocks ?? []).includes('Results of T1'))!.ts;

    const [url] = h.recorder.callsTo('files.getUploadURLExternal');
    expect(url.body.filename).toBe('T1-results.png');
    const [upload] = h.recorder.callsTo('upload');
    // The PNG's bytes travel in the upload (inside the web client's multipart body).
    expect(upload.body.bytes).toBeGreaterThanOrEqual(Number(url.body.length));
    expect(upload.body.raw).toContain('\u0089PNG'.slice(1));
    const [complete] = h.recorder.callsTo('files.completeUploadExternal');
    expect(complete.body.channel_id).toBe(CHANNEL);
    expect(complete.body.thread_ts).toBe(resultsTs);
    const fileId = complete.body.files[0].id as string;
    expect(upload.path).toBe(`/upload/${fileId}`);

    // The results message now shows the chart inline, with its text bars still there.
    const update = h.recorder.callsTo('chat.update').find((c) => c.body.ts === resultsTs)!;
    const image = update.body.blocks.find((b: any) => b.type === 'image');
    expect(image.slack_file).toEqual({ id: fileId });
    expect(image.alt_text).toContain(`✓ 1. ${CRISIS}: 2 votes · 67%`);
    expect(blocksText(update.body.blocks)).toMatch(/█+░*/);
    expect(blocksText(h.recorder.messages(CHANNEL).find((m) => m.ts === resultsTs)!.blocks ?? [])).toContain(
      'Decision:',
    );
    // The notification text is still the text fallback.
    expect(update.body.text).toContain('Results of T1');
  });

  it('a chart that cannot be uploaded leaves the results posted once, with their text bars', async () => {
    h.recorder.fail('files.getUploadURLExternal', 'not_allowed_token_type');
    await h.slash(SEC, 'close T1 confirm');
    const results = h.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL);
    expect(results).toHaveLength(1);
    expect(blocksText(results[0].body.blocks)).toMatch(/█+░*/);
    expect(h.logs.some((l) => /chart of T1 not attached/.test(l))).toBe(true);
    expect(h.consult.store.get('T1')!.outbox).toEqual([]);
  });

  it('report uploads the PDF to the requester’s DM and not to the channel; the Report button does the same', async () => {
    await h.slash(SEC, 'close T1 confirm');
    h.recorder.clear();
    await h.slash(SEC, 'report T1 all');
    const completes = h.recorder.callsTo('files.completeUploadExternal');
    expect(completes).toHaveLength(1);
    expect(completes[0].body.channel_id).toBe('D0SEC');
    expect(completes[0].body.files[0].title).toBe('consult-T1-report-en-fr-es.pdf');
    const [upload] = h.recorder.callsTo('upload');
    expect(upload.body.raw).toContain('%PDF-');
    expect(h.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL)).toHaveLength(0);
    expect(blocksText(last(h.recorder.callsTo('response_url')).body.blocks)).toContain(
      'The report on T1 is attached: consult-T1-report-en-fr-es.pdf.',
    );

    // The Report button on the results post, clicked by the secretariat: the PDF goes to their DM again.
    const resultsPost = h.recorder.messages(CHANNEL).find((m) => blocksText(m.blocks ?? []).includes('Results of T1'))!;
    h.recorder.clear();
    await h.click(SEC, findButton(resultsPost.blocks as any[], /Report/, 'message', resultsPost.ts));
    expect(h.recorder.callsTo('files.completeUploadExternal').map((c) => c.body.channel_id)).toEqual(['D0SEC']);

    // A delegate clicking it gets a polite refusal and no file.
    h.recorder.clear();
    await h.click('U0KEN1', findButton(resultsPost.blocks as any[], /Report/, 'message', resultsPost.ts));
    expect(h.recorder.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    expect(blocksText(last(h.recorder.callsTo('response_url')).body.blocks)).toContain('Only the secretariat');
  });
});
