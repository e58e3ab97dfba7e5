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
export { parseGitHubRemote } from './remote.js';
export type { GitHubRemote, RemoteLookup } from './remote.js';
