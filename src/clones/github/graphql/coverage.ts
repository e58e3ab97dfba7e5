/**
 * What the GraphQL endpoint implements, for the operations page (kept apart from the resolvers so
 * that listing it does not load graphql-js; a test checks the lists against the resolvers).
 */
export const GRAPHQL_QUERY_FIELDS = [
  'viewer',
  'repository',
  'user',
  'organization',
  'repositoryOwner',
  'node',
  'nodes',
  'search',
  'rateLimit',
] as const;

export const GRAPHQL_MUTATIONS = [
  'createRef',
  'createCommitOnBranch',
  'addPullRequestReviewThread',
  'resolveReviewThread',
  'unresolveReviewThread',
  'createIssue',
  'updateIssue',
  'closeIssue',
  'reopenIssue',
  'deleteIssue',
  'pinIssue',
  'unpinIssue',
  'lockLockable',
  'unlockLockable',
  'createRepository',
  'addComment',
  'addReaction',
  'removeReaction',
  'updateIssueComment',
  'deleteIssueComment',
  'addLabelsToLabelable',
  'removeLabelsFromLabelable',
  'addAssigneesToAssignable',
  'removeAssigneesFromAssignable',
  'createPullRequest',
  'updatePullRequest',
  'closePullRequest',
  'reopenPullRequest',
  'mergePullRequest',
  'markPullRequestReadyForReview',
  'convertPullRequestToDraft',
  'addPullRequestReview',
  'submitPullRequestReview',
  'requestReviews',
] as const;

/** The objects resolvers build and the connections they page through. */
export const GRAPHQL_OBJECTS =
  'Repository (issues, pinnedIssues, pullRequests, labels, milestones, refs, ref, object, defaultBranchRef, assignableUsers, releases, release, latestRelease, languages, environments, issue, pullRequest, issueOrPullRequest), Environment (protectionRules: DeploymentProtectionRule with its reviewers), Issue and PullRequest (comments, labels, assignees, milestone, reviews, latestReviews, reviewRequests, reviewDecision, reviewThreads, commits, files, mergeable, mergeStateStatus, closingIssuesReferences, closedByPullRequestsReferences, timelineItems), Release (tag, tagCommit, author), Commit (statusCheckRollup with CheckRun and StatusContext contexts, parents, author, history, tree), Ref, Tree, Blob, Label, Milestone, IssueComment, PullRequestReview, PullRequestReviewThread, PullRequestReviewComment, User (gists), Gist, Bot, Organization (teams, team), Team';
