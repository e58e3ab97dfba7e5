import { SecretRedactor } from '../src/lib/redact.js';

/**
 * Text from runs (agent answers, errors, check output) written into comments and PR bodies. It is
 * untrusted: secrets are redacted, HTML and table syntax escaped, and @mentions defused, so that a
 * run can neither leak a token nor ping people nor break the page's layout.
 */

const redactor = new SecretRedactor([], {});

/** One line, safe in a table cell or a sentence. */
export function inline(text: string, max = 300): string {
  const clean = redactor
    .text(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]<>|&]/g, (ch) => `&#${ch.charCodeAt(0)};`)
    .replace(/@(?=[A-Za-z0-9-])/g, '@\u200b');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** A block of text shown as is, in a fence longer than any backtick run inside it. */
export function codeBlock(text: string, max = 6_000): string {
  let body = redactor.text(text).replace(/@(?=[A-Za-z0-9-])/g, '@\u200b');
  if (body.length > max) body = `${body.slice(0, max)}\n…`;
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${body}\n${fence}`;
}

/** Markdown written by the workflow itself (a PR summary), kept as markdown but defused. */
export function defusedMarkdown(text: string, max = 20_000): string {
  let body = redactor
    .text(text)
    .replace(/<!--/g, '&lt;!--')
    .replace(/<\/?(?:details|summary|script|iframe|style|img|a)\b[^>]*>/gi, (tag) => tag.replace(/</g, '&lt;'))
    .replace(/(^|[^\w`])@(?=[A-Za-z0-9-])/g, '$1@\u200b');
  if (body.length > max) body = `${body.slice(0, max)}\n\n…`;
  return body;
}

/** Redacts secrets only (for logs and stored results). */
export function redact(text: string): string {
  return redactor.text(text);
}

export function duration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}
