export { branchNameProblem, branchSlug } from './branch.js';
export {
  checkoutInPlace,
  cleanupWorktrees,
  ensureWorktree,
  listWorktrees,
  repositoryRoot,
  validateBranchName,
  worktreeHealth,
  worktreePath,
} from './worktree.js';
export type { CleanupAction, ListedWorktree, WorktreeHealth, WorktreeRequest } from './worktree.js';
export type { WorktreeRecord, WorktreeStore } from './worktree-store.js';
