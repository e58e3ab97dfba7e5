import { cleanupWorktrees, listWorktrees } from '../../isolation/index.js';
import { ACTIVE_STATUSES } from '../../workflows/run-store.js';
import { EXIT, UserError } from '../errors.js';
import { withCliRepo, type GlobalOptions } from '../host.js';
import { out, printJson } from '../output.js';

export async function isolationList(globals: GlobalOptions, options: { json?: boolean }): Promise<number> {
  return withCliRepo(globals, async (repo) => {
    const grouped = await listWorktrees(repo.store);
    if (options.json) {
      printJson({ repositories: [...grouped].map(([repoRoot, worktrees]) => ({ repoRoot, worktrees })) });
      return EXIT.ok;
    }
    if (grouped.size === 0) out('No worktrees.');
    for (const [repoRoot, worktrees] of grouped) {
      out(repoRoot);
      for (const worktree of worktrees)
        out(
          `  ${worktree.path}  ${worktree.branch}  ${worktree.workflowName ?? '-'}  ${worktree.daysSinceActivity} day(s) since activity`,
        );
    }
    return EXIT.ok;
  });
}

export async function isolationCleanup(
  globals: GlobalOptions,
  daysText: string,
  options: { force?: boolean; json?: boolean },
): Promise<number> {
  // Only plain decimals: Number() reads '' and ' ' as 0 (which would remove every idle worktree) and accepts hex.
  if (!/^\d+(\.\d+)?$/.test(daysText))
    throw new UserError(`days must be a whole or decimal number of days, such as 7 or 0.5 (got '${daysText}').`);
  const days = Number(daysText);
  return withCliRepo(globals, async (repo) => {
    const results = await cleanupWorktrees(repo.store, {
      days,
      force: options.force,
      activeRunAt: async (path) => {
        const [run] = await repo.store.listRuns({ statuses: ACTIVE_STATUSES, workingPath: path, limit: 1 });
        return (
          run &&
          `run ${run.id} of '${run.workflowName}' is ${run.status} there; finish or cancel it first (\`archal workflow cancel ${run.id}\`)`
        );
      },
    });
    if (options.json) {
      printJson({
        results: results.map(({ worktree, action, detail }) => ({
          path: worktree.path,
          branch: worktree.branch,
          action,
          detail: detail ?? null,
        })),
      });
    } else {
      if (results.length === 0) out(`No worktree has been idle for more than ${days} day(s).`);
      for (const { worktree, action, detail } of results)
        out(`${action.padEnd(26)} ${worktree.path}${detail ? ` (${detail})` : ''}`);
    }
    return results.some((result) => result.action === 'failed') ? EXIT.failed : EXIT.ok;
  });
}
