import { runGit } from './cli.js';
import type { GitRepo } from './repo.js';

export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

export interface FileDiff {
  filename: string;
  previousFilename?: string;
  status: FileStatus;
  /** The blob of the new side (the old side's for removed files). */
  sha: string;
  additions: number;
  deletions: number;
  /** Hunks only (GitHub's `patch`), absent for binary files and mode-only changes. */
  patch?: string;
}

const STATUS: Record<string, FileStatus> = {
  A: 'added',
  D: 'removed',
  M: 'modified',
  R: 'renamed',
  C: 'copied',
  T: 'changed',
};

const ZERO = '0000000000000000000000000000000000000000';

/** The files that differ between two commits, with line counts and patches, as `git diff -M` sees them. */
export async function diffCommits(repo: GitRepo, from: string, to: string): Promise<FileDiff[]> {
  const [summary, patches] = await Promise.all([
    runGit(repo.gitDir, ['diff', '--raw', '--numstat', '-z', '-M', '--no-abbrev', from, to]),
    runGit(repo.gitDir, ['diff', '-M', '--no-color', '--no-ext-diff', from, to]),
  ]);
  if (summary.code !== 0) throw new Error(`git diff failed: ${summary.stderr.trim()}`);
  const files = parseSummary(summary.stdout.toString('utf8'));
  const chunks = patches.stdout
    .toString('utf8')
    .split(/^diff --git /m)
    .slice(1);
  files.forEach((file, index) => {
    const chunk = chunks[index];
    const hunk = chunk?.search(/^@@ /m) ?? -1;
    if (chunk && hunk !== -1) file.patch = chunk.slice(hunk).replace(/\n$/, '');
  });
  return files;
}

/** The unified diff of two commits (`application/vnd.github.diff`). */
export async function unifiedDiff(repo: GitRepo, from: string, to: string): Promise<string> {
  const result = await runGit(repo.gitDir, ['diff', '-M', '--no-color', '--no-ext-diff', from, to]);
  return result.stdout.toString('utf8');
}

function parseSummary(text: string): FileDiff[] {
  const tokens = text.split('\0');
  const files: FileDiff[] = [];
  const counts: Array<{ additions: number; deletions: number }> = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token === '') {
      i++;
      continue;
    }
    if (token.startsWith(':')) {
      const [, , oldSha, newSha, statusField] = token.slice(1).split(' ');
      const letter = statusField?.[0] ?? 'M';
      const status = STATUS[letter] ?? 'modified';
      if (letter === 'R' || letter === 'C') {
        files.push({
          previousFilename: tokens[i + 1]!,
          filename: tokens[i + 2]!,
          status,
          sha: newSha!,
          additions: 0,
          deletions: 0,
        });
        i += 3;
      } else {
        const sha = newSha === ZERO ? oldSha! : newSha!;
        files.push({ filename: tokens[i + 1]!, status, sha, additions: 0, deletions: 0 });
        i += 2;
      }
      continue;
    }
    const [added, deleted, path] = token.split('\t');
    counts.push({ additions: Number(added) || 0, deletions: Number(deleted) || 0 });
    i += path === '' ? 3 : 1;
  }
  files.forEach((file, index) => Object.assign(file, counts[index] ?? {}));
  return files;
}
