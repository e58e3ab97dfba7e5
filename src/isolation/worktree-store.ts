/** What isolation needs to remember about worktrees; src/store implements it. */
export interface WorktreeRecord {
  path: string;
  repoRoot: string;
  branch: string;
  workflowName: string | null;
  status: 'active' | 'destroyed';
  createdAt: string;
  lastActivityAt: string;
}

export interface WorktreeStore {
  /** Records a worktree (or refreshes its activity when it is reused). */
  upsertWorktree(record: Omit<WorktreeRecord, 'createdAt' | 'lastActivityAt'>): Promise<void>;
  listWorktrees(status?: WorktreeRecord['status']): Promise<WorktreeRecord[]>;
  setWorktreeStatus(path: string, status: WorktreeRecord['status']): Promise<void>;
}
