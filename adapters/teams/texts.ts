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
  /** The launch form (a card) that `theme`, `topics`, `survey`, `feedback` or `silence` alone opens. */
  launch: LaunchTexts;
}

interface LaunchTexts {
  title: string;
  submit: string;
  kind: string;
  kinds: { theme: string; topics: string; survey: string; feedback: string; silence: string };
  option: (n: number) => string;
  optionHint: string;
  select: string;
  deadline: (zone: string) => string;
  time: (zone: string) => string;
  eligibility: string;
  eligible: { members: string; all: string };
  results: string;
  resultsMode: { hidden: string; live: string };
  secret: string;
  quorum: string;
  participants: string;
  from: string;
  postsLang: string;
  langs: { en: string; fr: string; es: string };
  needsOptions: string;
}

const en: TeamsTexts = {
  fileOffer: (name) => `${name}, for you only. Allow Consult to save it in your OneDrive?`,
  fileSaved: (name) => `${name} is saved in your OneDrive.`,
  fileDeclined: (name) => `${name} was not saved. Ask again whenever you want it.`,
  fileExpired: 'This file offer has expired or was already answered. Ask again to get a new one.',
  fileFailed: (name) => `${name} could not be saved in your OneDrive. Please ask again in a moment.`,
  cannotReachPrivately:
    'Consult answers this privately but could not open a chat with you. Open Consult from Apps once, then ask again.',
  launch: {
    title: 'New consultation',
    submit: 'Launch',
    kind: 'Kind',
    kinds: {
      theme: 'Theme poll',
      topics: 'Topic shortlist',
      survey: 'Written survey',
      feedback: 'Satisfaction survey (workshop in option 1, statements after)',
      silence: 'Silence procedure (text in option 1)',
    },
    option: (n) => `Option ${n}`,
    optionHint: 'Other languages on their own lines, e.g. fr: Migration de retour — each delegate reads theirs.',
    select: 'Topics to select (shortlist)',
    deadline: (zone) => `Deadline (${zone}; empty: the default)`,
    time: (zone) => `Time (${zone}; empty: end of day, 23:59)`,
    eligibility: 'Who may answer',
    eligible: { members: 'Member States only', all: 'Member States and observers' },
    results: 'Results',
    resultsMode: { hidden: 'Hidden until the close', live: 'Live' },
    secret: 'Secret ballot: nobody, not even the secretariat, can see who chose what',
    quorum: 'Quorum (% of eligible delegations)',
    participants: 'Participants (satisfaction survey): a number, or users as the roster shows them, comma-separated',
    from: 'Written survey from a closed consultation (its id, e.g. T1)',
    postsLang: 'Language of the ballot and results posted in the channel',
    langs: { en: 'English', fr: 'Français', es: 'Español' },
    needsOptions: 'Give at least one option.',
  },
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
  launch: {
    title: 'Nouvelle consultation',
    submit: 'Lancer',
    kind: 'Type',
    kinds: {
      theme: 'Choix du thème',
      topics: 'Sélection des sujets',
      survey: 'Enquête écrite',
      feedback: 'Enquête de satisfaction (atelier dans l’option 1, affirmations ensuite)',
      silence: 'Approbation tacite (texte dans l’option 1)',
    },
    option: (n) => `Option ${n}`,
    optionHint:
      'Les autres langues sur leur propre ligne, p. ex. es: Migración de retorno — chaque délégué lit la sienne.',
    select: 'Sujets à retenir (sélection)',
    deadline: (zone) => `Date limite (${zone} ; vide : celle par défaut)`,
    time: (zone) => `Heure (${zone} ; vide : fin de journée, 23:59)`,
    eligibility: 'Qui peut répondre',
    eligible: { members: 'États membres uniquement', all: 'États membres et observateurs' },
    results: 'Résultats',
    resultsMode: { hidden: 'Masqués jusqu’à la clôture', live: 'En direct' },
    secret: 'Vote secret : personne, pas même le secrétariat, ne peut voir qui a choisi quoi',
    quorum: 'Quorum (% des délégations habilitées)',
    participants:
      'Participants (enquête de satisfaction) : un nombre, ou des utilisateurs tels que la liste les montre, séparés par des virgules',
    from: 'Enquête écrite à partir d’une consultation close (son identifiant, p. ex. T1)',
    postsLang: 'Langue du bulletin et des résultats publiés dans le canal',
    langs: { en: 'English', fr: 'Français', es: 'Español' },
    needsOptions: 'Indiquez au moins une option.',
  },
};

const es: TeamsTexts = {
  fileOffer: (name) => `${name}, solo para usted. ¿Permite que Consult lo guarde en su OneDrive?`,
  fileSaved: (name) => `${name} se guardó en su OneDrive.`,
  fileDeclined: (name) => `${name} no se guardó. Vuelva a pedirlo cuando lo desee.`,
  fileExpired: 'Esta oferta de archivo caducó o ya fue respondida. Vuelva a pedirlo para recibir una nueva.',
  fileFailed: (name) => `No se pudo guardar ${name} en su OneDrive. Vuelva a pedirlo dentro de un momento.`,
  cannotReachPrivately:
    'Consult responde a esto en privado, pero no pudo abrir un chat con usted. Abra Consult una vez desde Aplicaciones y vuelva a pedirlo.',
  launch: {
    title: 'Nueva consulta',
    submit: 'Lanzar',
    kind: 'Tipo',
    kinds: {
      theme: 'Elección del tema',
      topics: 'Selección de temas',
      survey: 'Encuesta escrita',
      feedback: 'Encuesta de satisfacción (taller en la opción 1, afirmaciones después)',
      silence: 'Procedimiento de silencio (texto en la opción 1)',
    },
    option: (n) => `Opción ${n}`,
    optionHint: 'Los demás idiomas en su propia línea, p. ej., fr: Migration de retour — cada delegado lee el suyo.',
    select: 'Temas a seleccionar (lista)',
    deadline: (zone) => `Fecha límite (${zone}; vacía: la predeterminada)`,
    time: (zone) => `Hora (${zone}; vacía: final del día, 23:59)`,
    eligibility: 'Quién puede responder',
    eligible: { members: 'Solo Estados miembros', all: 'Estados miembros y observadores' },
    results: 'Resultados',
    resultsMode: { hidden: 'Ocultos hasta el cierre', live: 'En directo' },
    secret: 'Votación secreta: nadie, ni siquiera la secretaría, puede ver quién eligió qué',
    quorum: 'Quórum (% de las delegaciones habilitadas)',
    participants:
      'Participantes (encuesta de satisfacción): un número, o usuarios tal como los muestra la lista, separados por comas',
    from: 'Encuesta escrita a partir de una consulta cerrada (su identificador, p. ej., T1)',
    postsLang: 'Idioma de la papeleta y de los resultados publicados en el canal',
    langs: { en: 'English', fr: 'Français', es: 'Español' },
    needsOptions: 'Indique al menos una opción.',
  },
};

const TEXTS: Record<Lang, TeamsTexts> = { en, fr, es };

export function teamsTexts(lang: Lang): TeamsTexts {
  return TEXTS[lang] ?? en;
}
