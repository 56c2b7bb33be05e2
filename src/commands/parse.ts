/**
 * The one parser for typed commands: Slack's /consult text, Teams messages and the web chat
 * all come through here. Errors say what was wrong and how to write it, in the user's language.
 */
import { ConsultError, problem, type Problem } from '../errors.ts';
import type { UsageKey } from './usage.ts';
import { LANGS, type Lang, DelegationKind, type Translations } from '../domain/model.ts';
import type { Command, LaunchOptions } from './command.ts';
import { isWord, type Parsers, WORDS } from './table.ts';
import { tokenize, type Token } from './tokenize.ts';
import { parseUser } from './user-ref.ts';
import { CSV_HEADER, normalizeEmail } from '../domain/roster-import.ts';

import {
  MAX_CHOICES,
  MAX_HELP_TOPIC,
  MAX_LIKERT,
  MAX_OPTIONS,
  MAX_PARTICIPANTS,
  MAX_PROPOSALS,
  MAX_STATEMENTS,
  MAX_TEXT,
} from '../domain/limits.ts';
import { CommandSchema } from './command-schema.ts';

class Words {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    readonly usage: UsageKey,
  ) {}
  peek(): Token | undefined {
    return this.tokens[this.i];
  }
  next(): Token | undefined {
    return this.tokens[this.i++];
  }
  done(): boolean {
    return this.i >= this.tokens.length;
  }
  fail(what: Problem): never {
    throw new ConsultError('parse', what, { usage: this.usage });
  }
  id(): string {
    const t = this.next();
    if (!t || t.quoted || !/^[A-Za-z]{1,2}\d{1,6}$/.test(t.text)) {
      if (t) this.i--;
      this.fail(problem('missingId'));
    }
    return t.text.toUpperCase();
  }
  /** Quoted texts, up to the first word or language-tagged text. */
  quoted(): string[] {
    const out: string[] = [];
    while (this.peek()?.quoted && !this.peek()?.lang) out.push(text(this, this.next()!.text));
    return out;
  }
  /** Quoted options, each followed by its translations (`"Return" fr:"Retour" es:"Retorno"`). */
  translated(): Array<{ text: string; tr: Translations }> {
    const out: Array<{ text: string; tr: Translations }> = [];
    for (let t = this.peek(); t?.quoted; t = this.peek()) {
      this.next();
      if (!t.lang) {
        out.push({ text: text(this, t.text), tr: {} });
        continue;
      }
      const lang = t.lang;
      const last = out.at(-1);
      if (!last) this.fail(problem('translationFirst', `${lang}:"${t.text}"`));
      if (last.tr[lang] !== undefined) this.fail(problem('translationTwice', lang, last.text));
      last.tr[lang] = text(this, t.text);
    }
    return out;
  }
  word(): string | undefined {
    const t = this.peek();
    if (!t || t.quoted) return undefined;
    this.i++;
    return t.text.toLowerCase();
  }
  /** Every token after the command word, read or not (for hints that rewrite the whole command). */
  all(): readonly Token[] {
    return this.tokens;
  }
  rest(): string {
    return this.tokens
      .slice(this.i)
      .map((t) => t.text)
      .join(' ');
  }
}

function text(w: Words, s: string): string {
  if (s.length === 0) w.fail(problem('missingText'));
  if (s.length > MAX_TEXT) w.fail(problem('tooLong', MAX_TEXT));
  return s;
}

function positiveInt(w: Words, raw: string | undefined): number {
  const n = Number(raw);
  if (!raw || !Number.isInteger(n) || n <= 0) w.fail(problem('badNumber', raw ?? ''));
  if (n > MAX_PARTICIPANTS) w.fail(problem('numberTooLarge', raw, MAX_PARTICIPANTS));
  return n;
}

/** Reads trailing launch options in any order: deadline D, live, eligible members|all, secret, quorum N%, select N, participants N, statement "S". */
function launchOptions(
  w: Words,
  allowed: ReadonlyArray<string>,
): LaunchOptions & {
  select?: number;
  participants?: number;
  invited?: string[];
  statements?: string[];
  single?: boolean;
} {
  const out: LaunchOptions & {
    select?: number;
    participants?: number;
    invited?: string[];
    statements?: string[];
    single?: boolean;
  } = {};
  while (!w.done()) {
    const t = w.next()!;
    const word = t.quoted ? '' : t.text.toLowerCase();
    if (!allowed.includes(word)) w.fail(problem('unexpected', t.text));
    switch (word) {
      case 'deadline': {
        const d = w.next();
        if (!d) w.fail(problem('deadlineFormat', ''));
        out.deadline = d.text;
        break;
      }
      case 'live':
        out.live = true;
        break;
      case 'secret':
        out.secret = true;
        break;
      case 'eligible': {
        const e = w.word();
        if (e !== 'members' && e !== 'all') w.fail(problem('unexpected', e ?? ''));
        out.eligible = e;
        break;
      }
      case 'quorum': {
        const q = w.next()?.text ?? '';
        const m = /^(\d{1,3})%?$/.exec(q);
        if (!m || Number(m[1]) > 100) w.fail(problem('badQuorum'));
        out.quorum = Number(m[1]) / 100;
        break;
      }
      case 'select':
        out.select = positiveInt(w, w.next()?.text);
        break;
      case 'participants': {
        // A number (for the response rate), or the participants themselves: users, by commas or spaces.
        if (/^\d+$/.test(w.peek()?.text ?? '')) {
          out.participants = positiveInt(w, w.next()?.text);
          break;
        }
        const invited = participantList(w, allowed);
        if (invited.length === 0) w.fail(problem('badNumber', w.peek()?.text ?? ''));
        out.invited = [...new Set([...(out.invited ?? []), ...invited])];
        break;
      }
      case 'proposals': {
        const raw = w.next()?.text ?? '';
        const p = Number(raw);
        if (!/^\d{1,2}$/.test(raw) || p > MAX_PROPOSALS) w.fail(problem('badNumber', raw));
        out.proposals = p;
        break;
      }
      case 'single':
        out.single = true;
        break;
      case 'lang': {
        const l = w.word();
        if (!l || !(LANGS as readonly string[]).includes(l)) w.fail(problem('badLang'));
        out.lang = l as Lang;
        break;
      }
      case 'statement': {
        const s = w.next();
        if (!s?.quoted) w.fail(problem('missingText'));
        (out.statements ??= []).push(text(w, s.text));
        break;
      }
    }
  }
  return out;
}

const LAUNCH = ['deadline', 'live', 'eligible', 'secret', 'quorum', 'proposals', 'lang'];

/** Launch words followed by a value, which stays as typed in a rewritten command. */
const WITH_VALUE = new Set(['deadline', 'eligible', 'quorum', 'select', 'proposals', 'participants', 'lang']);

/**
 * When option texts were typed without quotes, the command as it should be written: each run of
 * unquoted words (split at commas) becomes one quoted option; launch words stay as they are.
 */
function quotedSuggestion(name: string, w: Words, keywords: ReadonlyArray<string>): string | undefined {
  const out: string[] = [name];
  let run: string[] = [];
  let unquoted = false;
  const flush = () => {
    for (const part of run.join(' ').split(',')) if (part.trim()) out.push(`"${part.trim()}"`);
    run = [];
  };
  const tokens = w.all();
  // Words after the last quoted option are left to the launch options' own errors (a typo such as "dedline").
  const lastQuoted = tokens.findLastIndex((t) => t.quoted);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const word = t.text.toLowerCase();
    if (t.quoted) {
      flush();
      out.push(t.lang ? `${t.lang}:"${t.text}"` : `"${t.text}"`);
    } else if (keywords.includes(word)) {
      flush();
      out.push(t.text);
      if (WITH_VALUE.has(word) && i + 1 < tokens.length) out.push(tokens[++i].text);
    } else {
      if (lastQuoted < 0 || i < lastQuoted) unquoted = true;
      run.push(t.text);
    }
  }
  flush();
  return unquoted ? out.join(' ') : undefined;
}

function requireQuotedOptions(name: string, w: Words, keywords: ReadonlyArray<string>): void {
  const suggestion = quotedSuggestion(name, w, keywords);
  if (suggestion) throw new ConsultError('parse', problem('unquoted', suggestion));
}

/** Users after `participants`, until the next option word: `slack:U1,slack:U2`, `<@U1> <@U2>`… */
function participantList(w: Words, options: ReadonlyArray<string>): string[] {
  const users: string[] = [];
  for (let t = w.peek(); t && !t.quoted && !options.includes(t.text.toLowerCase()); t = w.peek()) {
    w.next();
    for (const raw of t.text.split(',').filter(Boolean)) {
      const user = parseUser(raw);
      if (!user) throw new ConsultError('bad-user', problem('badUser', raw));
      users.push(user);
    }
  }
  return users;
}

/** The options' texts, and their translations only when some were given (most commands have none). */
function options(w: Words, min: number): { options: string[]; translations?: Translations[] } {
  const opts = w.translated();
  if (opts.length < min) w.fail(problem('missingOptions', min));
  if (opts.length > MAX_OPTIONS) w.fail(problem('tooManyOptions', MAX_OPTIONS));
  const translated = opts.some((o) => Object.keys(o.tr).length > 0);
  return { options: opts.map((o) => o.text), ...(translated ? { translations: opts.map((o) => o.tr) } : {}) };
}

/** `confirm` after close/cancel (also in French and Spanish, as typed on a phone). */
function confirmWord(w: Words): { confirm?: true } {
  if (w.done()) return {};
  const word = w.next()!.text;
  if (!['confirm', 'confirmer', 'confirmar'].includes(word.toLowerCase()) || !w.done())
    throw new ConsultError('parse', problem('badConfirm', word));
  return { confirm: true };
}

/** `1`, `1,3`, `1 3`, `1+3` (a combination request), or `abstain`. */
function choices(w: Words): { choices: number[]; combine?: [number, number]; abstain?: true } {
  if (/^(abstain|abstention|abstención|abstencion)$/i.test(w.rest().trim())) return { choices: [], abstain: true };
  const raw = w.rest().replace(/\s*\+\s*/g, '+');
  if (!raw) w.fail(problem('noChoice'));
  const result: { choices: number[]; combine?: [number, number] } = { choices: [] };
  for (const part of raw.split(/[\s,;]+/).filter(Boolean)) {
    const combo = /^(\d+)\+(\d+)$/.exec(part);
    if (combo) {
      if (result.combine) w.fail(problem('unexpected', part));
      result.combine = [positiveInt(w, combo[1]), positiveInt(w, combo[2])];
    } else {
      result.choices.push(positiveInt(w, part));
    }
  }
  if (result.choices.length > MAX_CHOICES) w.fail(problem('tooManyChoices', MAX_CHOICES));
  return result;
}

/** Each typed word's parser (one for each word of the table, making only the types it declares for that word). */
const parsers: Parsers<Words> = {
  help: (w) => ({ type: 'help', topic: w.word()?.slice(0, MAX_HELP_TOPIC) }),
  theme: (w) => {
    if (w.done()) return { type: 'launch-form', kind: 'theme' };
    requireQuotedOptions('theme', w, [...LAUNCH, 'single']);
    const opts = options(w, 1);
    // Two options unless `single`: checked by the launch itself, after who may launch.
    return { type: 'theme', ...opts, ...launchOptions(w, [...LAUNCH, 'single']) };
  },
  topics: (w) => {
    if (w.done()) return { type: 'launch-form', kind: 'topics' };
    requireQuotedOptions('topics', w, [...LAUNCH, 'select']);
    const opts = options(w, 2);
    return { type: 'topics', ...opts, ...launchOptions(w, [...LAUNCH, 'select']) };
  },
  survey: (w) => {
    if (w.done()) return { type: 'launch-form', kind: 'survey' };
    const first = w.peek();
    if (first?.quoted) {
      if (first.lang) w.fail(problem('translationFirst', `${first.lang}:"${first.text}"`));
      const title = text(w, w.next()!.text);
      const opts = w.translated();
      if (opts.length < 2) w.fail(problem('surveyNeedsOptions'));
      if (opts.length > MAX_OPTIONS) w.fail(problem('tooManyOptions', MAX_OPTIONS));
      const translated = opts.some((o) => Object.keys(o.tr).length > 0);
      return {
        type: 'survey',
        title,
        options: opts.map((o) => o.text),
        ...(translated ? { translations: opts.map((o) => o.tr) } : {}),
        ...launchOptions(w, LAUNCH),
      };
    }
    return { type: 'survey', from: w.id(), ...launchOptions(w, LAUNCH) };
  },
  feedback: (w) => {
    if (w.done()) return { type: 'launch-form', kind: 'feedback' };
    const [workshop] = w.quoted();
    if (!workshop) w.fail(problem('missingText'));
    const o = launchOptions(w, ['deadline', 'participants', 'statement', 'live', 'lang']);
    return { type: 'feedback', workshop, ...o };
  },
  propose: (w) => {
    const id = w.id();
    const [t] = w.quoted();
    if (!t || !w.done()) w.fail(problem('missingText'));
    return { type: 'propose', id, text: t };
  },
  vote: (w) => ({ type: 'vote', id: w.id(), ...choices(w) }),
  answer: (w) => {
    const id = w.id();
    const answers = w
      .rest()
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((a) => {
        const n = Number(a);
        if (!Number.isInteger(n) || n < 0 || n > MAX_LIKERT) w.fail(problem('badNumber', a));
        return n;
      });
    if (answers.length > MAX_STATEMENTS) w.fail(problem('unexpected', answers.slice(MAX_STATEMENTS).join(' ')));
    return { type: 'answer', id, answers };
  },
  share: (w) => ({ type: 'share', id: w.id() }),
  status: (w) => (w.done() ? { type: 'status' } : { type: 'status', id: w.id() }),
  results: (w) => ({ type: 'results', id: w.id() }),
  close: (w) => ({ type: 'close', id: w.id(), ...confirmWord(w) }),
  cancel: (w) => ({ type: 'cancel', id: w.id(), ...confirmWord(w) }),
  withdraw: (w) => {
    const id = w.id();
    // `withdraw SP1`: a delegation withdraws its objection; `withdraw T1 3`: the secretariat withdraws option 3.
    if (w.done()) return { type: 'withdraw-objection', id };
    const option = positiveInt(w, w.next()?.text);
    if (!w.done()) w.fail(problem('unexpected', w.rest()));
    return { type: 'withdraw', id, option };
  },
  merge: (w) => {
    const id = w.id();
    const into = positiveInt(w, w.next()?.text);
    const from = positiveInt(w, w.next()?.text);
    if (!w.done()) w.fail(problem('unexpected', w.rest()));
    return { type: 'merge', id, into, from };
  },
  silence: (w) => {
    if (w.done()) return { type: 'launch-form', kind: 'silence' };
    const [text] = w.quoted();
    if (!text) w.fail(problem('missingText'));
    const o = launchOptions(w, ['deadline', 'eligible', 'secret', 'lang']);
    if (o.secret) throw new ConsultError('parse', problem('noSecret'));
    return { type: 'silence', text, deadline: o.deadline, eligible: o.eligible, ...(o.lang ? { lang: o.lang } : {}) };
  },
  object: (w) => {
    const id = w.id();
    const [reason] = w.quoted();
    if (!w.done()) w.fail(problem('unexpected', w.rest()));
    return reason ? { type: 'object', id, reason } : { type: 'object', id };
  },
  remind: (w) => ({ type: 'remind', id: w.id() }),
  export: (w) => ({ type: 'export', id: w.id() }),
  report: (w) => {
    const id = w.id();
    const t = w.next();
    if (t && (t.quoted || t.text.toLowerCase() !== 'all')) w.fail(problem('unexpected', t.text));
    if (!w.done()) w.fail(problem('unexpected', w.rest()));
    return t ? { type: 'report', id, all: true } : { type: 'report', id };
  },
  history: (w) => {
    if (!w.done()) w.fail(problem('unexpected', w.rest()));
    return { type: 'history' };
  },
  extend: (w) => {
    const id = w.id();
    const d = w.next();
    if (!d || !w.done()) return w.fail(problem('deadlineFormat', d?.text ?? ''));
    return { type: 'extend', id, deadline: d.text };
  },
  lang: (w) => {
    const l = w.word();
    if (!l || !(LANGS as readonly string[]).includes(l)) w.fail(problem('badLang'));
    return { type: 'lang', lang: l as Lang };
  },
  roster: (w) => {
    const sub = w.word();
    if (sub === 'list') return { type: 'roster-list' };
    if (sub === 'export') return { type: 'roster-export' };
    // With lines after it, `roster import` is read before tokenizing (parseCommand): here it stands alone.
    if (sub === 'import') return { type: 'roster-import' };
    const userToken = w.next();
    // An address imported for someone who never wrote can be removed by that address.
    const pendingEmail = sub === 'remove' && userToken ? normalizeEmail(userToken.text) : undefined;
    if (pendingEmail && !parseUser(userToken!.text)) return { type: 'roster-remove', user: pendingEmail };
    const user = userToken && parseUser(userToken.text);
    if (!user) {
      const raw = userToken?.text ?? '';
      throw new ConsultError('bad-user', problem('badUser', raw));
    }
    if (sub === 'remove') return { type: 'roster-remove', user };
    if (sub !== 'add') w.fail(problem('unexpected', sub ?? ''));
    const [delegation] = w.quoted();
    if (!delegation) w.fail(problem('missingText'));
    const kind = DelegationKind.safeParse(w.word());
    if (!kind.success) return w.fail(problem('badKind'));
    const region = w.rest().replace(/^"|"$/g, '').trim() || undefined;
    return { type: 'roster-add', user, delegation, kind: kind.data, region };
  },
};

const ROSTER_IMPORT = /^\s*roster\s+import\s*$/i;
const CSV_HEADER_LINE = /^\s*"?delegation"?\s*,\s*"?kind"?\s*,/i;

/**
 * A message of several lines is one command whose text wraps, `roster import` followed by
 * CSV lines, or several commands pasted together: those are refused, never merged into the
 * first command's last argument.
 */
function multiLine(input: string): Command | undefined {
  const [first, ...rest] = input.trim().split(/\r\n|\r|\n/);
  if (rest.length === 0) return undefined;
  if (ROSTER_IMPORT.test(first)) return { type: 'roster-import', csv: rest.join('\n') };
  if (CSV_HEADER_LINE.test(first)) throw new ConsultError('parse', problem('csvNeedsCommand', CSV_HEADER.join(',')));
  const commandWord = (line: string) => /^\s*([A-Za-z]+)\b/.exec(line)?.[1]?.toLowerCase();
  if (
    rest.some((line) => {
      const w = commandWord(line);
      return w !== undefined && Object.hasOwn(parsers, w);
    })
  )
    throw new ConsultError('parse', problem('oneCommand'));
  return undefined;
}

export function parseCommand(input: string): Command {
  const lines = multiLine(input);
  if (lines) return lines;
  const tokens = tokenize(input);
  if (tokens.length === 0) return { type: 'help' };
  const head = tokens[0];
  const name = head.quoted ? '' : head.text.toLowerCase();
  if (!isWord(name)) throw new ConsultError('parse', problem('unknownCommand', head.text));
  const usage = WORDS[name].usage;
  return withinSchema(parsers[name](new Words(tokens.slice(1), usage)), usage);
}

/**
 * What the parser makes is what the schema accepts (the same bounds as a click or a form): a value
 * past a limit that a parser did not check itself is refused here, clearly, never passed on.
 */
function withinSchema(command: Command, usage: UsageKey): Command {
  const checked = CommandSchema.safeParse(command);
  if (checked.success) return command;
  const issue = checked.error.issues[0];
  const said =
    issue.code === 'too_big' && issue.origin === 'string'
      ? problem('tooLong', Number(issue.maximum))
      : problem('unexpected', String(issue.path.reduce<unknown>((v, k) => (v as never)?.[k], command) ?? ''));
  throw new ConsultError('parse', said, { usage });
}
