import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from '@jest/globals';

const created: string[] = [];
const stoppers: Array<() => unknown> = [];
let endings = 0;

// Registered when a test file imports this module, so before the file's own afterAll hooks, which
// jest runs after this one: whatever still writes in the directories is stopped here first.
afterAll(async () => {
  endings++;
  for (const stop of stoppers.splice(0).reverse())
    await Promise.resolve()
      .then(stop)
      .catch(() => {});
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}, 60_000);

/**
 * A check that turns true once the test file's tests are over: a polling loop of a test that timed
 * out stops there instead of keeping the jest worker alive (and the run waiting) for its own deadline.
 */
export function fileEnded(): () => boolean {
  const at = endings;
  return () => endings !== at;
}

/**
 * Stops something that writes in temporary directories (a browser, a child process) when the test
 * file ends, before the directories are removed. `stop` must be harmless when already stopped.
 */
export function stopBeforeRemoval(stop: () => unknown): void {
  stoppers.push(stop);
}

/** A fresh temporary directory, removed when the test file ends. */
export function tempDir(prefix = 'archal-test-'): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  created.push(dir);
  return dir;
}

/** A fresh git repository with one commit on `main`, removed when the test file ends. */
export function tempRepo(prefix = 'archal-repo-'): string {
  const dir = tempDir(prefix);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '--quiet', '--initial-branch=main');
  git('config', 'user.email', 'test@archal.dev');
  git('config', 'user.name', 'Archal Test');
  git('commit', '--quiet', '--allow-empty', '-m', 'initial');
  return dir;
}

/** Whether a process is running (a zombie, dead but not yet reaped, does not count). */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
