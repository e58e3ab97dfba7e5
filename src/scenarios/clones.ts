/** Clones Archal can run, and the words that imply a scenario needs them. */
export const CLONE_KEYWORDS: Record<string, RegExp> = {
  github:
    /\b(github|repository|repositories|repo|pull request|pull requests|issue|issues|create_issue|commit|branch)\b/i,
};

/** Clones a scenario implies by its wording; falls back to the configured defaults, then GitHub. */
export function inferClones(text: string, defaults?: string[]): string[] {
  const found = Object.entries(CLONE_KEYWORDS)
    .filter(([, keywords]) => keywords.test(text))
    .map(([clone]) => clone);
  if (found.length > 0) return found;
  return defaults && defaults.length > 0 ? defaults : ['github'];
}
