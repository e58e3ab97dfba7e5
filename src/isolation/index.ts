export {
  checkoutInPlace,
  cleanupWorktrees,
  ensureWorktree,
  IsolationError,
  listWorktrees,
  repositoryRoot,
} from './worktree.js';
export type { IsolationErrorCode } from './worktree.js';
export type { WorktreeRecord, WorktreeStore } from './worktree-store.js';
