import { describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { commandText, messageRequest, requestContext } from '../../adapters/botframework/parse.ts';
import { baseConversationId } from '../../adapters/botframework/references.ts';

const bot = { id: '28:consult-bot', name: 'Consult' };

function message(text: string, entities: unknown[] = [], extra: Partial<Activity> = {}): Activity {
  return {
    type: 'message',
    text,
    entities,
    recipient: bot,
    from: { id: '29:1mx', name: 'Ana' },
    conversation: { id: '19:abc@thread.tacv2;messageid=1700000000000', conversationType: 'channel', isGroup: true },
    serviceUrl: 'https://smba.example/emea/',
    channelId: 'msteams',
    locale: 'es-ES',
    ...extra,
  } as Activity;
}

describe('a typed Teams message → core request', () => {
  it('strips the bot mention in a channel', () => {
    const a = message('<at>Consult</at> vote T1 1', [{ type: 'mention', text: '<at>Consult</at>', mentioned: bot }]);
    expect(commandText('teams', a)).toBe('vote T1 1');
  });

  it('keeps quotes and turns a mentioned person into their user id', () => {
    const a = message('<at>Consult</at> roster add <at>Ana López</at> "Mexico" member', [
      { type: 'mention', text: '<at>Consult</at>', mentioned: bot },
      { type: 'mention', text: '<at>Ana López</at>', mentioned: { id: '29:1ana', name: 'Ana López' } },
    ]);
    expect(commandText('teams', a)).toBe('roster add teams:29:1ana "Mexico" member');
  });

  it('decodes the HTML entities and line breaks some clients send', () => {
    expect(commandText('teams', message('<p>theme&nbsp;&quot;A&quot; "B"</p>\n'))).toBe('theme "A" "B"');
  });

  it('treats a bare mention as a call for help', () => {
    const a = message('<at>Consult</at>', [{ type: 'mention', text: '<at>Consult</at>', mentioned: bot }]);
    expect(messageRequest('teams', a)).toEqual({ type: 'text', text: 'help' });
  });

  it('names the actor teams:<id> with the activity locale, and the channel without the thread suffix', () => {
    const rc = requestContext('teams', message('status'));
    expect(rc.actor).toEqual({ user: 'teams:29:1mx', locale: 'es-ES' });
    expect(rc.channel).toEqual({ platform: 'teams', id: '19:abc@thread.tacv2' });
    expect(
      requestContext('web', message('status', [], { from: { id: 'dl_42', name: 'x' } } as Partial<Activity>)).actor
        .user,
    ).toBe('web:dl_42');
  });

  it('addresses a channel, not the thread a message came from', () => {
    expect(baseConversationId('19:abc@thread.tacv2;messageid=17')).toBe('19:abc@thread.tacv2');
    expect(baseConversationId('a:1personal')).toBe('a:1personal');
  });
});
