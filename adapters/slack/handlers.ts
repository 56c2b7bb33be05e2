/**
 * Bolt listeners: each Slack interaction is acknowledged first (Slack waits 3 s at most),
 * then translated into one core request, and the core's answer is sent back.
 */
import type { App, BlockAction, BlockElementAction, ButtonAction, RespondFn, ViewSubmitAction } from '@slack/bolt';
import type { Consult } from '../../src/consult-api.ts';
import type { Request } from '../../src/inbound.ts';
import type { FormAction } from '../../src/views/card.ts';
import { ACTION, VIEW } from './action-ids.ts';
import { readFormValues, readPlainValues, type SlackStateValues } from './form-values.ts';
import { launchCommand, launchModal } from './launch-modal.ts';
import type { LocaleCache } from './locale.ts';
import { readModalContext } from './modal.ts';
import { cardToBlockKit } from './render.ts';
import type { Replies, Requester } from './replies.ts';
import { createSeenIds } from './replay-guard.ts';
import { toChannel, toUserId } from './ids.ts';
import { slackTexts } from './texts.ts';
import type { SlackWeb } from './web.ts';

export interface HandlerDeps {
  consult: Consult;
  replies: Replies;
  locales: LocaleCache;
  web: SlackWeb;
  log: (line: string) => void;
  slashCommand?: string;
}

const escape = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function registerHandlers(app: App, deps: HandlerDeps): void {
  const { consult, replies, locales, web, log } = deps;
  const seenEvents = createSeenIds();
  const seenInteractions = createSeenIds();

  async function run(userId: string, req: Request, to: Requester): Promise<void> {
    const locale = await locales.get(userId);
    const out = await consult.handle({ actor: { user: toUserId(userId), locale }, ...(to.channel ? { channel: toChannel(to.channel) } : {}) }, req);
    await replies.send(out, to);
  }

  async function publishHome(userId: string): Promise<void> {
    const locale = await locales.get(userId);
    // Opening the Home tab is often a delegate's first contact: remember the locale for reminders.
    if (locale) await consult.noteLocale(toUserId(userId), locale);
    const { card, lang } = consult.homeView(toUserId(userId), locale);
    const { blocks } = cardToBlockKit(card, { surface: 'home', lang });
    await web.client().views.publish({ user_id: userId, view: { type: 'home', blocks } });
  }

  /** A click inside the Home tab has no channel: answer by DM and refresh the tab. */
  async function afterInteraction(body: BlockAction): Promise<void> {
    if (body.view?.type === 'home') await publishHome(body.user.id);
  }

  function requester(body: BlockAction, respond?: RespondFn): Requester {
    const channel = body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id;
    return { user: body.user.id, channel, respond: body.response_url ? respond : undefined, triggerId: body.trigger_id };
  }

  /** Slack does not resend interactions, but a duplicate click id must never count twice. */
  function firstDelivery(body: { trigger_id?: string }): boolean {
    return !body.trigger_id || seenInteractions.add(body.trigger_id);
  }

  app.command(deps.slashCommand ?? '/consult', async ({ command, ack, respond }) => {
    await ack();
    const to: Requester = { user: command.user_id, channel: command.channel_id, respond, triggerId: command.trigger_id };
    const text = command.text.trim();
    // Only the secretariat launches: everyone else gets the help card instead of a form they could not submit.
    if (text || !consult.isSecretariat(toUserId(command.user_id))) return run(command.user_id, { type: 'text', text: text || 'help' }, to);
    const lang = consult.langFor(toUserId(command.user_id), await locales.get(command.user_id));
    try {
      await web.client().views.open({ trigger_id: command.trigger_id, view: launchModal(lang, command.channel_id) });
    } catch (err) {
      // The trigger lives 3 s; if the modal cannot open, the typed commands still work: show them.
      log(`slack: could not open the launch modal (${escape(err)}); replying with help`);
      await run(command.user_id, { type: 'text', text: 'help' }, { ...to, triggerId: undefined });
    }
  });

  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: new RegExp(`^${ACTION.command}`) }, async ({ ack, body, action, respond }) => {
    await ack();
    if (!firstDelivery(body)) return;
    let command: unknown;
    try {
      command = JSON.parse(action.value ?? '');
    } catch {
      return log(`slack: ignored a button with a value that is not a command (${action.action_id})`);
    }
    // The core validates the command: a forged value gets the same refusal as a typed one.
    await run(body.user.id, { type: 'command', command } as Request, requester(body, respond));
    await afterInteraction(body);
  });

  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: new RegExp(`^${ACTION.submit}`) }, async ({ ack, body, action, respond }) => {
    await ack();
    if (!firstDelivery(body)) return;
    let form: { index?: number; action?: FormAction };
    try {
      form = JSON.parse(action.value ?? '') as typeof form;
    } catch {
      return log('slack: ignored a form submit whose value is not JSON');
    }
    const values = readFormValues(body.state?.values as SlackStateValues | undefined, form.index);
    await run(body.user.id, { type: 'form', submit: { action: form.action as FormAction, values } }, requester(body, respond));
    await afterInteraction(body);
  });

  // Checkbox and select changes inside messages: their state travels with the submit click.
  app.action<BlockAction<BlockElementAction>>({ type: 'block_actions', action_id: new RegExp(`^${ACTION.input}`) }, async ({ ack }) => {
    await ack();
  });

  app.view<ViewSubmitAction>(VIEW.form, async ({ ack, body, view }) => {
    await ack();
    const ctx = readModalContext(view.private_metadata);
    if (!ctx.action) return;
    const values = readFormValues(view.state.values as SlackStateValues);
    await run(body.user.id, { type: 'form', submit: { action: ctx.action, values } }, { user: body.user.id, channel: ctx.channel });
  });

  app.view<ViewSubmitAction>(VIEW.launch, async ({ ack, body, view }) => {
    const parsed = launchCommand(readPlainValues(view.state.values as SlackStateValues));
    if ('error' in parsed) {
      const lang = consult.langFor(toUserId(body.user.id), await locales.get(body.user.id));
      return ack({ response_action: 'errors', errors: { [parsed.error]: slackTexts(lang).launchNeedsOptions } });
    }
    await ack();
    const ctx = readModalContext(view.private_metadata);
    await run(body.user.id, { type: 'command', command: parsed.command }, { user: body.user.id, channel: ctx.channel });
  });

  app.event('app_home_opened', async ({ event, body, context }) => {
    if (event.tab !== 'home') return;
    // Slack resends an event it thinks was not acknowledged (X-Slack-Retry-Num): handle it once.
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !seenEvents.add(eventId)) return log(`slack: skipped retry ${context.retryNum ?? ''} of event ${eventId}`);
    await publishHome(event.user);
  });

  app.error(async (err) => {
    log(`slack: listener failed: ${escape(err)}`);
  });
}
