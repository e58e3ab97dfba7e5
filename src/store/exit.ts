// A module of its own, so that the CLI's entry sets it without loading the store.
let sqliteLeftOpen = false;

/**
 * For a process that exits with `process.exit()` once its work is done (the CLI): SQLite stores it
 * opens from then on keep their connection when closed, and the exit drops it as a killed process
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

/** Whether SQLite stores opened now keep their connection when closed. */
export function sqliteLeftOpenAtExit(): boolean {
  return sqliteLeftOpen;
}
