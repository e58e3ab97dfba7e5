import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

// The CLI's bundle holds better-sqlite3's JavaScript (so that it comes from the CLI's code cache
// instead of a dozen files resolved and compiled on every start) and loads only its native addon
// from node_modules. scripts/build.mjs puts this module in place of sqlite-driver.ts.
const requireFromHere = createRequire(import.meta.url);

let addon: string | null | undefined;

/** Where npm installed the driver's addon; null when it is elsewhere (a build from source in another layout). */
function addonFile(): string | null {
  if (addon === undefined) {
    const file = join(
      dirname(requireFromHere.resolve('better-sqlite3/package.json')),
      'build',
      'Release',
      'better_sqlite3.node',
    );
    addon = existsSync(file) ? file : null;
  }
  return addon;
}

/** Opens a better-sqlite3 connection to `file`. */
export function openSqliteDatabase(file: string): BetterSqlite3.Database {
  const nativeBinding = addonFile();
  if (nativeBinding) return new BetterSqlite3(file, { nativeBinding });
  // Let the package find its addon itself, from its own files in node_modules.
  const FromPackage = requireFromHere('better-sqlite3') as typeof BetterSqlite3;
  return new FromPackage(file);
}
