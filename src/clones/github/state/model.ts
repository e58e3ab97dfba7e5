/**
 * The clone's records. Field names are camelCase here; the renderers turn them into GitHub's JSON.
 * Timestamps are ISO 8601 strings at second precision (`2024-05-01T12:00:00Z`), as GitHub sends them.
 */
import type { GitRepo } from '../git/repo.js';

export type RepoRole = 'admin' | 'maintain' | 'write' | 'triage' | 'read';
/** The `permission` names GitHub's API takes, old (`pull`, `push`) and new, as repository roles. */
export const ROLE_OF_PERMISSION: Readonly<Record<string, RepoRole>> = {
  pull: 'read',
  read: 'read',
  triage: 'triage',
  push: 'write',
  write: 'write',
  maintain: 'maintain',
  admin: 'admin',
};
export type AccessLevel = 'read' | 'write' | 'admin';
/** App permissions: category → level, e.g. `{ issues: 'write', contents: 'read' }`. */
export type AppPermissions = Record<string, AccessLevel>;

export interface UserRecord {
  id: number;
  login: string;
  type: 'User' | 'Organization' | 'Bot';
  name: string | null;
  email: string | null;
  bio: string | null;
  company: string | null;
  location: string | null;
  blog: string;
  siteAdmin: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface OrgRecord {
  /** Same id as the organization's account (a UserRecord of type Organization). */
  id: number;
  description: string | null;
  members: Map<number, 'admin' | 'member'>;
  /** What members get on the org's repositories without being collaborators. */
  memberRole: RepoRole | 'none';
}

export interface RepoRecord {
  id: number;
  ownerId: number;
  name: string;
  description: string | null;
  homepage: string | null;
  private: boolean;
  defaultBranch: string;
  topics: string[];
  language: string | null;
  archived: boolean;
  hasIssues: boolean;
  hasProjects: boolean;
  hasWiki: boolean;
  allowMergeCommit: boolean;
  allowSquashMerge: boolean;
  allowRebaseMerge: boolean;
  deleteBranchOnMerge: boolean;
  createdAt: string;
  updatedAt: string;
  pushedAt: string;
  collaborators: Map<number, RepoRole>;
  /**
   * Collaborators whose role is an organisation's custom repository role: its name (what `role_name`
   * shows); what they may do is their base role in `collaborators`.
   */
  customRoles: Map<number, string>;
  /** Issues and pull requests share this sequence. */
  nextNumber: number;
  /** The repository this one is a fork of. */
  forkOf: number | null;
  git: GitRepo;
}

export type IssueState = 'open' | 'closed';
export type StateReason = 'completed' | 'not_planned' | 'reopened' | 'duplicate';

export interface IssueRecord {
  id: number;
  repoId: number;
  number: number;
  title: string;
  body: string | null;
  userId: number;
  state: IssueState;
  stateReason: StateReason | null;
  labelIds: number[];
  assigneeIds: number[];
  milestoneId: number | null;
  locked: boolean;
  activeLockReason: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedById: number | null;
  /** Set when this number is a pull request (the PullRecord's id). */
  pullId: number | null;
  viaAppId: number | null;
  /** When and by whom the issue was pinned to its repository (GraphQL `pinIssue`); absent when not pinned. */
  pinned?: { at: string; byId: number };
}

/** What is left of a deleted issue: its number, which GitHub answers 410 Gone for and never gives out again. */
export interface DeletedIssueRecord {
  id: number;
  repoId: number;
  number: number;
  deletedAt: string;
}

/** A gist: files (name → text) owned by a user; secret ones are unlisted, not private. */
export interface GistRecord {
  id: number;
  /** The id GitHub shows (`aa5a315d61ae9438b18d`), which URLs carry. */
  key: string;
  ownerId: number;
  description: string | null;
  public: boolean;
  files: Map<string, string>;
  /** The gist this one was forked from (null when it was not, or when that gist is gone). */
  forkOfId: number | null;
  /** Who starred it. */
  starredBy: number[];
  createdAt: string;
  updatedAt: string;
}

/** A gist's comment. */
export interface GistCommentRecord {
  id: number;
  gistId: number;
  userId: number;
  body: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * What a user did with one of their notification threads (threads themselves are derived from the
 * state; a thread's id is its issue's). A mark holds the thread's version (its update time and
 * latest comment) when it was set, so new activity on the thread makes it unread (and back in the
 * inbox) again, as on GitHub.
 */
export interface NotificationThreadRecord {
  id: number;
  userId: number;
  issueId: number;
  readVersion: string | null;
  lastReadAt: string | null;
  doneVersion: string | null;
  /** Set by `PUT …/subscription`; null when the user never set one (or deleted it). */
  subscription: { ignored: boolean; createdAt: string } | null;
}

/** An Actions secret of a repository: only its name and dates are ever shown; the value stays sealed. */
export interface SecretRecord {
  id: number;
  repoId: number;
  name: string;
  /** The sealed box the client sent (base64), kept opaque. */
  encryptedValue: string;
  keyId: string;
  createdAt: string;
  updatedAt: string;
}

/** A user's subscription to a repository (`PUT /repos/{owner}/{repo}/subscription`): ignoring it silences its notifications. */
export interface RepoSubscriptionRecord {
  id: number;
  userId: number;
  repoId: number;
  ignored: boolean;
  createdAt: string;
}

/** A deployment environment of a repository. */
export interface EnvironmentRecord {
  id: number;
  repoId: number;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** Its protection rules; absent on an environment created without any. */
  protection?: EnvironmentProtection;
}

/** What `PUT …/environments/{name}` sets: the rules GitHub lists in `protection_rules`, and the branch policy. */
export interface EnvironmentProtection {
  /** Minutes a job waits before it deploys; 0 is no wait timer rule. */
  waitTimer: number;
  preventSelfReview: boolean;
  /** Users and teams of which one must approve; none is no required reviewers rule. */
  reviewers: Array<{ type: 'User' | 'Team'; id: number }>;
  /** Which branches may deploy: null lets any. */
  branchPolicy: { protectedBranches: boolean; customBranchPolicies: boolean } | null;
}

/** A name pattern branches (or tags) must match to deploy to an environment with custom branch policies. */
export interface EnvironmentBranchPolicyRecord {
  id: number;
  repoId: number;
  environmentId: number;
  name: string;
  type: 'branch' | 'tag';
}

/** An Actions secret of an environment: like a repository's, sealed with the environment's key. */
export interface EnvironmentSecretRecord extends Omit<SecretRecord, 'id'> {
  id: number;
  environmentId: number;
}

/** An Actions variable of an environment: like a repository's. */
export interface EnvironmentVariableRecord extends Omit<VariableRecord, 'id'> {
  id: number;
  environmentId: number;
}

/** An Actions variable of a repository: not a secret, so its value is shown to whoever may read it. */
export interface VariableRecord {
  id: number;
  repoId: number;
  name: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

/** Which of an organization's repositories see its Actions secret or variable (GitHub's three). */
export const ORG_VISIBILITIES = ['all', 'private', 'selected'] as const;
export type OrgVisibility = (typeof ORG_VISIBILITIES)[number];

/** What an organization's Actions secrets and variables share: where they apply. */
interface OrgScoped {
  id: number;
  orgId: number;
  name: string;
  visibility: OrgVisibility;
  /** The repositories of a `selected` one (empty otherwise). */
  selectedRepoIds: number[];
  createdAt: string;
  updatedAt: string;
}

/** An organization's Actions secret: like a repository's, sealed with the organization's key. */
export interface OrgSecretRecord extends OrgScoped {
  encryptedValue: string;
  keyId: string;
}

/** An organization's Actions variable: its value is shown. */
export interface OrgVariableRecord extends OrgScoped {
  value: string;
}

export interface PullRecord {
  id: number;
  issueId: number;
  repoId: number;
  number: number;
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  draft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergedById: number | null;
  mergeCommitSha: string | null;
  requestedReviewerIds: number[];
  /** Teams asked for a review (`requested_teams`), by team id. */
  requestedTeamIds: number[];
  maintainerCanModify: boolean;
}

export interface CommentRecord {
  id: number;
  repoId: number;
  issueId: number;
  userId: number;
  body: string;
  createdAt: string;
  updatedAt: string;
  viaAppId: number | null;
}

export interface LabelRecord {
  id: number;
  repoId: number;
  name: string;
  color: string;
  description: string | null;
  isDefault: boolean;
}

export interface MilestoneRecord {
  id: number;
  repoId: number;
  number: number;
  title: string;
  description: string | null;
  state: 'open' | 'closed';
  dueOn: string | null;
  creatorId: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export const REACTION_CONTENTS = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes'] as const;
export type ReactionContent = (typeof REACTION_CONTENTS)[number];

export type ReactionSubject =
  | { kind: 'issue'; issueId: number }
  | { kind: 'issue_comment'; commentId: number }
  | { kind: 'pull_request_review_comment'; commentId: number };

export interface ReactionRecord {
  id: number;
  repoId: number;
  subject: ReactionSubject;
  userId: number;
  content: ReactionContent;
  createdAt: string;
}

export interface IssueEventRecord {
  id: number;
  repoId: number;
  issueId: number;
  actorId: number;
  event: string;
  createdAt: string;
  commitId: string | null;
  label?: { name: string; color: string };
  assigneeId?: number;
  assignerId?: number;
  milestone?: { title: string };
  rename?: { from: string; to: string };
  reviewerId?: number;
  /** The team of a `review_requested`/`review_request_removed` event asked of a team. */
  reviewerTeamId?: number;
  requesterId?: number;
  stateReason?: string | null;
  lockReason?: string | null;
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'PENDING' | 'DISMISSED';

export interface ReviewRecord {
  id: number;
  repoId: number;
  pullId: number;
  userId: number;
  body: string;
  state: ReviewState;
  commitId: string;
  submittedAt: string | null;
}

/** An inline comment on a pull request's diff (a "review comment"). */
export interface ReviewCommentRecord {
  id: number;
  repoId: number;
  pullId: number;
  reviewId: number | null;
  userId: number;
  body: string;
  path: string;
  line: number | null;
  startLine: number | null;
  side: 'LEFT' | 'RIGHT';
  commitId: string;
  diffHunk: string;
  /** Lines below the file's first `@@` header in the diff (GitHub's closing-down `position`). */
  position: number;
  inReplyToId: number | null;
  createdAt: string;
  updatedAt: string;
  /** `file` for a comment on the whole file (no line); absent for a comment on a line. */
  subjectType?: 'line' | 'file';
  /** On the first comment of a thread: who resolved the thread (`resolveReviewThread`), if it is resolved. */
  resolvedById?: number | null;
}

export type CheckStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
export type CheckConclusion =
  'action_required' | 'cancelled' | 'failure' | 'neutral' | 'success' | 'skipped' | 'stale' | 'timed_out';

export interface CheckSuiteRecord {
  id: number;
  repoId: number;
  appId: number;
  headSha: string;
  headBranch: string | null;
  status: CheckStatus;
  conclusion: CheckConclusion | null;
  createdAt: string;
  updatedAt: string;
}

export interface Annotation {
  path: string;
  startLine: number;
  endLine: number;
  startColumn: number | null;
  endColumn: number | null;
  annotationLevel: 'notice' | 'warning' | 'failure';
  message: string;
  title: string | null;
  rawDetails: string | null;
}

export interface CheckAction {
  label: string;
  description: string;
  identifier: string;
}

export interface CheckRunRecord {
  id: number;
  repoId: number;
  suiteId: number;
  appId: number;
  name: string;
  headSha: string;
  externalId: string | null;
  detailsUrl: string | null;
  status: CheckStatus;
  conclusion: CheckConclusion | null;
  startedAt: string | null;
  completedAt: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations: Annotation[] };
  actions: CheckAction[];
}

export type StatusState = 'error' | 'failure' | 'pending' | 'success';

export interface StatusRecord {
  id: number;
  repoId: number;
  sha: string;
  state: StatusState;
  context: string;
  description: string | null;
  targetUrl: string | null;
  creatorId: number;
  createdAt: string;
  updatedAt: string;
}

export interface AppRecord {
  id: number;
  slug: string;
  name: string;
  description: string | null;
  ownerId: number;
  clientId: string;
  /** PEM public key that app JWTs are verified with. */
  publicKey: string | null;
  permissions: AppPermissions;
  events: string[];
  botUserId: number;
  createdAt: string;
  updatedAt: string;
}

export interface InstallationRecord {
  id: number;
  appId: number;
  accountId: number;
  repositorySelection: 'all' | 'selected';
  repoIds: number[];
  permissions: AppPermissions;
  events: string[];
  createdAt: string;
  updatedAt: string;
}

export type TokenRecord =
  | { id: number; kind: 'user'; token: string; userId: number }
  | {
      id: number;
      kind: 'installation';
      token: string;
      installationId: number;
      expiresAt: string;
      repoIds: number[] | null;
      permissions: AppPermissions;
    };

export interface ReleaseRecord {
  id: number;
  repoId: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  authorId: number;
  createdAt: string;
  publishedAt: string | null;
}

/** A workflow file of a repository (`.github/workflows/ci.yml`), known from the runs registered for it. */
export interface WorkflowRecord {
  id: number;
  repoId: number;
  name: string;
  path: string;
  createdAt: string;
  updatedAt: string;
}

export type RunStatus = 'queued' | 'in_progress' | 'completed';
export type RunConclusion =
  'success' | 'failure' | 'cancelled' | 'skipped' | 'neutral' | 'timed_out' | 'action_required';

/**
 * A workflow run. `backendId` is the run's id in the Actions results service (the first id of
 * the runtime token's `Actions.Results:<run>:<job>` scope): it is how artifact uploads find their
 * run, and so their repository.
 */
export interface WorkflowRunRecord {
  id: number;
  repoId: number;
  workflowId: number;
  backendId: string;
  name: string;
  displayTitle: string;
  event: string;
  headBranch: string | null;
  headSha: string;
  status: RunStatus;
  conclusion: RunConclusion | null;
  runNumber: number;
  runAttempt: number;
  actorId: number;
  createdAt: string;
  updatedAt: string;
  runStartedAt: string;
}

export interface JobStep {
  name: string;
  number: number;
  status: RunStatus;
  conclusion: RunConclusion | null;
  startedAt: string | null;
  completedAt: string | null;
}

export interface WorkflowJobRecord {
  id: number;
  runId: number;
  repoId: number;
  /** The job's id in the results service (the runtime token scope's second id). */
  backendId: string;
  name: string;
  status: RunStatus;
  conclusion: RunConclusion | null;
  createdAt: string;
  startedAt: string;
  completedAt: string | null;
  steps: JobStep[];
  /** The job's log (what `GET …/actions/jobs/{id}/logs` serves). */
  log: string;
}

/** An artifact of a workflow run; its bytes are a blob of the clone's blob store, named `blob`. */
export interface ArtifactRecord {
  id: number;
  repoId: number;
  runId: number;
  jobId: number;
  name: string;
  /** The file name downloads carry (`<name>.zip`, or the file's own name when not archived). */
  fileName: string;
  mimeType: string;
  blob: string;
  /** False until FinalizeArtifact: only finalized artifacts are listed. */
  finalized: boolean;
  sizeInBytes: number;
  /** `sha256:<hex>` of the uploaded bytes. */
  digest: string | null;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

export type TeamPrivacy = 'closed' | 'secret';
export type TeamRole = 'member' | 'maintainer';

/** A team of an organization: its members and the repositories it grants a role on. */
export interface TeamRecord {
  id: number;
  orgId: number;
  name: string;
  slug: string;
  description: string | null;
  privacy: TeamPrivacy;
  notificationSetting: 'notifications_enabled' | 'notifications_disabled';
  parentId: number | null;
  members: Map<number, TeamRole>;
  repos: Map<number, RepoRole>;
  createdAt: string;
  updatedAt: string;
}

/** Classic branch protection of one branch of a repository. */
export interface ProtectionRecord {
  id: number;
  repoId: number;
  branch: string;
  requiredStatusChecks: { strict: boolean; contexts: string[] } | null;
  enforceAdmins: boolean;
  requiredReviews: {
    count: number;
    dismissStale: boolean;
    requireCodeOwners: boolean;
    requireLastPush: boolean;
  } | null;
  requiredLinearHistory: boolean;
  allowForcePushes: boolean;
  allowDeletions: boolean;
  requiredConversationResolution: boolean;
  lockBranch: boolean;
  blockCreations: boolean;
}

/** Every table of the store, by kind. */
export interface Tables {
  user: UserRecord;
  org: OrgRecord;
  repo: RepoRecord;
  issue: IssueRecord;
  pull: PullRecord;
  comment: CommentRecord;
  label: LabelRecord;
  milestone: MilestoneRecord;
  reaction: ReactionRecord;
  event: IssueEventRecord;
  review: ReviewRecord;
  reviewComment: ReviewCommentRecord;
  checkSuite: CheckSuiteRecord;
  checkRun: CheckRunRecord;
  status: StatusRecord;
  app: AppRecord;
  installation: InstallationRecord;
  token: TokenRecord;
  release: ReleaseRecord;
  workflow: WorkflowRecord;
  workflowRun: WorkflowRunRecord;
  workflowJob: WorkflowJobRecord;
  artifact: ArtifactRecord;
  team: TeamRecord;
  protection: ProtectionRecord;
  deletedIssue: DeletedIssueRecord;
  gist: GistRecord;
  secret: SecretRecord;
  variable: VariableRecord;
  orgSecret: OrgSecretRecord;
  orgVariable: OrgVariableRecord;
  repoSubscription: RepoSubscriptionRecord;
  environment: EnvironmentRecord;
  environmentSecret: EnvironmentSecretRecord;
  environmentVariable: EnvironmentVariableRecord;
  environmentBranchPolicy: EnvironmentBranchPolicyRecord;
  gistComment: GistCommentRecord;
  notificationThread: NotificationThreadRecord;
}

export type Kind = keyof Tables;

export const KINDS: readonly Kind[] = [
  'user',
  'org',
  'repo',
  'issue',
  'pull',
  'comment',
  'label',
  'milestone',
  'reaction',
  'event',
  'review',
  'reviewComment',
  'checkSuite',
  'checkRun',
  'status',
  'app',
  'installation',
  'token',
  'release',
  'workflow',
  'workflowRun',
  'workflowJob',
  'artifact',
  'team',
  'protection',
  'deletedIssue',
  'gist',
  'secret',
  'variable',
  'orgSecret',
  'orgVariable',
  'repoSubscription',
  'environment',
  'environmentSecret',
  'environmentVariable',
  'environmentBranchPolicy',
  'gistComment',
  'notificationThread',
];
