import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';

// The CLI's bundle holds better-sqlite3's JavaScript (so that it comes from the CLI's code cache
// instead of a dozen files resolved and compiled on every start) and loads only its native addon
// from node_modules. scripts/build.mjs puts this module in place of sqlite-driver.ts.
const requireFromHere = createRequire(import.meta.url);

let addon: object | null | undefined;

/**
 * The driver's addon, loaded once: from the better-sqlite3 package that Node.js would resolve from
 * this bundle (the first `node_modules` of its directory and the ones above it: resolving it
 * through `require` read package.json files and real paths, ~0.4 ms of every run's start), with
 * `process.dlopen` as `require` would. Null when that package has no addon where npm builds it (a
 * build from source in another layout) or none is found that way (NODE_PATH, global folders).
 */
function loadedAddon(): object | null {
  if (addon === undefined) {
    const file = addonFile();
    if (file === null) addon = null;
    else {
      const module_ = { exports: {} };
      process.dlopen(module_, file);
      addon = module_.exports;
    }
  }
  return addon;
}

function addonFile(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    // As Node.js looks: no node_modules inside a node_modules directory.
    const packageDir = basename(dir) === 'node_modules' ? undefined : join(dir, 'node_modules', 'better-sqlite3');
    if (packageDir !== undefined && existsSync(join(packageDir, 'package.json'))) {
      const file = join(packageDir, 'build', 'Release', 'better_sqlite3.node');
      return existsSync(file) ? file : null;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Opens a better-sqlite3 connection to `file`. */
export function openSqliteDatabase(file: string): BetterSqlite3.Database {
  const nativeBinding = loadedAddon();
  // better-sqlite3 takes the addon object itself too (its types name only a path).
  if (nativeBinding) return new BetterSqlite3(file, { nativeBinding } as unknown as BetterSqlite3.Options);
  // Let the package find its addon itself, from its own files in node_modules.
  const FromPackage = requireFromHere('better-sqlite3') as typeof BetterSqlite3;
  return new FromPackage(file);
}
