/**
 * The web chat's bot: the Teams adapter's Bot Framework bot, adapter and deliverer, run with
 * `platform: 'web'` (users `web:<id>`) and no credentials. Replies travel as real connector
 * calls to our own in-process channel, exactly as they would to Teams' service.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Consult } from '../../src/consult-api.ts';
import { createConsultBot } from '../teams/bot.ts';
import { createBotFrameworkDeliverer } from '../teams/deliverer.ts';
import { createPacer } from '../teams/pacer.ts';
import { createReferences, type References, type StoredReference } from '../teams/references.ts';
import type { FileDelivery } from '../teams/file-delivery.ts';

export interface WebBot {
  /** Runs one turn; resolves with the invoke response for invokes. */
  run(activity: Activity): Promise<InvokeResponse | undefined>;
}

/**
 * Stored references carry the serviceUrl of the run that saw them (its port and connector key);
 * proactive posts after a restart must go to this run's connector.
 */
function rebased(refs: References, serviceUrl: () => string): References {
  const fix = <T extends { serviceUrl?: string } | undefined>(ref: T): T =>
    ref ? { ...ref, serviceUrl: serviceUrl() } : ref;
  return {
    ...refs,
    conversation: (id) => fix(refs.conversation(id)),
    personal: (user) => fix(refs.personal(user)),
    tenant: (tenantId) => fix(refs.tenant(tenantId)) as ReturnType<References['tenant']>,
    setPersonal: (user, ref: StoredReference) => refs.setPersonal(user, ref),
  };
}

/** Runs turns handed over in process (the Direct Line endpoint), with no Authorization header. */
class WebCloudAdapter extends CloudAdapter {
  runLocal(activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity('', activity, logic);
  }
}

export function createWebBot(
  consult: Consult,
  serviceUrl: () => string,
  log: (line: string) => void,
  files?: FileDelivery,
): WebBot {
  // No app id: the SDK skips token checks both ways; only our loopback connector is ever called.
  const adapter = new WebCloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = async (context, error) => {
    log(
      `web chat: turn failed (${context.activity.type}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  };
  const references = rebased(createReferences(consult, 'web'), serviceUrl);
  const bot = createConsultBot({ consult, platform: 'web', references, files, log });
  // Local delivery: no platform rate limits to respect.
  const pacer = createPacer({ limits: [], log });
  consult.registerDeliverer(
    'web',
    createBotFrameworkDeliverer({ adapter, appId: '', platform: 'web', references, pacer, files, log }),
  );
  return {
    run: (activity) => adapter.runLocal(activity, (context) => bot.run(context)),
  };
}
