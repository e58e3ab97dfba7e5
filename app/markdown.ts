import { SecretRedactor } from '../src/lib/redact.js';
import * as untrusted from '../src/lib/untrusted-markdown.js';

/**
 * Text from runs (agent answers, errors, check output) written into comments and PR bodies: secrets
 * redacted first, then made inert as src/lib/untrusted-markdown.ts does for every host.
 */

/**
 * Knows the values of the secret-named variables of the environment the App starts with: the
 * secrets it hands its agents (which an agent may repeat in an answer, a summary or an error) and
 * the App's own.
 */
let redactor = new SecretRedactor([], process.env);

/**
 * Also redacts the values of `env`'s secret-named variables: the App's environment as it starts
 * (its `.env` file included), before its own secrets are forgotten.
 */
export function redactSecretsOf(env: NodeJS.ProcessEnv): void {
  redactor = new SecretRedactor([], { ...process.env, ...env });
}

/** Redacts secrets only (for logs and stored results). */
export function redact(text: string): string {
  return redactor.text(text);
}

/** One line, safe in a table cell or a sentence. */
export function inline(text: string, max = 300): string {
  return untrusted.escapeMarkdown(redact(text), max);
}

/** One line as inline code (a file name, a command word). */
export function codeSpan(text: string, max = 200): string {
  return untrusted.codeSpan(redact(text), max);
}

/** A block of text shown as is. */
export function codeBlock(text: string, max = 6_000): string {
  return untrusted.codeBlock(redact(text), max);
}

/** Markdown written by the workflow itself (a PR summary), kept as markdown but defused. */
export function defusedMarkdown(text: string, max = 20_000): string {
  return untrusted.defusedMarkdown(redact(text), max);
}

export function duration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}
