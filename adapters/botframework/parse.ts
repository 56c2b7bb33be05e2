/**
 * Bot Framework activity → core request: who acts, where, and what they ask for.
 * Pure translation; the core parses the command text and decides everything else.
 */
import type { Activity } from 'botbuilder';
import type { ChannelRef, UserId } from '../../src/domain/model.ts';
import type { RequestContext, Request } from '../../src/inbound.ts';
import type { FormAction, FormSubmit } from '../../src/views/card.ts';
import type { Command } from '../../src/commands/command.ts';
import { CONSULT_VERB, REFRESH_VERB, inputKey } from './action-data.ts';

/** Bot Framework platforms this bot serves: Teams, and the local web chat over Direct Line. */
export type BotPlatform = 'teams' | 'web';

export function userIdOf(platform: BotPlatform, from: { id: string }): UserId {
  return `${platform}:${from.id}`;
}

/** A channel's posts are addressed to the channel, not to the thread (`;messageid=…`) a message came from. */
export function baseConversationId(id: string): string {
  return id.split(';')[0];
}

function channelOf(platform: BotPlatform, activity: Pick<Activity, 'conversation'>): ChannelRef {
  return { platform, id: baseConversationId(activity.conversation.id) };
}

export function requestContext(platform: BotPlatform, activity: Activity): RequestContext {
  return {
    actor: { user: userIdOf(platform, activity.from), ...(activity.locale ? { locale: activity.locale } : {}) },
    channel: channelOf(platform, activity),
  };
}

interface MentionEntity {
  type: string;
  text?: string;
  mentioned?: { id?: string };
}

const ENTITIES: Record<string, string> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
  '&lt;': '<',
  '&gt;': '>',
};

/**
 * The command typed in a message. The bot's own mention ("<at>Consult</at> vote T1 1" in a
 * channel) is removed; a mention of another person becomes `platform:userId`, so that
 * `roster add @Ana "Mexico" member` names the right Teams user.
 */
export function commandText(
  platform: BotPlatform,
  activity: Pick<Activity, 'text' | 'entities' | 'recipient'>,
): string {
  let text = activity.text ?? '';
  const mentions = (activity.entities ?? []).filter((e): e is MentionEntity => e.type === 'mention') as MentionEntity[];
  for (const m of mentions) {
    if (!m.text || !m.mentioned?.id) continue;
    const replacement = m.mentioned.id === activity.recipient?.id ? ' ' : ` ${platform}:${m.mentioned.id} `;
    text = text.split(m.text).join(replacement);
  }
  // Line breaks survive (roster import lines; several commands are refused, not merged): HTML ones too.
  return text
    .replace(/<\/?at>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div)>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(nbsp|amp|quot|#39|apos|lt|gt);/g, (e) => ENTITIES[e] ?? e)
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

export function messageRequest(platform: BotPlatform, activity: Activity): Request {
  const text = commandText(platform, activity);
  // A bare mention of the bot is a call for help.
  return { type: 'text', text: text === '' ? 'help' : text };
}

export type InvokeIntent =
  | { kind: 'request'; request: Request; consultationId?: string }
  | { kind: 'refresh'; consultationId: string }
  | { kind: 'invalid'; reason: string };

/** An `adaptiveCard/action` invoke's action (verb + data, with input values merged in by the client). */
export function invokeIntent(action: { verb?: string; data?: unknown }): InvokeIntent {
  const data = (typeof action.data === 'object' && action.data !== null ? action.data : {}) as Record<string, unknown>;
  if (action.verb === REFRESH_VERB) {
    return typeof data.refresh === 'string' && data.refresh
      ? { kind: 'refresh', consultationId: data.refresh }
      : { kind: 'invalid', reason: 'refresh without a consultation id' };
  }
  if (action.verb !== CONSULT_VERB) return { kind: 'invalid', reason: `unknown verb ${String(action.verb)}` };
  const command = data.command as { type?: unknown; id?: unknown } | undefined;
  if (command && typeof command === 'object' && typeof command.type === 'string') {
    return {
      kind: 'request',
      request: { type: 'command', command: command as Command },
      consultationId: typeof command.id === 'string' ? command.id : undefined,
    };
  }
  const form = data.form as FormAction | undefined;
  if (
    form &&
    typeof form === 'object' &&
    typeof form.type === 'string' &&
    typeof form.id === 'string' &&
    typeof data.formId === 'string'
  ) {
    const multi = Array.isArray(data.multi) ? data.multi.filter((m): m is string => typeof m === 'string') : [];
    const submit: FormSubmit = { action: form, values: formValues(data, data.formId, multi) };
    return { kind: 'request', request: { type: 'form', submit }, consultationId: form.id };
  }
  return { kind: 'invalid', reason: 'action data carries neither a command nor a form' };
}

/** Input values of one form, un-namespaced; multi-selects come back from the client comma-joined. */
function formValues(data: Record<string, unknown>, formId: string, multi: string[]): FormSubmit['values'] {
  const prefix = inputKey(formId, '');
  const values: FormSubmit['values'] = Object.create(null); // ids from the payload: `__proto__` is an id like any other
  for (const [key, raw] of Object.entries(data)) {
    if (!key.startsWith(prefix) || typeof raw !== 'string') continue;
    const id = key.slice(prefix.length);
    if (multi.includes(id))
      values[id] = raw
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
    else values[id] = raw === '' ? undefined : raw;
  }
  return values;
}
