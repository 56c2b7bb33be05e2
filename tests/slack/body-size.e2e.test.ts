/**
 * How large a real Slack request to Consult can be, measured: a block_actions payload carries the
 * whole message it was clicked in (its blocks) and the state of every input in it. The largest
 * ballots Consult posts are a theme poll and a topic shortlist of 10 options of 300 characters
 * (with accents, which weigh most once form-encoded), titled with 2015's long theme. The route's
 * body limit must admit the largest click with a margin, and a click of that size must count.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_BODY_LIMIT } from '../../adapters/slack/limits.ts';
import {
  CHANNEL,
  fixture,
  SEC,
  type SentRequest,
  type SlackHarness,
  startSlackHarness,
  THEME_2015,
} from './support/harness.ts';

/** 300 characters, accented like a French or Spanish option, different per n. */
function longOption(n: number): string {
  const base = `${n}. Coopération régionale et migration: ${THEME_2015} — élaboration, mise en œuvre et évaluation des politiques; ñ `;
  return base.repeat(4).slice(0, 300);
}

/** The click Slack sends for a button of a posted message: the message's blocks and every input's state, all chosen. */
function clickOn(h: SlackHarness, user: string, post: Record<string, any>, button: any): SentRequest {
  const blocks = post.blocks;
  const p = fixture('block-actions-button.json');
  p.user = { ...p.user, id: user };
  p.channel = { ...p.channel, id: CHANNEL };
  p.container = { ...p.container, channel_id: CHANNEL };
  p.response_url = h.recorder.responseUrl();
  p.message = { ...p.message, text: post.text, blocks };
  const values: Record<string, Record<string, unknown>> = {};
  for (const b of blocks) {
    const e = b.accessory ?? b.element;
    if (!b.block_id || !e?.options) continue;
    values[b.block_id] = {
      [e.action_id]: { type: e.type, selected_options: e.options, selected_option: e.options[0] },
    };
  }
  p.state = { values };
  p.actions = [{ ...p.actions[0], action_id: button.action_id, block_id: 'b', value: button.value, text: button.text }];
  return h.signed({ payload: slackJson(p) });
}

/** JSON as Slack writes it: `/` escaped and every non-ASCII character as \uXXXX (the heaviest once form-encoded). */
function slackJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const buttons = (blocks: any[]) =>
  blocks
    .flatMap((b: any) => [...(b.type === 'actions' ? b.elements : []), ...(b.accessory ? [b.accessory] : [])])
    .filter((e: any) => e.type === 'button');

describe('Slack: the largest real request fits the body limit', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
    await h.roster('U0MEX1', 'Mexico', 'member', 'Americas');
    h.recorder.clear();
  });
  afterEach(async () => {
    await h.close();
  });

  it('a click on the largest ballot (10 options of 300 characters) weighs under a quarter of the limit, and counts', async () => {
    const options = Array.from({ length: 10 }, (_, i) => `"${longOption(i + 1)}"`).join(' ');
    await h.slash(SEC, `theme ${options}`);
    await h.slash(SEC, `topics ${options} select 3`);
    const posts = h.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL);
    expect(posts.length).toBeGreaterThanOrEqual(2);
    let largest = 0;
    for (const post of [...posts, ...h.recorder.callsTo('chat.update')])
      for (const button of buttons(post.body.blocks))
        largest = Math.max(largest, Buffer.byteLength(clickOn(h, 'U0MEX1', post.body, button).body));
    // The measurement, written down: 26 kB (each option proposed later adds about 0.5 kB).
    expect(largest).toBeGreaterThan(20_000);
    expect(largest).toBeLessThan(32_000);
    expect(largest * 4).toBeLessThanOrEqual(SLACK_BODY_LIMIT);

    // The heaviest click, a vote on the theme poll, is accepted and counted.
    const theme = posts[0];
    const vote = buttons(theme.body.blocks).find((b: any) => String(b.value).includes('"vote"'))!;
    expect(await h.send(clickOn(h, 'U0MEX1', theme.body, vote))).toBe(200);
    expect(h.consult.store.get('T1')!.ballots.mexico?.choices).toHaveLength(1);
  });

  it('a body over the limit is refused with 413 before the signature is even checked', async () => {
    const req = h.signed({ payload: JSON.stringify({ type: 'block_actions', pad: 'x'.repeat(SLACK_BODY_LIMIT) }) });
    expect(await h.send(req)).toBe(413);
    expect(h.recorder.calls).toEqual([]);
  });
});
