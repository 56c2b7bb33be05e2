/* global AdaptiveCards */
/**
 * The bot's card texts are plain text with markdown's characters backslash-escaped (see
 * adapters/botframework/markdown.ts), so Teams shows them as written. This page has no markdown
 * library, so it undoes those escapes and shows the text as text: what a markdown host shows too.
 */
(() => {
  const ESCAPED = /\\([!-/:-@[-`{-~])/g;
  const HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = text.replace(ESCAPED, '$1').replace(/[&<>"']/g, (c) => HTML[c]);
    result.didProcess = true;
  };
})();
