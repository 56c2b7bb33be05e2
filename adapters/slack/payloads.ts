/**
 * The shapes of the Slack payloads Consult reads, checked with zod. Slack's payloads are signed,
 * but a signed request can still be malformed (a proxy, an old client, a bug): what fails these
 * schemas is acknowledged and dropped with one log line, instead of making a handler throw.
 * Only the fields the handlers read are required; everything else passes through untouched.
 */
import { z } from 'zod';
import { MAX_INTERACTION_ID } from '../../src/domain/limits.ts';

const id = z.string().min(1);

/** What Bolt itself reads to route each kind of request, before any listener runs. */
const routing = {
  event: z.object({ event: z.object({ type: z.string(), item: z.object({}).loose().optional() }).loose() }).loose(),
  command: z.object({ command: z.string() }).loose(),
  action: z
    .object({
      user: z.object({ id: z.string() }).loose(),
      actions: z.array(z.object({ action_id: z.string() }).loose()).min(1),
    })
    .loose(),
  view: z
    .object({ user: z.object({ id: z.string() }).loose(), view: z.object({ callback_id: z.string() }).loose() })
    .loose(),
};

/** Why Bolt could not route this body safely, or undefined. Bodies it would not route at all pass (nothing listens). */
export function routingProblem(body: Record<string, unknown>): string | undefined {
  const schema =
    body.event !== undefined
      ? routing.event
      : body.command !== undefined
        ? routing.command
        : body.actions !== undefined || body.type === 'block_actions'
          ? routing.action
          : body.type === 'view_submission' || body.type === 'view_closed'
            ? routing.view
            : undefined;
  const r = schema?.safeParse(body);
  return r && !r.success ? describeIssues(r.error) : undefined;
}

export const slashCommand = z.object({
  user_id: id,
  channel_id: id,
  text: z.string(),
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
});

const elementState = z
  .object({
    type: z.string().optional(),
    value: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).loose().nullish(),
    selected_options: z.array(z.object({ value: z.string() }).loose()).optional(),
    selected_date: z.string().nullish(),
    selected_time: z.string().nullish(),
    selected_users: z.array(z.string()).optional(),
  })
  .loose();
const stateValues = z.record(z.string(), z.record(z.string(), elementState));

export const blockAction = z.object({
  user: z.object({ id }).loose(),
  // Slack's are about 50 characters; the vote keeps it (replays after a restart), within the store's limit.
  trigger_id: z
    .string()
    .max(MAX_INTERACTION_ID - 'slack:'.length)
    .optional(),
  response_url: z.string().optional(),
  channel: z.object({ id: z.string() }).loose().nullish(),
  container: z.object({ channel_id: z.string().optional() }).loose().nullish(),
  view: z.object({ type: z.string() }).loose().nullish(),
  state: z.object({ values: stateValues }).loose().nullish(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() }).loose()).min(1),
});
export type BlockActionPayload = z.infer<typeof blockAction>;

export const viewSubmission = z.object({
  user: z.object({ id }).loose(),
  view: z.object({ private_metadata: z.string().optional(), state: z.object({ values: stateValues }).loose() }).loose(),
});

export const homeOpened = z.object({
  event: z.object({ user: id, tab: z.string().optional() }).loose(),
  event_id: z.string().optional(),
});

/** A message in the bot's direct messages carrying files (a roster CSV shared with the bot). */
export const directMessageFiles = z.object({
  event: z
    .object({
      type: z.literal('message'),
      channel: id,
      channel_type: z.literal('im'),
      user: id,
      bot_id: z.string().optional(),
      files: z
        .array(
          z
            .object({
              name: z.string().optional(),
              filetype: z.string().optional(),
              mimetype: z.string().optional(),
              size: z.number().optional(),
              url_private_download: z.string().optional(),
              url_private: z.string().optional(),
            })
            .loose(),
        )
        .min(1),
    })
    .loose(),
  event_id: z.string().optional(),
});

/** One line saying where a payload failed its schema: paths and zod's messages, never values. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
