import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE, loadConfig } from '../../config/index.js';
import { repositoryRoot } from '../../isolation/index.js';
import { errorMessage } from '../../lib/errors.js';
import { archalHome } from '../../lib/paths.js';
import { SecretRedactor } from '../../lib/redact.js';
import { isLoopback } from '../../lib/loopback.js';
import { storeOptionsFromEnv } from '../../store/index.js';
import { RECORD_NAMES, RecordLookupError, RecordSource, renderReport, startViewer } from '../../view/index.js';
import { openRunStore, type ArchalStore } from '../../workspace/workspace.js';
import { EXIT, listenError, UserError } from '../errors.js';
import { wholeNumber } from '../flags.js';
import { cliEnvironment, workDir, type GlobalOptions } from '../host.js';
import { err, out } from '../output.js';

/** The records of the repository around the working directory (or of the directory itself outside one). */
async function openSource(globals: GlobalOptions): Promise<{
  source: RecordSource;
  env: NodeJS.ProcessEnv;
  store: (ArchalStore & { close(): Promise<void> }) | undefined;
  notices: () => string[];
}> {
  const cwd = workDir(globals);
  const repo = await repositoryRoot(cwd, process.env).catch(() => cwd);
  // Secrets of the .env files are redacted too: the environment is the one every command works in.
  const env = cliEnvironment(repo);
  const notices: string[] = [];
  const settings = viewerSettings(repo);
  const storeOptions = storeOptionsFromEnv(env);
  let store: (ArchalStore & { close(): Promise<void> }) | undefined;
  let worktrees: string[] = [];
  // Looking creates nothing: without a database file there is no workflow run to show.
  const noDatabase = !storeOptions.databaseUrl && !existsSync(join(storeOptions.home ?? archalHome(env), 'archal.db'));
  try {
    if (!noDatabase) store = await openRunStore(env);
    worktrees = (await (store?.listWorktrees() ?? []))
      .filter((worktree) => worktree.repoRoot === repo)
      .map((worktree) => worktree.path);
  } catch (error) {
    notices.push(`Workflow runs are not shown: ${errorMessage(error)}`);
  }
  const source = new RecordSource({ repo, cwd, runs: store, worktrees, preprodDirs: () => settings().preprodDirs });
  return { source, env, store, notices: () => [...notices, ...settings().notices] };
}

interface ViewerSettings {
  preprodDirs: string[];
  notices: string[];
}

/**
 * What the viewer takes from `.archal.json` (`preprod.artifacts`, or that the file is invalid), read
 * again whenever the file changes (its mtime, size or existence), so that an edit shows on the next
 * page without a restart and an unchanged file costs one stat per request.
 */
function viewerSettings(repo: string): () => ViewerSettings {
  const file = join(repo, CONFIG_FILE);
  let seen: { key: string; settings: ViewerSettings } | undefined;
  return () => {
    const stat = statSync(file, { throwIfNoEntry: false });
    const key = stat ? `${stat.mtimeMs}:${stat.size}:${stat.ino}` : 'missing';
    if (seen?.key !== key) seen = { key, settings: readViewerSettings(repo) };
    return seen.settings;
  };
}

function readViewerSettings(repo: string): ViewerSettings {
  const config = loadConfig(repo);
  if (config.status === 'invalid')
    return {
      preprodDirs: [],
      notices: [`${config.file} is invalid (\`archal config validate\` says why); its preprod.artifacts is not used.`],
    };
  const artifacts = config.config.preprod?.artifacts;
  return { preprodDirs: artifacts ? [artifacts] : [], notices: [] };
}

export async function viewCommand(
  globals: GlobalOptions,
  options: { port?: string; host?: string; open?: boolean },
): Promise<number> {
  const port = wholeNumber('--port', options.port, 0, 65535) ?? 0;
  const host = options.host?.trim() || '127.0.0.1';
  const { source, env, store, notices } = await openSource(globals);
  for (const notice of notices()) err(`warning: ${notice}`);
  let viewer;
  try {
    viewer = await startViewer({ source, env, host, port, notices });
  } catch (error) {
    await store?.close();
    throw listenError(host, port, error);
  }
  if (!isLoopback(viewer.host))
    err(
      `warning: the viewer listens on ${viewer.host}, reachable from other machines; anyone with the URL's token can read the runs.`,
    );
  out(viewer.url);
  err(`Archal viewer of ${source.options.repo}: open the URL above. Ctrl-C stops it.`);
  if (options.open) openInBrowser(viewer.url);

  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await viewer.close();
  await store?.close();
  return EXIT.ok;
}

export async function reportCommand(
  globals: GlobalOptions,
  reference: string,
  options: { html?: string },
): Promise<number> {
  if (!options.html)
    throw new UserError('archal report needs --html FILE: the file to write (`-` prints the HTML on stdout).');
  const { source, env, store, notices } = await openSource(globals);
  for (const notice of notices()) err(`warning: ${notice}`);
  try {
    const lookupFailure = (error: unknown): never => {
      if (error instanceof RecordLookupError) throw new UserError(error.message, EXIT.invalidInput);
      throw error;
    };
    const ref = await source.resolve(reference).catch(lookupFailure);
    const report = await renderReport(source, ref, new SecretRedactor([], env)).catch(lookupFailure);
    if (options.html === '-') {
      process.stdout.write(report.html);
      return EXIT.ok;
    }
    const file = resolve(workDir(globals), options.html);
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, report.html);
    } catch (error) {
      throw new UserError(`Cannot write ${file}: ${errorMessage(error)}`, EXIT.failed);
    }
    out(file);
    err(`Wrote the report of ${RECORD_NAMES[ref.kind]} ${ref.id} (${report.title}).`);
    return EXIT.ok;
  } finally {
    await store?.close();
  }
}

/** The desktop's way of opening a URL; failing to open one is a warning, the URL is printed anyway. */
function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', (error) =>
      err(`warning: could not open a browser (${errorMessage(error)}); open the URL yourself.`),
    );
    child.unref();
  } catch (error) {
    err(`warning: could not open a browser (${errorMessage(error)}); open the URL yourself.`);
  }
}
