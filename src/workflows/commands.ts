import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { INPUT_LIMITS, readInputFile } from '../lib/input-file.js';
import type { CommandLookup, ScriptLookup } from './loader.js';
import type { ScriptRuntime } from './schema.js';
import { archonDefaultCommandHint, withArchonDefaultHint } from './archon-defaults.js';

/** Where a repository's command and script files are found, and the per-user places beside them. */
export interface ResourceLocations {
  repo: string;
  /** $ARCHAL_HOME. */
  home: string;
  /** The user's home directory (for ~/.archon), when known. */
  userHome?: string;
  /** Archal's bundled commands. */
  bundledCommands: string;
  /** Archon's `commands.folder` (.archon/config.yaml): one more command folder of the repository. */
  commandFolder?: string;
}

/**
 * Command prompts, looked up by name in order: the repo's `.archal/commands/`, its
 * `.archon/commands/`, `.archon/commands/defaults/` and Archon's configured `commands.folder`,
 * `~/.archon/commands/` and `$ARCHAL_HOME/commands/`, then Archal's bundled commands. Each is walked
 * one subfolder deep, as Archon does: `triage/review.md` is the command `review`, and so is
 * `defaults/triage/review.md`.
 */
export function commandDirectories(locations: ResourceLocations): string[];
/** The same from the repository, `$ARCHAL_HOME` and the bundled commands (no `~/.archon`). */
export function commandDirectories(repo: string, home: string, bundledCommands: string): string[];
export function commandDirectories(first: ResourceLocations | string, home?: string, bundled?: string): string[] {
  const locations: ResourceLocations =
    typeof first === 'string' ? { repo: first, home: home!, bundledCommands: bundled! } : first;
  const archon = join(locations.repo, '.archon', 'commands');
  const repoFolders = [archon, join(archon, 'defaults')];
  if (locations.commandFolder) {
    const configured = resolve(locations.repo, locations.commandFolder);
    if (!repoFolders.includes(configured)) repoFolders.push(configured);
  }
  return [
    join(locations.repo, '.archal', 'commands'),
    ...repoFolders,
    ...(locations.userHome ? [join(locations.userHome, '.archon', 'commands')] : []),
    join(locations.home, 'commands'),
    locations.bundledCommands,
  ];
}

/** Named scripts (`script: <name>`): the repo's `.archal/scripts/`, `.archon/scripts/`, then `~/.archon/scripts/`, `$ARCHAL_HOME/scripts/`. */
export function scriptDirectories(locations: ResourceLocations): string[] {
  return [
    join(locations.repo, '.archal', 'scripts'),
    join(locations.repo, '.archon', 'scripts'),
    ...(locations.userHome ? [join(locations.userHome, '.archon', 'scripts')] : []),
    join(locations.home, 'scripts'),
  ];
}

/** Names Archon accepts for commands and scripts: no path separators, no '..', not starting with '.'. */
export function isValidResourceName(name: string): boolean {
  return (
    name.length > 0 && !name.includes('/') && !name.includes('\\') && !name.includes('..') && !name.startsWith('.')
  );
}

/** Files of a directory and of its direct subdirectories, top level first, each level sorted. */
function filesOneDeep(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const top: string[] = [];
  const nested: string[] = [];
  for (const entry of entries) {
    if (entry.startsWith('.')) continue;
    const path = join(dir, entry);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      continue;
    }
    if (!isDirectory) top.push(path);
    else
      try {
        for (const inner of readdirSync(path).sort()) if (!inner.startsWith('.')) nested.push(join(path, inner));
      } catch {
        // An unreadable subfolder holds nothing we can use.
      }
  }
  return [...top, ...nested];
}

/**
 * `filesOneDeep`, each directory listed once: a resolver serves one load or one discovery, whose
 * nodes often name several commands of the same directories.
 */
function listingOnce(): (dir: string) => string[] {
  const listed = new Map<string, string[]>();
  return (dir) => {
    let files = listed.get(dir);
    if (!files) listed.set(dir, (files = filesOneDeep(dir)));
    return files;
  };
}

export function createCommandResolver(directories: readonly string[]): (name: string) => CommandLookup {
  const filesOf = listingOnce();
  return (name) => {
    if (!isValidResourceName(name) || !/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name))
      return {
        ok: false,
        message: `invalid command name '${name}': use letters, digits, '-', '_' and '.', without '/' or '..'`,
      };
    for (const dir of directories) {
      const file = filesOf(dir).find((path) => basename(path) === `${name}.md`);
      if (!file) continue;
      const read = readInputFile(file, { maxBytes: INPUT_LIMITS.workflow, strictUtf8: true });
      if (!read.ok) return { ok: false, message: `command file ${read.message}` };
      const body = read.text;
      if (body.trim().length === 0) return { ok: false, message: `command file ${file} is empty` };
      return { ok: true, body, file };
    }
    return {
      ok: false,
      message: withArchonDefaultHint(
        `command '${name}' not found; looked for ${name}.md in ${directories.join(', ')} (and one subfolder deep in each)`,
        archonDefaultCommandHint(name),
      ),
    };
  };
}

const RUNTIME_BY_EXTENSION: Record<string, ScriptRuntime> = {
  '.ts': 'bun',
  '.js': 'bun',
  '.mjs': 'node',
  '.cjs': 'node',
  '.py': 'uv',
};

export function createScriptResolver(directories: readonly string[]): (name: string) => ScriptLookup {
  const filesOf = listingOnce();
  return (name) => {
    if (!isValidResourceName(name))
      return { ok: false, message: `invalid script name '${name}': no '/', '..' or leading '.'` };
    for (const dir of directories) {
      const matches = filesOf(dir).filter(
        (path) => basename(path, extname(path)) === name && RUNTIME_BY_EXTENSION[extname(path)] !== undefined,
      );
      if (matches.length > 1)
        return {
          ok: false,
          message: `script name '${name}' is ambiguous in ${dir}: ${matches.map((file) => basename(file)).join(', ')}`,
        };
      if (matches[0]) return { ok: true, file: matches[0], runtime: RUNTIME_BY_EXTENSION[extname(matches[0])]! };
    }
    return {
      ok: false,
      message: `named script '${name}' not found (a .ts, .js, .mjs, .cjs or .py file in ${directories.join(', ')})`,
    };
  };
}

/** Archon's rule: a script with a newline, a space or shell punctuation is code, anything else a file name. */
export function isInlineScript(script: string): boolean {
  return script.includes('\n') || /[;(){}&|<>$`"' ]/.test(script);
}

/**
 * Archon's packaged layout, `.archon/workflows/<pack>/<workflow>/<file>.yaml`, keeps a workflow's own
 * `commands/` and `scripts/` beside its file: those are looked up first, then the shared folders.
 * Undefined for a workflow file outside that layout.
 */
export function packagedResourceDir(workflowFile: string, kind: 'commands' | 'scripts'): string | undefined {
  const workflowDir = dirname(workflowFile);
  if (basename(dirname(dirname(workflowDir))) !== 'workflows') return undefined;
  return join(workflowDir, kind);
}

/** The shared command and script resolvers, preceded by a packaged workflow's own folders. */
export function withPackagedResources<
  T extends {
    file: string;
    resolveCommand: (name: string) => CommandLookup;
    resolveScript?: (name: string) => ScriptLookup;
  },
>(options: T): T {
  const commands = packagedResourceDir(options.file, 'commands');
  const scripts = packagedResourceDir(options.file, 'scripts');
  if (commands === undefined || scripts === undefined) return options;
  const ownCommand = createCommandResolver([commands]);
  const ownScript = createScriptResolver([scripts]);
  const sharedScript = options.resolveScript;
  return {
    ...options,
    resolveCommand: (name) => {
      const own = ownCommand(name);
      return own.ok ? own : options.resolveCommand(name);
    },
    resolveScript: (name) => {
      const own = ownScript(name);
      return own.ok || sharedScript === undefined ? own : sharedScript(name);
    },
  };
}
