import { accessSync, constants, existsSync, statSync, type Stats } from 'node:fs';
import { delimiter, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import * as z from 'zod';
import { commandSpecSchema, type CommandSpec } from '../lib/command-spec.js';
import { ArchalError } from '../lib/errors.js';
import { unsetEnvProblems } from '../lib/expand.js';
import { INPUT_LIMITS, readInputFile } from '../lib/input-file.js';
import { parseJsonWithLocation } from '../lib/json-position.js';
import { bashScript } from '../lib/process.js';
import { MissingAgentError, resolveAgent, type AgentCommand } from './agent.js';

/** A harness path that cannot be run: what is wrong with it and how to fix it. */
export class HarnessError extends ArchalError<'invalid_harness', { path: string }> {
  constructor(path: string, message: string) {
    super('invalid_harness', message, { path });
    this.name = 'HarnessError';
  }
}

/**
 * Archal's harness manifest (`harness.json`, older `archal-harness.json`): how to start the harness
 * (`local`), the model it gets when none is configured, and markdown files prepended to the task.
 * Keys this schema does not name are Archal's hosted ones and are left alone.
 */
export const harnessManifestSchema = z.looseObject({
  version: z.literal(1).optional(),
  name: z.string().optional(),
  defaultModel: z.string().min(1).optional(),
  promptFiles: z.array(z.string().min(1)).optional(),
  local: commandSpecSchema.optional(),
});
export type HarnessManifest = z.infer<typeof harnessManifestSchema>;

const MANIFEST_NAMES = ['harness.json', 'archal-harness.json'];
/** Entry files of a harness folder, in the order they are looked for. */
const ENTRY_NAMES = [
  'harness.ts',
  'harness.mts',
  'harness.mjs',
  'harness.js',
  'harness.cjs',
  'harness.py',
  'harness.sh',
];
/** Where a repository's harness is found when nothing names one: `.archal/` first, then its root. */
const DISCOVERY_DIRS = ['.archal', '.'];

export interface AgentSource {
  /** `--harness`: a harness file, a harness folder, or a shell command line. */
  harness?: string;
  /** `.archal.json` `agent`. */
  agent?: string | CommandSpec;
  /** The workspace root: relative paths start here, and discovery looks here. */
  root: string;
  env: NodeJS.ProcessEnv;
  passEnv?: readonly string[];
}

/**
 * The agent under test: `--harness`, else `.archal.json` `agent`, else the harness found in the
 * repository (`.archal/harness.json`, `.archal/harness.{ts,mjs,js,…}`, then the same at the root).
 * A string that names an existing file or folder is a harness path; any other string is a shell command.
 */
export function locateAgent(source: AgentSource): AgentCommand {
  const passEnv = source.passEnv ?? [];
  const given = source.harness ?? source.agent;
  if (typeof given === 'object') return resolveAgent(given, source.env, passEnv);
  if (given !== undefined) {
    const path = resolve(source.root, given.trim());
    if (kindOf(path) !== undefined) return harnessAt(path, source, passEnv);
    const odd = notARegularFile(path);
    if (odd) throw new HarnessError(path, `Harness ${given} is ${odd}, not a file or a folder: ${HARNESS_FIX}.`);
    if (looksLikePath(given))
      throw new HarnessError(
        path,
        `Harness ${given} not found (looked for ${path}). Give a harness file (.ts, .mjs, .js, .py, .sh), a folder with harness.json, or a command line.`,
      );
    return { ...bashScript(given), env: {}, passEnv, display: given };
  }
  const found = findRepositoryHarness(source.root);
  if (found === undefined) throw new MissingAgentError();
  return harnessAt(found, source, passEnv);
}

/** How to give Archal a harness, for messages about one it cannot use. */
const HARNESS_FIX =
  'put a harness file (.ts, .mjs, .js, .py, .sh) or a harness.json manifest there, or set "agent" in .archal.json';

/**
 * The repository's own harness, when there is one where Archal looks (what `archal run`, `archal
 * preprod run` and `archal preprod plan` all use). A harness name taken by something that is not a
 * regular file (a folder, a FIFO) is an error naming it when no other harness is found.
 */
export function discoverHarness(root: string): string | undefined {
  let odd: { path: string; what: string } | undefined;
  for (const dir of DISCOVERY_DIRS) {
    const base = resolve(root, dir);
    for (const name of [...MANIFEST_NAMES, ...ENTRY_NAMES]) {
      const candidate = join(base, name);
      if (kindOf(candidate) === 'file') return name.endsWith('.json') ? base : candidate;
      const what = notARegularFile(candidate);
      if (what) odd ??= { path: candidate, what };
    }
  }
  if (odd)
    throw new HarnessError(
      odd.path,
      `${relative(root, odd.path)} is ${odd.what}, not a regular file, so it is no harness: ${HARNESS_FIX}.`,
    );
  return undefined;
}

/** The harness a run finds with neither `--harness` nor `agent`: at `root`, else above it within its repository. */
export function findRepositoryHarness(root: string): string | undefined {
  return discoverHarness(root) ?? discoverAbove(root);
}

/**
 * The harness of the repository `root` lies in, when `root` is below the repository's top (a command
 * typed in a subfolder with no .archal.json): Archal's discovery walks up from there too. It stops at
 * the repository's top (the folder holding `.git`), and outside a repository it does not walk at all.
 */
function discoverAbove(root: string): string | undefined {
  const top = repositoryTop(root);
  if (top === undefined) return undefined;
  for (let at = root; at !== top;) {
    at = dirname(at);
    const found = discoverHarness(at);
    if (found) return found;
  }
  return undefined;
}

function repositoryTop(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (dirname(at) === at) return undefined;
  }
}

function harnessAt(path: string, source: AgentSource, passEnv: readonly string[]): AgentCommand {
  const shown = relative(source.root, path) || '.';
  if (kindOf(path) === 'file') {
    if (MANIFEST_NAMES.includes(path.slice(dirname(path).length + 1)))
      return manifestAgent(path, source, passEnv, shown);
    return { ...entryCommand(path, source), env: {}, passEnv, display: shown };
  }
  const manifest = MANIFEST_NAMES.map((name) => join(path, name)).find((file) => kindOf(file) === 'file');
  if (manifest) return manifestAgent(manifest, source, passEnv, shown);
  const entry = ENTRY_NAMES.map((name) => join(path, name)).find((file) => kindOf(file) === 'file');
  const oddManifest = MANIFEST_NAMES.map((name) => join(path, name)).find((file) => notARegularFile(file));
  if (!entry && oddManifest)
    throw new HarnessError(
      oddManifest,
      `${relative(source.root, oddManifest)} is ${notARegularFile(oddManifest)}, not a regular file: a harness manifest is a JSON file.`,
    );
  if (!entry)
    throw new HarnessError(
      path,
      `Harness folder ${shown} has neither a manifest (${MANIFEST_NAMES.join(', ')}) nor an entry file (${ENTRY_NAMES.join(', ')}): put one there, or name another harness.`,
    );
  return { ...entryCommand(entry, source), env: {}, passEnv, display: relative(source.root, entry) };
}

/** A manifest's harness: its `local` command run in its folder, else the folder's entry file. */
function manifestAgent(file: string, source: AgentSource, passEnv: readonly string[], shown: string): AgentCommand {
  const dir = dirname(file);
  const where = relative(source.root, file);
  // The repository's files: a FIFO or a device in their place is refused, never waited on.
  const read = readInputFile(file, { maxBytes: INPUT_LIMITS.config, strictUtf8: true });
  if (!read.ok) throw new HarnessError(file, `Harness manifest ${read.message}.`);
  // Where, not JSON.parse's message: that one quotes the file, whose bytes may be a secret or escapes.
  const raw = parseJsonWithLocation(read.text);
  if (!raw.ok) throw new HarnessError(file, `${where} is not valid JSON: ${raw.message}.`);
  const parsed = harnessManifestSchema.safeParse(raw.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HarnessError(
      file,
      `${where}: ${issue.path.join('.') || '(top level)'}: ${issue.message} (a harness manifest is {version: 1, name?, defaultModel?, promptFiles?, local?: {command, args?, env?}}).`,
    );
  }
  const manifest = parsed.data;
  const preamble = (manifest.promptFiles ?? []).map((name) => {
    const prompt = resolve(dir, name);
    const text = readInputFile(prompt, { maxBytes: INPUT_LIMITS.scenario, strictUtf8: true });
    if (!text.ok)
      throw new HarnessError(file, `${where}: promptFiles names ${name}, which cannot be read (${text.message}).`);
    return text.text.trim();
  });
  const extras = {
    ...(preamble.length > 0 ? { taskPreamble: preamble.join('\n\n') } : {}),
    ...(manifest.defaultModel ? { defaultModel: manifest.defaultModel } : {}),
  };
  if (manifest.local) {
    const unset = unsetEnvProblems('local.env', manifest.local.env, source.env);
    return {
      ...resolveAgent(manifest.local, source.env, passEnv),
      cwd: dir,
      ...extras,
      ...(unset.length > 0 ? { envWarnings: unset.map((problem) => ({ file: where, ...problem })) } : {}),
    };
  }
  const entry = ENTRY_NAMES.map((name) => join(dir, name)).find((candidate) => kindOf(candidate) === 'file');
  if (!entry)
    throw new HarnessError(
      file,
      `${where} has no "local" command and its folder has no entry file (${ENTRY_NAMES.join(', ')}): add "local": {"command": …, "args": […]}.`,
    );
  return { ...entryCommand(entry, source), env: {}, passEnv, display: shown, ...extras };
}

/** How to run a harness file: by its extension, else directly when it is executable. */
function entryCommand(file: string, source: AgentSource): { command: string; args: string[] } {
  const extension = extname(file).toLowerCase();
  switch (extension) {
    case '.js':
    case '.mjs':
    case '.cjs':
      return { command: process.execPath, args: [file] };
    case '.ts':
    case '.mts':
    case '.cts':
      return typeScriptCommand(file, source);
    case '.py': {
      const python = onPath('python3', source.env) ?? onPath('python', source.env);
      if (!python) throw new HarnessError(file, `${relative(source.root, file)} is Python: install python3.`);
      return { command: python, args: [file] };
    }
    case '.sh':
      return { command: 'bash', args: [file] };
    default:
      if (isExecutable(file)) return { command: file, args: [] };
      throw new HarnessError(
        file,
        `Cannot tell how to run ${relative(source.root, file)}: name it .ts, .mjs, .js, .py or .sh, or make it executable (chmod +x).`,
      );
  }
}

/**
 * A TypeScript harness: Node's own type stripping where this Node has it (22.6+), else tsx from the
 * nearest node_modules or PATH, else bun.
 */
function typeScriptCommand(file: string, source: AgentSource): { command: string; args: string[] } {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 6))
    return {
      command: process.execPath,
      args: ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', file],
    };
  const tsx = localBin('tsx', dirname(file)) ?? localBin('tsx', source.root) ?? onPath('tsx', source.env);
  if (tsx) return { command: tsx, args: [file] };
  const bun = onPath('bun', source.env);
  if (bun) return { command: bun, args: ['run', file] };
  throw new HarnessError(
    file,
    `${relative(source.root, file)} is TypeScript and this Node (${process.versions.node}) cannot run it: install tsx (npm install --save-dev tsx) or bun, or use Node 22.6 or later.`,
  );
}

/** `node_modules/.bin/<name>` in `from` or a folder above it. */
function localBin(name: string, from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '.bin', name);
    if (isExecutable(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return kindOf(file) === 'file';
  } catch {
    return false;
  }
}

/** What stands at `path` when it exists but is not a regular file: 'a directory', 'a FIFO (named pipe)'… */
function notARegularFile(path: string): string | undefined {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch {
    return undefined;
  }
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  return 'a device';
}

function kindOf(path: string): 'file' | 'dir' | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'dir' : undefined;
  } catch {
    return undefined;
  }
}

/** One word that reads as a path (`./x`, `/x`, `dir/x.ts`, `harness.json`), not a command line. */
function looksLikePath(value: string): boolean {
  const text = value.trim();
  if (/\s/.test(text)) return false;
  return (
    isAbsolute(text) || text.startsWith('./') || text.startsWith('../') || /\.(?:[cm]?[jt]s|py|sh|json)$/i.test(text)
  );
}
