// A module of its own, so that the CLI's entry sets it without loading the store.
let sqliteLeftOpen = false;

/**
 * For a process that exits with `process.exit()` once its work is done (the CLI): a SQLite store it
 * closes keeps its connection (see keepSqliteOpenAtExit), and the exit drops it as a killed process
 * would. Closing the last connection to a SQLite file checkpoints its write-ahead log into the
 * file and deletes it, and the next process creates it again: four fsyncs and an unlink, which on
 * some disks took a quarter of a one-node `archal workflow run`. Left in place, the log holds the
 * committed transactions (durable as after `kill -9`: `synchronous = NORMAL` does not sync a
 * commit either), the next connection reads it back, and SQLite checkpoints it, with its fsyncs,
 * once it reaches 1,000 pages (`wal_autocheckpoint`).
 */
export function leaveSqliteStoresOpenAtExit(): void {
  sqliteLeftOpen = true;
}

const kept = new Set<string>();

/**
 * Whether the store on SQLite `file` being closed keeps its connection for the exit: the first one
 * closed of each file does. A process that opens the same store again and again (a watcher) closes
 * the others: while one connection stays open, closing another neither checkpoints nor deletes the
 * log, and the process holds one connection a file, not one per open.
 */
export function keepSqliteOpenAtExit(file: string): boolean {
  if (!sqliteLeftOpen || kept.has(file)) return false;
  kept.add(file);
  return true;
}
