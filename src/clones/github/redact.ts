import { REDACTED } from '../../lib/redact.js';

/**
 * Removes credentials from what the request log keeps: every token the clone knows (seeded,
 * handed out, issued to installations), anything shaped like a GitHub token or a JWT, and
 * `access_token` and `sig` (signed blob URL) query parameters.
 */
const TOKEN_SHAPES =
  /\b(?:gh[pousr]_[A-Za-z0-9_]{16,}|github_pat_[A-Za-z0-9_]{20,}|eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,})/g;
const TOKEN_HINT = /gh[pousr]_|github_pat_|eyJ|access_token=|sig=/;

export class Redactor {
  private readonly known = new Set<string>();
  private pattern: RegExp | undefined;

  add(token: string): void {
    // Short seeded tokens ("test") would redact ordinary words; the shape patterns still apply.
    if (token.length < 8 || this.known.has(token)) return;
    this.known.add(token);
    this.pattern = undefined;
  }

  redact(text: string): string {
    // Fast path for the common case, a body with no credential in it: plain substring scans.
    let known = false;
    for (const token of this.known)
      if (text.includes(token)) {
        known = true;
        break;
      }
    if (!known && !TOKEN_HINT.test(text)) return text;
    if (known) {
      this.pattern ??= new RegExp(
        [...this.known]
          .sort((a, b) => b.length - a.length)
          .map((token) => token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('|'),
        'g',
      );
      text = text.replace(this.pattern, REDACTED);
    }
    return text.replace(TOKEN_SHAPES, REDACTED).replace(/([?&](?:access_token|sig)=)[^&\s"]*/g, `$1${REDACTED}`);
  }
}
