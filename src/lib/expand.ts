/** Expands `${NAME}` (and `${NAME:-default}`) from `env`; unknown names become '' (or the default). */
export function expandVariables(text: string, env: NodeJS.ProcessEnv): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g, (_match, name: string, fallback?: string) => {
    const value = env[name];
    return value === undefined || value === '' ? (fallback ?? '') : value;
  });
}
