import { hostname } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { formatConfigProblem, loadConfig, loadConfigFile, type ArchalConfig } from '../config/index.js';
import type { WorktreeStore } from '../isolation/index.js';
import { ensureWorktree, repositoryRoot } from '../isolation/index.js';
import { errorMessage } from '../lib/errors.js';
import { archalHome, pathKind } from '../lib/paths.js';
import { createProviderRegistry } from '../providers/index.js';
import type { StoreEnvOptions } from '../store/open.js';
import { storeUrlProblem } from '../store/url.js';
import type { LifecycleDeps } from '../workflows/lifecycle.js';
import type { WorkflowRunStore } from '../workflows/run-store.js';
import type * as StoreModule from '../store/open.js';
import { WorkspaceError } from './errors.js';

/**
 * The composition root every host shares (the CLI, the Action, the App): where Archal works, with
 * which configuration, environment and run store. A host passes its environment in; nothing here
 * reads or writes the process's.
 */

export interface WorkspaceOptions {
  /** Where the host works: a directory, or for repository workspaces any directory inside the repository. */
  dir: string;
  /** The host's environment (the CLI composes it with `withDotEnv`). Runs, agents and commands start from it. */
  env: NodeJS.ProcessEnv;
  /** Another config file than `<dir>/.archal.json` (`archal run -c`): it must exist; its paths are relative to it. */
  configFile?: string;
}

export interface Workspace {
  /** The directory Archal works in: the repository root for repository workspaces. */
  root: string;
  /** Per-user state: `$ARCHAL_HOME` of `env`, else `~/.archal`. */
  home: string;
  env: NodeJS.ProcessEnv;
  config: ArchalConfig;
  /** The .archal.json that was read (it may not exist: every key is optional). */
  configFile: string;
  /** What in it is accepted but ignored (Archal's hosted-service keys), as `file: key: message` lines. */
  configWarnings?: string[];
}

/** Everything that stores runs and worktrees: SQLite, PostgreSQL, or memory. */
export interface ArchalStore extends WorkflowRunStore, WorktreeStore {}

export interface RepoWorkspace extends Workspace {
  store: ArchalStore;
  /** Closes the store, when the workspace opened it. */
  close(): Promise<void>;
}

/** A workspace in `dir` as it is, with its validated .archal.json (an invalid one is a WorkspaceError). */
export function openWorkspace(options: WorkspaceOptions): Workspace {
  const root = resolve(options.dir);
  const kind = pathKind(root);
  if (kind !== 'directory')
    throw new WorkspaceError(
      'missing_directory',
      kind === 'missing' ? `No such directory: ${root}.` : `${root} is not a directory.`,
      { file: root },
    );
  const loaded = options.configFile
    ? loadConfigFile(resolve(root, options.configFile), { required: true })
    : loadConfig(root);
  const name = options.configFile ?? '.archal.json';
  if (loaded.status === 'invalid')
    throw new WorkspaceError(
      'invalid_config',
      `Invalid ${loaded.file}:\n${loaded.errors.map((problem) => `  ${formatConfigProblem(name, problem)}`).join('\n')}`,
      {
        file: loaded.file,
        problems: loaded.errors,
        ...(options.configFile ? { configArgument: options.configFile } : {}),
      },
    );
  const config = options.configFile ? relativeToConfig(loaded.config, dirname(loaded.file), root) : loaded.config;
  return {
    root,
    home: archalHome(options.env),
    env: options.env,
    config,
    configFile: loaded.file,
    ...(loaded.warnings
      ? { configWarnings: loaded.warnings.map((problem) => formatConfigProblem(name, problem)) }
      : {}),
  };
}

/** Paths of a config file read from elsewhere, made relative to the workspace (they are relative to the file). */
function relativeToConfig(config: ArchalConfig, configDir: string, root: string): ArchalConfig {
  if (configDir === root) return config;
  const rebase = (path: string) => relative(root, resolve(configDir, path)) || '.';
  const seedPath = (seed: string) => (/\.json$|[\\/]/.test(seed) ? rebase(seed) : seed);
  return {
    ...config,
    ...(config.scenarios !== undefined
      ? { scenarios: (Array.isArray(config.scenarios) ? config.scenarios : [config.scenarios]).map(rebase) }
      : {}),
    ...(config.seeds
      ? { seeds: Object.fromEntries(Object.entries(config.seeds).map(([clone, seed]) => [clone, seedPath(seed)])) }
      : {}),
  };
}

/** The workspace of the git repository containing `dir` (outside a repository: IsolationError not_a_repository). */
export async function openRepositoryWorkspace(options: WorkspaceOptions): Promise<Workspace> {
  return openWorkspace({ ...options, dir: await repositoryRoot(resolve(options.dir), options.env) });
}

/** Which run store a repository workspace uses: one the host gives, or the one its environment names. */
export interface RepoStoreOptions {
  /** A store the host opened (it stays open). */
  store?: ArchalStore;
  /** How the environment names the store (see `storeOptionsFromEnv`). */
  storeEnv?: StoreEnvOptions;
}

/**
 * A repository workspace with its run store: `store` when the host gives one (it stays open), else
 * the store `env` names (ARCHAL_DATABASE_URL, else `$ARCHAL_HOME/archal.db`), which `close()` closes.
 */
export async function openRepoWorkspace(options: WorkspaceOptions & RepoStoreOptions): Promise<RepoWorkspace> {
  const workspace = await openRepositoryWorkspace(options);
  if (options.store) return { ...workspace, store: options.store, close: async () => {} };
  const store = await openRunStore(workspace.env, options.storeEnv);
  return { ...workspace, store, close: () => store.close() };
}

/** Runs `action` in a repository workspace and always closes what it opened. */
export async function withRepoWorkspace<T>(
  options: WorkspaceOptions & RepoStoreOptions,
  action: (repo: RepoWorkspace) => Promise<T>,
): Promise<T> {
  const repo = await openRepoWorkspace(options);
  try {
    return await action(repo);
  } finally {
    await repo.close();
  }
}

/**
 * The run store `env` names; a value that is not a PostgreSQL URL is a WorkspaceError invalid_store_url
 * (nothing is opened or created), a store that cannot be opened a WorkspaceError store_unavailable.
 */
export async function openRunStore(
  env: NodeJS.ProcessEnv,
  storeEnv: StoreEnvOptions = {},
): Promise<ArchalStore & { close(): Promise<void> }> {
  const urlProblem = storeUrlProblem(env, storeEnv);
  if (urlProblem) throw new WorkspaceError('invalid_store_url', urlProblem, {});
  let stores: typeof StoreModule;
  try {
    // Loaded on first use: the SQL stores and their drivers are heavy, and a host that brings its own
    // store never needs them. The GitHub Action's bundler is told to leave them out (webpackIgnore):
    // the Action keeps a fix workflow's runs in memory.
    stores = await import(/* webpackIgnore: true */ '../store/open.js');
  } catch (error) {
    throw new WorkspaceError(
      'store_unavailable',
      `No SQL run store can be loaded here (${errorMessage(error)}): give the workspace a store of its own, such as a MemoryStore.`,
      { store: 'none' },
    );
  }
  const { describeStore, openStore, storeOptionsFromEnv } = stores;
  const options = storeOptionsFromEnv(env, storeEnv);
  try {
    return await openStore(options);
  } catch (error) {
    const store = describeStore(options);
    throw new WorkspaceError('store_unavailable', `Cannot open the run store ${store}: ${errorMessage(error)}`, {
      store,
    });
  }
}

/** This process, as the owner recorded on the runs it executes. */
export function thisProcess(): LifecycleDeps['owner'] {
  return { pid: process.pid, host: hostname() };
}

/**
 * The run lifecycle's dependencies in a repository workspace: its store, providers from its
 * `assistants`, its environment, this process as owner, and `ARCHAL_STALE_AFTER_MS` from its env.
 */
export function lifecycleDeps(
  repo: RepoWorkspace,
  engine: Partial<LifecycleDeps['engine']> = {},
  owner: LifecycleDeps['owner'] = thisProcess(),
): LifecycleDeps {
  const staleAfter = Number(repo.env.ARCHAL_STALE_AFTER_MS);
  return {
    store: repo.store,
    engine: {
      providers: createProviderRegistry(repo.config.assistants),
      env: repo.env,
      // Imported when a `workflow:` node names one: imported statically, the workflow discovery and
      // its YAML library stayed in `archal run`'s bundle (read and initialised by every run), which
      // never resolves a workflow.
      resolveWorkflow: async (name) => (await import('./workflows.js')).workflowResolver(repo)(name),
      ...engine,
    },
    owner,
    // `workflow:` nodes with isolation: worktree run their child in a worktree of its own.
    childWorktree: async ({ parentRunId, nodeId, index, workflow }) => {
      const branch = `archal/task-${parentRunId.slice(0, 8)}-${nodeId}${index === undefined ? '' : `-${index}`}`;
      const worktree = await ensureWorktree({
        repoRoot: repo.root,
        branch,
        home: repo.home,
        workflowName: workflow,
        store: repo.store,
        log: engine.log ?? (() => {}),
      });
      return worktree.path;
    },
    ...(Number.isFinite(staleAfter) && staleAfter > 0 ? { staleAfterMs: staleAfter } : {}),
  };
}
