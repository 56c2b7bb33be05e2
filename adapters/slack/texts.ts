/**
 * The few words the Slack adapter shows itself (modal chrome, select placeholders, the launch modal).
 * Everything else comes translated from the core. Typed so a missing key does not compile.
 */
import type { Lang } from '../../src/domain/model.ts';

export interface SlackTexts {
  choose: string;
  cancel: string;
  close: string;
  launchTitle: string;
  launchSubmit: string;
  kind: string;
  kinds: { theme: string; topics: string; survey: string; feedback: string; silence: string };
  option: (n: number) => string;
  optionHint: string;
  deadline: string;
  deadlineHint: string;
  eligibility: string;
  eligible: { members: string; all: string };
  results: string;
  resultsMode: { hidden: string; live: string };
  select: string;
  time: string;
  timeHint: string;
  secrecy: string;
  secretOption: string;
  quorum: string;
  participants: string;
  from: string;
  postsLang: string;
  langs: Record<Lang, string>;
  fileSent: (name: string) => string;
  fileFailed: (name: string) => string;
  /** A file shared with the bot in a direct message that is not a roster CSV, or too large. */
  notCsv: string;
  fileTooBig: (mb: number) => string;
  fileUnreadable: string;
  /** Beside a deadline in the organisation's zone: the same instant in the reader's own (a Slack date token). */
  localTime: (token: string) => string;
}

const en: SlackTexts = {
  choose: 'Choose…',
  cancel: 'Cancel',
  close: 'Close',
  launchTitle: 'New consultation',
  launchSubmit: 'Launch',
  kind: 'Kind',
  kinds: {
    theme: 'Theme poll',
    topics: 'Topic shortlist',
    survey: 'Written survey',
    feedback: 'Satisfaction survey',
    silence: 'Silence procedure (text in option 1)',
  },
  option: (n) => `Option ${n}`,
  optionHint: 'Other languages on their own lines, e.g. fr: Migration de retour — each delegate reads theirs.',
  deadline: 'Deadline (Geneva time, end of day)',
  deadlineHint: 'Leave empty for the default deadline.',
  eligibility: 'Who may answer',
  eligible: { members: 'Member States only', all: 'Member States and observers' },
  results: 'Results',
  resultsMode: { hidden: 'Hidden until the close', live: 'Live' },
  select: 'Topics to select (shortlist)',
  fileSent: (name) => `${name} sent to you as a file, in your direct messages with Consult.`,
  fileFailed: (name) =>
    `${name} could not be sent to you as a file. Please try again later; if it keeps failing, ask the administrator to check the app’s files:write permission.`,
  notCsv: 'Share a CSV file (delegation,kind,region,user) to import the roster; other files are not read.',
  fileTooBig: (mb) => `That file is larger than ${mb} MB: split the roster into several files.`,
  localTime: (token) => `your time: ${token}`,
  fileUnreadable: 'The file could not be downloaded from Slack, so nothing was imported. Please share it again.',
  time: 'Time (Geneva time)',
  timeHint: 'Leave empty for the end of the day (23:59).',
  secrecy: 'Secret ballot',
  secretOption: 'Secret: nobody, not even the secretariat, can see who chose what',
  quorum: 'Quorum (% of eligible delegations)',
  participants: 'Participants (satisfaction survey: only they may answer)',
  from: 'Written survey from a closed consultation (its id, e.g. T1)',
  postsLang: 'Language of the ballot and results posted in the channel',
  langs: { en: 'English', fr: 'Français', es: 'Español' },
};

const fr: SlackTexts = {
  choose: 'Choisir…',
  cancel: 'Annuler',
  close: 'Fermer',
  launchTitle: 'Nouvelle consultation',
  launchSubmit: 'Lancer',
  kind: 'Type',
  kinds: {
    theme: 'Choix du thème',
    topics: 'Sélection des sujets',
    survey: 'Enquête écrite',
    feedback: 'Enquête de satisfaction',
    silence: "Approbation tacite (texte dans l'option 1)",
  },
  option: (n) => `Option ${n}`,
  optionHint:
    'Les autres langues sur leur propre ligne, p. ex. es: Migración de retorno — chaque délégué lit la sienne.',
  deadline: 'Date limite (heure de Genève, fin de journée)',
  deadlineHint: 'Laisser vide pour la date limite par défaut.',
  eligibility: 'Qui peut répondre',
  eligible: { members: 'États membres uniquement', all: 'États membres et observateurs' },
  results: 'Résultats',
  resultsMode: { hidden: 'Masqués jusqu’à la clôture', live: 'En direct' },
  select: 'Sujets à retenir (sélection)',
  fileSent: (name) => `${name} vous a été envoyé en fichier, dans vos messages directs avec Consult.`,
  fileFailed: (name) =>
    `${name} n’a pas pu vous être envoyé en fichier. Veuillez réessayer plus tard ; si cela persiste, demandez à l’administrateur de vérifier l’autorisation files:write de l’application.`,
  notCsv:
    'Partagez un fichier CSV (delegation,kind,region,user) pour importer la liste ; les autres fichiers ne sont pas lus.',
  fileTooBig: (mb) => `Ce fichier dépasse ${mb} Mo : répartissez la liste en plusieurs fichiers.`,
  localTime: (token) => `votre heure : ${token}`,
  fileUnreadable:
    "Le fichier n'a pas pu être téléchargé depuis Slack, rien n'a donc été importé. Partagez-le à nouveau.",
  time: 'Heure (heure de Genève)',
  timeHint: 'Laisser vide pour la fin de la journée (23:59).',
  secrecy: 'Vote secret',
  secretOption: 'Secret : personne, pas même le secrétariat, ne peut voir qui a choisi quoi',
  quorum: 'Quorum (% des délégations habilitées)',
  participants: 'Participants (enquête de satisfaction : eux seuls peuvent répondre)',
  from: 'Enquête écrite à partir d’une consultation close (son identifiant, p. ex. T1)',
  postsLang: 'Langue du bulletin et des résultats publiés dans le canal',
  langs: { en: 'English', fr: 'Français', es: 'Español' },
};

const es: SlackTexts = {
  choose: 'Elegir…',
  cancel: 'Cancelar',
  close: 'Cerrar',
  launchTitle: 'Nueva consulta',
  launchSubmit: 'Lanzar',
  kind: 'Tipo',
  kinds: {
    theme: 'Elección del tema',
    topics: 'Selección de temas',
    survey: 'Encuesta escrita',
    feedback: 'Encuesta de satisfacción',
    silence: 'Acuerdo tácito (texto en la opción 1)',
  },
  option: (n) => `Opción ${n}`,
  optionHint: 'Los demás idiomas en su propia línea, p. ej., fr: Migration de retour — cada delegado lee el suyo.',
  deadline: 'Fecha límite (hora de Ginebra, fin del día)',
  deadlineHint: 'Dejar vacío para la fecha límite por defecto.',
  eligibility: 'Quién puede responder',
  eligible: { members: 'Solo Estados miembros', all: 'Estados miembros y observadores' },
  results: 'Resultados',
  resultsMode: { hidden: 'Ocultos hasta el cierre', live: 'En directo' },
  select: 'Temas a seleccionar (lista)',
  fileSent: (name) => `${name} se le envió como archivo, en sus mensajes directos con Consult.`,
  fileFailed: (name) =>
    `No se pudo enviarle ${name} como archivo. Inténtelo de nuevo más tarde; si el problema persiste, pida al administrador que compruebe el permiso files:write de la aplicación.`,
  notCsv:
    'Comparta un archivo CSV (delegation,kind,region,user) para importar la lista; los demás archivos no se leen.',
  fileTooBig: (mb) => `Ese archivo supera ${mb} MB: divida la lista en varios archivos.`,
  localTime: (token) => `su hora: ${token}`,
  fileUnreadable: 'No se pudo descargar el archivo desde Slack, por lo que no se importó nada. Compártalo de nuevo.',
  time: 'Hora (hora de Ginebra)',
  timeHint: 'Deje vacío para el final del día (23:59).',
  secrecy: 'Votación secreta',
  secretOption: 'Secreta: nadie, ni siquiera la secretaría, puede ver quién eligió qué',
  quorum: 'Quórum (% de las delegaciones habilitadas)',
  participants: 'Participantes (encuesta de satisfacción: solo ellos pueden responder)',
  from: 'Encuesta escrita a partir de una consulta cerrada (su identificador, p. ej., T1)',
  postsLang: 'Idioma de la papeleta y de los resultados publicados en el canal',
  langs: { en: 'English', fr: 'Français', es: 'Español' },
};

const TEXTS: Record<Lang, SlackTexts> = { en, fr, es };

export function slackTexts(lang: Lang): SlackTexts {
  return TEXTS[lang];
}
