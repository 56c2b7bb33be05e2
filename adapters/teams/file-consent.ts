/**
 * Files for one person in Teams (exports; later reports and roster CSVs). A bot cannot attach a file in
 * a chat: it sends a file consent card in the person's 1:1 chat; when they accept, Teams gives an
 * upload URL in their OneDrive, the bytes are PUT there and a file info card follows; a decline is
 * acknowledged. Needs `supportsFiles: true` in the app manifest.
 *
 * The offered file waits in memory only, with an expiry: an export says who chose what, so it is not
 * written to the store or the disk; an offer lost in a restart or never answered is simply asked for
 * again. Only the person it was offered to can take it, once.
 */
import { randomBytes } from 'node:crypto';
import type { Activity, FileConsentCardResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Lang } from '../../src/domain/model.ts';
import type { OutboundMessage } from '../../src/outbound.ts';
import type { FileDelivery } from '../botframework/file-delivery.ts';
import { teamsTexts } from './texts.ts';

const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';

/** Long enough to read the card and answer; short enough that a forgotten export does not linger in memory. */
const OFFER_TTL_MS = 30 * 60_000;
/** Bounds memory whatever happens: the oldest offers go first. */
const MAX_OFFERS = 500;
const UPLOAD_TIMEOUT_MS = 30_000;

type OutboundFile = NonNullable<OutboundMessage['file']>;

interface Offer {
  file: OutboundFile;
  /** The Teams user (from.id) it was offered to. */
  member: string;
  lang: Lang;
  expires: number;
}

const UploadInfo = z.object({
  uploadUrl: z.string().url().max(4_000),
  contentUrl: z.string().url().max(4_000),
  name: z.string().min(1).max(500),
  uniqueId: z.string().max(500).optional(),
  fileType: z.string().max(100).optional(),
});

export interface TeamsFileConsentOptions {
  now?: () => number;
  /** Where uploads may go: https in authenticated mode, this machine in local mode. */
  uploadAllowed: (url: string) => boolean;
  log?: (line: string) => void;
}

export interface TeamsFileConsent extends FileDelivery {
  /** The person's answer to a consent card (`fileConsent/invoke`), in their turn; `lang`: theirs. */
  answer(context: TurnContext, response: FileConsentCardResponse, lang: Lang): Promise<void>;
  /** Offers waiting for an answer (tests). */
  readonly pending: number;
}

function bytesOf(file: OutboundFile): Uint8Array {
  return typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content;
}

export function createTeamsFileConsent(options: TeamsFileConsentOptions): TeamsFileConsent {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const offers = new Map<string, Offer>();

  function sweep(): void {
    for (const [id, offer] of offers) if (offer.expires <= now()) offers.delete(id);
    while (offers.size >= MAX_OFFERS) offers.delete(offers.keys().next().value as string);
  }

  const note = (text: string): Partial<Activity> => ({ type: 'message', text });

  async function upload(url: string, bytes: Uint8Array): Promise<void> {
    const res = await fetch(url, {
      method: 'PUT',
      headers: { 'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}` },
      body: Buffer.from(bytes),
      redirect: 'error',
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) throw new Error(`upload answered ${res.status}`);
  }

  return {
    get pending() {
      sweep();
      return offers.size;
    },

    offer(file, recipient) {
      sweep();
      const id = randomBytes(18).toString('base64url');
      offers.set(id, { file, member: recipient.member, lang: recipient.lang, expires: now() + OFFER_TTL_MS });
      const context = { offer: id };
      return [
        {
          type: 'message',
          attachments: [
            {
              contentType: FILE_CONSENT_CARD,
              name: file.name,
              content: {
                description: teamsTexts(recipient.lang).fileOffer(file.name),
                sizeInBytes: bytesOf(file).length,
                acceptContext: context,
                declineContext: context,
              },
            },
          ],
        },
      ];
    },

    async answer(context, response, lang) {
      const from = context.activity.from?.id;
      const id = (response.context as { offer?: unknown } | undefined)?.offer;
      const offer = typeof id === 'string' ? offers.get(id) : undefined;
      if (!offer || offer.expires <= now() || offer.member !== from) {
        // Someone else's offer is not theirs to take, nor to learn about.
        if (offer && offer.member !== from)
          log(`teams: refused a file consent answer from ${from} for an offer to someone else`);
        await context.sendActivity(note(teamsTexts(lang).fileExpired));
        return;
      }
      offers.delete(id as string);
      const t = teamsTexts(offer.lang);
      if (response.action !== 'accept') {
        await context.sendActivity(note(t.fileDeclined(offer.file.name)));
        return;
      }
      const info = UploadInfo.safeParse(response.uploadInfo);
      if (!info.success || !options.uploadAllowed(info.data.uploadUrl)) {
        log(
          `teams: refused a file upload to ${info.success ? info.data.uploadUrl.slice(0, 200) : 'a malformed upload URL'}`,
        );
        await context.sendActivity(note(t.fileFailed(offer.file.name)));
        return;
      }
      try {
        await upload(info.data.uploadUrl, bytesOf(offer.file));
      } catch (err) {
        log(`teams: file upload failed: ${err instanceof Error ? err.message : String(err)}`);
        await context.sendActivity(note(t.fileFailed(offer.file.name)));
        return;
      }
      await context.sendActivity({
        type: 'message',
        text: t.fileSaved(info.data.name),
        attachments: [
          {
            contentType: FILE_INFO_CARD,
            contentUrl: info.data.contentUrl,
            name: info.data.name,
            content: { uniqueId: info.data.uniqueId, fileType: info.data.fileType },
          },
        ],
      });
    },
  };
}
