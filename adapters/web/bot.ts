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
import type { Log } from '../../src/log.ts';
import type { Deliverer } from '../../src/outbound.ts';
import { createConsultBot } from '../botframework/bot.ts';
import { createBotFrameworkDeliverer } from '../botframework/deliverer.ts';
import { createStaleCards } from '../shared/stale-cards.ts';
import type { FileDelivery } from '../botframework/file-delivery.ts';
import { createPacer } from '../botframework/pacer.ts';
import { createReferences, type References, type StoredReference } from '../botframework/references.ts';

export interface WebBot {
  /** Runs one turn; resolves with the invoke response for invokes. */
  run(activity: Activity): Promise<InvokeResponse | undefined>;
  deliverer: Deliverer;
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

export function createWebBot(consult: Consult, serviceUrl: () => string, log: Log, files?: FileDelivery): WebBot {
  // No app id: the SDK skips token checks both ways; only our loopback connector is ever called.
  const adapter = new WebCloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = async (context, error) => {
    log(
      `web chat: turn failed (${context.activity.type}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      'error',
    );
  };
  const references = rebased(createReferences(consult, 'web'), serviceUrl);
  const bot = createConsultBot({ consult, platform: 'web', references, files, log });
  // Local delivery: no platform rate limits to respect.
  const pacer = createPacer({ limits: [], log });
  const deliverer = createBotFrameworkDeliverer({
    adapter,
    appId: '',
    platform: 'web',
    references,
    pacer,
    files,
    log,
    // As in Teams: reminders of a consultation that is over are redrawn without buttons.
    staleCards: createStaleCards(consult, 'web', log),
    isOpen: (id) => consult.store.get(id.toUpperCase())?.status === 'open',
  });
  consult.registerDeliverer('web', deliverer);
  return {
    run: (activity) => adapter.runLocal(activity, (context) => bot.run(context)),
    deliverer,
  };
}
