/** `${NAME}` or `${NAME:-default}`. */
const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** Expands `${NAME}` (and `${NAME:-default}`) from `env`; unknown names become '' (or the default). */
export function expandVariables(text: string, env: NodeJS.ProcessEnv): string {
  return text.replace(REFERENCE, (_match, name: string, fallback?: string) => {
    const value = env[name];
    return value === undefined || value === '' ? (fallback ?? '') : value;
  });
}

/** The `${NAME}` references in `text` (as written) that `env` does not set and that have no default: they expand to ''. */
export function unsetReferences(text: string, env: NodeJS.ProcessEnv): string[] {
  return [...text.matchAll(REFERENCE)]
    .filter(([, name, fallback]) => fallback === undefined && env[name!] === undefined)
    .map(([reference]) => reference);
}

/** An env map's values (at key path `at`) that name a variable `env` does not set: each is passed as ''. */
export function unsetEnvProblems(
  at: string,
  values: Readonly<Record<string, string>> | undefined,
  env: NodeJS.ProcessEnv,
): Array<{ path: string; message: string }> {
  return Object.entries(values ?? {}).flatMap(([key, value]) =>
    unsetReferences(value, env).map((reference) => ({
      path: `${at}.${key}`,
      message: `${reference} is not set; passed as empty`,
    })),
  );
}
