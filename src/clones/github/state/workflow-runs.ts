import { randomBytes, randomUUID } from 'node:crypto';
import type {
  AppPermissions,
  AppRecord,
  InstallationRecord,
  JobStep,
  RepoRecord,
  RunConclusion,
  RunStatus,
  TokenRecord,
  UserRecord,
  WorkflowJobRecord,
  WorkflowRecord,
  WorkflowRunRecord,
} from './model.js';
import type { Journal, Store } from './store.js';

/** GitHub's own `github-actions` app, whose installation tokens are the workflows' `GITHUB_TOKEN`. */
export const GITHUB_ACTIONS = {
  appId: 15368,
  slug: 'github-actions',
  botId: 41898282,
  botLogin: 'github-actions[bot]',
  ownerId: 9919,
  ownerLogin: 'github',
} as const;

/**
 * What a workflow's `GITHUB_TOKEN` may do by default (the "permissive" setting of a repository):
 * write to contents, issues, pull requests, checks, statuses, actions… read metadata.
 */
export const DEFAULT_ACTIONS_PERMISSIONS: AppPermissions = {
  actions: 'write',
  checks: 'write',
  contents: 'write',
  deployments: 'write',
  discussions: 'write',
  issues: 'write',
  metadata: 'read',
  packages: 'write',
  pages: 'write',
  pull_requests: 'write',
  repository_projects: 'write',
  security_events: 'write',
  statuses: 'write',
};

function account(
  store: Store,
  journal: Journal | undefined,
  id: number,
  login: string,
  type: UserRecord['type'],
  at: string,
) {
  const existing = store.userByLogin(login);
  if (existing) return existing;
  return store.insert(journal, 'user', {
    id: store.get('user', id) ? store.nextId('user') : id,
    login,
    type,
    name: null,
    email: null,
    bio: null,
    company: null,
    location: null,
    blog: '',
    siteAdmin: false,
    createdAt: at,
    updatedAt: at,
  });
}

/** The `github-actions` app and its bot, created the first time a repository needs them. */
export function ensureActionsApp(store: Store, journal: Journal | undefined, at: string): AppRecord {
  const existing = [...store.all('app')].find((app) => app.slug === GITHUB_ACTIONS.slug);
  if (existing) return existing;
  const owner = account(store, journal, GITHUB_ACTIONS.ownerId, GITHUB_ACTIONS.ownerLogin, 'Organization', at);
  const bot = account(store, journal, GITHUB_ACTIONS.botId, GITHUB_ACTIONS.botLogin, 'Bot', at);
  return store.insert(journal, 'app', {
    id: store.get('app', GITHUB_ACTIONS.appId) ? store.nextId('app') : GITHUB_ACTIONS.appId,
    slug: GITHUB_ACTIONS.slug,
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    ownerId: owner.id,
    clientId: `Iv1.${GITHUB_ACTIONS.appId.toString(16).padStart(16, '0')}`,
    publicKey: null,
    permissions: DEFAULT_ACTIONS_PERMISSIONS,
    events: [],
    botUserId: bot.id,
    createdAt: at,
    updatedAt: at,
  });
}

/** Whether an installation is the implicit one of GitHub Actions (it receives no webhooks). */
export function isActionsInstallation(store: Store, installation: InstallationRecord): boolean {
  return store.get('app', installation.appId)?.slug === GITHUB_ACTIONS.slug;
}

/** The `github-actions` installation on the repository's account, extended to cover the repository. */
export function ensureActionsInstallation(
  store: Store,
  journal: Journal | undefined,
  repo: RepoRecord,
  at: string,
): InstallationRecord {
  const app = ensureActionsApp(store, journal, at);
  const installation = store
    .where('installation', `app:${app.id}`)
    .find((candidate) => candidate.accountId === repo.ownerId);
  if (installation) {
    if (!installation.repoIds.includes(repo.id))
      store.update(journal, 'installation', installation, { repoIds: [...installation.repoIds, repo.id] });
    return installation;
  }
  return store.insert(journal, 'installation', {
    id: store.nextId('installation'),
    appId: app.id,
    accountId: repo.ownerId,
    repositorySelection: 'selected',
    repoIds: [repo.id],
    permissions: DEFAULT_ACTIONS_PERMISSIONS,
    events: [],
    createdAt: at,
    updatedAt: at,
  });
}

/**
 * A `GITHUB_TOKEN`: an installation token of `github-actions` limited to one repository, with the
 * workflow's permissions (`metadata: read` always). `token` fixes its value (seeds); default random.
 */
export function issueActionsToken(
  store: Store,
  journal: Journal | undefined,
  repo: RepoRecord,
  options: { permissions?: AppPermissions; token?: string; at: string; expiresAt: string },
): Extract<TokenRecord, { kind: 'installation' }> {
  const installation = ensureActionsInstallation(store, journal, repo, options.at);
  const token = options.token ?? `ghs_${randomBytes(27).toString('base64url').replace(/[-_]/g, 'x').slice(0, 36)}`;
  const record = store.insert(journal, 'token', {
    id: store.nextId('token'),
    kind: 'installation',
    token,
    installationId: installation.id,
    expiresAt: options.expiresAt,
    repoIds: [repo.id],
    permissions: { ...(options.permissions ?? DEFAULT_ACTIONS_PERMISSIONS), metadata: 'read' },
  });
  return record as Extract<TokenRecord, { kind: 'installation' }>;
}

export interface JobInput {
  name: string;
  backendId?: string;
  status?: RunStatus;
  conclusion?: RunConclusion | null;
  steps?: Array<{ name: string; status?: RunStatus; conclusion?: RunConclusion | null }>;
  log?: string;
}

export interface RunInput {
  repo: RepoRecord;
  actor: UserRecord;
  /** The workflow file, `.github/workflows/<file>`. */
  path: string;
  name: string;
  displayTitle?: string;
  event: string;
  headBranch: string | null;
  headSha: string;
  status: RunStatus;
  conclusion: RunConclusion | null;
  backendId?: string;
  createdAt: string;
  jobs: JobInput[];
}

/** A run of a workflow (the workflow is created with its first run), with its jobs. */
export function insertWorkflowRun(
  store: Store,
  journal: Journal | undefined,
  input: RunInput,
): { run: WorkflowRunRecord; jobs: WorkflowJobRecord[]; workflow: WorkflowRecord } {
  const workflow =
    store.where('workflow', `repo:${input.repo.id}`).find((candidate) => candidate.path === input.path) ??
    store.insert(journal, 'workflow', {
      id: store.nextId('workflow'),
      repoId: input.repo.id,
      name: input.name,
      path: input.path,
      createdAt: input.createdAt,
      updatedAt: input.createdAt,
    });
  const runNumber = store.countWhere('workflowRun', `workflow:${workflow.id}`) + 1;
  const run = store.insert(journal, 'workflowRun', {
    id: store.nextId('workflowRun'),
    repoId: input.repo.id,
    workflowId: workflow.id,
    backendId: input.backendId ?? randomUUID(),
    name: input.name,
    displayTitle: input.displayTitle ?? input.name,
    event: input.event,
    headBranch: input.headBranch,
    headSha: input.headSha,
    status: input.status,
    conclusion: input.status === 'completed' ? (input.conclusion ?? 'success') : null,
    runNumber,
    runAttempt: 1,
    actorId: input.actor.id,
    createdAt: input.createdAt,
    updatedAt: input.createdAt,
    runStartedAt: input.createdAt,
  });
  const jobs = input.jobs.map((job) => insertJob(store, journal, run, job, input.createdAt));
  return { run, jobs, workflow };
}

function insertJob(
  store: Store,
  journal: Journal | undefined,
  run: WorkflowRunRecord,
  job: JobInput,
  at: string,
): WorkflowJobRecord {
  const status = job.status ?? run.status;
  const done = status === 'completed';
  const conclusion = done ? (job.conclusion ?? run.conclusion ?? 'success') : null;
  const steps: JobStep[] = (job.steps ?? []).map((step, i) => {
    const stepStatus = step.status ?? status;
    return {
      name: step.name,
      number: i + 1,
      status: stepStatus,
      conclusion: stepStatus === 'completed' ? (step.conclusion ?? conclusion ?? 'success') : null,
      startedAt: stepStatus === 'queued' ? null : at,
      completedAt: stepStatus === 'completed' ? at : null,
    };
  });
  return store.insert(journal, 'workflowJob', {
    id: store.nextId('workflowJob'),
    runId: run.id,
    repoId: run.repoId,
    backendId: job.backendId ?? randomUUID(),
    name: job.name,
    status,
    conclusion,
    createdAt: at,
    startedAt: at,
    completedAt: done ? at : null,
    steps,
    log: job.log ?? '',
  });
}
