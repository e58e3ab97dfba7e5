import type { StoreEnvOptions } from './open.js';

/** The URL schemes that name a PostgreSQL run store; any other value is refused before connecting. */
const POSTGRES_SCHEMES = new Set(['postgres:', 'postgresql:']);

const ACCEPTED =
  'the run store accepts a PostgreSQL URL (postgres://user:password@host:5432/database or postgresql://…), ' +
  'or an empty value for SQLite at $ARCHAL_HOME/archal.db';

/**
 * Why `value`, read from `variable`, cannot name the run store, or undefined when it can. A URL of
 * another database (mysql://, sqlite://) or no URL at all would otherwise reach the PostgreSQL driver
 * and fail as a connection error. Only the scheme is named: the value may hold a password.
 */
export function databaseUrlProblem(variable: string, value: string): string | undefined {
  const url = value.trim();
  if (!url) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme && POSTGRES_SCHEMES.has(`${scheme}:`)) return undefined;
  const what = scheme ? `has the scheme "${scheme}:"` : 'is not a URL';
  return `${variable} ${what}: ${ACCEPTED}. Fix or unset ${variable}.`;
}

/**
 * The problem with the database URL `env` names for the run store (see `storeOptionsFromEnv`):
 * `ARCHAL_DATABASE_URL`, else `DATABASE_URL` when the host allows it.
 */
export function storeUrlProblem(env: NodeJS.ProcessEnv, options: StoreEnvOptions = {}): string | undefined {
  if (env.ARCHAL_DATABASE_URL?.trim()) return databaseUrlProblem('ARCHAL_DATABASE_URL', env.ARCHAL_DATABASE_URL);
  if (options.allowDatabaseUrl && env.DATABASE_URL?.trim()) return databaseUrlProblem('DATABASE_URL', env.DATABASE_URL);
  return undefined;
}
