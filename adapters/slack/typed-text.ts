/**
 * Text of a slash command as the user typed it, in the core's terms. With should_escape, Slack sends
 * mentions as <@U0123|name> (the core's users are slack:U0123), e-mails as <mailto:a@b|a@b>, and
 * &, <, > as entities.
 */
export function typedText(text: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, 'slack:$1')
    .replace(/<mailto:([^|>]+)(?:\|[^>]*)?>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
