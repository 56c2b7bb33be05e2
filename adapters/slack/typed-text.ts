/** Text of a slash command as the user typed it. */
/** With should_escape, Slack sends e-mails as <mailto:a@b|a@b> and &, <, > as entities. */
export function typedText(text: string): string {
  return text
    .replace(/<mailto:([^|>]+)(?:\|[^>]*)?>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
