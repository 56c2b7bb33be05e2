/** Textos en español. Mismas claves y mismas firmas que en.ts. */
import type { Catalog } from './en.ts';

export const es: Catalog = {
  kind: {
    theme: 'Sondeo sobre el tema',
    topics: 'Preselección de temas',
    survey: 'Encuesta escrita',
    feedback: 'Encuesta de satisfacción',
    silence: 'Procedimiento de acuerdo tácito',
  },
  delegationKind: {
    member: 'Estado Miembro',
    'observer-state': 'Estado observador',
    'observer-org': 'Organización observadora',
  },
  state: { open: 'abierta', closed: 'cerrada', cancelled: 'cancelada' },
  /** Scheduled work the store could not save: told personally to the secretariat, once. */
  scheduler: {
    title: 'Hay tareas programadas que fallan',
    failed: (id: string, step: 'close' | 'publish' | 'remind', cause: string) =>
      step === 'close'
        ? `No se pudieron guardar los resultados de ${id}: ${cause}. ${id} se cerrará y sus resultados se publicarán en cuanto se pueda volver a escribir en el almacenamiento.`
        : step === 'publish'
          ? `No se pudieron publicar en la papeleta las nuevas opciones de ${id}: ${cause}. Aparecerán en cuanto se pueda volver a escribir en el almacenamiento.`
          : `No se pudieron guardar los recordatorios de ${id}: ${cause}. Se enviarán en cuanto se pueda volver a escribir en el almacenamiento.`,
    failedOther: (cause: string) => `No se pudo completar una tarea programada: ${cause}.`,
    retrying: 'El bot lo reintenta por sí solo; el control de estado informa del problema hasta que se resuelva.',
    cause: {
      full: 'el disco está lleno',
      readOnly: 'no se puede escribir en el almacenamiento (solo lectura o no permitido)',
      other: (what: string) => `error de almacenamiento (${what})`,
    },
  },
  defaultStatements: [
    'El taller fomentó el aprendizaje mutuo entre los gobiernos y otros actores.',
    'El taller contribuyó a una mejor comprensión de las cuestiones.',
    'El taller permitió determinar medidas de cooperación internacional y políticas eficaces.',
    'En general, estoy satisfecho/a con el evento y sus documentos de referencia.',
  ],
  likert: [
    'Sin respuesta',
    'Totalmente en desacuerdo',
    'En desacuerdo',
    'Ni de acuerdo ni en desacuerdo',
    'De acuerdo',
    'Totalmente de acuerdo',
  ],

  ballot: {
    closes: (date: string, relative: string) => `Se cierra el ${date} (${relative})`,
    closed: (date: string) => `Cerrada el ${date}`,
    eligibility: { members: 'Votan los Estados Miembros', all: 'Votan los Estados Miembros y los observadores' },
    secrecyRecorded:
      'Votación registrada: la Secretaría puede ver qué eligió cada delegación. Un voto por delegación; cuenta el último voto emitido.',
    secrecySecret:
      'Votación secreta: nadie, ni siquiera la Secretaría, puede ver qué eligió una delegación. Un voto por delegación; puede modificar su respuesta hasta el cierre.',
    secrecyFeedback: 'Respuestas anónimas: una respuesta por participante, nunca vinculada a su identidad.',
    chooseOne: 'Elija una opción.',
    chooseUpTo: (n: number) =>
      n === 1
        ? `Apruebe ${n} tema como máximo, o solicite la combinación de dos temas en un solo taller.`
        : `Apruebe hasta ${n} temas, o solicite la combinación de dos temas en un solo taller.`,
    turnout: (answered: number, eligible: number) =>
      `Participación hasta el momento: ${answered} de ${eligible} ${eligible === 1 ? 'delegación' : 'delegaciones'}`,
    respondents: (n: number) => (n === 1 ? `${n} respuesta hasta el momento` : `${n} respuestas hasta el momento`),
    yourVote: (delegation: string, choice: string) => `${delegation} ha votado: ${choice}`,
    notYet: (delegation: string) => `${delegation} aún no ha votado.`,
    secretAnswered: (delegation: string) =>
      `${delegation} ha respondido (votación secreta: su elección no se muestra).`,
    proposedBy: (delegation: string) => `propuesta de ${delegation}`,
    combination: 'combinación solicitada',
    requestedByDelegation: 'combinación solicitada por una delegación',
    proposedByDelegation: 'propuesta de una delegación',
    proposeButton: 'Proponer una opción',
    answerButton: 'Responder a la encuesta',
    voteButton: (n: number) => `Votar por la opción ${n}`,
    submitVote: 'Emitir el voto',
    approveLabel: 'Temas que desea aprobar',
    combineLabel: 'O solicitar la combinación de dos temas',
    liveResults: 'Resultados en tiempo real',
    resultsHidden: 'Los resultados permanecen ocultos hasta el cierre.',
    id: (id: string) => `Consulta ${id}`,
    historyNote: (title: string, year: number) => `Examinado anteriormente: "${title}" (${year}).`,
  },

  results: {
    auditHead: (entries: number, hash: string) =>
      `Registro de auditoría: ${entries} entradas, hash de cabecera (SHA-256) ${hash}`,
    title: (id: string, title: string) => `Resultados de la consulta ${id}: ${title}`,
    interim: 'Resultados provisionales (la consulta sigue abierta)',
    turnout: (answered: number, eligible: number, pct: string) =>
      `Participación: ${answered} de ${eligible} ${eligible === 1 ? 'delegación' : 'delegaciones'} (${pct})`,
    turnoutBy: 'Participación por grupo',
    votes: (n: number) => (n === 1 ? '1 voto' : `${n} votos`),
    approvals: (n: number) => (n === 1 ? '1 aprobación' : `${n} aprobaciones`),
    winner: (option: string) => `Decisión: se elige la opción "${option}" por mayoría absoluta.`,
    selected: (options: string) => `Decisión: se seleccionan ${options}.`,
    inconclusive: (reason: string) => `Resultado no concluyente: ${reason}.`,
    reason: {
      tie: (options: string) => `empate entre ${options}`,
      'no-majority': 'ninguna opción obtuvo la mayoría absoluta de los votos emitidos',
      'no-ballots': 'no se emitió ningún voto',
      'low-turnout': (pct: string, needed: string) => `la participación (${pct}) es inferior al quórum de ${needed}`,
      'tie-at-cut': (options: string) => `empate en el umbral de selección entre ${options}`,
      'all-abstained': 'todas las delegaciones que respondieron se abstuvieron',
    },
    nextStep: (id: string) => `La Secretaría puede iniciar una encuesta escrita con el comando: survey ${id}`,
    tooFewSecret: (n: number, min: number) =>
      `${n === 1 ? 'Solo 1 delegación respondió' : `Solo ${n} delegaciones respondieron`} a esta votación secreta: con menos de ${min}, no se muestran los recuentos ni la decisión, ya que revelarían lo que eligió una delegación. Solo la participación:`,
    tooFewAnonymous: (n: number, min: number) =>
      `${n === 1 ? 'Solo 1 participante respondió' : `Solo ${n} participantes respondieron`}: con menos de ${min}, no se muestran los porcentajes, ya que revelarían lo que respondió alguien.`,
    agreeShare: (pct: string, n: number) => `${pct} de acuerdo (${n} ${n === 1 ? 'respuesta' : 'respuestas'})`,
    responseRate: (respondents: number, participants: number, pct: string) =>
      `Tasa de respuesta: ${respondents} de ${participants} ${participants === 1 ? 'participante' : 'participantes'} (${pct})`,
    respondentsOnly: (n: number) =>
      `${n} ${n === 1 ? 'persona ha respondido' : 'personas han respondido'} (indique el número de participantes para ver la tasa de respuesta)`,
    cancelled: (id: string) => `La consulta ${id} se ha cancelado. No hay resultados.`,
  },

  report: {
    /** Between a label and its value, e.g. "Kind: Theme poll" (French sets a space before the colon). */
    labelEnd: ': ',
    homeClosed: 'Cerradas recientemente: informes',
    title: (id: string, title: string) => `Informe sobre ${id}: ${title}`,
    subtitle: 'Resultados de una consulta del diálogo, tal como los registró Consult',
    generated: (date: string) => `Elaborado el ${date}`,
    kind: 'Tipo',
    opened: 'Apertura',
    deadline: 'Plazo',
    closedAt: 'Cierre',
    eligibility: 'Participación',
    eligibilityValue: { members: 'Solo Estados Miembros', all: 'Estados Miembros y observadores' },
    mode: 'Modalidad',
    modeRecorded: 'votación registrada, un voto por delegación',
    modeSecret: 'votación secreta, un voto por delegación',
    modeAnonymous: 'anónima, una respuesta por participante',
    modeLive: 'resultados visibles en tiempo real',
    modeHidden: 'resultados ocultos hasta el cierre',
    methodMajority: 'una sola opción, decidida por mayoría absoluta de las papeletas emitidas',
    methodTop: (n: number) => `aprobación: se seleccionan los ${n} temas con más aprobaciones`,
    quorum: (pct: string) => `quórum del ${pct}`,
    options: 'Opciones',
    option: 'Opción',
    count: 'Número',
    share: 'Porcentaje',
    cast: (n: number) => `Papeletas emitidas: ${n}`,
    cutLine: (n: number) =>
      n === 1 ? 'Umbral: se selecciona el primer tema' : `Umbral: se seleccionan los ${n} primeros temas`,
    turnout: 'Participación',
    turnoutTitle: (id: string) => `Participación en ${id}`,
    overall: 'Todas las delegaciones habilitadas',
    byKind: 'Por tipo de delegación',
    byRegion: 'Por región',
    group: 'Grupo',
    answered: 'Respondieron',
    eligible: 'Habilitadas',
    decision: 'Decisión',
    statements: 'Afirmaciones',
    statement: 'Afirmación',
    agree: 'De acuerdo',
    respondents: 'Encuestados',
    responseRate: 'Tasa de respuesta',
    audit: 'Registro de auditoría',
    auditEntries: (n: number) => (n === 1 ? '1 entrada' : `${n} entradas`),
    auditHead: (hash: string) => `Huella de cabeza: ${hash}`,
    verify:
      'Para verificar este registro, ejecute npm run verify-store sobre una copia del directorio de datos: comprueba cada eslabón de la cadena de huellas y muestra la huella de cabeza de cada consulta, que debe coincidir con la indicada arriba.',
    sent: (id: string, file: string) => `Se adjunta el informe sobre ${id}: ${file}.`,
    button: 'Informe (PDF)',
    chartAlt: (title: string) => `Gráfico: ${title}`,
  },

  history: {
    title: 'Historia del diálogo',
    intro: 'Temas generales y talleres de años anteriores y, a continuación, las consultas cerradas aquí.',
    year: (year: number, theme: string) => `${year}: ${theme}`,
    workshops: (list: string) => `Talleres: ${list}`,
    noWorkshop: (note: string) => `Sin taller (${note})`,
    notChosen: (list: string) => `Propuestos, no seleccionados: ${list}`,
    here: 'Cerradas en esta instalación',
    none: 'Todavía no se ha cerrado ninguna consulta aquí.',
    source: (source: string) => `Fuente: ${source}`,
  },

  reply: {
    launched: (id: string, kind: string) =>
      `${kind} ${id}: la consulta está abierta. El formulario de votación se ha publicado en este canal.`,
    historyWarning: (title: string, year: number, notChosen: boolean) =>
      notChosen
        ? `Nota: el tema "${title}" se propuso en ${year}, pero no fue seleccionado.`
        : `Nota: este tema es similar a "${title}", examinado en ${year}.`,
    alreadyApplied: 'Este clic ya se había registrado; no ha cambiado nada.',
    voteRecorded: (delegation: string, choice: string) => `Voto registrado en nombre de ${delegation}: ${choice}`,
    voteRecordedSecret: (delegation: string) =>
      `Voto registrado en nombre de ${delegation}. La votación es secreta: su elección no se almacena junto con el nombre de su delegación.`,
    changeUntil: (date: string) => `Puede cambiar su voto hasta el ${date}: vote de nuevo en la papeleta.`,
    answerRecorded: 'Gracias: sus respuestas se han registrado de forma anónima.',
    proposed: (id: string, n: number, text: string) => `Opción ${n} añadida a la consulta ${id}: "${text}"`,
    proposedPending: (id: string, n: number, text: string, date: string) =>
      `La opción ${n} de la consulta ${id}, "${text}", se ha registrado sin el nombre de su delegación. Como la votación es secreta, aparecerá en la papeleta en la próxima publicación (${date}) y no de inmediato: así nadie puede saber quién la propuso.`,
    optionPending: (text: string, date: string) =>
      `Su combinación "${text}" aparecerá en la papeleta en la próxima publicación (${date}), para que no pueda vincularse a su voto.`,
    closed: (id: string) =>
      `La consulta ${id} se ha cerrado. Los resultados se publican en todos los canales de la consulta.`,
    extended: (id: string, date: string) =>
      `La consulta ${id} se cerrará ahora el ${date}. Los recordatorios se han reprogramado.`,
    cancelledReply: (id: string) =>
      `La consulta ${id} se ha cancelado. No se publicará ningún resultado ni se enviarán más recordatorios.`,
    reminded: (id: string, n: number) =>
      n === 1
        ? `Se ha enviado un recordatorio a ${n} delegado de una delegación que no ha respondido a la consulta ${id}.`
        : `Se ha enviado un recordatorio a ${n} delegados de delegaciones que no han respondido a la consulta ${id}.`,
    nobodyToRemind: (id: string) =>
      `Todas las delegaciones habilitadas han respondido a la consulta ${id}: no hay nadie a quien enviar un recordatorio.`,
    shared: (id: string) =>
      `El formulario de votación de la consulta ${id} también se publica aquí. Los votos de todos los canales se contabilizan conjuntamente.`,
    exported: (id: string, n: number) =>
      `Exportación de la consulta ${id}: ${n} ${n === 1 ? 'entrada' : 'entradas'} del registro de auditoría (se adjunta un archivo CSV).`,
    exportedTurnout: (id: string, n: number, date: string) =>
      `Exportación de la consulta ${id}: solo la participación, ${n} ${n === 1 ? 'papeleta emitida' : 'papeletas emitidas'} (quién respondió, cuándo y desde qué plataforma). Sus resultados permanecen ocultos hasta el cierre (${date}): las opciones elegidas figuran en la exportación posterior.`,
    rosterAdded: (user: string, delegation: string) => `${user} vota ahora en nombre de ${delegation}.`,
    rosterRemoved: (user: string, delegation: string) => `${user} ya no vota en nombre de ${delegation}.`,
    rosterTitle: 'Lista de delegados',
    rosterEmpty:
      'La lista está vacía. Añada delegados con: roster add ‹user› "‹delegation›" member|observer-state|observer-org [region]',
    secretariatLine: (users: string) => `Secretaría: ${users}`,
    langSet: 'Se ha seleccionado el español como idioma.',
  },

  status: {
    title: 'Consultas',
    none: 'Aún no hay consultas. La Secretaría puede iniciar una con: theme "Option A" "Option B"',
    line: (
      id: string,
      kind: string,
      title: string,
      state: string,
      answered: number,
      eligible: number,
      closes: string,
    ) => `${id} · ${title ? `${kind}: ${title}` : kind} · ${state} · respuestas: ${answered}/${eligible} · ${closes}`,
    yourDelegation: (delegation: string, answered: boolean) =>
      `${delegation}: ${answered ? 'ha respondido' : 'aún no ha respondido'}`,
  },

  roster: {
    importTitle: 'Importación de la lista',
    formIntro: (header: string) =>
      `Pegue la lista en formato CSV, un delegado por línea, bajo el encabezado ${header}. El tipo es member, observer-state u observer-org; el usuario es un identificador, una mención o una dirección de correo electrónico. Para una lista larga, envíe el archivo CSV.`,
    formLabel: 'Líneas de la lista (CSV)',
    formSubmit: 'Importar',
    rejected: (n: number) =>
      n === 1
        ? 'No se importó nada: 1 línea debe corregirse. Corríjala y envíe de nuevo el archivo completo.'
        : `No se importó nada: ${n} líneas deben corregirse. Corríjalas y envíe de nuevo el archivo completo.`,
    badLine: (line: number, reason: string) => `Línea ${line}: ${reason}`,
    imported: (lines: number) => `Lista importada: ${lines} líneas leídas.`,
    unchanged: (lines: number) => `Nada cambió: la lista ya contiene las ${lines} líneas de este archivo.`,
    delegations: (added: number, updated: number) => `Delegaciones: ${added} añadidas, ${updated} actualizadas.`,
    delegates: (added: number, moved: number) =>
      `Delegados: ${added} añadidos, ${moved} trasladados desde otra delegación.`,
    kindLine: (kind: string, delegations: number, delegates: number, regions: string) =>
      `${kind}: ${delegations} ${delegations === 1 ? 'delegación' : 'delegaciones'}, ${delegates} ${delegates === 1 ? 'delegado' : 'delegados'}${regions ? ` (${regions})` : ''}`,
    pending: (n: number) =>
      `${n} direcciones de correo electrónico aún no corresponden a nadie aquí. Se conservan, y cada una se asocia la primera vez que esa persona escribe al bot:`,
    pendingLine: (line: number, email: string) => `Línea ${line}: ${email}`,
    exported: (delegations: number, delegates: number) =>
      `Lista: ${delegations} delegaciones, ${delegates} delegados (CSV adjunto). Modifíquela y envíela de nuevo con roster import.`,
    listHeading: (kind: string, n: number) => `${kind} (${n})`,
    listLine: (delegation: string, region: string, people: string) =>
      `${delegation}${region ? ` (${region})` : ''}: ${people}`,
    waiting: (emails: string) => `a la espera de ${emails}`,
    nobody: 'ningún delegado',
    listAsFile: (delegations: number, delegates: number) =>
      `${delegations} delegaciones, ${delegates} delegados: demasiado largo para un solo mensaje, por lo que la lista se adjunta como archivo.`,
    fileUnreadable: 'No se pudo descargar el archivo, por lo que no se importó nada. Envíelo de nuevo.',
  },

  missing: {
    turnout: (answered: number, eligible: number, pct: string) =>
      `Participación hasta ahora: ${answered} de ${eligible} delegaciones (${pct})`,
    title: (n: number) => (n === 1 ? '1 delegación aún no ha respondido:' : `${n} delegaciones aún no han respondido:`),
    everyone: 'Todas las delegaciones habilitadas han respondido.',
    group: (kind: string, region: string, names: string) => `${kind}${region ? `, ${region}` : ''}: ${names}`,
    noRegion: 'sin región',
    respondents: (n: number) => `${n} respuestas hasta ahora (anónimas: no se muestra quién respondió).`,
    reminded: (id: string, delegations: number, delegates: number, names: string) =>
      `Recordatorio de ${id} enviado a ${delegates} delegados de ${delegations} delegaciones que no han respondido: ${names}.`,
  },

  reminder: {
    title: (id: string) => `Recordatorio: la consulta ${id} se cierra pronto`,
    text: (delegation: string, title: string, date: string, relative: string) =>
      `${delegation} aún no ha respondido a "${title}". El cierre está previsto para el ${date} (${relative}).`,
  },

  safeguard: {
    extendTo: (date: string) => `Prorrogar al ${date}`,
    confirmTitle: 'Confirme, por favor',
    confirmClose: (id: string, date: string) =>
      `¿Cerrar ${id} ahora, antes de su plazo (${date})? No se aceptarán más votos y los resultados se publicarán en todos los canales de la consulta.`,
    confirmCancel: (id: string) =>
      `¿Cancelar ${id}? No se publicará ningún resultado ni se enviarán más recordatorios; los votos emitidos se conservan en el registro de auditoría.`,
    confirmCloseButton: (id: string) => `Sí, cerrar ${id}`,
    confirmCancelButton: (id: string) => `Sí, cancelar ${id}`,
    orType: (command: string) => `O escriba: ${command}`,
    abstainButton: 'Abstenerse',
    abstained: (delegation: string) => `${delegation} se abstiene.`,
    abstainRecorded: (delegation: string) =>
      `Abstención registrada en nombre de ${delegation}. Cuenta en la participación, pero no en el cálculo de la mayoría.`,
    abstentions: (n: number, base: number) =>
      `Abstenciones: ${n} (cuentan en la participación, pero no en la base de la mayoría, de ${base} ${base === 1 ? 'voto emitido' : 'votos emitidos'})`,
    lowTurnout: (answered: number, eligible: number) => `participación baja: ${answered} de ${eligible}`,
    quorumLine: (pct: string) =>
      `Quórum: el ${pct} de las delegaciones habilitadas debe responder para que el resultado sea concluyente.`,
    observersFollow: 'Los observadores siguen esta consulta; votan los Estados Miembros.',
    observerFollows: (delegation: string) => `${delegation} sigue esta consulta (votan los Estados Miembros).`,
    withdrawnReply: (id: string, n: number, text: string) =>
      `La opción ${n} («${text}») se ha retirado de ${id}. Las delegaciones cuyo voto la elegía lo recuperan con un aviso personal; las demás que respondieron reciben un aviso.`,
    mergedReply: (id: string, from: number, into: number) =>
      `La opción ${from} de ${id} se ha fusionado con la opción ${into}: los votos por la ${from} cuentan ahora para la ${into}. Las delegaciones que respondieron reciben un aviso.`,
    withdrawnLine: (list: string) => `Retiradas o fusionadas: ${list}`,
    mergedInto: (n: number) => `fusionada con la ${n}`,
    colleagueTitle: (id: string) => `${id}: el voto de su delegación ha cambiado`,
    colleagueChanged: (delegation: string, id: string, choice: string) =>
      `Otro delegado de ${delegation} ha cambiado el voto de ${delegation} en ${id}: ahora es ${choice}. El voto que usted emitió ya no cuenta (cuenta el último voto de cada delegación).`,
    colleagueChangedSecret: (delegation: string, id: string) =>
      `Otro delegado de ${delegation} ha cambiado el voto de ${delegation} en ${id} (votación secreta: la opción no se muestra). Cuenta el último voto de cada delegación.`,
    returnedTitle: (id: string) => `${id}: se le devuelve el voto de su delegación`,
    returned: (delegation: string, id: string, n: number, text: string, date: string) =>
      `La Secretaría ha retirado la opción ${n} («${text}») de ${id}. El voto de ${delegation} la elegía, por lo que se le devuelve: vote de nuevo antes del ${date}.`,
    optionsTitle: (id: string) => `${id}: las opciones han cambiado`,
    optionAdded: (id: string, n: number, text: string, date: string) =>
      `Se ha propuesto una nueva opción en ${id}: ${n}. ${text}. El voto de su delegación se mantiene; puede cambiarlo hasta el ${date}.`,
    optionWithdrawn: (id: string, n: number, text: string, date: string) =>
      `La Secretaría ha retirado la opción ${n} («${text}») de ${id}. El voto de su delegación se mantiene sin ella; puede cambiarlo hasta el ${date}.`,
    optionMerged: (id: string, from: number, fromText: string, into: number, intoText: string, date: string) =>
      `La Secretaría ha fusionado la opción ${from} («${fromText}») con la opción ${into} («${intoText}») en ${id}: los votos por la ${from} cuentan ahora para la ${into}. Puede cambiar el voto de su delegación hasta el ${date}.`,
  },

  silence: {
    explain:
      'Procedimiento de acuerdo tácito: el texto se adopta salvo que una delegación habilitada presente una objeción antes del plazo. Las objeciones nunca son secretas: cada una se muestra con el nombre de su delegación y puede retirarse hasta el plazo.',
    objectButton: 'Presentar objeción',
    withdrawButton: 'Retirar nuestra objeción',
    reasonLabel: 'Motivo de la objeción (opcional)',
    objections: (n: number, names: string) =>
      n === 0 ? 'Ninguna objeción por ahora.' : `Objeciones por ahora: ${n} (${names})`,
    objected: (delegation: string) => `${delegation} presenta una objeción.`,
    notObjected: (delegation: string) => `${delegation} no ha presentado ninguna objeción.`,
    objectRecorded: (delegation: string, id: string, date: string) =>
      `Objeción de ${delegation} a ${id} registrada. No es secreta: se muestra con el nombre de ${delegation}. Puede retirarla hasta el ${date}.`,
    objectionWithdrawn: (delegation: string, id: string) => `Se ha retirado la objeción de ${delegation} a ${id}.`,
    adopted: 'Decisión: adoptado por procedimiento de acuerdo tácito (ninguna objeción antes del plazo).',
    holds: 'Ninguna objeción por ahora: el acuerdo tácito se mantiene.',
    broken: (n: number, names: string) =>
      `Decisión: acuerdo tácito roto por ${n} ${n === 1 ? 'delegación' : 'delegaciones'}: ${names}.`,
    objectionsOf: (n: number, eligible: number) =>
      `Objeciones: ${n} de ${eligible} ${eligible === 1 ? 'delegación habilitada' : 'delegaciones habilitadas'}`,
    reasonOf: (delegation: string, reason: string) => `${delegation}: «${reason}»`,
    reasons: 'Motivos indicados',
    reminder: (delegation: string, title: string, date: string, relative: string) =>
      `El procedimiento de acuerdo tácito sobre «${title}» termina el ${date} (${relative}). Se adopta salvo objeción: si ${delegation} se opone, indíquelo antes.`,
    colleague: (delegation: string, id: string, objects: boolean) =>
      objects
        ? `Otro delegado de ${delegation} ha presentado la objeción de ${delegation} a ${id}.`
        : `Otro delegado de ${delegation} ha retirado la objeción de ${delegation} a ${id}.`,
  },

  home: {
    title: 'Consult',
    open: 'Consultas abiertas',
    none: 'No hay consultas abiertas.',
    notOnRoster: 'Aún no figura en la lista de ninguna delegación: solicite a la Secretaría que le incluya.',
    secretariat: 'Secretaría',
    closeButton: 'Cerrar',
    remindButton: 'Enviar recordatorio',
    exportButton: 'Exportar',
    exportTurnoutButton: 'Exportar la participación',
  },

  help: {
    title: 'Consult: comandos',
    intro: 'Consult gestiona las consultas del diálogo: una delegación, un voto.',
    everyone: 'Para todos',
    secretariatOnly: 'Para la Secretaría',
    deadlines:
      'Plazos: una fecha (2026-12-07, al final del día, hora de Ginebra), una fecha y hora (2026-12-07T17:00) o una duración (14d, 36h). El texto de cada opción va entre comillas dobles (").',
    commands: {
      help: 'help: esta lista',
      vote: 'vote ‹id› ‹number›: votar por una opción (varios números para una preselección, p. ej., vote W1 1,3; una combinación: vote W1 1+3; vote T1 abstain para abstenerse)',
      propose: 'propose ‹id› "‹text›": proponer una opción mientras la consulta esté abierta',
      status: 'status [‹id›]: consultas abiertas y participación',
      results: 'results ‹id›: resultados (tras el cierre, o en tiempo real si esta opción está activada)',
      history: 'history: temas y talleres de años anteriores, y consultas cerradas aquí',
      report: 'report ‹id› [all]: los resultados en PDF, en su idioma o en inglés, francés y español (secretaría)',
      share: 'share ‹id›: publicar también el formulario de votación en este canal (recuento único)',
      lang: 'lang en|fr|es: elegir su idioma',
      languages:
        '"Return migration" fr:"Migration de retour" es:"Migración de retorno" … [lang fr|es|en]: opciones en varios idiomas, después de theme, topics o survey (cada delegado lee la suya; los mensajes del canal las muestran todas); lang: el idioma de la papeleta y de los resultados publicados en el canal (por defecto: el suyo)',
      theme:
        'theme "A" "B" [deadline D] [live] [eligible members|all] [secret] [quorum 50%] [proposals N] [single]: iniciar un sondeo sobre el tema (single: una sola pregunta, p. ej., «¿Adoptar el tema?»; proposals N: opciones que cada delegación puede proponer, 3 por defecto); escrito solo (theme, topics, survey, feedback, silence): un formulario con todas las opciones',
      topics: 'topics "A" "B" "C" ["D"] [select N] [deadline D]: iniciar una preselección de temas',
      survey:
        'survey ‹id› [deadline D]: encuesta escrita a partir de un sondeo no concluyente, dirigida a miembros y observadores, con una duración de dos semanas; o survey "Question" "A" "B" para empezar desde cero',
      feedback:
        'feedback "‹workshop›" [participants N | participants user,user…] [deadline D]: encuesta de satisfacción (una lista: solo ellos responden; si no, los delegados inscritos)',
      manage:
        'close ‹id› [confirm] · extend ‹id› ‹D|+7d› · cancel ‹id› [confirm] · remind ‹id› · export ‹id› · status ‹id›: quién no ha respondido',
      moderate:
        'withdraw ‹id› ‹n› · merge ‹id› ‹a› ‹b›: retirar una opción propuesta, o fusionar la opción b con la opción a (las delegaciones que respondieron reciben un aviso)',
      silence:
        'silence "‹text›" [deadline D] [eligible members|all]: procedimiento de acuerdo tácito, adoptado salvo objeción de una delegación (por defecto: 5 días hábiles)',
      object:
        'object ‹id› ["reason"] · withdraw ‹id›: presentar una objeción a un acuerdo tácito, o retirar su objeción',
      roster:
        'roster add ‹user› "‹delegation›" member|observer-state|observer-org [region] · roster remove ‹user› · roster list · roster import · roster export: roster import toma las líneas CSV debajo (delegation,kind,region,user), todo o nada',
    },
  },

  launchForm: {
    title: (kind: string) => `Nuevo: ${kind}`,
    intro:
      'Complete lo que necesite; solo las opciones son obligatorias. Los demás idiomas de una opción van en su propia línea: en: … / fr: …',
    option: (n: number) => `Opción ${n}`,
    workshop: 'Taller',
    statement: (n: number) => `Afirmación ${n} (vacía: las afirmaciones habituales)`,
    text: 'Texto que se adoptará',
    select: 'Temas que se seleccionarán',
    from: 'Encuesta escrita a partir de una consulta cerrada',
    fromNone: 'Ninguna: mi propia pregunta y opciones',
    deadline: 'Fecha límite (fecha)',
    time: 'Hora (hora de Ginebra; vacía: 23:59)',
    eligibility: 'Quién puede responder',
    eligible: { members: 'Solo Estados Miembros', all: 'Estados Miembros y observadores' },
    results: 'Resultados',
    resultsMode: { hidden: 'Ocultos hasta el cierre', live: 'En directo' },
    secret: 'Votación secreta',
    secretOption: 'Secreta: nadie, ni siquiera la secretaría, puede ver quién eligió qué',
    quorum: 'Quórum (% de las delegaciones habilitadas, p. ej., 50)',
    proposals: 'Opciones que cada delegación puede proponer (0–10; vacío: 3)',
    participants: 'Participantes (cuántos participaron, para la tasa de respuesta)',
    lang: 'Idioma de la papeleta y de los resultados publicados en el canal',
    langs: { en: 'English', fr: 'Français', es: 'Español' },
    submit: 'Iniciar',
    fix: 'No se ha iniciado nada: corrija el campo señalado a continuación y envíe de nuevo.',
  },

  cardInput: {
    required: 'Rellene este campo antes de enviar.',
    refreshHint: 'Toque Actualizar para ver el voto de su delegación.',
    refreshButton: 'Actualizar',
  },

  errors: {
    noChannel: 'Ejecute este comando en el canal donde debe aparecer la papeleta.',
    usage: (problem: string, usage: string) => `${problem} Sintaxis: ${usage}`,
  },

  problems: {
    notSecretariat:
      'Solo la Secretaría puede realizar esta operación. Si considera que debería poder hacerlo, solicite a la Secretaría que le añada.',
    notOnRoster:
      'No figura en la lista de ninguna delegación, por lo que no puede votar. La Secretaría puede añadirle con: roster add ‹you› "‹delegation›" member',
    ineligible: (delegation: string, kind: string) =>
      `Lo sentimos: esta consulta está reservada a los Estados Miembros y ${delegation} no es un Estado Miembro (${kind}). No se ha registrado nada.`,
    notParticipant: (id: string, workshop: string) =>
      `La encuesta ${id} está dirigida a los participantes de «${workshop}» y usted no figura en su lista, por lo que su respuesta no se registró. Si participó, pida a la secretaría que le añada.`,
    unknownId: (id: string) => `No existe ninguna consulta "${id}". Escriba status para ver las consultas abiertas.`,
    closed: (id: string) =>
      `La consulta ${id} está cerrada: ya no se aceptan votos ni propuestas. No se ha registrado nada.`,
    alreadyClosed: (id: string) => `La consulta ${id} ya está cerrada.`,
    cancelled: (id: string) => `La consulta ${id} se ha cancelado. No se ha registrado nada.`,
    resultsHidden: (id: string, date: string) =>
      `Los resultados de la consulta ${id} permanecen ocultos hasta el cierre (${date}).`,
    notFeedback: (id: string) => `La consulta ${id} no es una encuesta de satisfacción.`,
    isFeedback: (id: string) =>
      `La consulta ${id} es una encuesta de satisfacción: utilice el formulario de respuesta.`,
    notSilence: (id: string) => `${id} no es un procedimiento de acuerdo tácito.`,
    isSilence: (id: string) =>
      `${id} es un procedimiento de acuerdo tácito: no hay nada que votar. Para presentar una objeción, escriba: object ${id} "motivo"; si no, guarde silencio.`,
    badChoice: (id: string, max: number) => `Elija un número de opción entre 1 y ${max} para la consulta ${id}.`,
    tooManyChoices: (n: number) =>
      n === 1 ? `Puede aprobar ${n} tema como máximo.` : `Puede aprobar ${n} temas como máximo.`,
    noChoice: 'Elija al menos una opción.',
    sameTwice: 'Una combinación requiere dos temas distintos.',
    notShortlist: 'Solo se puede solicitar una combinación en una preselección de temas.',
    notAbstainable: (id: string) =>
      `La abstención solo es posible en las encuestas sobre el tema y en las encuestas escritas, y ${id} no es ninguna de ellas.`,
    abstainAlone: 'Una abstención no puede ir con una opción: escriba vote ‹id› abstain sin nada más.',
    badAnswers: (n: number) =>
      n === 1
        ? 'Responda a la afirmación con un valor de 1 (totalmente en desacuerdo) a 5 (totalmente de acuerdo).'
        : `Responda a cada una de las ${n} afirmaciones con un valor de 1 (totalmente en desacuerdo) a 5 (totalmente de acuerdo).`,
    noObjection: (delegation: string, id: string) =>
      `${delegation} no ha presentado ninguna objeción a ${id}: no hay objeción que retirar.`,
    duplicateOption: (n: number, text: string) =>
      `Ya es una opción: ${n}. ${text}. Los textos que solo difieren en mayúsculas, puntuación, caracteres invisibles o letras que se parecen son la misma opción. No se ha añadido nada.`,
    lookAlikeOptions: (a: number, b: number) =>
      `Las opciones ${a} y ${b} son la misma opción: solo difieren en mayúsculas, puntuación, caracteres invisibles o letras que se parecen. No se ha lanzado nada. Lánzela de nuevo con cada opción una sola vez.`,
    emptyOption: 'Una opción necesita un texto legible. No se ha añadido nada.',
    proposalCap: (delegation: string, cap: number, id: string) =>
      cap === 0
        ? `${id} no admite propuestas. No se ha registrado nada.`
        : `${delegation} ya ha propuesto ${cap} ${cap === 1 ? 'opción' : 'opciones'} en ${id}, el máximo por delegación. No se ha registrado nada.`,
    noSuchOption: (id: string, n: number) =>
      `La papeleta de ${id} no tiene la opción ${n}. Escriba status ${id} para ver las opciones.`,
    notProposed: (id: string, n: number) =>
      `La opción ${n} de ${id} es una opción de la Secretaría: solo pueden retirarse las opciones propuestas.`,
    withdrawSecret: (id: string, n: number) =>
      `${id} es una votación secreta y ya hay votos emitidos: retirar la opción ${n} podría revelar quién la eligió. Fusiónela con otra opción: merge ${id} ‹a› ${n}`,
    mergeSame: 'Elija dos opciones distintas para fusionar.',
    secretLive:
      'Una votación secreta no puede mostrar resultados en directo: unos recuentos que cambian tras cada voto revelarían quién eligió qué. No se ha lanzado nada. Lánzela de nuevo sin live (los resultados se publican al cierre), o sin secret.',
    needsTwo:
      'Una encuesta sobre el tema necesita dos opciones. Para una sola pregunta (p. ej., «¿Adoptar el tema?»), añada single: theme "¿Adoptar el tema?" single',
    noSecret: 'Las objeciones de un procedimiento de acuerdo tácito nunca son secretas: quite secret.',
    surveyNeedsOptions:
      'Una encuesta escrita requiere una consulta de partida (survey ‹id›) o al menos dos opciones entre comillas.',
    surveySourceOpen: (id: string) => `La consulta ${id} sigue abierta: ciérrela primero y luego inicie la encuesta.`,
    needsOptions: 'Indique al menos una opción.',
    notANumber: (field: string) => `${field}: escriba un número entero.`,
    deadlineFormat: (input: string) =>
      `"${input}" no es un plazo válido. Indique una fecha (2026-12-07), una fecha y hora (2026-12-07T17:00) o una duración (14d, 36h).`,
    deadlinePast: (input: string) => `La fecha límite "${input}" ya ha pasado.`,
    extendEarlier: (id: string, current: string, asked: string) =>
      `El nuevo plazo (${asked}) no es posterior al actual (${current}): una prórroga solo puede aplazar el plazo. Para cerrar ${id} ahora, escriba: close ${id}`,
    badUser: (input: string) =>
      `"${input}" no es un usuario. Mencione a la persona o escriba su plataforma y su identificador como los muestra la lista (plataforma:id).`,
    userInOther: (user: string, delegation: string) =>
      `${user} ya vota en nombre de ${delegation}. Primero retire a esa persona con: roster remove ${user}`,
    userNotOnRoster: (user: string) => `${user} no figura en la lista.`,
    kindMismatch: (delegation: string, kind: string) => `${delegation} ya figura en la lista como ${kind}.`,
    reportNotForSilence: (id: string) =>
      `${id} es un procedimiento de acuerdo tácito: su resultado figura en sus resultados (results ${id}); no tiene informe en PDF.`,
    reportNotClosed: (id: string) => `El informe sobre ${id} estará disponible tras su cierre.`,
    reportCancelled: (id: string) => `${id} fue cancelada: no hay resultados que presentar.`,
    reportFailed: 'No se pudo elaborar el informe. No se ha modificado nada; vuelva a intentarlo en un momento.',
    unknownCommand: (word: string) => `"${word}" no es un comando. Escriba help para ver la lista.`,
    missingId: 'Falta el identificador de la consulta.',
    missingOptions: (min: number) =>
      min === 1
        ? `Se necesita al menos ${min} opción, entre comillas dobles.`
        : `Se necesitan al menos ${min} opciones, cada una entre comillas dobles.`,
    tooManyOptions: (max: number) => (max === 1 ? `Como máximo ${max} opción.` : `Como máximo ${max} opciones.`),
    unclosedQuote: 'Hay unas comillas sin cerrar.',
    unexpected: (word: string) => `No he entendido "${word}".`,
    badNumber: (word: string) => `"${word}" no es un número.`,
    numberTooLarge: (word: string, max: number) => `"${word}" es demasiado grande: como máximo ${max} aquí.`,
    badLang: 'Elija en, fr o es.',
    translationFirst: (tag: string) =>
      `${tag} traduce una opción: escríbalo justo después de esa opción, p. ej., "Return migration" fr:"Migration de retour".`,
    translationTwice: (lang: string, option: string) =>
      `La opción «${option}» tiene dos textos en ${lang}: conserve uno.`,
    badKind: 'La categoría debe ser member, observer-state u observer-org.',
    missingText: 'Falta el texto, que debe ir entre comillas dobles.',
    tooLong: (max: number) => `Un texto puede tener como máximo ${max} caracteres.`,
    badQuorum: 'Indique el quórum como porcentaje, p. ej., quorum 50%.',
    unquoted: (suggestion: string) => `El texto de cada opción va entre comillas dobles. Escríbalo así: ${suggestion}`,
    badConfirm: (word: string) => `No he entendido «${word}»: para confirmar, añada la palabra confirm.`,
    oneCommand: 'Un solo comando por mensaje, por favor (o use roster import para muchas líneas de la lista).',
    csvNeedsCommand: (header: string) =>
      `Para cargar una lista, empiece el mensaje con roster import en una línea, y luego el CSV con el encabezado ${header}.`,
    csvEmpty: (header: string) => `el archivo está vacío. Empiece por el encabezado ${header}.`,
    csvBadHeader: (header: string) => `la primera línea debe ser el encabezado ${header}.`,
    csvTooManyLines: (max: number) => `se pueden importar como máximo ${max} líneas a la vez.`,
    csvMalformed: (n: number) => `no es una línea CSV de ${n} celdas (revise las comillas).`,
    csvColumnCount: (n: number, expected: number) =>
      `${n} celdas en lugar de ${expected} (delegation,kind,region,user).`,
    csvNoDelegation: 'falta el nombre de la delegación.',
    csvTooLong: (name: number, region: number) =>
      `el nombre de una delegación tiene como máximo ${name} caracteres y una región ${region}.`,
    csvBadKind: (kind: string) => `"${kind}" no es un tipo: escriba member, observer-state u observer-org.`,
    csvBadUser: (user: string) =>
      `"${user}" no es un usuario: escriba un identificador (plataforma:id), una mención o una dirección de correo electrónico.`,
    csvUserTwice: (delegation: string, line: number) =>
      `este usuario ya figura para ${delegation} en la línea ${line}.`,
    csvKindDiffers: (delegation: string, kind: string) => `${delegation} figura más arriba como ${kind}.`,
    csvRegionDiffers: (delegation: string, region: string) => `${delegation} figura más arriba en la región ${region}.`,
    storeFailed:
      'No se pudo guardar su solicitud, por lo que no se ha registrado nada. Vuelva a intentarlo en unos instantes.',
    internalError:
      'Se ha producido un error inesperado y no se ha registrado nada. Se ha informado a la Secretaría a través del registro; vuelva a intentarlo.',
  },
};
