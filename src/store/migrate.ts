import { sql, type Kysely } from 'kysely';

/** A schema change, applied once per database, in order. */
export type Migration<DB> = (db: Kysely<DB>, dialect: 'sqlite' | 'postgres') => Promise<void>;

export interface MigrationSet<DB> {
  dialect: 'sqlite' | 'postgres';
  /** The one-row table that records how many migrations this database has seen. */
  versionTable: string;
  /** PostgreSQL advisory lock key, one per migration set. */
  lockKey: number;
  migrations: readonly Migration<DB>[];
  /** Runs inside the lock before the migrations (e.g. adopting tables from an older layout). */
  before?: (db: Kysely<DB>) => Promise<void>;
}

/**
 * Applies the migrations a database has not seen, one migrating process at a time: an exclusive
 * write transaction on SQLite, an advisory lock on PostgreSQL. Cheap (one query) when up to date.
 */
export async function applyMigrations<DB>(db: Kysely<DB>, set: MigrationSet<DB>): Promise<void> {
  // The version table is not in DB's type: the queries on it go through an untyped view.
  const untyped = (target: Kysely<DB>) => target as unknown as Kysely<Record<string, { id: number; version: number }>>;
  const versionOf = async (target: Kysely<DB>): Promise<number> => {
    try {
      const row = await untyped(target)
        .selectFrom(set.versionTable)
        .select('version')
        .where('id', '=', 1)
        .executeTakeFirst();
      return row?.version ?? 0;
    } catch {
      return 0; // the table does not exist yet
    }
  };
  const latest = set.migrations.length;
  if ((await versionOf(db)) >= latest) return;
  await db.connection().execute(async (connection) => {
    await sql.raw(set.dialect === 'sqlite' ? 'begin immediate' : 'begin').execute(connection);
    try {
      if (set.dialect === 'postgres')
        await sql`select pg_advisory_xact_lock(${sql.lit(set.lockKey)})`.execute(connection);
      await set.before?.(connection);
      await connection.schema
        .createTable(set.versionTable)
        .ifNotExists()
        .addColumn('id', 'integer', (col) => col.primaryKey())
        .addColumn('version', 'integer', (col) => col.notNull())
        .execute();
      const version = await versionOf(connection);
      for (let index = version; index < latest; index++) await set.migrations[index]!(connection, set.dialect);
      if (version === 0)
        await untyped(connection).insertInto(set.versionTable).values({ id: 1, version: latest }).execute();
      else
        await untyped(connection).updateTable(set.versionTable).set({ version: latest }).where('id', '=', 1).execute();
      await sql.raw('commit').execute(connection);
    } catch (error) {
      await sql.raw('rollback').execute(connection);
      throw error;
    }
  });
}
