/** GitHub operations shared by the pre-prod loop, the Action and the App. */
export {
  closePull,
  findOpenPull,
  githubClient,
  listPullFiles,
  pullNumberIn,
  upsertDraftPull,
  verifyPull,
} from './pulls.js';
export type { PullSummary } from './pulls.js';
export { isPermissionError, parseGitHubRemote } from './remote.js';
export type { GitHubRemote, RemoteLookup } from './remote.js';
export { completeCheckRun, createCompletedCheckRun, startCheckRun } from './checks.js';
export type { CheckCompletion, CheckConclusion, CheckRunRef, RepoRef } from './checks.js';
export { upsertStickyComment } from './comments.js';
export type { CommentAction, StickyComment } from './comments.js';
