import { tmpdir } from 'node:os';

/** Where git is looked for when the host says nothing: the usual places on Linux and macOS. */
const DEFAULT_SEARCH_PATH = '/usr/local/bin:/usr/bin:/bin:/opt/homebrew/bin';
let searchPath = DEFAULT_SEARCH_PATH;

/**
 * Where the clone's git processes find git (and only that: nothing else of the host's environment
 * reaches them). A host-wide setting, like the scratch directory: the CLI passes its PATH.
 */
export function configureCloneGitPath(path: string | undefined): void {
  searchPath = path?.trim() || DEFAULT_SEARCH_PATH;
}

/**
 * The environment of every git process the clone runs: the user's own git configuration must not
 * change merges, diffs or hooks, so global and system config are ignored.
 */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: searchPath,
    HOME: tmpdir(),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    LANG: 'C',
    LC_ALL: 'C',
    ...extra,
  };
}
