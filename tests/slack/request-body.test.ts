/**
 * A click's body is decoded by a fast path (one form field, one native decode); it must read every
 * body exactly as querystring would, the way Slack and any form encoder may write it.
 */
import { parse } from 'node:querystring';
import { describe, expect, it } from 'vitest';
import { parseBody, parseClick } from '../../adapters/slack/request-body.ts';

const payload = {
  type: 'block_actions',
  user: { id: 'U0MEX1', name: 'José Pérez + co' },
  actions: [{ action_id: 'consult:0', value: '{"type":"vote","id":"T1","choices":[2]}', text: 'A & B 100% 😀' }],
};
const json = JSON.stringify(payload);

describe('a click body', () => {
  it.each([
    ['URLSearchParams (spaces as +)', `${new URLSearchParams({ payload: json })}`],
    ['encodeURIComponent (spaces as %20)', `payload=${encodeURIComponent(json)}`],
    ['lower-case escapes', `payload=${encodeURIComponent(json).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())}`],
  ])('written by %s is read as querystring reads it', (_, body) => {
    const fast = parseClick(Buffer.from(body));
    expect(fast).toEqual({ ok: true, body: payload, sslCheck: false });
    expect(fast).toEqual(parseBody(body, 'application/x-www-form-urlencoded'));
    expect((fast as { body: unknown }).body).toEqual(JSON.parse(parse(body).payload as string));
  });

  it('with a second field, or an escape decodeURIComponent refuses, takes the general parser and reads the same', () => {
    for (const body of [
      `${new URLSearchParams({ payload: json, extra: 'x' })}`,
      `payload=${encodeURIComponent(json).replace('100%25', '100%')}`,
    ]) {
      expect(parseClick(Buffer.from(body))).toEqual(parseBody(body, 'application/x-www-form-urlencoded'));
    }
    expect(parseClick(Buffer.from(`payload=${encodeURIComponent(json).replace('100%25', '100%')}`))).toMatchObject({
      ok: true,
    });
  });

  it('that is not a JSON object is refused with the reason', () => {
    expect(parseClick(Buffer.from('payload=%5B1%5D'))).toEqual({ ok: false, reason: 'not a JSON object' });
    expect(parseClick(Buffer.from('payload=%7B%22type'))).toEqual({ ok: false, reason: 'SyntaxError' });
  });
});
