/** English texts. This catalogue defines the shape: fr.ts and es.ts must provide every key. */
import type { ProblemTexts } from '../errors.ts';
import type { UsageKey } from '../commands/usage.ts';

export const en = {
  kind: {
    theme: 'Theme poll',
    topics: 'Topic shortlist',
    survey: 'Written survey',
    feedback: 'Satisfaction survey',
    silence: 'Silence procedure',
  },
  delegationKind: {
    member: 'Member State',
    'observer-state': 'Observer State',
    'observer-org': 'Observer Organization',
  },
  state: { open: 'open', closed: 'closed', cancelled: 'cancelled' },
  /** Scheduled work the store could not save: told personally to the secretariat, once. */
  scheduler: {
    title: 'Scheduled work is failing',
    failed: (id: string, step: 'close' | 'publish' | 'remind', cause: string) =>
      step === 'close'
        ? `The results of ${id} could not be saved: ${cause}. ${id} will close and its results will be posted as soon as the store can be written again.`
        : step === 'publish'
          ? `New options of ${id} could not be published on its ballot: ${cause}. They will appear as soon as the store can be written again.`
          : `The reminders of ${id} could not be saved: ${cause}. They will go out as soon as the store can be written again.`,
    failedOther: (cause: string) => `A scheduled task could not be completed: ${cause}.`,
    retrying: 'The bot keeps retrying by itself; the health check reports the problem until it is solved.',
    cause: {
      full: 'the disk is full',
      readOnly: 'the store cannot be written (read-only or not permitted)',
      other: (what: string) => `storage error (${what})`,
    },
  },
  /** Statements used in practice after IDM workshops (2012), the default of a satisfaction survey. */
  defaultStatements: [
    'The workshop furthered mutual learning among governments and other actors.',
    'The workshop helped enhance understanding of the issues.',
    'The workshop served to identify measures of international cooperation and effective policies.',
    'Overall, I am satisfied with the event and its background materials.',
  ],
  likert: ['No answer', 'Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],

  ballot: {
    closes: (date: string, relative: string) => `Closes ${date} (${relative})`,
    closed: (date: string) => `Closed ${date}`,
    eligibility: { members: 'Member States vote', all: 'Member States and observers vote' },
    secrecyRecorded:
      'Recorded ballot: the secretariat can see which delegation chose what. One voice per delegation; the latest vote counts.',
    secrecySecret:
      'Secret ballot: nobody, not even the secretariat, can see what a delegation chose. One voice per delegation; you may change your answer until the close.',
    secrecyFeedback: 'Anonymous: one answer per participant, never linked to you.',
    chooseOne: 'Choose one option.',
    chooseUpTo: (n: number) => `Approve up to ${n} topics, or request a combination of two topics into one workshop.`,
    turnout: (answered: number, eligible: number) => `Turnout so far: ${answered} of ${eligible} delegations`,
    respondents: (n: number) => `${n} responses so far`,
    yourVote: (delegation: string, choice: string) => `${delegation} voted: ${choice}`,
    notYet: (delegation: string) => `${delegation} has not voted yet.`,
    secretAnswered: (delegation: string) => `${delegation} has answered (secret ballot: your choice is not shown).`,
    proposedBy: (delegation: string) => `proposed by ${delegation}`,
    combination: 'combination requested',
    requestedByDelegation: 'combination requested by a delegation',
    proposedByDelegation: 'proposed by a delegation',
    proposeButton: 'Propose an option',
    answerButton: 'Answer the survey',
    voteButton: (n: number) => `Vote ${n}`,
    submitVote: 'Submit vote',
    approveLabel: 'Topics to approve',
    combineLabel: 'Or request a combination of two topics',
    liveResults: 'Live results',
    resultsHidden: 'Results stay hidden until the close.',
    id: (id: string) => `Consultation ${id}`,
    historyNote: (title: string, year: number) => `Discussed before: "${title}" (${year}).`,
  },

  results: {
    auditHead: (entries: number, hash: string) => `Audit trail: ${entries} entries, head hash (SHA-256) ${hash}`,
    title: (id: string, title: string) => `Results of ${id}: ${title}`,
    interim: 'Interim results (the consultation is still open)',
    turnout: (answered: number, eligible: number, pct: string) =>
      `Turnout: ${answered} of ${eligible} delegations (${pct})`,
    turnoutBy: 'Turnout by group',
    votes: (n: number) => (n === 1 ? '1 vote' : `${n} votes`),
    approvals: (n: number) => (n === 1 ? '1 approval' : `${n} approvals`),
    winner: (option: string) => `Decision: "${option}" is chosen by an absolute majority.`,
    selected: (options: string) => `Decision: selected ${options}.`,
    inconclusive: (reason: string) => `Inconclusive: ${reason}.`,
    reason: {
      tie: (options: string) => `tie between ${options}`,
      'no-majority': 'no option has an absolute majority of the ballots cast',
      'no-ballots': 'no ballots were cast',
      'low-turnout': (pct: string, needed: string) => `turnout ${pct} is below the quorum of ${needed}`,
      'tie-at-cut': (options: string) => `tie at the cut between ${options}`,
      'all-abstained': 'every delegation that answered abstained',
    },
    nextStep: (id: string) => `The secretariat may launch a written survey with the command: survey ${id}`,
    tooFewSecret: (n: number, min: number) =>
      `${n === 1 ? 'Only 1 delegation' : `Only ${n} delegations`} answered this secret ballot: with fewer than ${min}, its counts and decision are not shown, since they would tell what a delegation chose. Turnout only:`,
    tooFewAnonymous: (n: number, min: number) =>
      `${n === 1 ? 'Only 1 participant' : `Only ${n} participants`} answered: with fewer than ${min}, the shares are not shown, since they would tell what someone answered.`,
    agreeShare: (pct: string, n: number) => `${pct} agree (${n} responses)`,
    responseRate: (respondents: number, participants: number, pct: string) =>
      `Response rate: ${respondents} of ${participants} participants (${pct})`,
    respondentsOnly: (n: number) => `${n} respondents (set the number of participants to see the response rate)`,
    cancelled: (id: string) => `${id} was cancelled. No result.`,
  },

  report: {
    /** Between a label and its value, e.g. "Kind: Theme poll" (French sets a space before the colon). */
    labelEnd: ': ',
    homeClosed: 'Recently closed: reports',
    title: (id: string, title: string) => `Report on ${id}: ${title}`,
    subtitle: 'Results of a consultation of the dialogue, as recorded by Consult',
    generated: (date: string) => `Generated ${date}`,
    kind: 'Kind',
    opened: 'Opened',
    deadline: 'Deadline',
    closedAt: 'Closed',
    eligibility: 'Eligibility',
    eligibilityValue: { members: 'Member States only', all: 'Member States and observers' },
    mode: 'Mode',
    modeRecorded: 'recorded ballot, one voice per delegation',
    modeSecret: 'secret ballot, one voice per delegation',
    modeAnonymous: 'anonymous, one answer per participant',
    modeLive: 'results shown live',
    modeHidden: 'results hidden until the close',
    methodMajority: 'one choice, decided by an absolute majority of the ballots cast',
    methodTop: (n: number) => `approval: the ${n} topics with most approvals are selected`,
    quorum: (pct: string) => `quorum ${pct}`,
    options: 'Options',
    option: 'Option',
    count: 'Count',
    share: 'Share',
    cast: (n: number) => `Ballots cast: ${n}`,
    cutLine: (n: number) =>
      n === 1 ? 'Cut line: the top topic is selected' : `Cut line: the top ${n} topics are selected`,
    turnout: 'Turnout',
    turnoutTitle: (id: string) => `Turnout in ${id}`,
    overall: 'All eligible delegations',
    byKind: 'By kind of delegation',
    byRegion: 'By region',
    group: 'Group',
    answered: 'Answered',
    eligible: 'Eligible',
    decision: 'Decision',
    statements: 'Statements',
    statement: 'Statement',
    agree: 'Agree',
    respondents: 'Respondents',
    responseRate: 'Response rate',
    audit: 'Audit trail',
    auditEntries: (n: number) => (n === 1 ? '1 entry' : `${n} entries`),
    auditHead: (hash: string) => `Head hash: ${hash}`,
    verify:
      'To verify this record, run npm run verify-store on a copy of the data directory: it checks every link of the hash chain and prints the head hash of each consultation, which must equal the one above.',
    sent: (id: string, file: string) => `The report on ${id} is attached: ${file}.`,
    button: 'Report (PDF)',
    chartAlt: (title: string) => `Chart: ${title}`,
  },

  history: {
    title: 'History of the dialogue',
    intro: 'Overarching themes and workshops of past years, then the consultations closed here.',
    year: (year: number, theme: string) => `${year}: ${theme}`,
    workshops: (list: string) => `Workshops: ${list}`,
    noWorkshop: (note: string) => `No workshop (${note})`,
    notChosen: (list: string) => `Proposed, not chosen: ${list}`,
    here: 'Closed in this installation',
    none: 'No consultation has been closed here yet.',
    source: (source: string) => `Source: ${source}`,
  },

  reply: {
    launched: (id: string, kind: string) => `${kind} ${id} is open. The ballot is posted in this channel.`,
    historyWarning: (title: string, year: number, notChosen: boolean) =>
      notChosen
        ? `Note: "${title}" was proposed in ${year} but not chosen.`
        : `Note: this is close to "${title}", discussed in ${year}.`,
    alreadyApplied: 'This click was already recorded; nothing changed.',
    voteRecorded: (delegation: string, choice: string) => `Vote recorded for ${delegation}: ${choice}`,
    voteRecordedSecret: (delegation: string) =>
      `Vote recorded for ${delegation}. The ballot is secret: your choice is not stored with your delegation's name.`,
    changeUntil: (date: string) => `You may change your vote until ${date}: vote again on the ballot.`,
    answerRecorded: 'Thank you: your answers are recorded anonymously.',
    proposed: (id: string, n: number, text: string) => `Option ${n} added to ${id}: "${text}"`,
    proposedPending: (id: string, n: number, text: string, date: string) =>
      `Option ${n} of ${id}, "${text}", is recorded without your delegation's name. The ballot is secret, so it appears there at the next publication (${date}), not at once: that way nobody can tell who proposed it.`,
    optionPending: (text: string, date: string) =>
      `Your combination "${text}" appears on the ballot at the next publication (${date}), so that it cannot be tied to your vote.`,
    closed: (id: string) => `${id} is closed. Results are posted to every channel of the consultation.`,
    extended: (id: string, date: string) => `${id} now closes ${date}. Reminders are re-planned.`,
    cancelledReply: (id: string) => `${id} is cancelled. No result will be posted and no more reminders are sent.`,
    reminded: (id: string, n: number) => `Reminder sent to ${n} delegates of delegations that have not answered ${id}.`,
    nobodyToRemind: (id: string) => `Every eligible delegation has answered ${id}: nobody to remind.`,
    shared: (id: string) => `The ballot of ${id} is posted here too. Votes from every channel count in one tally.`,
    exported: (id: string, n: number) => `Export of ${id}: ${n} audit entries (CSV attached).`,
    exportedTurnout: (id: string, n: number, date: string) =>
      `Export of ${id}: turnout only, ${n === 1 ? '1 ballot' : `${n} ballots`} cast (who answered, when, from which platform). Its results stay hidden until the close (${date}): the choices are in the export after it.`,
    rosterAdded: (user: string, delegation: string) => `${user} now votes for ${delegation}.`,
    rosterRemoved: (user: string, delegation: string) => `${user} no longer votes for ${delegation}.`,
    rosterTitle: 'Roster',
    rosterEmpty:
      'The roster is empty. Add delegates with: roster add ‹user› "‹delegation›" member|observer-state|observer-org [region]',
    secretariatLine: (users: string) => `Secretariat: ${users}`,
    langSet: 'Language set to English.',
  },

  status: {
    title: 'Consultations',
    none: 'No consultations yet. The secretariat launches one with: theme "Option A" "Option B"',
    line: (
      id: string,
      kind: string,
      title: string,
      state: string,
      answered: number,
      eligible: number,
      closes: string,
    ) => `${id} · ${title ? `${kind}: ${title}` : kind} · ${state} · ${answered}/${eligible} answered · ${closes}`,
    yourDelegation: (delegation: string, answered: boolean) =>
      `${delegation}: ${answered ? 'answered' : 'not answered yet'}`,
  },

  roster: {
    importTitle: 'Roster import',
    formIntro: (header: string) =>
      `Paste the roster as CSV, one delegate a line, under the header ${header}. The kind is member, observer-state or observer-org; the user is an id, a mention or an e-mail address. For a long roster, send the CSV file instead.`,
    formLabel: 'Roster lines (CSV)',
    formSubmit: 'Import',
    rejected: (n: number) =>
      n === 1
        ? 'Nothing was imported: 1 line needs fixing. Correct it and send the whole file again.'
        : `Nothing was imported: ${n} lines need fixing. Correct them and send the whole file again.`,
    badLine: (line: number, reason: string) => `Line ${line}: ${reason}`,
    imported: (lines: number) => `Roster imported: ${lines} lines read.`,
    unchanged: (lines: number) => `Nothing changed: the roster already holds all ${lines} lines of this file.`,
    delegations: (added: number, updated: number) => `Delegations: ${added} added, ${updated} updated.`,
    delegates: (added: number, moved: number) => `Delegates: ${added} added, ${moved} moved from another delegation.`,
    kindLine: (kind: string, delegations: number, delegates: number, regions: string) =>
      `${kind}: ${delegations === 1 ? '1 delegation' : `${delegations} delegations`}, ${delegates === 1 ? '1 delegate' : `${delegates} delegates`}${regions ? ` (${regions})` : ''}`,
    pending: (n: number) =>
      `${n === 1 ? '1 e-mail address' : `${n} e-mail addresses`} matched nobody here yet. They are kept, and each is matched the first time that person writes to the bot:`,
    pendingLine: (line: number, email: string) => `Line ${line}: ${email}`,
    exported: (delegations: number, delegates: number) =>
      `Roster: ${delegations} delegations, ${delegates} delegates (CSV attached). Edit it and send it back with roster import.`,
    listHeading: (kind: string, n: number) => `${kind} (${n})`,
    listLine: (delegation: string, region: string, people: string) =>
      `${delegation}${region ? ` (${region})` : ''}: ${people}`,
    waiting: (emails: string) => `waiting for ${emails}`,
    nobody: 'no delegate',
    listAsFile: (delegations: number, delegates: number) =>
      `${delegations} delegations, ${delegates} delegates: too long for one message, so the roster is attached as a file.`,
    fileUnreadable: 'The file could not be downloaded, so nothing was imported. Please send it again.',
  },

  missing: {
    turnout: (answered: number, eligible: number, pct: string) =>
      `Turnout so far: ${answered} of ${eligible} delegations (${pct})`,
    title: (n: number) => (n === 1 ? '1 delegation has not answered yet:' : `${n} delegations have not answered yet:`),
    everyone: 'Every eligible delegation has answered.',
    group: (kind: string, region: string, names: string) => `${kind}${region ? `, ${region}` : ''}: ${names}`,
    noRegion: 'no region',
    respondents: (n: number) => `${n} responses so far (anonymous: who answered is not shown).`,
    reminded: (id: string, delegations: number, delegates: number, names: string) =>
      `Reminder of ${id} sent to ${delegates} delegates of ${delegations} delegations that have not answered: ${names}.`,
  },

  reminder: {
    title: (id: string) => `Reminder: ${id} closes soon`,
    text: (delegation: string, title: string, date: string, relative: string) =>
      `${delegation} has not answered "${title}" yet. It closes ${date} (${relative}).`,
  },

  /** Safeguards of a formal consultation: deadlines only later, confirmations, abstention, observers, moderation. */
  safeguard: {
    extendTo: (date: string) => `Extend to ${date}`,
    confirmTitle: 'Please confirm',
    confirmClose: (id: string, date: string) =>
      `Close ${id} now, before its deadline (${date})? No more votes will be accepted and the results are posted to every channel of the consultation.`,
    confirmCancel: (id: string) =>
      `Cancel ${id}? No result will be posted and no more reminders are sent; the ballots cast stay in the audit trail.`,
    confirmCloseButton: (id: string) => `Yes, close ${id}`,
    confirmCancelButton: (id: string) => `Yes, cancel ${id}`,
    orType: (command: string) => `Or type: ${command}`,
    abstainButton: 'Abstain',
    abstained: (delegation: string) => `${delegation} abstains.`,
    abstainRecorded: (delegation: string) =>
      `Abstention recorded for ${delegation}. It counts in turnout, not in the majority.`,
    abstentions: (n: number, base: number) =>
      `Abstentions: ${n} (counted in turnout, not in the majority base of ${base} ${base === 1 ? 'ballot' : 'ballots'})`,
    lowTurnout: (answered: number, eligible: number) => `low turnout: ${answered} of ${eligible}`,
    quorumLine: (pct: string) => `Quorum: ${pct} of the eligible delegations must answer for a conclusive result.`,
    observersFollow: 'Observers follow this consultation; Member States vote.',
    observerFollows: (delegation: string) => `${delegation} follows this consultation (Member States vote).`,
    withdrawnReply: (id: string, n: number, text: string) =>
      `Option ${n} ("${text}") is withdrawn from ${id}. Delegations whose ballot chose it get it back with a personal notice; the others that answered are told.`,
    mergedReply: (id: string, from: number, into: number) =>
      `Option ${from} of ${id} is merged into option ${into}: ballots on ${from} now count for ${into}. Delegations that answered are told.`,
    withdrawnLine: (list: string) => `Withdrawn or merged: ${list}`,
    mergedInto: (n: number) => `merged into ${n}`,
    colleagueTitle: (id: string) => `${id}: your delegation's ballot changed`,
    colleagueChanged: (delegation: string, id: string, choice: string) =>
      `Another delegate of ${delegation} changed ${delegation}'s ballot on ${id}: it is now ${choice}. The ballot you cast no longer counts (the latest ballot of a delegation counts).`,
    colleagueChangedSecret: (delegation: string, id: string) =>
      `Another delegate of ${delegation} changed ${delegation}'s ballot on ${id} (secret ballot: the choice is not shown). The latest ballot of a delegation counts.`,
    returnedTitle: (id: string) => `${id}: your delegation's ballot was returned`,
    returned: (delegation: string, id: string, n: number, text: string, date: string) =>
      `The secretariat withdrew option ${n} ("${text}") from ${id}. ${delegation}'s ballot chose it, so it is returned: please vote again before ${date}.`,
    optionsTitle: (id: string) => `${id}: the options changed`,
    optionAdded: (id: string, n: number, text: string, date: string) =>
      `A new option was proposed in ${id}: ${n}. ${text}. Your delegation's ballot stands; you may change it until ${date}.`,
    optionWithdrawn: (id: string, n: number, text: string, date: string) =>
      `The secretariat withdrew option ${n} ("${text}") from ${id}. Your delegation's ballot stands without it; you may change it until ${date}.`,
    optionMerged: (id: string, from: number, fromText: string, into: number, intoText: string, date: string) =>
      `The secretariat merged option ${from} ("${fromText}") into option ${into} ("${intoText}") in ${id}: ballots on ${from} now count for ${into}. You may change your delegation's ballot until ${date}.`,
  },

  /** The silence procedure: adopted unless an eligible delegation objects by the deadline. */
  silence: {
    explain:
      'Silence procedure: the text is adopted unless an eligible delegation objects by the deadline. Objections are never secret: each is shown with its delegation’s name, and may be withdrawn until the deadline.',
    objectButton: 'Object',
    withdrawButton: 'Withdraw our objection',
    reasonLabel: 'Reason for the objection (optional)',
    objections: (n: number, names: string) => (n === 0 ? 'No objection so far.' : `Objections so far: ${n} (${names})`),
    objected: (delegation: string) => `${delegation} objects.`,
    notObjected: (delegation: string) => `${delegation} has not objected.`,
    objectRecorded: (delegation: string, id: string, date: string) =>
      `Objection of ${delegation} to ${id} recorded. It is not secret: it is shown with ${delegation}'s name. You may withdraw it until ${date}.`,
    objectionWithdrawn: (delegation: string, id: string) => `${delegation}'s objection to ${id} is withdrawn.`,
    adopted: 'Decision: adopted under silence procedure (no objection by the deadline).',
    holds: 'No objection so far: the silence holds.',
    broken: (n: number, names: string) =>
      `Decision: silence broken by ${n} ${n === 1 ? 'delegation' : 'delegations'}: ${names}.`,
    objectionsOf: (n: number, eligible: number) =>
      `Objections: ${n} of ${eligible} eligible ${eligible === 1 ? 'delegation' : 'delegations'}`,
    reasonOf: (delegation: string, reason: string) => `${delegation}: "${reason}"`,
    reasons: 'Reasons given',
    reminder: (delegation: string, title: string, date: string, relative: string) =>
      `The silence procedure on "${title}" ends ${date} (${relative}). It is adopted unless a delegation objects: if ${delegation} objects, say so before then.`,
    colleague: (delegation: string, id: string, objects: boolean) =>
      `Another delegate of ${delegation} ${objects ? 'lodged' : 'withdrew'} ${delegation}'s objection to ${id}.`,
  },

  home: {
    title: 'Consult',
    open: 'Open consultations',
    none: 'No open consultations.',
    notOnRoster: 'You are not on the roster of any delegation yet: ask the secretariat to add you.',
    secretariat: 'Secretariat',
    closeButton: 'Close',
    remindButton: 'Remind',
    exportButton: 'Export',
    exportTurnoutButton: 'Export turnout',
  },

  help: {
    title: 'Consult: commands',
    intro: 'Consult runs the consultations of the dialogue: one delegation, one voice.',
    everyone: 'For everyone',
    secretariatOnly: 'For the secretariat',
    deadlines:
      'Deadlines: a date (2026-12-07, end of day in Geneva time), a date and time (2026-12-07T17:00), or a duration (14d, 36h). Option texts go in double quotes.',
    commands: {
      help: 'help: this list',
      vote: 'vote ‹id› ‹number›: vote for an option (several numbers for a shortlist, e.g. vote W1 1,3; a combination: vote W1 1+3; vote T1 abstain to abstain)',
      propose: 'propose ‹id› "‹text›": propose an option while the consultation is open',
      status: 'status [‹id›]: open consultations and turnout',
      results: 'results ‹id›: results (after the close, or live if enabled)',
      history: 'history: past themes and workshops, and the consultations closed here',
      report:
        'report ‹id› [all]: the results as a PDF, in your language or in English, French and Spanish (secretariat)',
      share: 'share ‹id›: post the ballot in this channel too (one tally)',
      lang: 'lang en|fr|es: choose your language',
      languages:
        '"Return migration" fr:"Migration de retour" es:"Migración de retorno" … [lang fr|es|en]: options in several languages, after theme, topics or survey (each delegate reads theirs; channel posts show all); lang: the language of the ballot and results posted in the channel (default: yours)',
      theme:
        'theme "A" "B" [deadline D] [live] [eligible members|all] [secret] [quorum 50%] [proposals N] [single]: launch a theme poll (single: one question, e.g. "Adopt the theme?"; proposals N: options each delegation may propose, default 3); typed alone (theme, topics, survey, feedback, silence): a form with every option',
      topics: 'topics "A" "B" "C" ["D"] [select N] [deadline D]: launch a topic shortlist',
      survey:
        'survey ‹id› [deadline D]: written survey from an inconclusive poll, to members and observers, two weeks; or survey "Question" "A" "B" from scratch',
      feedback:
        'feedback "‹workshop›" [participants N | participants user,user…] [deadline D]: satisfaction survey (a list: only they may answer; otherwise delegates on the roster)',
      manage:
        'close ‹id› [confirm] · extend ‹id› ‹D|+7d› · cancel ‹id› [confirm] · remind ‹id› · export ‹id› · status ‹id›: who has not answered',
      moderate:
        'withdraw ‹id› ‹n› · merge ‹id› ‹a› ‹b›: withdraw a proposed option, or fold option b into option a (delegations that answered are told)',
      silence:
        'silence "‹text›" [deadline D] [eligible members|all]: silence procedure, adopted unless a delegation objects (default: 5 working days)',
      object: 'object ‹id› ["reason"] · withdraw ‹id›: object to a silence procedure, or withdraw your objection',
      roster:
        'roster add ‹user› "‹delegation›" member|observer-state|observer-org [region] · roster remove ‹user› · roster list · roster import · roster export: roster import takes CSV lines below it (delegation,kind,region,user), all or nothing',
    } satisfies Record<UsageKey, string>,
  },

  /** The launch form: the typed launch commands' every option, as a card (theme, topics… typed alone). */
  launchForm: {
    title: (kind: string) => `New ${kind}`,
    intro:
      'Fill in what you need; everything but the options is optional. Other languages of an option go on their own lines: fr: … / es: …',
    option: (n: number) => `Option ${n}`,
    workshop: 'Workshop',
    statement: (n: number) => `Statement ${n} (empty: the standard statements)`,
    text: 'Text to adopt',
    select: 'Topics to select',
    from: 'Written survey from a closed consultation',
    fromNone: 'None: my own question and options',
    deadline: 'Deadline (date)',
    time: 'Time (Geneva time; empty: 23:59)',
    eligibility: 'Who may answer',
    eligible: { members: 'Member States only', all: 'Member States and observers' },
    results: 'Results',
    resultsMode: { hidden: 'Hidden until the close', live: 'Live' },
    secret: 'Secret ballot',
    secretOption: 'Secret: nobody, not even the secretariat, can see who chose what',
    quorum: 'Quorum (% of eligible delegations, e.g. 50)',
    proposals: 'Options each delegation may propose (0–10; empty: 3)',
    participants: 'Participants (how many took part, for the response rate)',
    lang: 'Language of the ballot and results posted in the channel',
    langs: { en: 'English', fr: 'Français', es: 'Español' },
    submit: 'Launch',
    fix: 'Nothing was launched: correct the field marked below and send again.',
  },

  /** Texts of interactive cards that only some hosts need. */
  cardInput: {
    required: 'Please fill this in before sending.',
    refreshHint: "Tap Refresh to see your delegation's vote.",
    refreshButton: 'Refresh',
  },

  errors: {
    noChannel: 'Run this in the channel where the ballot should appear.',
    /** A typed command that could not be read: the problem, then how to write it. */
    usage: (problem: string, usage: string) => `${problem} Write it like this: ${usage}`,
  },

  /** What errors say (errors.ts Problems): one text per problem. */
  problems: {
    notSecretariat: 'Only the secretariat can do this. If you should be able to, ask the secretariat to add you.',
    notOnRoster:
      'You are not on the roster of any delegation, so you cannot vote. The secretariat can add you with: roster add ‹you› "‹delegation›" member',
    ineligible: (delegation: string, kind: string) =>
      `Sorry, this consultation is open to Member States only, and ${delegation} is an ${kind}. Nothing was recorded.`,
    notParticipant: (id: string, workshop: string) =>
      `Survey ${id} is for the participants of “${workshop}”, and you are not on its list, so your answer was not recorded. If you took part, please ask the secretariat to add you.`,
    unknownId: (id: string) => `There is no consultation "${id}". Type status to see the open ones.`,
    closed: (id: string) => `${id} is closed: no more votes or proposals are accepted. Nothing was recorded.`,
    alreadyClosed: (id: string) => `${id} is already closed.`,
    cancelled: (id: string) => `${id} was cancelled. Nothing was recorded.`,
    resultsHidden: (id: string, date: string) => `Results of ${id} stay hidden until the close (${date}).`,
    notFeedback: (id: string) => `${id} is not a satisfaction survey.`,
    isFeedback: (id: string) => `${id} is a satisfaction survey: use the answer form.`,
    notSilence: (id: string) => `${id} is not a silence procedure.`,
    isSilence: (id: string) =>
      `${id} is a silence procedure: there is nothing to vote on. To object, write: object ${id} "reason"; otherwise stay silent.`,
    badChoice: (id: string, max: number) => `Choose an option number from 1 to ${max} for ${id}.`,
    tooManyChoices: (n: number) => `You may approve at most ${n} topics.`,
    noChoice: 'Choose at least one option.',
    sameTwice: 'A combination needs two different topics.',
    notShortlist: 'Combinations can be requested only in a topic shortlist.',
    notAbstainable: (id: string) =>
      `Abstaining is possible in theme polls and written surveys only, and ${id} is neither.`,
    abstainAlone: 'An abstention cannot go with a choice: write vote ‹id› abstain on its own.',
    badAnswers: (n: number) =>
      `Answer each of the ${n} statements with a value from 1 (strongly disagree) to 5 (strongly agree).`,
    noObjection: (delegation: string, id: string) =>
      `${delegation} has not objected to ${id}: there is no objection to withdraw.`,
    duplicateOption: (n: number, text: string) =>
      `That is already an option: ${n}. ${text}. Texts that differ only in case, punctuation, invisible characters or letters that look alike are the same option. Nothing was added.`,
    lookAlikeOptions: (a: number, b: number) =>
      `Options ${a} and ${b} are the same option: they differ only in case, punctuation, invisible characters or letters that look alike. Nothing was launched. Launch it again with each option once.`,
    emptyOption: 'An option needs a text that can be read. Nothing was added.',
    proposalCap: (delegation: string, cap: number, id: string) =>
      cap === 0
        ? `${id} does not take proposals. Nothing was recorded.`
        : `${delegation} has already proposed ${cap} ${cap === 1 ? 'option' : 'options'} in ${id}, the most a delegation may propose. Nothing was recorded.`,
    noSuchOption: (id: string, n: number) =>
      `${id} has no option ${n} on its ballot. Type status ${id} to see the options.`,
    notProposed: (id: string, n: number) =>
      `Option ${n} of ${id} is one of the secretariat's own options: only proposed options can be withdrawn.`,
    withdrawSecret: (id: string, n: number) =>
      `${id} is a secret ballot and ballots have been cast: withdrawing option ${n} could reveal who chose it. Merge it into another option instead: merge ${id} ‹a› ${n}`,
    mergeSame: 'Choose two different options to merge.',
    secretLive:
      'A secret ballot cannot show live results: counts that move after each vote would tell who chose what. Nothing was launched. Launch it again without live (results are posted at the close), or without secret.',
    needsTwo:
      'A theme poll needs two options. For a single question (e.g. "Adopt the theme?"), add single: theme "Adopt the theme?" single',
    noSecret: 'Objections in a silence procedure are never secret: remove secret.',
    surveyNeedsOptions:
      'A written survey needs a consultation to start from (survey ‹id›) or at least two options in quotes.',
    surveySourceOpen: (id: string) => `${id} is still open: close it first, then launch the survey.`,
    needsOptions: 'Give at least one option.',
    notANumber: (field: string) => `${field}: write a whole number.`,
    deadlineFormat: (input: string) =>
      `"${input}" is not a deadline. Write a date (2026-12-07), a date and time (2026-12-07T17:00) or a duration (14d, 36h).`,
    deadlinePast: (input: string) => `The deadline "${input}" is already past.`,
    extendEarlier: (id: string, current: string, asked: string) =>
      `The new deadline (${asked}) is not later than the current one (${current}): extend only moves a deadline later. To close ${id} now, type: close ${id}`,
    badUser: (input: string) =>
      `"${input}" is not a user. Mention them, or write their platform and id as the roster shows them (platform:id).`,
    userInOther: (user: string, delegation: string) =>
      `${user} already votes for ${delegation}. Remove them first with: roster remove ${user}`,
    userNotOnRoster: (user: string) => `${user} is not on the roster.`,
    kindMismatch: (delegation: string, kind: string) => `${delegation} is already on the roster as ${kind}.`,
    reportNotForSilence: (id: string) =>
      `${id} is a silence procedure: its outcome is in its results (results ${id}); there is no PDF report for it.`,
    reportNotClosed: (id: string) => `The report on ${id} is available once it is closed.`,
    reportCancelled: (id: string) => `${id} was cancelled: there is no result to report.`,
    reportFailed: 'The report could not be generated. Nothing was changed; please try again in a moment.',
    unknownCommand: (word: string) => `"${word}" is not a command. Type help for the list.`,
    missingId: 'The consultation id is missing.',
    missingOptions: (min: number) => `At least ${min} options are needed, each in double quotes.`,
    tooManyOptions: (max: number) => `At most ${max} options.`,
    unclosedQuote: 'A quote is not closed.',
    unexpected: (word: string) => `I did not understand "${word}".`,
    badNumber: (word: string) => `"${word}" is not a number.`,
    numberTooLarge: (word: string, max: number) => `"${word}" is too large: at most ${max} here.`,
    badLang: 'Choose en, fr or es.',
    translationFirst: (tag: string) =>
      `${tag} translates an option: write it right after that option, e.g. "Return migration" fr:"Migration de retour".`,
    translationTwice: (lang: string, option: string) => `The option "${option}" has two texts in ${lang}: keep one.`,
    badKind: 'The kind must be member, observer-state or observer-org.',
    missingText: 'The text is missing, in double quotes.',
    tooLong: (max: number) => `A text may have at most ${max} characters.`,
    badQuorum: 'Write the quorum as a percentage, e.g. quorum 50%.',
    unquoted: (suggestion: string) => `Option texts go in double quotes. Write it like this: ${suggestion}`,
    badConfirm: (word: string) => `I did not understand "${word}": to confirm, add the word confirm.`,
    oneCommand: 'One command per message, please (or use roster import for many roster lines).',
    csvNeedsCommand: (header: string) =>
      `To load a roster, start the message with roster import on its own line, then the CSV with the header ${header}.`,
    csvEmpty: (header: string) => `the file is empty. Start with the header ${header}.`,
    csvBadHeader: (header: string) => `the first line must be the header ${header}.`,
    csvTooManyLines: (max: number) => `at most ${max} lines can be imported at once.`,
    csvMalformed: (n: number) => `this is not a CSV line of ${n} cells (check the quotes).`,
    csvColumnCount: (n: number, expected: number) =>
      `${n} cells where ${expected} are expected (delegation,kind,region,user).`,
    csvNoDelegation: 'the delegation name is missing.',
    csvTooLong: (name: number, region: number) =>
      `a delegation name may have at most ${name} characters and a region ${region}.`,
    csvBadKind: (kind: string) => `"${kind}" is not a kind: write member, observer-state or observer-org.`,
    csvBadUser: (user: string) =>
      `"${user}" is not a user: write an id (platform:userId), a mention or an e-mail address.`,
    csvUserTwice: (delegation: string, line: number) =>
      `this user is already listed for ${delegation} on line ${line}.`,
    csvKindDiffers: (delegation: string, kind: string) => `${delegation} is listed above as ${kind}.`,
    csvRegionDiffers: (delegation: string, region: string) => `${delegation} is listed above in the region ${region}.`,
    storeFailed: 'Your request could not be saved, so nothing was recorded. Please try again in a moment.',
    internalError:
      'Something unexpected went wrong and nothing was recorded. The secretariat has been told in the log; please try again.',
  } satisfies ProblemTexts,
};

export type Catalog = typeof en;
