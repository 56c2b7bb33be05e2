/** The local web chat's variables, validated at start. */
import { z } from 'zod';
import { envChoice } from '../../src/config.ts';

export const WebChatConfigSchema = z.object({
  /** auto: on when no other platform is configured. */
  WEBCHAT: envChoice(['on', 'off', 'auto'], 'auto').default('auto'),
  /** The interface the chat accepts; anything but loopback opens it to other machines, with no sign-in. */
  WEBCHAT_HOST: z.string().trim().min(1).default('127.0.0.1'),
});

export type WebChatConfig = z.infer<typeof WebChatConfigSchema>;
