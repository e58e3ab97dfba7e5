export { checkoutInPlace, cleanupWorktrees, ensureWorktree, listWorktrees, repositoryRoot } from './worktree.js';
export type { WorktreeRecord, WorktreeStore } from './worktree-store.js';
