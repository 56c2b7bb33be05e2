/**
 * Adaptive Card hosts read TextBlock (and FactSet, and expanded choice) texts as markdown: Teams strips
 * `<…>` as HTML, turns `*now*` into emphasis, `1. ` and `- ` at a line's start into lists. Our texts are
 * plain, so every character markdown could read is escaped with a backslash (CommonMark escapes, which
 * Teams and the `adaptivecards` renderer with markdown-it undo) and the reader sees the text as written.
 */

/** Characters that start inline markdown or an HTML tag or entity, anywhere in a line. */
const INLINE = /[\\`*_[\]<>~&]/g;
/** Block syntax at a line's start: headings, quotes, bullets, thematic breaks. */
const BLOCK_START = /^(\s*)([#>+=-])/;
/** A numbered list at a line's start: `1. ` or `1) `. */
const NUMBERED = /^(\s*\d{1,9})([.)])(?=\s|$)/;

/** One line of plain text, escaped so a markdown host shows it exactly. */
export function escapeMarkdown(line: string): string {
  return line.replace(INLINE, '\\$&').replace(BLOCK_START, '$1\\$2').replace(NUMBERED, '$1\\$2');
}
