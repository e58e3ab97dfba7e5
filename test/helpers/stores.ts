import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type StoreOptions } from '../../src/store/index.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { WorkflowRunStore } from '../../src/workflows/run-store.js';
import { tempDir } from './tmp.js';

/** The suite's PostgreSQL server (started by test/setup/global-setup.mjs). */
export function testDatabaseUrl(): string {
  const url = process.env.ARCHAL_TEST_DATABASE_URL;
  if (!url)
    throw new Error('ARCHAL_TEST_DATABASE_URL is not set: the Jest global setup starts PostgreSQL and sets it.');
  return url;
}

/** A new, empty PostgreSQL database on the suite's server. */
export async function freshPostgresUrl(): Promise<string> {
  const base = testDatabaseUrl();
  const name = `archal_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  return base.replace(/\/[^/]*$/, `/${name}`);
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** Options for a new, empty store of this backend (shared by every process that opens it). */
  fresh(): Promise<StoreOptions>;
}

export const BACKENDS: Backend[] = [
  { name: 'sqlite', fresh: async () => ({ sqliteFile: join(tempDir('archal-db-'), 'archal.db') }) },
  { name: 'postgres', fresh: async () => ({ databaseUrl: await freshPostgresUrl() }) },
];

export async function openFresh(backend: Backend): Promise<{ store: KyselyStore; options: StoreOptions }> {
  const options = await backend.fresh();
  return { store: await openStore(options), options };
}

/** Every store behind the run store port, each fresh: the two databases, and memory (hosts with no disk). */
export const RUN_STORES: Array<{ name: string; open(): Promise<WorkflowRunStore> }> = [
  ...BACKENDS.map((backend) => ({ name: backend.name, open: async () => (await openFresh(backend)).store })),
  { name: 'memory', open: async () => new MemoryStore() },
];
