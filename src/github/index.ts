/**
 * The real GitHub, through its REST API: the pull-request operations the pre-prod loop, the Action
 * and the App share, check runs and the sticky comment, and how a git remote maps to a repository on
 * GitHub. (Archal's own local GitHub is src/clones/github: `startGitHubClone` and friends.)
 */
export {
  closePull,
  createGitHubApiClient,
  findOpenPull,
  listPullFiles,
  pullNumberIn,
  upsertDraftPull,
  verifyPull,
} from './pulls.js';
export type { GitHubApi, GitHubPullSummary } from './pulls.js';
export { isPermissionError, isServerError, parseGitHubRemote } from './remote.js';
export type { GitHubRemote, GitHubRemoteLookup, GitHubRepository } from './remote.js';
export { completeCheckRun, createCompletedCheckRun, startCheckRun } from './checks.js';
export type { CheckCompletion, CheckConclusion, CheckRunRef, RepoRef } from './checks.js';
export { upsertStickyComment } from './comments.js';
export type { CommentAction, StickyComment } from './comments.js';
