import { readdirSync } from 'node:fs';
import { INPUT_LIMITS, readInputFile } from '../lib/input-file.js';
import { basename, extname, join, relative } from 'node:path';
import { closest } from '../lib/did-you-mean.js';
import { ArchalError } from '../lib/errors.js';
import type { IncludeSource, ResolveWorkflowSource } from './include.js';
import {
  loadWorkflowText,
  type LoadOptions,
  type CommandLookup,
  type EngineDefaults,
  type ScriptLookup,
} from './loader.js';
import type { Workflow, WorkflowScope } from './model.js';
import { formatWorkflowProblem, type WorkflowProblem } from './problems.js';
import type { ParsedYamlCache } from './yaml-source.js';

export interface WorkflowLocations {
  /** The repository (or directory) the run is for. */
  repo: string;
  /** $ARCHAL_HOME. */
  home: string;
  /** Archal's bundled workflows directory. */
  bundled: string;
  /** The user's home directory, for Archon's global workflows in ~/.archon/workflows. */
  userHome?: string;
}

/** Where workflows are found, lowest precedence first; a later scope overrides an earlier one by name. */
export function workflowScopes(locations: WorkflowLocations): Array<{ scope: WorkflowScope; dir: string }> {
  return [
    { scope: 'bundled', dir: locations.bundled },
    ...(locations.userHome
      ? [{ scope: 'archon-global' as const, dir: join(locations.userHome, '.archon', 'workflows') }]
      : []),
    { scope: 'global', dir: join(locations.home, 'workflows') },
    { scope: 'archon', dir: join(locations.repo, '.archon', 'workflows') },
    { scope: 'archal', dir: join(locations.repo, '.archal', 'workflows') },
  ];
}

export type DiscoveryErrorKind = 'read_error' | 'parse_error' | 'validation_error' | 'duplicate_name';

export interface DiscoveryError {
  file: string;
  kind: DiscoveryErrorKind;
  message: string;
  scope: WorkflowScope;
  /** The workflow's name, when the file got far enough to say it. */
  name?: string;
  problems: WorkflowProblem[];
}

export interface Discovery {
  /** The effective workflows, one per name, sorted by name. */
  workflows: Workflow[];
  /** Workflows hidden by a same-named one in a higher-precedence scope. */
  overridden: Array<{ name: string; file: string; scope: WorkflowScope; by: string }>;
  warnings: WorkflowProblem[];
  errors: DiscoveryError[];
}

export interface DiscoveryOptions {
  defaults?: EngineDefaults;
  resolveCommand: (name: string) => CommandLookup;
  resolveScript?: (name: string) => ScriptLookup;
  /** Other workflows' files by name (for include: and workflow: nodes); discovery builds it when absent. */
  resolveWorkflowSource?: ResolveWorkflowSource;
  /**
   * Whether each output_format is compiled to check that it is a valid JSON Schema. Loading one
   * workflow (to run or validate it) does by default; discovering all of them does not (compiling
   * every bundled schema would cost every command its start-up).
   */
  checkOutputSchemas?: boolean;
  /** Values of workflow texts parsed before (none: every text is parsed). */
  yamlCache?: ParsedYamlCache;
  /** Workflows validated before by this build (none: every file is validated). */
  validatedCache?: LoadOptions['validatedCache'];
}

/** Finds and loads every workflow. A broken file is reported in `errors` and never hides the others. */
export async function discoverWorkflows(locations: WorkflowLocations, options: DiscoveryOptions): Promise<Discovery> {
  const byName = new Map<string, Workflow>();
  const overridden: Discovery['overridden'] = [];
  const warnings: WorkflowProblem[] = [];
  const errors: DiscoveryError[] = [];

  const scopes = workflowScopes(locations).map(({ scope, dir }) => ({
    scope,
    files: listWorkflowFiles(dir, errors, scope),
  }));
  const texts = new Map<string, string>();
  for (const { files } of scopes) for (const file of files) texts.set(file, readText(file) ?? '');
  const resolveWorkflowSource =
    options.resolveWorkflowSource ??
    sourceIndex(
      scopes.flatMap(({ files }) => files),
      texts,
    );
  for (const { scope, files } of scopes) {
    const inScope = new Map<string, string>();
    for (const file of files) {
      const loaded = await loadWorkflowFile(
        file,
        scope,
        { checkOutputSchemas: false, ...options, resolveWorkflowSource },
        texts.get(file),
      );
      if (loaded.kind === 'error') {
        errors.push(loaded.error);
        continue;
      }
      const { workflow } = loaded;
      warnings.push(...loaded.warnings);
      const sameScope = inScope.get(workflow.name);
      if (sameScope) {
        errors.push({
          file,
          scope,
          kind: 'duplicate_name',
          name: workflow.name,
          message: `Duplicate workflow name '${workflow.name}': also declared in ${sameScope}`,
          problems: [],
        });
        continue;
      }
      inScope.set(workflow.name, file);
      const previous = byName.get(workflow.name);
      if (previous) overridden.push({ name: previous.name, file: previous.file, scope: previous.scope, by: file });
      byName.set(workflow.name, workflow);
    }
  }
  const workflows = [...byName.values()].sort((a, b) => compareNames(a.name, b.name));
  return { workflows, overridden, warnings, errors };
}

/**
 * The same order on every machine, whatever its locale: case-insensitive, then by code point.
 * (`localeCompare` would also cost a command its first use of ICU's collator.)
 */
function compareNames(a: string, b: string): number {
  const [lowerA, lowerB] = [a.toLowerCase(), b.toLowerCase()];
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export type LoadedFile =
  | { kind: 'workflow'; workflow: Workflow; warnings: WorkflowProblem[] }
  | { kind: 'error'; error: DiscoveryError; warnings: WorkflowProblem[] };

export async function loadWorkflowFile(
  file: string,
  scope: WorkflowScope,
  options: DiscoveryOptions,
  preread?: string,
): Promise<LoadedFile> {
  // A FIFO, a device or a huge file is refused by name, never waited on: one such entry in
  // .archal/workflows/ must not block every run.
  const read = preread ? { ok: true as const, text: preread } : readWorkflowText(file);
  if (!read.ok) {
    const { message } = read;
    return {
      kind: 'error',
      warnings: [],
      error: { file, scope, kind: 'read_error', message, problems: [{ file, message }] },
    };
  }
  const result = await loadWorkflowText(read.text, {
    file,
    scope,
    defaults: options.defaults,
    resolveCommand: options.resolveCommand,
    resolveScript: options.resolveScript,
    resolveWorkflowSource: options.resolveWorkflowSource,
    checkOutputSchemas: options.checkOutputSchemas,
    yamlCache: options.yamlCache,
    validatedCache: options.validatedCache,
  });
  if (result.ok) return { kind: 'workflow', workflow: result.workflow, warnings: result.warnings };
  return {
    kind: 'error',
    warnings: result.warnings,
    error: {
      file,
      scope,
      kind: result.stage === 'parse' ? 'parse_error' : 'validation_error',
      name: result.name ?? basename(file, extname(file)),
      message: result.errors.map(formatWorkflowProblem).join('\n'),
      problems: result.errors,
    },
  };
}

function readWorkflowText(file: string) {
  return readInputFile(file, { maxBytes: INPUT_LIMITS.workflow, strictUtf8: true });
}

function readText(file: string): string | undefined {
  const read = readWorkflowText(file);
  return read.ok ? read.text : undefined;
}

const NAME_LINE = /^name:[ \t]*(?:"([^"]+)"|'([^']+)'|([^#\n]+?))[ \t]*(?:#.*)?$/m;

/**
 * Workflow files by the name they declare (later files win, as later scopes do), for `include:`
 * and `workflow:` nodes: exact names first, then case-insensitively.
 */
export function sourceIndex(
  files: readonly string[],
  texts: ReadonlyMap<string, string> = new Map(),
): ResolveWorkflowSource {
  let index: Map<string, IncludeSource> | undefined;
  return (name) => {
    if (!index) {
      index = new Map();
      for (const file of files) {
        const text = texts.get(file) ?? readText(file);
        const match = text ? NAME_LINE.exec(text) : null;
        const declared = match ? (match[1] ?? match[2] ?? match[3])!.trim() : undefined;
        if (declared && text) index.set(declared, { file, text });
      }
    }
    return index.get(name) ?? [...index.entries()].find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  };
}

/**
 * The one file that can be the workflow named exactly `name`, found from the `name:` lines alone
 * (without parsing any workflow): the only file of the highest scope that declares it, when no other
 * file of that scope or a higher one could also answer to that name (one declaring it in another
 * case, one named after it, one whose name line is not plain). Scopes below it are not read: they
 * cannot override it. Undefined when that is not certain: then only full discovery can tell
 * (precedence, broken files, case-insensitive and suffix matches).
 */
export function workflowFileNamed(
  locations: WorkflowLocations,
  name: string,
): { file: string; scope: WorkflowScope; text: string } | undefined {
  const lower = name.toLowerCase();
  // Highest precedence first.
  for (const { scope, dir } of workflowScopes(locations).reverse()) {
    const errors: DiscoveryError[] = [];
    const files = listWorkflowFiles(dir, errors, scope);
    if (errors.length > 0) return undefined;
    let found: { file: string; scope: WorkflowScope; text: string } | undefined;
    let other = false;
    for (const file of files) {
      const text = readText(file);
      if (text === undefined) return undefined;
      const declared = plainDeclaredName(text);
      if (declared === undefined) return undefined;
      if (declared === name) {
        if (found) return undefined;
        found = { file, scope, text };
      } else if (declared.toLowerCase() === lower || basename(file, extname(file)).toLowerCase() === lower)
        other = true;
    }
    if (other) return undefined;
    if (found) return found;
  }
  return undefined;
}

/** The `name:` a workflow file declares, when it is a plain one (no quotes, escapes or YAML syntax). */
function plainDeclaredName(text: string): string | undefined {
  const match = NAME_LINE.exec(text);
  const declared = match ? (match[1] ?? match[2] ?? match[3])!.trim() : undefined;
  return declared && /^[A-Za-z0-9_][A-Za-z0-9 ._-]*$/.test(declared) ? declared : undefined;
}

/** Every workflow file of every scope, lowest precedence first. */
export function allWorkflowFiles(locations: WorkflowLocations): string[] {
  return workflowScopes(locations).flatMap(({ scope, dir }) => listWorkflowFiles(dir, [], scope));
}

function listWorkflowFiles(dir: string, errors: DiscoveryError[], scope: WorkflowScope): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      const message = `cannot read workflow directory ${dir}: ${code ?? String(error)}`;
      errors.push({ file: dir, scope, kind: 'read_error', message, problems: [{ file: dir, message }] });
    }
    return [];
  }
  return entries
    .filter((entry) => /\.ya?ml$/i.test(entry) && !entry.split(/[\\/]/).some((part) => part.startsWith('.')))
    .sort()
    .map((entry) => join(dir, entry));
}

export type WorkflowLookupErrorCode =
  'workflow_not_found' | 'workflow_ambiguous' | 'workflow_invalid' | 'workflow_file_not_found';

export interface WorkflowLookupErrorData {
  /** The name or file asked for. */
  name: string;
  /** workflow_not_found: the closest name; workflow_ambiguous: the candidates. */
  suggestions: string[];
  /** workflow_invalid: the broken file and its problems. */
  file?: string;
  problems: WorkflowProblem[];
}

/** A workflow that cannot be picked: none of that name, several, or a broken file that declares it. */
export class WorkflowLookupError extends ArchalError<WorkflowLookupErrorCode, WorkflowLookupErrorData> {
  constructor(code: WorkflowLookupErrorCode, message: string, data: WorkflowLookupErrorData) {
    super(code, message, data);
    this.name = 'WorkflowLookupError';
  }
}

/**
 * Picks a workflow by name: exact, then case-insensitive, then unique suffix (`assist` finds
 * `archal-assist`), then unique run of whole words (`smart` finds `archon-smart-pr-review`): the tiers
 * Archon's CLI resolves names with, so its users' command lines pick the same workflow. Archon's last
 * tier takes any substring; here it stops at the '-' between words, so that a typo (`archal-smok`)
 * gets a did-you-mean instead of silently running the workflow it is a prefix of. A higher-precedence
 * file that declares the name but is broken wins over a working lower one: running a silently
 * different workflow would be worse than an error.
 */
export function resolveWorkflowName(discovery: Discovery, name: string, locations: WorkflowLocations): Workflow {
  const all = discovery.workflows;
  const lower = name.toLowerCase();
  const candidates =
    pick(all, (workflow) => workflow.name === name) ??
    pick(all, (workflow) => workflow.name.toLowerCase() === lower) ??
    pick(all, (workflow) => workflow.name.toLowerCase().endsWith(`-${lower}`)) ??
    (lower.trim() ? pick(all, (workflow) => `-${workflow.name.toLowerCase()}-`.includes(`-${lower}-`)) : undefined);

  const rank = (scope: WorkflowScope) => workflowScopes(locations).findIndex((entry) => entry.scope === scope);
  const broken = discovery.errors.find(
    (error) =>
      error.name !== undefined &&
      error.name.toLowerCase() === (candidates?.[0]?.name ?? name).toLowerCase() &&
      (!candidates?.[0] || rank(error.scope) >= rank(candidates[0].scope)),
  );
  if (broken)
    throw new WorkflowLookupError(
      'workflow_invalid',
      `Workflow '${broken.name}' in ${broken.file} is invalid:\n${broken.message}`,
      { name, suggestions: [], file: broken.file, problems: broken.problems },
    );

  if (!candidates) {
    const suggestion = closest(
      name,
      all.map((workflow) => workflow.name),
    );
    const available = all.map((workflow) => workflow.name).join(', ') || 'none';
    throw new WorkflowLookupError(
      'workflow_not_found',
      `Workflow '${name}' not found.${suggestion ? ` Did you mean '${suggestion}'?` : ''} Available: ${available}. ` +
        `Workflows live in .archal/workflows/ (or pass a file path).`,
      { name, suggestions: suggestion ? [suggestion] : [], problems: [] },
    );
  }
  if (candidates.length > 1)
    throw new WorkflowLookupError(
      'workflow_ambiguous',
      `Ambiguous workflow '${name}'. Did you mean: ${candidates.map((workflow) => workflow.name).join(', ')}?`,
      { name, suggestions: candidates.map((workflow) => workflow.name), problems: [] },
    );
  return candidates[0]!;
}

/**
 * The workflows one tier of name matching finds. Archal's bundled workflows never make a partial name
 * ambiguous against the user's own: `assist` is the repository's `archon-assist`, as in Archon, not a
 * choice between it and the bundled `archal-assist`.
 */
function pick(workflows: Workflow[], predicate: (workflow: Workflow) => boolean): Workflow[] | undefined {
  const matches = workflows.filter(predicate);
  const own = matches.filter((workflow) => workflow.scope !== 'bundled');
  const kept = own.length > 0 ? own : matches;
  return kept.length > 0 ? kept : undefined;
}

/** A path relative to the repo when it is inside it, for shorter messages. */
export function displayPath(file: string, repo: string): string {
  const rel = relative(repo, file);
  return rel && !rel.startsWith('..') ? rel : file;
}
