/**
 * When two option texts are the same option: compared as a reader sees them, not as their bytes.
 *   - NFKC folds compatibility forms (fullwidth "Ｌａｂｏｕｒ", the ligature "ﬁ") into plain ones;
 *   - default-ignorable characters (zero-width spaces and joiners, soft hyphens) and bidi controls
 *     are dropped: they change nothing a reader sees, or only the order the eye reads;
 *   - confusable characters are folded with the Unicode confusables table (UTS #39 data, through
 *     `unhomoglyph`): Cyrillic "а" is Latin "a", "1" and "I" are "l", "rn" is "m";
 *   - case, spaces and punctuation do not count ("Labour-mobility" is "labour mobility"); letters
 *     and digits of every script count (an Arabic or Chinese option is not an empty one).
 *
 * Accents are not confusables: "Migración" and "Migracion" stay two options. An accent is seen,
 * and in French and Spanish it can be the whole difference between two words; the confusables
 * table keeps it, so we do too. (The `confusables` package was not used: it is built for English
 * profanity filters and folds accents, turns Cyrillic "и" into "N" and "ß" into "B", and leaves
 * "1" and "l" apart.)
 */
import unhomoglyph from 'unhomoglyph';

const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/gu;
const BIDI_CONTROL = /\p{Bidi_Control}/gu;
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/gu;

/** The UTS #39 skeleton of a text (NFD, then the confusables table). */
const skeleton = (s: string): string => unhomoglyph(s.normalize('NFD'));

/**
 * The key two texts share when they look like the same option. Case is folded between two passes
 * of the table, as the table maps some capitals and small letters apart ("I" to "l", "m" to "rn").
 */
export function optionKey(text: string): string {
  const visible = text.normalize('NFKC').replace(INVISIBLE, '');
  const folded = skeleton(skeleton(visible).toLowerCase()).toLowerCase();
  // A text of symbols only (emoji, "+++") is compared by its symbols, not as an empty key.
  return folded.replace(NOT_WORD, ' ').trim() || folded.replace(/\s+/gu, ' ').trim();
}

/**
 * An option's text as stored and shown: without bidi controls, which could show one text and
 * hold another ("\u202Eruobal" reads "labour"), so what delegations see is what was compared.
 */
export function cleanOptionText(text: string): string {
  return text.replace(BIDI_CONTROL, '').trim();
}

interface Texts {
  text: string;
  /** The option's translations: a reader of that language sees one of these instead. */
  tr?: Partial<Record<string, string>>;
}

/** Every text a reader may see for this option, as keys. */
const keysOf = (o: Texts): Set<string> =>
  new Set([o.text, ...Object.values(o.tr ?? {})].filter((x): x is string => !!x).map(optionKey));

/** The first of `options` that looks like `text` in any of its languages, if any. */
export function lookAlike<T extends Texts>(options: readonly T[], text: string): T | undefined {
  const key = optionKey(text);
  return options.find((o) => keysOf(o).has(key));
}

/** The first pair of options (indexes, in order) that look like the same option in some language. */
export function lookAlikePair(options: readonly Texts[]): [number, number] | undefined {
  const seen = new Map<string, number>();
  for (let i = 0; i < options.length; i++) {
    const keys = keysOf(options[i]);
    for (const key of keys) {
      const first = seen.get(key);
      if (first !== undefined) return [first, i];
    }
    for (const key of keys) seen.set(key, i);
  }
  return undefined;
}
