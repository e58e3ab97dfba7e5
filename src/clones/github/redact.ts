import { redactInPlace, REDACTED, redactTokenFormats } from '../../lib/redact.js';

/**
 * Removes credentials from what the request log keeps: every token the clone knows (seeded,
 * handed out, issued to installations), then the token formats and secret query parameters
 * (`access_token`, `sig` of a signed blob URL…) that Archal's own redactor removes everywhere.
 */
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
    for (const token of this.known)
      if (text.includes(token)) {
        this.pattern ??= new RegExp(
          [...this.known]
            .sort((a, b) => b.length - a.length)
            .map((known) => known.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('|'),
          'g',
        );
        text = text.replace(this.pattern, REDACTED);
        break;
      }
    return redactTokenFormats(text);
  }

  /**
   * A parsed body, changed in place: the string values of keys that name a secret (a webhook's
   * `config.secret`, `client_secret`, `password`…) are replaced, whatever their format.
   */
  redactSecretKeys(value: unknown): unknown {
    // Strings were redacted as text before they were parsed.
    return redactInPlace(value, (text) => text);
  }

  /**
   * A query string as logged (`access_token=…&page=2`, without its `?`): secret parameters are
   * recognised by the `?` or `&` before their name, so the first one needs its `?` back to be seen.
   */
  redactQuery(query: string): string {
    return this.redact(`?${query}`).slice(1);
  }
}
