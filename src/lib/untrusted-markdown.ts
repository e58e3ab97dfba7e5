/**
 * Untrusted text (agent answers, scenario names, errors, check output) written into GitHub
 * markdown: comments, check runs, job summaries, pull request bodies. Made inert so that it can
 * neither ping people, link issues, inject markup nor break the page's layout. Redacting secrets
 * is the caller's job (it knows the run's secrets).
 */

const ZERO_WIDTH_SPACE = '\u200b';

function flatClipped(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * One line, inert in a sentence or a table cell: no HTML (so no tag can close a `<details>` block
 * or inject markup), no @mention pings or #reference links, no markdown formatting or links, no
 * table breaks; clipped to `max` characters.
 */
export function escapeMarkdown(text: string, max = 300): string {
  return flatClipped(text, max)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+!|~-]/g, (ch) => `\\${ch}`)
    .replace(/@(?=[A-Za-z0-9])/g, `@${ZERO_WIDTH_SPACE}`)
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
    .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`);
}

/**
 * One line inside raw HTML (a `<summary>`), where markdown escapes would show: entities for
 * markup, and the same neutralised mentions and references.
 */
export function escapeHtmlText(text: string, max = 300): string {
  return flatClipped(text, max)
    .replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)
    .replace(/@(?=[A-Za-z0-9])/g, `@${ZERO_WIDTH_SPACE}`)
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`);
}

/** A block shown as is, in a fence longer than any backtick run inside it; mentions defused. */
export function codeBlock(text: string, max = 6_000): string {
  let body = text.replace(/@(?=[A-Za-z0-9-])/g, `@${ZERO_WIDTH_SPACE}`);
  if (body.length > max) body = `${body.slice(0, max)}\n…`;
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${body}\n${fence}`;
}

/**
 * Markdown written by a workflow itself (a pull request summary), kept as markdown but defused:
 * no HTML comments (hidden markers), no tags that nest or load anything, no mention pings.
 */
export function defusedMarkdown(text: string, max = 20_000): string {
  let body = text
    .replace(/<!--/g, '&lt;!--')
    .replace(/<\/?(?:details|summary|script|iframe|style|img|a)\b[^>]*>/gi, (tag) => tag.replace(/</g, '&lt;'))
    // After a backtick too: a backtick left unclosed is shown as is, and a mention after it pings.
    .replace(/(^|\W)@(?=[A-Za-z0-9-])/g, `$1@${ZERO_WIDTH_SPACE}`);
  if (body.length > max) body = `${body.slice(0, max)}\n\n…`;
  return body;
}

/**
 * One line shown literally as inline code (a file name, a command word): a code span renders no
 * markup, link or mention, so nothing is escaped; its fence is longer than any backtick run inside.
 */
export function codeSpan(text: string, max = 200): string {
  const body = flatClipped(text, max);
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
