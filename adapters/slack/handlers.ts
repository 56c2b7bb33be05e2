/**
 * Bolt listeners: each Slack interaction is acknowledged first (Slack waits 3 s at most),
 * its payload is checked against the shape the handler reads (payloads.ts: a malformed one is
 * dropped with one log line), then translated into one core request, and the core's answer is
 * sent back.
 */
import type { App } from '@slack/bolt';
import type { z } from 'zod';
import type { Consult } from '../../src/consult-api.ts';
import type { Request } from '../../src/inbound.ts';
import type { FormAction } from '../../src/views/card.ts';
import { ACTION, VIEW } from './action-ids.ts';
import type { AfterAck } from './after-ack.ts';
import { readFormValues, readPlainValues } from './form-values.ts';
import { launchModal, launchSubmission } from './launch-modal.ts';
import type { OutboundMessage } from '../../src/outbound.ts';
import type { LocaleCache } from './locale.ts';
import { FileTooBig, isCsv, MAX_FILE_BYTES } from './files.ts';
import { typedText } from './typed-text.ts';
import { readModalContext } from './modal.ts';
import {
  blockAction,
  type BlockActionPayload,
  describeIssues,
  directMessageFiles,
  homeOpened,
  slashCommand,
  viewSubmission,
} from './payloads.ts';
import { cardToBlockKit } from './render.ts';
import type { Replies, Requester } from './replies.ts';
import { createSeenIds } from './replay-guard.ts';
import { toChannel, toUserId } from './ids.ts';
import { slackTexts } from './texts.ts';
import { shorten } from './shorten.ts';
import type { SlackWeb } from './web.ts';

export interface HandlerDeps {
  consult: Consult;
  replies: Replies;
  locales: LocaleCache;
  web: SlackWeb;
  log: (line: string) => void;
  /** Shared with the HTTP receiver, which tells it of each request (after-ack.ts). */
  afterAck: AfterAck;
  slashCommand?: string;
  /** Downloads a file shared with the bot (url_private, with the bot token). */
  download?: (url: string) => Promise<string>;
}

const escape = (err: unknown) => (err instanceof Error ? err.message : String(err));

export interface Handlers {
  /**
   * Handles a block_actions payload whose request is already authenticated and acknowledged.
   * The HTTP receiver calls it directly (button clicks are the hot path: votes); Bolt calls it
   * in Socket Mode.
   */
  blockActions(raw: unknown): Promise<void>;
}

export function registerHandlers(app: App, deps: HandlerDeps): Handlers {
  const { consult, replies, locales, web, log, afterAck } = deps;
  const seenEvents = createSeenIds();
  const seenInteractions = createSeenIds();

  /** The payload as the handler reads it, or undefined (logged once, without values) when it does not fit. */
  function valid<S extends z.ZodType>(schema: S, payload: unknown, what: string): z.output<S> | undefined {
    const r = schema.safeParse(payload);
    if (r.success) return r.data;
    log(`slack: ignored a malformed ${what} (${describeIssues(r.error)})`);
    return undefined;
  }

  async function run(userId: string, req: Request, to: Requester): Promise<void> {
    // The ack is out. The work advances a step per event-loop turn, so a burst of clicks is
    // acknowledged first and processed after (Slack's 3 s rule).
    await afterAck.turn();
    // users.info gives the locale, and the name and e-mail that match people imported by address.
    const { locale, name, email } = await locales.profile(userId);
    const out = await consult.handle(
      {
        actor: { user: toUserId(userId), locale, name, email },
        ...(to.channel ? { channel: toChannel(to.channel) } : {}),
        // Unique per click and the same if the request is sent again: replays change nothing, even after a restart.
        ...(to.triggerId ? { interactionId: `slack:${to.triggerId}` } : {}),
      },
      req,
    );
    await afterAck.turn();
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
  async function afterInteraction(body: BlockActionPayload): Promise<void> {
    if (body.view?.type === 'home') await publishHome(body.user.id);
  }

  function requester(body: BlockActionPayload): Requester {
    const channel = body.channel?.id ?? body.container?.channel_id;
    return { user: body.user.id, channel, responseUrl: body.response_url, triggerId: body.trigger_id };
  }

  /** Slack does not resend interactions, but a duplicate click id must never count twice. */
  function firstDelivery(body: { trigger_id?: string }): boolean {
    return !body.trigger_id || seenInteractions.add(body.trigger_id);
  }

  app.command(deps.slashCommand ?? '/consult', async ({ command: raw, ack }) => {
    await ack();
    const command = valid(slashCommand, raw, 'slash command');
    if (!command) return;
    const to: Requester = {
      user: command.user_id,
      channel: command.channel_id,
      responseUrl: command.response_url,
      triggerId: command.trigger_id,
    };
    const text = typedText(command.text).trim();
    // Only the secretariat launches: everyone else gets the help card instead of a form they could not submit.
    if (text || !command.trigger_id || !consult.isSecretariat(toUserId(command.user_id)))
      return run(command.user_id, { type: 'text', text: text || 'help' }, to);
    const lang = consult.langFor(toUserId(command.user_id), await locales.get(command.user_id));
    try {
      await web.client().views.open({ trigger_id: command.trigger_id, view: launchModal(lang, command.channel_id) });
    } catch (err) {
      // The trigger lives 3 s; if the modal cannot open, the typed commands still work: show them.
      log(`slack: could not open the launch modal (${escape(err)}); replying with help`);
      await run(command.user_id, { type: 'text', text: 'help' }, { ...to, triggerId: undefined });
    }
  });

  /** A button whose value is a command (votes, forms to open, management). */
  async function commandClick(body: BlockActionPayload): Promise<void> {
    const action = body.actions[0];
    let command: unknown;
    try {
      command = JSON.parse(action.value ?? '');
    } catch {
      return log(`slack: ignored a button with a value that is not a command (${action.action_id.slice(0, 80)})`);
    }
    // The core validates the command: a forged value gets the same refusal as a typed one.
    await run(body.user.id, { type: 'command', command } as Request, requester(body));
    await afterInteraction(body);
  }

  /** The submit button of a form shown inside a message or the Home tab. */
  async function formSubmit(body: BlockActionPayload): Promise<void> {
    let form: { index?: number; action?: FormAction };
    try {
      form = JSON.parse(body.actions[0].value ?? '') as typeof form;
    } catch {
      return log('slack: ignored a form submit whose value is not JSON');
    }
    if (typeof form !== 'object' || form === null)
      return log('slack: ignored a form submit whose value is not an object');
    const values = readFormValues(body.state?.values, typeof form.index === 'number' ? form.index : undefined);
    await run(body.user.id, { type: 'form', submit: { action: form.action as FormAction, values } }, requester(body));
    await afterInteraction(body);
  }

  async function blockActions(raw: unknown): Promise<void> {
    const body = valid(blockAction, raw, 'button click');
    if (!body) return;
    const actionId = body.actions[0].action_id;
    // Checkbox and select changes inside messages (ACTION.input) travel with the submit click: nothing to do.
    const handler = actionId.startsWith(ACTION.submit)
      ? formSubmit
      : actionId.startsWith(ACTION.command)
        ? commandClick
        : undefined;
    if (handler && firstDelivery(body)) await handler(body);
  }

  // Socket Mode delivers clicks through Bolt; over HTTP the receiver calls blockActions itself.
  app.action({ type: 'block_actions' }, async ({ ack, body }) => {
    await ack();
    await blockActions(body);
  });

  app.view(VIEW.form, async ({ ack, body: raw }) => {
    await ack();
    const body = valid(viewSubmission, raw, 'modal submission');
    if (!body) return;
    const ctx = readModalContext(body.view.private_metadata);
    if (!ctx.action) return;
    const values = readFormValues(body.view.state.values);
    await run(
      body.user.id,
      { type: 'form', submit: { action: ctx.action, values } },
      { user: body.user.id, channel: ctx.channel },
    );
  });

  app.view(VIEW.launch, async ({ ack, body: raw }) => {
    const body = valid(viewSubmission, raw, 'launch modal submission');
    if (!body) return ack();
    const { kind, values } = launchSubmission(readPlainValues(body.view.state.values));
    const locale = await locales.get(body.user.id);
    // The core answers before the ack (a launch is one store write), so its refusal can stay in the
    // modal beside the field it concerns instead of closing the modal and arriving as a message.
    const ctx = readModalContext(body.view.private_metadata);
    const to: Requester = { user: body.user.id, channel: ctx.channel };
    const out = await consult.handle(
      { actor: { user: toUserId(body.user.id), locale }, ...(ctx.channel ? { channel: toChannel(ctx.channel) } : {}) },
      { type: 'form', submit: { action: { type: 'launch', id: kind }, values } },
    );
    const refused = out.length === 1 ? fieldError(out[0]) : undefined;
    if (refused) return ack({ response_action: 'errors', errors: { [refused.input]: shorten(refused.text, 2000) } });
    await ack();
    await replies.send(out, to);
  });

  app.event('app_home_opened', async ({ body: raw, context }) => {
    const body = valid(homeOpened, raw, 'app_home_opened event');
    if (body?.event.tab !== 'home') return;
    // Slack resends an event it thinks was not acknowledged (X-Slack-Retry-Num): handle it once.
    const eventId = body.event_id;
    if (eventId && !seenEvents.add(eventId))
      return log(`slack: skipped retry ${context.retryNum ?? ''} of event ${eventId}`);
    await publishHome(body.event.user);
  });

  /** A roster CSV shared with the bot in a direct message is imported like `roster import` with its lines. */
  app.event('message', async ({ body: raw }) => {
    const parsed = directMessageFiles.safeParse(raw);
    if (!parsed.success || parsed.data.event.bot_id) return;
    const { event, event_id: eventId } = parsed.data;
    if (eventId && !seenEvents.add(eventId)) return;
    const to: Requester = { user: event.user, channel: event.channel };
    const lang = consult.langFor(toUserId(event.user), await locales.get(event.user));
    const say = (text: string) => replies.ephemeral(to, text, [{ type: 'section', text: { type: 'mrkdwn', text } }]);
    // Only the secretariat's files are fetched; anyone else gets the core's refusal, as for typed lines.
    if (!consult.isSecretariat(toUserId(event.user)))
      return run(event.user, { type: 'command', command: { type: 'roster-import' } }, to);
    const file = event.files.find(isCsv);
    const url = file?.url_private_download ?? file?.url_private;
    if (!file || !url || !deps.download) return say(slackTexts(lang).notCsv);
    if ((file.size ?? 0) > MAX_FILE_BYTES) return say(slackTexts(lang).fileTooBig(MAX_FILE_BYTES / 1_000_000));
    let csv: string;
    try {
      csv = await deps.download(url);
    } catch (err) {
      if (err instanceof FileTooBig) return say(slackTexts(lang).fileTooBig(MAX_FILE_BYTES / 1_000_000));
      log(`slack: could not download a shared file (${escape(err)})`);
      return say(slackTexts(lang).fileUnreadable);
    }
    await run(event.user, { type: 'command', command: { type: 'roster-import', csv } }, to);
  });

  app.error(async (err) => {
    log(`slack: listener failed: ${escape(err)}`);
  });
  return { blockActions };
}

/** The launch form the core sent back refused: which input, and why (the modal shows it there). */
function fieldError(m: OutboundMessage): { input: string; text: string } | undefined {
  if (!m.errorField) return undefined;
  for (const b of m.card.blocks)
    if (b.type === 'form') for (const i of b.form.inputs) if (i.error) return { input: i.id, text: i.error };
  return undefined;
}
