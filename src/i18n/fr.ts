/** Textes français. Mêmes clés et mêmes signatures que en.ts. */
import type { Catalog } from './en.ts';

/** En français, 0 et 1 appellent le singulier. */
const one = (n: number) => Math.abs(n) < 2;

export const fr: Catalog = {
  kind: {
    theme: 'Sondage sur le thème',
    topics: 'Présélection des sujets',
    survey: 'Enquête écrite',
    feedback: 'Enquête de satisfaction',
    silence: "Procédure d'approbation tacite",
  },
  delegationKind: {
    member: 'État Membre',
    'observer-state': 'État observateur',
    'observer-org': 'Organisation observatrice',
  },
  state: { open: 'ouverte', closed: 'clôturée', cancelled: 'annulée' },
  /** Scheduled work the store could not save: told personally to the secretariat, once. */
  scheduler: {
    title: 'Des tâches planifiées échouent',
    failed: (id: string, step: 'close' | 'publish' | 'remind', cause: string) =>
      step === 'close'
        ? `Les résultats de ${id} n'ont pas pu être enregistrés : ${cause}. ${id} sera clôturée et ses résultats publiés dès que le stockage pourra de nouveau être écrit.`
        : step === 'publish'
          ? `Les nouvelles options de ${id} n'ont pas pu être publiées sur son bulletin : ${cause}. Elles apparaîtront dès que le stockage pourra de nouveau être écrit.`
          : `Les rappels de ${id} n'ont pas pu être enregistrés : ${cause}. Ils partiront dès que le stockage pourra de nouveau être écrit.`,
    failedOther: (cause: string) => `Une tâche planifiée n'a pas pu être menée à bien : ${cause}.`,
    retrying: "Le bot réessaie de lui-même ; le contrôle de santé signale le problème jusqu'à ce qu'il soit résolu.",
    cause: {
      full: 'le disque est plein',
      readOnly: 'le stockage ne peut pas être écrit (lecture seule ou non autorisé)',
      other: (what: string) => `erreur de stockage (${what})`,
    },
  },
  defaultStatements: [
    "L'atelier a favorisé l'apprentissage mutuel entre les gouvernements et les autres acteurs.",
    "L'atelier a contribué à une meilleure compréhension des enjeux.",
    "L'atelier a permis de définir des mesures de coopération internationale et des politiques efficaces.",
    "Dans l'ensemble, je suis satisfait(e) de la manifestation et de ses documents de référence.",
  ],
  likert: [
    'Sans réponse',
    "Pas du tout d'accord",
    "Pas d'accord",
    "Ni d'accord ni pas d'accord",
    "D'accord",
    "Tout à fait d'accord",
  ],

  ballot: {
    closes: (date: string, relative: string) => `Clôture le ${date} (${relative})`,
    closed: (date: string) => `Clôturée le ${date}`,
    eligibility: { members: 'Vote des États Membres', all: 'Vote des États Membres et des observateurs' },
    secrecyRecorded:
      'Vote enregistré : le Secrétariat peut voir le choix de chaque délégation. Une voix par délégation ; seul le dernier vote est pris en compte.',
    secrecySecret:
      "Scrutin secret : personne, pas même le Secrétariat, ne peut voir le choix d'une délégation. Une voix par délégation ; vous pouvez modifier votre réponse jusqu'à la clôture.",
    secrecyFeedback: 'Réponses anonymes : une réponse par participant, jamais liée à votre identité.',
    chooseOne: 'Choisissez une option.',
    chooseUpTo: (n: number) =>
      one(n)
        ? `Approuvez au plus ${n} sujet, ou demandez le regroupement de deux sujets en un seul atelier.`
        : `Approuvez jusqu'à ${n} sujets, ou demandez le regroupement de deux sujets en un seul atelier.`,
    turnout: (answered: number, eligible: number) =>
      `Participation à ce stade : ${answered} sur ${eligible} ${one(eligible) ? 'délégation' : 'délégations'}`,
    respondents: (n: number) => (one(n) ? `${n} réponse à ce stade` : `${n} réponses à ce stade`),
    yourVote: (delegation: string, choice: string) => `${delegation} a voté : ${choice}`,
    notYet: (delegation: string) => `${delegation} n'a pas encore voté.`,
    secretAnswered: (delegation: string) => `${delegation} a répondu (scrutin secret : votre choix n'est pas affiché).`,
    proposedBy: (delegation: string) => `proposition de ${delegation}`,
    combination: 'regroupement demandé',
    requestedByDelegation: 'regroupement demandé par une délégation',
    proposedByDelegation: 'proposition d’une délégation',
    proposeButton: 'Proposer une option',
    answerButton: "Répondre à l'enquête",
    voteButton: (n: number) => `Voter pour l'option ${n}`,
    submitVote: 'Valider le vote',
    approveLabel: 'Sujets à approuver',
    combineLabel: 'Ou demander le regroupement de deux sujets',
    liveResults: 'Résultats en direct',
    resultsHidden: "Les résultats restent masqués jusqu'à la clôture.",
    id: (id: string) => `Consultation ${id}`,
    historyNote: (title: string, year: number) => `Déjà examiné : « ${title} » (${year}).`,
  },

  results: {
    auditHead: (entries: number, hash: string) =>
      `Journal d'audit : ${entries} entrées, empreinte de tête (SHA-256) ${hash}`,
    title: (id: string, title: string) => `Résultats de la consultation ${id} : ${title}`,
    interim: 'Résultats provisoires (la consultation est toujours ouverte)',
    turnout: (answered: number, eligible: number, pct: string) =>
      `Participation : ${answered} sur ${eligible} ${one(eligible) ? 'délégation' : 'délégations'} (${pct})`,
    turnoutBy: 'Participation par groupe',
    votes: (n: number) => `${n} voix`,
    approvals: (n: number) => (one(n) ? `${n} approbation` : `${n} approbations`),
    winner: (option: string) => `Décision : l'option « ${option} » est retenue à la majorité absolue.`,
    selected: (options: string) => `Décision : sont retenus ${options}.`,
    inconclusive: (reason: string) => `Résultat non concluant : ${reason}.`,
    reason: {
      tie: (options: string) => `égalité entre ${options}`,
      'no-majority': "aucune option n'a obtenu la majorité absolue des suffrages exprimés",
      'no-ballots': "aucun vote n'a été exprimé",
      'low-turnout': (pct: string, needed: string) =>
        `le taux de participation (${pct}) est inférieur au quorum de ${needed}`,
      'tie-at-cut': (options: string) => `égalité au seuil de sélection entre ${options}`,
      'all-abstained': 'toutes les délégations ayant répondu se sont abstenues',
    },
    nextStep: (id: string) => `Le Secrétariat peut lancer une enquête écrite avec la commande : survey ${id}`,
    tooFewSecret: (n: number, min: number) =>
      `${one(n) ? `Seule ${n} délégation a répondu` : `Seules ${n} délégations ont répondu`} à ce vote secret : en dessous de ${min}, ni les décomptes ni la décision ne sont affichés, car ils révéleraient le choix d'une délégation. Participation seulement :`,
    tooFewAnonymous: (n: number, min: number) =>
      `${one(n) ? `Seul ${n} participant a répondu` : `Seuls ${n} participants ont répondu`} : en dessous de ${min}, les pourcentages ne sont pas affichés, car ils révéleraient la réponse de quelqu'un.`,
    agreeShare: (pct: string, n: number) => `${pct} d'accord (${n} ${one(n) ? 'réponse' : 'réponses'})`,
    responseRate: (respondents: number, participants: number, pct: string) =>
      `Taux de réponse : ${respondents} sur ${participants} ${one(participants) ? 'participant' : 'participants'} (${pct})`,
    respondentsOnly: (n: number) =>
      `${n} ${one(n) ? 'répondant' : 'répondants'} (indiquez le nombre de participants pour afficher le taux de réponse)`,
    cancelled: (id: string) => `La consultation ${id} a été annulée. Aucun résultat.`,
  },

  report: {
    /** Between a label and its value, e.g. "Kind: Theme poll" (French sets a space before the colon). */
    labelEnd: ' : ',
    homeClosed: 'Clôturées récemment : rapports',
    title: (id: string, title: string) => `Rapport sur ${id} : ${title}`,
    subtitle: 'Résultats d’une consultation du dialogue, tels qu’enregistrés par Consult',
    generated: (date: string) => `Établi le ${date}`,
    kind: 'Type',
    opened: 'Ouverture',
    deadline: 'Échéance',
    closedAt: 'Clôture',
    eligibility: 'Participation',
    eligibilityValue: { members: 'États Membres uniquement', all: 'États Membres et observateurs' },
    mode: 'Modalités',
    modeRecorded: 'vote enregistré, une voix par délégation',
    modeSecret: 'vote secret, une voix par délégation',
    modeAnonymous: 'anonyme, une réponse par participant',
    modeLive: 'résultats affichés en direct',
    modeHidden: 'résultats masqués jusqu’à la clôture',
    methodMajority: 'un seul choix, décidé à la majorité absolue des bulletins exprimés',
    methodTop: (n: number) => `approbation : les ${n} sujets les plus approuvés sont retenus`,
    quorum: (pct: string) => `quorum de ${pct}`,
    options: 'Options',
    option: 'Option',
    count: 'Nombre',
    share: 'Part',
    cast: (n: number) => `Bulletins exprimés : ${n}`,
    cutLine: (n: number) =>
      n === 1 ? 'Seuil : le premier sujet est retenu' : `Seuil : les ${n} premiers sujets sont retenus`,
    turnout: 'Participation',
    turnoutTitle: (id: string) => `Participation à ${id}`,
    overall: 'Toutes les délégations admises',
    byKind: 'Par type de délégation',
    byRegion: 'Par région',
    group: 'Groupe',
    answered: 'Ont répondu',
    eligible: 'Admises',
    decision: 'Décision',
    statements: 'Affirmations',
    statement: 'Affirmation',
    agree: 'D’accord',
    respondents: 'Répondants',
    responseRate: 'Taux de réponse',
    audit: 'Journal d’audit',
    auditEntries: (n: number) => (one(n) ? `${n} entrée` : `${n} entrées`),
    auditHead: (hash: string) => `Empreinte de tête : ${hash}`,
    verify:
      'Pour vérifier ce relevé, lancez npm run verify-store sur une copie du répertoire de données : la commande contrôle chaque maillon de la chaîne d’empreintes et affiche l’empreinte de tête de chaque consultation, qui doit être égale à celle ci-dessus.',
    sent: (id: string, file: string) => `Le rapport sur ${id} est joint : ${file}.`,
    button: 'Rapport (PDF)',
    chartAlt: (title: string) => `Graphique : ${title}`,
  },

  history: {
    title: 'Historique du dialogue',
    intro: 'Thèmes généraux et ateliers des années passées, puis les consultations clôturées ici.',
    year: (year: number, theme: string) => `${year} : ${theme}`,
    workshops: (list: string) => `Ateliers : ${list}`,
    noWorkshop: (note: string) => `Pas d’atelier (${note})`,
    notChosen: (list: string) => `Proposés, non retenus : ${list}`,
    here: 'Clôturées dans cette installation',
    none: 'Aucune consultation n’a encore été clôturée ici.',
    source: (source: string) => `Source : ${source}`,
  },

  reply: {
    launched: (id: string, kind: string) =>
      `${kind} ${id} : la consultation est ouverte. Le bulletin de vote est publié dans ce canal.`,
    historyWarning: (title: string, year: number, notChosen: boolean) =>
      notChosen
        ? `Remarque : le sujet « ${title} » a été proposé en ${year}, mais n'a pas été retenu.`
        : `Remarque : ce sujet est proche de « ${title} », examiné en ${year}.`,
    alreadyApplied: "Ce clic a déjà été enregistré ; rien n'a changé.",
    voteRecorded: (delegation: string, choice: string) => `Vote enregistré au nom de ${delegation} : ${choice}`,
    voteRecordedSecret: (delegation: string) =>
      `Vote enregistré au nom de ${delegation}. Le scrutin est secret : votre choix n'est pas conservé avec le nom de votre délégation.`,
    changeUntil: (date: string) =>
      `Vous pouvez modifier votre vote jusqu’au ${date} : votez à nouveau sur le bulletin.`,
    answerRecorded: 'Merci : vos réponses sont enregistrées de manière anonyme.',
    proposed: (id: string, n: number, text: string) => `Option ${n} ajoutée à la consultation ${id} : « ${text} »`,
    proposedPending: (id: string, n: number, text: string, date: string) =>
      `L'option ${n} de la consultation ${id}, « ${text} », est enregistrée sans le nom de votre délégation. Le scrutin étant secret, elle apparaîtra sur le bulletin à la prochaine publication (${date}) et non immédiatement : ainsi, personne ne peut savoir qui l'a proposée.`,
    optionPending: (text: string, date: string) =>
      `Votre regroupement « ${text} » apparaîtra sur le bulletin à la prochaine publication (${date}), afin qu'il ne puisse pas être rattaché à votre vote.`,
    closed: (id: string) =>
      `La consultation ${id} est clôturée. Les résultats sont publiés dans tous les canaux de la consultation.`,
    extended: (id: string, date: string) =>
      `La consultation ${id} sera désormais clôturée le ${date}. Les rappels ont été reprogrammés.`,
    cancelledReply: (id: string) =>
      `La consultation ${id} est annulée. Aucun résultat ne sera publié et aucun autre rappel ne sera envoyé.`,
    reminded: (id: string, n: number) =>
      one(n)
        ? `Rappel envoyé à ${n} délégué d'une délégation qui n'a pas répondu à la consultation ${id}.`
        : `Rappel envoyé à ${n} délégués des délégations qui n'ont pas répondu à la consultation ${id}.`,
    nobodyToRemind: (id: string) =>
      `Toutes les délégations habilitées ont répondu à la consultation ${id} : aucun rappel à envoyer.`,
    shared: (id: string) =>
      `Le bulletin de vote de la consultation ${id} est également publié ici. Les votes exprimés dans tous les canaux sont comptabilisés ensemble.`,
    exported: (id: string, n: number) =>
      `Export de la consultation ${id} : ${n} ${one(n) ? "entrée du journal d'audit" : "entrées du journal d'audit"} (fichier CSV joint).`,
    exportedTurnout: (id: string, n: number, date: string) =>
      `Export de la consultation ${id} : participation seulement, ${n} ${one(n) ? 'bulletin déposé' : 'bulletins déposés'} (qui a répondu, quand, depuis quelle plateforme). Ses résultats restent masqués jusqu'à la clôture (${date}) : les choix figurent dans l'export après celle-ci.`,
    rosterAdded: (user: string, delegation: string) => `${user} vote désormais au nom de ${delegation}.`,
    rosterRemoved: (user: string, delegation: string) => `${user} ne vote plus au nom de ${delegation}.`,
    rosterTitle: 'Liste des délégués',
    rosterEmpty:
      'La liste est vide. Ajoutez des délégués avec : roster add ‹user› "‹delegation›" member|observer-state|observer-org [region]',
    secretariatLine: (users: string) => `Secrétariat : ${users}`,
    langSet: 'La langue choisie est désormais le français.',
  },

  status: {
    title: 'Consultations',
    none: 'Aucune consultation pour le moment. Le Secrétariat peut en lancer une avec : theme "Option A" "Option B"',
    line: (
      id: string,
      kind: string,
      title: string,
      state: string,
      answered: number,
      eligible: number,
      closes: string,
    ) => `${id} · ${title ? `${kind} : ${title}` : kind} · ${state} · réponses : ${answered}/${eligible} · ${closes}`,
    yourDelegation: (delegation: string, answered: boolean) =>
      `${delegation} : ${answered ? 'a répondu' : "n'a pas encore répondu"}`,
  },

  roster: {
    importTitle: 'Import de la liste',
    formIntro: (header: string) =>
      `Collez la liste au format CSV, un délégué par ligne, sous l'en-tête ${header}. Le type est member, observer-state ou observer-org ; l'utilisateur est un identifiant, une mention ou une adresse électronique. Pour une longue liste, envoyez plutôt le fichier CSV.`,
    formLabel: 'Lignes de la liste (CSV)',
    formSubmit: 'Importer',
    rejected: (n: number) =>
      one(n)
        ? "Rien n'a été importé : 1 ligne est à corriger. Corrigez-la et renvoyez tout le fichier."
        : `Rien n'a été importé : ${n} lignes sont à corriger. Corrigez-les et renvoyez tout le fichier.`,
    badLine: (line: number, reason: string) => `Ligne ${line} : ${reason}`,
    imported: (lines: number) => `Liste importée : ${lines} lignes lues.`,
    unchanged: (lines: number) => `Rien n'a changé : la liste contient déjà les ${lines} lignes de ce fichier.`,
    delegations: (added: number, updated: number) => `Délégations : ${added} ajoutées, ${updated} mises à jour.`,
    delegates: (added: number, moved: number) =>
      `Délégués : ${added} ajoutés, ${moved} déplacés depuis une autre délégation.`,
    kindLine: (kind: string, delegations: number, delegates: number, regions: string) =>
      `${kind} : ${delegations} ${one(delegations) ? 'délégation' : 'délégations'}, ${delegates} ${one(delegates) ? 'délégué' : 'délégués'}${regions ? ` (${regions})` : ''}`,
    pending: (n: number) =>
      `${n} adresses électroniques ne correspondent encore à personne ici. Elles sont conservées, et chacune est associée dès que la personne écrit au bot :`,
    pendingLine: (line: number, email: string) => `Ligne ${line} : ${email}`,
    exported: (delegations: number, delegates: number) =>
      `Liste : ${delegations} délégations, ${delegates} délégués (CSV joint). Modifiez-la et renvoyez-la avec roster import.`,
    listHeading: (kind: string, n: number) => `${kind} (${n})`,
    listLine: (delegation: string, region: string, people: string) =>
      `${delegation}${region ? ` (${region})` : ''} : ${people}`,
    waiting: (emails: string) => `en attente de ${emails}`,
    nobody: 'aucun délégué',
    listAsFile: (delegations: number, delegates: number) =>
      `${delegations} délégations, ${delegates} délégués : trop long pour un seul message, la liste est donc jointe en fichier.`,
    fileUnreadable: "Le fichier n'a pas pu être téléchargé, rien n'a donc été importé. Envoyez-le à nouveau.",
  },

  missing: {
    turnout: (answered: number, eligible: number, pct: string) =>
      `Participation à ce jour : ${answered} délégations sur ${eligible} (${pct})`,
    title: (n: number) =>
      one(n) ? "1 délégation n'a pas encore répondu :" : `${n} délégations n'ont pas encore répondu :`,
    everyone: 'Toutes les délégations habilitées ont répondu.',
    group: (kind: string, region: string, names: string) => `${kind}${region ? `, ${region}` : ''} : ${names}`,
    noRegion: 'sans région',
    respondents: (n: number) => `${n} réponses à ce jour (anonymes : qui a répondu n'est pas affiché).`,
    reminded: (id: string, delegations: number, delegates: number, names: string) =>
      `Rappel de ${id} envoyé à ${delegates} délégués de ${delegations} délégations qui n'ont pas répondu : ${names}.`,
  },

  reminder: {
    title: (id: string) => `Rappel : la consultation ${id} sera bientôt clôturée`,
    text: (delegation: string, title: string, date: string, relative: string) =>
      `${delegation} n'a pas encore répondu à « ${title} ». La clôture est fixée au ${date} (${relative}).`,
  },

  safeguard: {
    extendTo: (date: string) => `Prolonger au ${date}`,
    confirmTitle: 'Merci de confirmer',
    confirmClose: (id: string, date: string) =>
      `Clôturer la consultation ${id} maintenant, avant sa date limite (${date}) ? Plus aucun vote ne sera accepté et les résultats seront publiés dans tous les canaux de la consultation.`,
    confirmCancel: (id: string) =>
      `Annuler la consultation ${id} ? Aucun résultat ne sera publié et aucun autre rappel ne sera envoyé ; les votes exprimés restent dans le journal d'audit.`,
    confirmCloseButton: (id: string) => `Oui, clôturer ${id}`,
    confirmCancelButton: (id: string) => `Oui, annuler ${id}`,
    orType: (command: string) => `Ou saisissez : ${command}`,
    abstainButton: "S'abstenir",
    abstained: (delegation: string) => `${delegation} s'abstient.`,
    abstainRecorded: (delegation: string) =>
      `Abstention enregistrée au nom de ${delegation}. Elle compte dans la participation, mais pas dans le calcul de la majorité.`,
    abstentions: (n: number, base: number) =>
      `Abstentions : ${n} (comptées dans la participation, mais pas dans la base de la majorité, soit ${base} ${one(base) ? 'suffrage exprimé' : 'suffrages exprimés'})`,
    lowTurnout: (answered: number, eligible: number) => `participation faible : ${answered} sur ${eligible}`,
    quorumLine: (pct: string) =>
      `Quorum : ${pct} des délégations habilitées doivent répondre pour que le résultat soit concluant.`,
    observersFollow: 'Les observateurs suivent cette consultation ; les États Membres votent.',
    observerFollows: (delegation: string) => `${delegation} suit cette consultation (vote des États Membres).`,
    withdrawnReply: (id: string, n: number, text: string) =>
      `L'option ${n} (« ${text} ») est retirée de la consultation ${id}. Les délégations dont le vote la choisissait le récupèrent avec un avis personnel ; les autres délégations ayant répondu sont informées.`,
    mergedReply: (id: string, from: number, into: number) =>
      `L'option ${from} de la consultation ${id} est fusionnée avec l'option ${into} : les votes pour l'option ${from} comptent désormais pour l'option ${into}. Les délégations ayant répondu sont informées.`,
    withdrawnLine: (list: string) => `Retirées ou fusionnées : ${list}`,
    mergedInto: (n: number) => `fusionnée avec l'option ${n}`,
    colleagueTitle: (id: string) => `${id} : le vote de votre délégation a changé`,
    colleagueChanged: (delegation: string, id: string, choice: string) =>
      `Un autre délégué de ${delegation} a modifié le vote de ${delegation} pour la consultation ${id} : il porte désormais sur ${choice}. Le vote que vous aviez exprimé ne compte plus (seul le dernier vote d'une délégation compte).`,
    colleagueChangedSecret: (delegation: string, id: string) =>
      `Un autre délégué de ${delegation} a modifié le vote de ${delegation} pour la consultation ${id} (scrutin secret : le choix n'est pas affiché). Seul le dernier vote d'une délégation compte.`,
    returnedTitle: (id: string) => `${id} : le vote de votre délégation vous est rendu`,
    returned: (delegation: string, id: string, n: number, text: string, date: string) =>
      `Le Secrétariat a retiré l'option ${n} (« ${text} ») de la consultation ${id}. Le vote de ${delegation} la choisissait ; il vous est donc rendu : veuillez voter à nouveau avant le ${date}.`,
    optionsTitle: (id: string) => `${id} : les options ont changé`,
    optionAdded: (id: string, n: number, text: string, date: string) =>
      `Une nouvelle option a été proposée dans la consultation ${id} : ${n}. ${text}. Le vote de votre délégation est maintenu ; vous pouvez le modifier jusqu'au ${date}.`,
    optionWithdrawn: (id: string, n: number, text: string, date: string) =>
      `Le Secrétariat a retiré l'option ${n} (« ${text} ») de la consultation ${id}. Le vote de votre délégation est maintenu sans elle ; vous pouvez le modifier jusqu'au ${date}.`,
    optionMerged: (id: string, from: number, fromText: string, into: number, intoText: string, date: string) =>
      `Le Secrétariat a fusionné l'option ${from} (« ${fromText} ») avec l'option ${into} (« ${intoText} ») dans la consultation ${id} : les votes pour l'option ${from} comptent désormais pour l'option ${into}. Vous pouvez modifier le vote de votre délégation jusqu'au ${date}.`,
  },

  silence: {
    explain:
      "Procédure d'approbation tacite : le texte est adopté sauf si une délégation habilitée s'y oppose avant la date limite. Les objections ne sont jamais secrètes : chacune est affichée avec le nom de sa délégation et peut être retirée jusqu'à la date limite.",
    objectButton: 'Faire objection',
    withdrawButton: 'Retirer notre objection',
    reasonLabel: "Motif de l'objection (facultatif)",
    objections: (n: number, names: string) =>
      n === 0 ? 'Aucune objection à ce stade.' : `Objections à ce stade : ${n} (${names})`,
    objected: (delegation: string) => `${delegation} fait objection.`,
    notObjected: (delegation: string) => `${delegation} n'a pas fait objection.`,
    objectRecorded: (delegation: string, id: string, date: string) =>
      `Objection de ${delegation} à la consultation ${id} enregistrée. Elle n'est pas secrète : elle est affichée avec le nom de ${delegation}. Vous pouvez la retirer jusqu'au ${date}.`,
    objectionWithdrawn: (delegation: string, id: string) =>
      `L'objection de ${delegation} à la consultation ${id} est retirée.`,
    adopted: "Décision : adopté selon la procédure d'approbation tacite (aucune objection avant la date limite).",
    holds: "Aucune objection à ce stade : l'approbation tacite tient.",
    broken: (n: number, names: string) =>
      `Décision : approbation tacite rompue par ${n} ${one(n) ? 'délégation' : 'délégations'} : ${names}.`,
    objectionsOf: (n: number, eligible: number) =>
      `Objections : ${n} sur ${eligible} ${one(eligible) ? 'délégation habilitée' : 'délégations habilitées'}`,
    reasonOf: (delegation: string, reason: string) => `${delegation} : « ${reason} »`,
    reasons: 'Motifs indiqués',
    reminder: (delegation: string, title: string, date: string, relative: string) =>
      `La procédure d'approbation tacite sur « ${title} » prend fin le ${date} (${relative}). Le texte est adopté sauf objection : si ${delegation} s'y oppose, faites-le savoir d'ici là.`,
    colleague: (delegation: string, id: string, objects: boolean) =>
      objects
        ? `Un autre délégué de ${delegation} a formulé l'objection de ${delegation} à la consultation ${id}.`
        : `Un autre délégué de ${delegation} a retiré l'objection de ${delegation} à la consultation ${id}.`,
  },

  home: {
    title: 'Consult',
    open: 'Consultations ouvertes',
    none: 'Aucune consultation ouverte.',
    notOnRoster: "Vous ne figurez encore sur la liste d'aucune délégation : demandez au Secrétariat de vous y ajouter.",
    secretariat: 'Secrétariat',
    closeButton: 'Clôturer',
    remindButton: 'Envoyer un rappel',
    exportButton: 'Exporter',
    exportTurnoutButton: 'Exporter la participation',
  },

  help: {
    title: 'Consult : commandes',
    intro: 'Consult organise les consultations du dialogue : une délégation, une voix.',
    everyone: 'Pour tous',
    secretariatOnly: 'Pour le Secrétariat',
    deadlines:
      'Dates limites : une date (2026-12-07, fin de journée, heure de Genève), une date et une heure (2026-12-07T17:00) ou une durée (14d, 36h). Le texte de chaque option se met entre guillemets doubles (").',
    commands: {
      help: 'help : cette liste',
      vote: "vote ‹id› ‹number› : voter pour une option (plusieurs numéros pour une présélection, p. ex. vote W1 1,3 ; un regroupement : vote W1 1+3 ; vote T1 abstain pour s'abstenir)",
      propose: 'propose ‹id› "‹text›" : proposer une option tant que la consultation est ouverte',
      status: 'status [‹id›] : consultations ouvertes et participation',
      results: 'results ‹id› : résultats (après la clôture, ou en direct si cette option est activée)',
      history: 'history : thèmes et ateliers des années passées, et consultations clôturées ici',
      report:
        'report ‹id› [all] : les résultats en PDF, dans votre langue ou en anglais, français et espagnol (secrétariat)',
      share: 'share ‹id› : publier également le bulletin de vote dans ce canal (décompte unique)',
      lang: 'lang en|fr|es : choisir votre langue',
      languages:
        '"Return migration" fr:"Migration de retour" es:"Migración de retorno" … [lang fr|es|en] : des options en plusieurs langues, après theme, topics ou survey (chaque délégué lit la sienne ; les messages du canal les montrent toutes) ; lang : la langue du bulletin et des résultats publiés dans le canal (par défaut : la vôtre)',
      theme:
        'theme "A" "B" [deadline D] [live] [eligible members|all] [secret] [quorum 50%] [proposals N] [single] : lancer un sondage sur le thème (single : une seule question, p. ex. « Adopter le thème ? » ; proposals N : options que chaque délégation peut proposer, 3 par défaut) ; tapé seul (theme, topics, survey, feedback, silence) : un formulaire avec toutes les options',
      topics: 'topics "A" "B" "C" ["D"] [select N] [deadline D] : lancer une présélection des sujets',
      survey:
        'survey ‹id› [deadline D] : enquête écrite à partir d\'un sondage non concluant, adressée aux membres et aux observateurs, d\'une durée de deux semaines ; ou survey "Question" "A" "B" pour partir de zéro',
      feedback:
        'feedback "‹workshop›" [participants N | participants user,user…] [deadline D] : enquête de satisfaction (une liste : seules ces personnes répondent ; sinon les délégués inscrits)',
      manage:
        "close ‹id› [confirm] · extend ‹id› ‹D|+7d› · cancel ‹id› [confirm] · remind ‹id› · export ‹id› · status ‹id› : qui n'a pas répondu",
      moderate:
        "withdraw ‹id› ‹n› · merge ‹id› ‹a› ‹b› : retirer une option proposée, ou fusionner l'option b avec l'option a (les délégations ayant répondu sont informées)",
      silence:
        'silence "‹text›" [deadline D] [eligible members|all] : procédure d\'approbation tacite, adoptée sauf objection d\'une délégation (par défaut : 5 jours ouvrables)',
      object:
        'object ‹id› ["reason"] · withdraw ‹id› : faire objection à une procédure d\'approbation tacite, ou retirer votre objection',
      roster:
        'roster add ‹user› "‹delegation›" member|observer-state|observer-org [region] · roster remove ‹user› · roster list · roster import · roster export: roster import prend les lignes CSV placées dessous (delegation,kind,region,user), tout ou rien',
    },
  },

  launchForm: {
    title: (kind: string) => `Nouveau : ${kind}`,
    intro:
      'Remplissez ce dont vous avez besoin ; seules les options sont obligatoires. Les autres langues d’une option vont sur leur propre ligne : en: … / es: …',
    option: (n: number) => `Option ${n}`,
    workshop: 'Atelier',
    statement: (n: number) => `Affirmation ${n} (vide : les affirmations habituelles)`,
    text: 'Texte à adopter',
    select: 'Sujets à retenir',
    from: 'Enquête écrite à partir d’une consultation close',
    fromNone: 'Aucune : ma propre question et mes options',
    deadline: 'Date limite (date)',
    time: 'Heure (heure de Genève ; vide : 23:59)',
    eligibility: 'Qui peut répondre',
    eligible: { members: 'États Membres uniquement', all: 'États Membres et observateurs' },
    results: 'Résultats',
    resultsMode: { hidden: 'Masqués jusqu’à la clôture', live: 'En direct' },
    secret: 'Vote secret',
    secretOption: 'Secret : personne, pas même le secrétariat, ne peut voir qui a choisi quoi',
    quorum: 'Quorum (% des délégations habilitées, p. ex. 50)',
    proposals: 'Options que chaque délégation peut proposer (0–10 ; vide : 3)',
    participants: 'Participants (combien y ont pris part, pour le taux de réponse)',
    lang: 'Langue du bulletin et des résultats publiés dans le canal',
    langs: { en: 'English', fr: 'Français', es: 'Español' },
    submit: 'Lancer',
    fix: 'Rien n’a été lancé : corrigez le champ signalé ci-dessous et envoyez à nouveau.',
  },

  cardInput: {
    required: 'Veuillez remplir ce champ avant d’envoyer.',
    refreshHint: 'Touchez Actualiser pour voir le vote de votre délégation.',
    refreshButton: 'Actualiser',
  },

  errors: {
    noChannel: 'Lancez cette commande dans le canal où le bulletin doit apparaître.',
    usage: (problem: string, usage: string) => `${problem} Syntaxe attendue : ${usage}`,
  },

  problems: {
    notSecretariat:
      'Seul le Secrétariat peut effectuer cette opération. Si vous pensez devoir disposer de cette autorisation, demandez au Secrétariat de vous ajouter.',
    notOnRoster:
      'Vous ne figurez sur la liste d\'aucune délégation et ne pouvez donc pas voter. Le Secrétariat peut vous ajouter avec : roster add ‹you› "‹delegation›" member',
    ineligible: (delegation: string, kind: string) =>
      `Nous sommes désolés : cette consultation est réservée aux États Membres, or ${delegation} n'est pas un État Membre (${kind}). Rien n'a été enregistré.`,
    notParticipant: (id: string, workshop: string) =>
      `L'enquête ${id} s'adresse aux participants de « ${workshop} » et vous ne figurez pas sur sa liste : votre réponse n'a pas été enregistrée. Si vous y avez participé, veuillez demander au secrétariat de vous ajouter.`,
    unknownId: (id: string) =>
      `Il n'existe aucune consultation « ${id} ». Saisissez status pour afficher les consultations ouvertes.`,
    closed: (id: string) =>
      `La consultation ${id} est clôturée : aucun vote ni aucune proposition ne sont plus acceptés. Rien n'a été enregistré.`,
    alreadyClosed: (id: string) => `La consultation ${id} est déjà clôturée.`,
    cancelled: (id: string) => `La consultation ${id} a été annulée. Rien n'a été enregistré.`,
    resultsHidden: (id: string, date: string) =>
      `Les résultats de la consultation ${id} restent masqués jusqu'à la clôture (${date}).`,
    notFeedback: (id: string) => `La consultation ${id} n'est pas une enquête de satisfaction.`,
    isFeedback: (id: string) =>
      `La consultation ${id} est une enquête de satisfaction : utilisez le formulaire de réponse.`,
    notSilence: (id: string) => `La consultation ${id} n'est pas une procédure d'approbation tacite.`,
    isSilence: (id: string) =>
      `La consultation ${id} est une procédure d'approbation tacite : il n'y a rien à voter. Pour faire objection, écrivez : object ${id} "motif" ; sinon, gardez le silence.`,
    badChoice: (id: string, max: number) =>
      `Choisissez un numéro d'option compris entre 1 et ${max} pour la consultation ${id}.`,
    tooManyChoices: (n: number) =>
      one(n) ? `Vous pouvez approuver ${n} sujet au maximum.` : `Vous pouvez approuver ${n} sujets au maximum.`,
    noChoice: 'Choisissez au moins une option.',
    sameTwice: 'Un regroupement doit porter sur deux sujets différents.',
    notShortlist: 'Un regroupement ne peut être demandé que dans une présélection des sujets.',
    notAbstainable: (id: string) =>
      `L'abstention n'est possible que dans les sondages sur le thème et les enquêtes écrites, ce que la consultation ${id} n'est pas.`,
    abstainAlone: 'Une abstention ne peut pas accompagner un choix : écrivez vote ‹id› abstain seul.',
    badAnswers: (n: number) =>
      one(n)
        ? "Répondez à l'affirmation par une valeur comprise entre 1 (pas du tout d'accord) et 5 (tout à fait d'accord)."
        : `Répondez à chacune des ${n} affirmations par une valeur comprise entre 1 (pas du tout d'accord) et 5 (tout à fait d'accord).`,
    noObjection: (delegation: string, id: string) =>
      `${delegation} n'a pas fait objection à la consultation ${id} : il n'y a aucune objection à retirer.`,
    duplicateOption: (n: number, text: string) =>
      `C'est déjà une option : ${n}. ${text}. Des textes qui ne diffèrent que par la casse, la ponctuation, des caractères invisibles ou des lettres qui se ressemblent sont la même option. Rien n'a été ajouté.`,
    lookAlikeOptions: (a: number, b: number) =>
      `Les options ${a} et ${b} sont la même option : elles ne diffèrent que par la casse, la ponctuation, des caractères invisibles ou des lettres qui se ressemblent. Rien n'a été lancé. Relancez-la avec chaque option une seule fois.`,
    emptyOption: "Une option doit avoir un texte lisible. Rien n'a été ajouté.",
    proposalCap: (delegation: string, cap: number, id: string) =>
      cap === 0
        ? `La consultation ${id} n'accepte pas de propositions. Rien n'a été enregistré.`
        : `${delegation} a déjà proposé ${cap} ${one(cap) ? 'option' : 'options'} dans la consultation ${id}, soit le maximum par délégation. Rien n'a été enregistré.`,
    noSuchOption: (id: string, n: number) =>
      `Le bulletin de la consultation ${id} ne comporte pas d'option ${n}. Saisissez status ${id} pour voir les options.`,
    notProposed: (id: string, n: number) =>
      `L'option ${n} de la consultation ${id} est une option du Secrétariat : seules les options proposées peuvent être retirées.`,
    withdrawSecret: (id: string, n: number) =>
      `La consultation ${id} est à scrutin secret et des votes ont été exprimés : retirer l'option ${n} pourrait révéler qui l'a choisie. Fusionnez-la plutôt avec une autre option : merge ${id} ‹a› ${n}`,
    mergeSame: 'Choisissez deux options différentes à fusionner.',
    secretLive:
      "Un vote secret ne peut pas afficher de résultats en direct : des décomptes qui bougent après chaque vote révéleraient qui a choisi quoi. Rien n'a été lancé. Relancez-le sans live (les résultats sont publiés à la clôture), ou sans secret.",
    needsTwo:
      'Un sondage sur le thème nécessite deux options. Pour une question unique (p. ex. « Adopter le thème ? »), ajoutez single : theme "Adopter le thème ?" single',
    noSecret: "Les objections d'une procédure d'approbation tacite ne sont jamais secrètes : retirez secret.",
    surveyNeedsOptions:
      "Une enquête écrite doit partir d'une consultation existante (survey ‹id›) ou comporter au moins deux options entre guillemets.",
    surveySourceOpen: (id: string) =>
      `La consultation ${id} est toujours ouverte : clôturez-la d'abord, puis lancez l'enquête.`,
    needsOptions: 'Indiquez au moins une option.',
    notANumber: (field: string) => `${field} : écrivez un nombre entier.`,
    deadlineFormat: (input: string) =>
      `« ${input} » n'est pas une date limite valide. Indiquez une date (2026-12-07), une date et une heure (2026-12-07T17:00) ou une durée (14d, 36h).`,
    deadlinePast: (input: string) => `La date limite « ${input} » est déjà passée.`,
    extendEarlier: (id: string, current: string, asked: string) =>
      `La nouvelle date limite (${asked}) n'est pas postérieure à la date actuelle (${current}) : une prolongation ne peut que repousser la date limite. Pour clôturer la consultation ${id} dès maintenant, saisissez : close ${id}`,
    badUser: (input: string) =>
      `« ${input} » n'est pas un utilisateur. Mentionnez la personne, ou écrivez sa plateforme et son identifiant comme la liste les montre (plateforme:id).`,
    userInOther: (user: string, delegation: string) =>
      `${user} vote déjà au nom de ${delegation}. Retirez d'abord cette personne avec : roster remove ${user}`,
    userNotOnRoster: (user: string) => `${user} ne figure pas sur la liste.`,
    kindMismatch: (delegation: string, kind: string) =>
      `${delegation} figure déjà sur la liste avec le statut suivant : ${kind}.`,
    reportNotForSilence: (id: string) =>
      `${id} est une procédure d’approbation tacite : son issue figure dans ses résultats (results ${id}) ; elle n’a pas de rapport PDF.`,
    reportNotClosed: (id: string) => `Le rapport sur ${id} sera disponible après sa clôture.`,
    reportCancelled: (id: string) => `${id} a été annulée : il n’y a pas de résultat à présenter.`,
    reportFailed: 'Le rapport n’a pas pu être établi. Rien n’a été modifié ; veuillez réessayer dans un instant.',
    unknownCommand: (word: string) => `« ${word} » n'est pas une commande. Saisissez help pour afficher la liste.`,
    missingId: "L'identifiant de la consultation est manquant.",
    missingOptions: (min: number) =>
      one(min)
        ? `Au moins ${min} option est nécessaire, entre guillemets doubles.`
        : `Au moins ${min} options sont nécessaires, chacune entre guillemets doubles.`,
    tooManyOptions: (max: number) => (one(max) ? `${max} option au maximum.` : `${max} options au maximum.`),
    unclosedQuote: 'Des guillemets ne sont pas fermés.',
    unexpected: (word: string) => `Je n'ai pas compris « ${word} ».`,
    badNumber: (word: string) => `« ${word} » n'est pas un nombre.`,
    numberTooLarge: (word: string, max: number) => `« ${word} » est trop grand : ${max} au plus ici.`,
    badLang: 'Choisissez en, fr ou es.',
    translationFirst: (tag: string) =>
      `${tag} traduit une option : écrivez-le juste après cette option, p. ex. "Return migration" fr:"Migration de retour".`,
    translationTwice: (lang: string, option: string) =>
      `L’option « ${option} » a deux textes en ${lang} : gardez-en un.`,
    badKind: 'La catégorie doit être member, observer-state ou observer-org.',
    missingText: 'Le texte est manquant ; il doit figurer entre guillemets doubles.',
    tooLong: (max: number) => `Un texte ne peut pas dépasser ${max} caractères.`,
    badQuorum: 'Indiquez le quorum sous forme de pourcentage, p. ex. quorum 50%.',
    unquoted: (suggestion: string) =>
      `Le texte de chaque option se met entre guillemets doubles. Écrivez par exemple : ${suggestion}`,
    badConfirm: (word: string) => `Je n'ai pas compris « ${word} » : pour confirmer, ajoutez le mot confirm.`,
    oneCommand:
      "Une seule commande par message, s'il vous plaît (ou utilisez roster import pour de nombreuses lignes de liste).",
    csvNeedsCommand: (header: string) =>
      `Pour charger une liste, commencez le message par roster import sur une ligne, puis le CSV avec l'en-tête ${header}.`,
    csvEmpty: (header: string) => `le fichier est vide. Commencez par l'en-tête ${header}.`,
    csvBadHeader: (header: string) => `la première ligne doit être l'en-tête ${header}.`,
    csvTooManyLines: (max: number) => `au plus ${max} lignes peuvent être importées à la fois.`,
    csvMalformed: (n: number) => `ce n'est pas une ligne CSV de ${n} cellules (vérifiez les guillemets).`,
    csvColumnCount: (n: number, expected: number) =>
      `${n} cellules au lieu de ${expected} (delegation,kind,region,user).`,
    csvNoDelegation: 'le nom de la délégation manque.',
    csvTooLong: (name: number, region: number) =>
      `un nom de délégation compte au plus ${name} caractères et une région ${region}.`,
    csvBadKind: (kind: string) => `« ${kind} » n'est pas un type : écrivez member, observer-state ou observer-org.`,
    csvBadUser: (user: string) =>
      `« ${user} » n'est pas un utilisateur : écrivez un identifiant (plateforme:id), une mention ou une adresse électronique.`,
    csvUserTwice: (delegation: string, line: number) =>
      `cet utilisateur figure déjà pour ${delegation} à la ligne ${line}.`,
    csvKindDiffers: (delegation: string, kind: string) => `${delegation} figure plus haut comme ${kind}.`,
    csvRegionDiffers: (delegation: string, region: string) =>
      `${delegation} figure plus haut dans la région ${region}.`,
    storeFailed:
      "Votre demande n'a pas pu être enregistrée ; rien n'a donc été pris en compte. Veuillez réessayer dans un instant.",
    internalError:
      "Une erreur inattendue s'est produite et rien n'a été enregistré. Le Secrétariat en a été informé par le journal ; veuillez réessayer.",
  },
};
