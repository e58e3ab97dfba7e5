import { hostname } from 'node:os';
import { repositoryRoot } from '../isolation/index.js';
import { errorMessage, UserError } from '../lib/errors.js';
import { createProviderRegistry } from '../providers/registry.js';
import { describeStore, openStore, storeOptionsFromEnv, type KyselyStore } from '../store/index.js';
import type { LifecycleDeps } from '../workflows/lifecycle.js';
import { loadContext, type CliContext, type GlobalOptions } from './context.js';
import { resolve } from 'node:path';

/** A command that works on a repository and its runs: the repository root, config and the run store. */
export interface RepoContext extends CliContext {
  repoRoot: string;
  store: KyselyStore;
}

/**
 * Resolves the repository (a subdirectory resolves to its root; outside a repository is exit 1),
 * loads its .env and config, and opens the run store. The caller closes the store.
 */
export async function openRepoContext(globals: GlobalOptions): Promise<RepoContext> {
  const ctx = await loadRepoContext(globals);
  const repoRoot = ctx.cwd;
  const options = storeOptionsFromEnv();
  let store: KyselyStore;
  try {
    store = await openStore(options);
  } catch (error) {
    throw new UserError(`Cannot open the run store ${describeStore(options)}: ${errorMessage(error)}`, 1);
  }
  return { ...ctx, repoRoot, store };
}

/** The repository root as the working directory, with its .env and config (no store). */
export async function loadRepoContext(globals: GlobalOptions): Promise<CliContext> {
  const repoRoot = await repositoryRoot(resolve(globals.cwd ?? process.cwd()));
  return loadContext({ ...globals, cwd: repoRoot });
}

/** The lifecycle's dependencies for this process; providers come from the repository's config unless given. */
export function lifecycleDeps(repo: RepoContext, engine: Partial<LifecycleDeps['engine']> = {}): LifecycleDeps {
  const staleAfter = Number(process.env.ARCHAL_STALE_AFTER_MS);
  return {
    store: repo.store,
    engine: { providers: createProviderRegistry(repo.config.assistants), ...engine },
    owner: { pid: process.pid, host: hostname() },
    ...(Number.isFinite(staleAfter) && staleAfter > 0 ? { staleAfterMs: staleAfter } : {}),
  };
}

/** Runs `action` with a repository context and always closes the store. */
export async function withRepo<T>(globals: GlobalOptions, action: (repo: RepoContext) => Promise<T>): Promise<T> {
  const repo = await openRepoContext(globals);
  try {
    return await action(repo);
  } finally {
    await repo.store.close();
  }
}
