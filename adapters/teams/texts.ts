/**
 * The few words the Teams adapter shows itself: around files (consent card, upload outcome) and when a
 * private answer cannot reach its person. Everything else comes translated from the core.
 * Typed so a missing key does not compile.
 */
import type { Lang } from '../../src/domain/model.ts';

export interface TeamsTexts {
  /** The file consent card's description. */
  fileOffer: (name: string) => string;
  fileSaved: (name: string) => string;
  fileDeclined: (name: string) => string;
  fileExpired: string;
  fileFailed: (name: string) => string;
  /** Posted where someone asked in a channel when their 1:1 chat could not be opened: says nothing of the answer. */
  cannotReachPrivately: string;
}

const en: TeamsTexts = {
  fileOffer: (name) => `${name}, for you only. Allow Consult to save it in your OneDrive?`,
  fileSaved: (name) => `${name} is saved in your OneDrive.`,
  fileDeclined: (name) => `${name} was not saved. Ask again whenever you want it.`,
  fileExpired: 'This file offer has expired or was already answered. Ask again to get a new one.',
  fileFailed: (name) => `${name} could not be saved in your OneDrive. Please ask again in a moment.`,
  cannotReachPrivately:
    'Consult answers this privately but could not open a chat with you. Open Consult from Apps once, then ask again.',
};

const fr: TeamsTexts = {
  fileOffer: (name) => `${name}, pour vous seul·e. Autoriser Consult à l’enregistrer dans votre OneDrive ?`,
  fileSaved: (name) => `${name} est enregistré dans votre OneDrive.`,
  fileDeclined: (name) => `${name} n’a pas été enregistré. Redemandez-le quand vous le souhaitez.`,
  fileExpired:
    'Cette offre de fichier a expiré ou a déjà reçu une réponse. Redemandez le fichier pour en recevoir une nouvelle.',
  fileFailed: (name) => `${name} n’a pas pu être enregistré dans votre OneDrive. Veuillez redemander dans un instant.`,
  cannotReachPrivately:
    'Consult répond à cela en privé mais n’a pas pu ouvrir de conversation avec vous. Ouvrez une fois Consult depuis Applications, puis redemandez.',
};

const es: TeamsTexts = {
  fileOffer: (name) => `${name}, solo para usted. ¿Permite que Consult lo guarde en su OneDrive?`,
  fileSaved: (name) => `${name} se guardó en su OneDrive.`,
  fileDeclined: (name) => `${name} no se guardó. Vuelva a pedirlo cuando lo desee.`,
  fileExpired: 'Esta oferta de archivo caducó o ya fue respondida. Vuelva a pedirlo para recibir una nueva.',
  fileFailed: (name) => `No se pudo guardar ${name} en su OneDrive. Vuelva a pedirlo dentro de un momento.`,
  cannotReachPrivately:
    'Consult responde a esto en privado, pero no pudo abrir un chat con usted. Abra Consult una vez desde Aplicaciones y vuelva a pedirlo.',
};

const TEXTS: Record<Lang, TeamsTexts> = { en, fr, es };

export function teamsTexts(lang: Lang): TeamsTexts {
  return TEXTS[lang] ?? en;
}
