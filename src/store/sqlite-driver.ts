import { createRequire } from 'node:module';
import type BetterSqlite3Module from 'better-sqlite3';

// The driver is a native CommonJS package, loaded only when a SQLite store opens (a host on
// PostgreSQL never loads it). The CLI's bundle replaces this module with sqlite-driver-bundled.ts.
const requireFromHere = createRequire(import.meta.url);

/** Opens a better-sqlite3 connection to `file`. */
export function openSqliteDatabase(file: string): BetterSqlite3Module.Database {
  const BetterSqlite3 = requireFromHere('better-sqlite3') as typeof BetterSqlite3Module;
  return new BetterSqlite3(file);
}
