import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type BetterSqlite3Module from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type PgModule from 'pg';
import { archalHome } from '../lib/paths.js';
import { maskUrlPassword } from '../lib/redact.js';
import { KyselyStore } from './kysely-store.js';
import { POSTGRES_SCHEMA, type Database } from './schema.js';
import { errorMessage } from '../lib/errors.js';
import { openSqliteDatabase } from './sqlite-driver.js';
import { keepSqliteOpenAtExit } from './exit.js';

/**
 * Where runs are stored: PostgreSQL when `databaseUrl` is set (Archal's tables in their own schema,
 * `archal`), else SQLite at `sqliteFile` or `<home>/archal.db`.
 */
export interface StoreOptions {
  databaseUrl?: string;
  home?: string;
  /** An explicit SQLite file (tests, benchmarks). */
  sqliteFile?: string;
}

// PostgreSQL's driver is an optional CommonJS package, loaded only when a store uses it.
const requireFromHere = createRequire(import.meta.url);

export interface StoreEnvOptions {
  /**
   * Whether plain `DATABASE_URL` may name the store (after `ARCHAL_DATABASE_URL`). Only for a host
   * whose own environment an operator sets for Archal (`archal app start`): in a repository,
   * `DATABASE_URL` is the application's database, and Archal's tables never go there.
   */
  allowDatabaseUrl?: boolean;
}

/**
 * Where runs are stored for a host's environment: `ARCHAL_DATABASE_URL` (PostgreSQL) when set,
 * else `DATABASE_URL` when the host allows it, else `$ARCHAL_HOME/archal.db`.
 */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv, options: StoreEnvOptions = {}): StoreOptions {
  const databaseUrl = env.ARCHAL_DATABASE_URL?.trim() || (options.allowDatabaseUrl ? env.DATABASE_URL?.trim() : '');
  return databaseUrl ? { databaseUrl } : { home: archalHome(env) };
}

export function describeStore(options: StoreOptions): string {
  if (options.databaseUrl) return `PostgreSQL (${maskUrlPassword(options.databaseUrl)})`;
  return `SQLite (${sqliteFile(options)})`;
}

function sqliteFile(options: StoreOptions): string {
  if (options.sqliteFile) return options.sqliteFile;
  if (options.home) return join(options.home, 'archal.db');
  throw new Error('The run store needs a databaseUrl, a home directory or a SQLite file.');
}

/** Opens the store and applies pending migrations. Created on first use; no setup needed. */
export async function openStore(options: StoreOptions): Promise<KyselyStore> {
  const store = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openSqlite(options);
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => {});
    const message = errorMessage(error);
    throw new Error(`Cannot prepare the run store ${describeStore(options)}: ${message}`, { cause: error });
  }
  return store;
}

async function openSqlite(options: StoreOptions): Promise<KyselyStore> {
  const file = sqliteFile(options);
  mkdirSync(join(file, '..'), { recursive: true });
  const database = openSqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 10000');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  return new KyselyStore(
    () => new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) }),
    'sqlite',
    database,
    () => keepSqliteOpenAtExit(resolve(file)),
  );
}

const STATEMENT_CACHE = 256;

/**
 * Kysely prepares every query it runs; preparing costs more than running the small statements the
 * store and the App issue. The connection is Kysely's only one, used one query at a time (the store
 * never streams), so a prepared statement can be reused for the same SQL text.
 */
function withStatementCache(database: BetterSqlite3Module.Database): BetterSqlite3Module.Database {
  const cache = new Map<string, BetterSqlite3Module.Statement>();
  return new Proxy(database, {
    get(target, property, receiver) {
      if (property !== 'prepare') {
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      }
      return (source: string) => {
        let statement = cache.get(source);
        if (!statement) {
          statement = target.prepare(source);
          if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
          cache.set(source, statement);
        }
        return statement;
      };
    },
  });
}

async function openPostgres(connectionString: string): Promise<KyselyStore> {
  const pg = requireFromHere('pg') as typeof PgModule;
  // Every connection resolves names in Archal's schema first, so its tables never mix with an application's.
  const pool = new pg.Pool({ connectionString, max: 10, options: `-c search_path=${POSTGRES_SCHEMA}` });
  return new KyselyStore(
    new Kysely<Database>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }) }),
    'postgres',
  );
}

/** Statements PostgreSQL prepares once per connection: plain reads and writes (DDL and transaction control run as they are). */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b[^;]*$/i;

/**
 * PostgreSQL parses and plans an unnamed statement on every execution; the store runs the same few
 * statements again and again (an event append per node). A named statement is prepared once per
 * connection and then only bound and executed. Names are derived from the SQL text, so the same
 * name always means the same statement.
 */
function withNamedStatements(pool: PgModule.Pool): PgModule.Pool {
  const names = new Map<string, string>();
  // At most STATEMENT_CACHE statements are named (each is kept by every connection); others run unnamed.
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name && names.size < STATEMENT_CACHE && PREPARABLE.test(text)) {
      name = `archal_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      names.set(text, name);
    }
    return name;
  };
  const named = new WeakMap<PgModule.PoolClient, PgModule.PoolClient>();
  const wrap = (client: PgModule.PoolClient): PgModule.PoolClient => {
    let wrapped = named.get(client);
    if (!wrapped) {
      wrapped = new Proxy(client, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver) as unknown;
          if (property !== 'query')
            return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
          return (text: unknown, values?: unknown[]) => {
            const name = typeof text === 'string' ? nameOf(text) : undefined;
            return name
              ? target.query({ name, text: text as string, values })
              : (target.query as (...args: unknown[]) => unknown).call(target, text, values);
          };
        },
      });
      named.set(client, wrapped);
    }
    return wrapped;
  };
  return new Proxy(pool, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property !== 'connect')
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      return async () => wrap(await target.connect());
    },
  });
}
