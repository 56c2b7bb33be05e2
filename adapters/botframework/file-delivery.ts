/**
 * How a Bot Framework platform hands a file to the one person who asked for it, in their personal
 * conversation: Teams with a file consent card, the local web chat with a download link. Files are
 * never posted where others can see them.
 */
import type { Activity } from 'botbuilder';
import type { Lang } from '../../src/domain/model.ts';
import type { OutboundMessage } from '../../src/outbound.ts';

export interface FileDelivery {
  /** The activities that offer `file` to its recipient (`member`: the platform's user id, without prefix). */
  offer(file: NonNullable<OutboundMessage['file']>, recipient: { member: string; lang: Lang }): Partial<Activity>[];
}
