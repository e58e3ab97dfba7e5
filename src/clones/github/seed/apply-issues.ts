import { suiteFor, suiteState } from '../state/check-suites.js';
import type {
  IssueRecord,
  LabelRecord,
  MilestoneRecord,
  PullRecord,
  ReactionRecord,
  RepoRecord,
  UserRecord,
} from '../state/model.js';
import { teamBySlug, teamRepoRole, teamsOf } from '../state/teams.js';
import type { SeedBuilder } from './builder.js';
import { DEFAULT_LABELS } from './defaults.js';
import { unknown } from './errors.js';
import type { SeedComment, SeedIssue, SeedPull, SeedRepo } from './schema.js';

const DAY = 86_400_000;

/** Labels, milestones, issues, pull requests and everything hanging off them, for one repository. */
export function seedRepoIssues(
  b: SeedBuilder,
  repo: RepoRecord,
  seed: SeedRepo,
  path: string,
  fallbackUser: UserRecord,
): void {
  const { store } = b;
  const labels = new Map<string, LabelRecord>();
  const labelSeeds = seed.labels ?? DEFAULT_LABELS;
  labelSeeds.forEach((label, i) => {
    if (labels.has(label.name.toLowerCase()))
      return b.problem(`${path}.labels[${i}]`, `duplicate label "${label.name}"`);
    const record = store.insert(undefined, 'label', {
      id: store.nextId('label'),
      repoId: repo.id,
      name: label.name,
      color: (label.color ?? 'ededed').toLowerCase(),
      description: label.description ?? null,
      isDefault: seed.labels === undefined,
    });
    labels.set(label.name.toLowerCase(), record);
  });

  const milestones = new Map<string, MilestoneRecord>();
  let milestoneNumber = 1;
  seed.milestones?.forEach((milestone, i) => {
    const at = `${path}.milestones[${i}]`;
    if (milestones.has(milestone.title)) return b.problem(at, `duplicate milestone "${milestone.title}"`);
    const number = milestone.number ?? milestoneNumber;
    milestoneNumber = Math.max(milestoneNumber, number) + 1;
    const created = b.time(milestone.createdAt, new Date(repo.createdAt));
    const creator = (milestone.creator ? b.user(milestone.creator, `${at}.creator`) : undefined) ?? fallbackUser;
    const closed = milestone.state === 'closed';
    milestones.set(
      milestone.title,
      store.insert(undefined, 'milestone', {
        id: store.nextId('milestone'),
        repoId: repo.id,
        number,
        title: milestone.title,
        description: milestone.description ?? null,
        state: closed ? 'closed' : 'open',
        dueOn: milestone.dueOn ? b.time(milestone.dueOn, b.now) : null,
        creatorId: creator.id,
        createdAt: created,
        updatedAt: created,
        closedAt: closed ? created : null,
      }),
    );
  });

  // Issues and pull requests share one sequence; explicit numbers are honoured first.
  const taken = new Set<number>();
  const entries: Array<{ kind: 'issue'; seed: SeedIssue; at: string } | { kind: 'pull'; seed: SeedPull; at: string }> =
    [
      ...(seed.issues ?? []).map((issue, i) => ({ kind: 'issue' as const, seed: issue, at: `${path}.issues[${i}]` })),
      ...(seed.pulls ?? []).map((pull, i) => ({ kind: 'pull' as const, seed: pull, at: `${path}.pulls[${i}]` })),
    ];
  for (const entry of entries) {
    const number = entry.seed.number;
    if (number === undefined) continue;
    if (taken.has(number)) b.problem(`${entry.at}.number`, `number ${number} is used twice`);
    taken.add(number);
  }
  let next = 1;
  const numberFor = (explicit: number | undefined) => {
    if (explicit !== undefined) return explicit;
    while (taken.has(next)) next++;
    taken.add(next);
    return next;
  };

  const context = { b, repo, labels, milestones, fallbackUser };
  for (const entry of entries) {
    const number = numberFor(entry.seed.number);
    const issue = seedIssue(context, entry.seed, entry.at, number, entry.kind === 'pull');
    if (!issue) continue;
    if (entry.kind === 'pull') seedPull(context, issue, entry.seed, entry.at);
  }
  repo.nextNumber = Math.max(0, ...taken) + 1;

  seedChecks(b, repo, seed, path, fallbackUser);
}

interface Context {
  b: SeedBuilder;
  repo: RepoRecord;
  labels: Map<string, LabelRecord>;
  milestones: Map<string, MilestoneRecord>;
  fallbackUser: UserRecord;
}

function seedIssue(
  { b, repo, labels, milestones }: Context,
  seed: SeedIssue | SeedPull,
  at: string,
  number: number,
  isPull: boolean,
): IssueRecord | undefined {
  const { store } = b;
  const author = b.user(seed.author, `${at}.author`);
  const labelIds: number[] = [];
  seed.labels?.forEach((name, i) => {
    const label = labels.get(name.toLowerCase());
    if (label) labelIds.push(label.id);
    else
      b.problem(
        `${at}.labels[${i}]`,
        unknown(
          'label',
          name,
          [...labels.values()].map((l) => l.name),
        ),
      );
  });
  const assigneeIds: number[] = [];
  seed.assignees?.forEach((login, i) => {
    const user = b.user(login, `${at}.assignees[${i}]`);
    if (user) assigneeIds.push(user.id);
  });
  let milestoneId: number | null = null;
  if (seed.milestone !== undefined) {
    const milestone = milestones.get(seed.milestone);
    if (milestone) milestoneId = milestone.id;
    else b.problem(`${at}.milestone`, unknown('milestone', seed.milestone, milestones.keys()));
  }
  // Every reference is checked before giving up on the issue, so all problems are reported at once.
  if (!author) return undefined;
  const createdAt = b.date(
    seed.createdAt,
    new Date(Math.max(new Date(repo.createdAt).getTime(), b.now.getTime() - DAY)),
  );
  const updatedAt = b.date(seed.updatedAt, createdAt);
  const closed = seed.state === 'closed';
  const closedAt = closed ? b.time(seed.closedAt, updatedAt) : null;
  const closedBy =
    closed && 'closedBy' in seed && seed.closedBy ? (b.user(seed.closedBy, `${at}.closedBy`) ?? author) : author;
  const stateReason =
    'stateReason' in seed && seed.stateReason ? seed.stateReason : closed && !isPull ? 'completed' : null;
  const iso = (date: Date) => b.time(date.toISOString(), date);
  const issue = store.insert(undefined, 'issue', {
    id: store.nextId('issue'),
    repoId: repo.id,
    number,
    title: seed.title,
    body: seed.body ?? null,
    userId: author.id,
    state: closed ? 'closed' : 'open',
    stateReason: closed ? stateReason : null,
    labelIds,
    assigneeIds,
    milestoneId,
    locked: seed.locked ?? false,
    activeLockReason: null,
    createdAt: iso(createdAt),
    updatedAt: iso(updatedAt),
    closedAt,
    closedById: closed ? closedBy.id : null,
    pullId: null,
    viaAppId: null,
  });
  if (closed)
    store.insert(undefined, 'event', {
      id: store.nextId('event'),
      repoId: repo.id,
      issueId: issue.id,
      actorId: closedBy.id,
      event: 'closed',
      createdAt: closedAt!,
      commitId: null,
      stateReason: issue.stateReason,
    });
  seed.comments?.forEach((comment, i) => seedComment(b, repo, issue, comment, `${at}.comments[${i}]`));
  seedReactions(b, repo, { kind: 'issue', issueId: issue.id }, seed.reactions, issue.createdAt, at);
  return issue;
}

function seedComment(b: SeedBuilder, repo: RepoRecord, issue: IssueRecord, seed: SeedComment, at: string): void {
  const { store } = b;
  const author = b.user(seed.author, `${at}.author`);
  if (!author) return;
  const createdAt = b.time(seed.createdAt, new Date(issue.createdAt));
  const comment = store.insert(undefined, 'comment', {
    id: store.nextId('comment'),
    repoId: repo.id,
    issueId: issue.id,
    userId: author.id,
    body: seed.body,
    createdAt,
    updatedAt: b.time(seed.updatedAt, new Date(createdAt)),
    viaAppId: null,
  });
  seedReactions(b, repo, { kind: 'issue_comment', commentId: comment.id }, seed.reactions, createdAt, at);
}

/** The reactions of an issue or a comment, as of `createdAt`; unknown users are problems at `at`. */
function seedReactions(
  b: SeedBuilder,
  repo: RepoRecord,
  subject: ReactionRecord['subject'],
  reactions: SeedComment['reactions'],
  createdAt: string,
  at: string,
): void {
  reactions?.forEach((reaction, i) => {
    const user = b.user(reaction.user, `${at}.reactions[${i}].user`);
    if (user)
      b.store.insert(undefined, 'reaction', {
        id: b.store.nextId('reaction'),
        repoId: repo.id,
        subject,
        userId: user.id,
        content: reaction.content,
        createdAt,
      });
  });
}

function seedPull({ b, repo }: Context, issue: IssueRecord, seed: SeedPull, at: string): void {
  const { store } = b;
  const base = seed.base ?? repo.defaultBranch;
  const headSha = repo.git.branch(seed.head);
  const baseSha = repo.git.branch(base);
  if (!headSha) return b.problem(`${at}.head`, unknown('branch', seed.head, repo.git.branches().keys()));
  if (!baseSha) return b.problem(`${at}.base`, unknown('branch', base, repo.git.branches().keys()));
  const reviewers: number[] = [];
  seed.requestedReviewers?.forEach((login, i) => {
    const user = b.user(login, `${at}.requestedReviewers[${i}]`);
    if (user) reviewers.push(user.id);
  });
  const pull = store.insert(undefined, 'pull', {
    id: store.nextId('pull'),
    issueId: issue.id,
    repoId: repo.id,
    number: issue.number,
    headRef: seed.head,
    headSha,
    baseRef: base,
    baseSha,
    draft: seed.draft ?? false,
    merged: false,
    mergedAt: null,
    mergedById: null,
    mergeCommitSha: null,
    requestedReviewerIds: reviewers,
    requestedTeamIds: [],
    maintainerCanModify: false,
  });
  issue.pullId = pull.id;
  if (seed.requestedTeams?.length) {
    const slugs = seed.requestedTeams;
    b.afterTeams.push(() => requestTeams(b, repo, pull, slugs, `${at}.requestedTeams`));
  }
  seed.reviews?.forEach((review, i) => {
    const user = b.user(review.user, `${at}.reviews[${i}].user`);
    if (!user) return;
    store.insert(undefined, 'review', {
      id: store.nextId('review'),
      repoId: repo.id,
      pullId: pull.id,
      userId: user.id,
      body: review.body ?? '',
      state: review.state,
      commitId: headSha,
      submittedAt: b.time(review.submittedAt, new Date(issue.updatedAt)),
    });
  });
}

/** As GitHub allows: teams of the organization that owns the repository, with access to it. */
function requestTeams(b: SeedBuilder, repo: RepoRecord, pull: PullRecord, slugs: string[], at: string): void {
  const owner = b.store.get('user', repo.ownerId)!;
  if (owner.type !== 'Organization')
    return b.problem(at, `teams review pull requests of organizations' repositories; ${owner.login} is a user`);
  const ids: number[] = [];
  slugs.forEach((slug, i) => {
    const team = teamBySlug(b.store, owner.id, slug);
    if (!team)
      return b.problem(
        `${at}[${i}]`,
        unknown(
          'team',
          slug,
          teamsOf(b.store, owner.id).map((candidate) => candidate.slug),
        ),
      );
    if (!teamRepoRole(b.store, team, repo))
      return b.problem(
        `${at}[${i}]`,
        `team "${slug}" has no access to ${owner.login}/${repo.name}: list the repository in its orgs[].teams[].repos`,
      );
    if (!ids.includes(team.id)) ids.push(team.id);
  });
  b.store.update(undefined, 'pull', pull, { requestedTeamIds: ids });
}

function seedChecks(b: SeedBuilder, repo: RepoRecord, seed: SeedRepo, path: string, fallbackUser: UserRecord): void {
  const { store } = b;
  const apps = [...store.all('app')];
  seed.checkRuns?.forEach((run, i) => {
    const at = `${path}.checkRuns[${i}]`;
    const sha = repo.git.resolveCommit(run.ref);
    if (!sha) return b.problem(`${at}.ref`, `unknown ref "${run.ref}"`);
    const app = apps.find((candidate) => candidate.slug === run.app);
    if (!app)
      return b.problem(
        `${at}.app`,
        unknown(
          'app',
          run.app,
          apps.map((a) => a.slug),
        ),
      );
    const now = b.time('now', b.now);
    const suite = suiteFor(store, undefined, repo, app.id, sha, now);
    const status = run.conclusion ? 'completed' : (run.status ?? 'queued');
    store.insert(undefined, 'checkRun', {
      id: store.nextId('checkRun'),
      repoId: repo.id,
      suiteId: suite.id,
      appId: app.id,
      name: run.name,
      headSha: sha,
      externalId: null,
      detailsUrl: run.detailsUrl ?? null,
      status,
      conclusion: status === 'completed' ? (run.conclusion ?? 'neutral') : null,
      startedAt: now,
      completedAt: status === 'completed' ? now : null,
      output: {
        title: run.output?.title ?? null,
        summary: run.output?.summary ?? null,
        text: run.output?.text ?? null,
        annotations: [],
      },
      actions: [],
    });
  });
  for (const suite of store.all('checkSuite'))
    if (suite.repoId === repo.id) Object.assign(suite, suiteState(store, suite));
  seed.statuses?.forEach((status, i) => {
    const at = `${path}.statuses[${i}]`;
    const sha = repo.git.resolveCommit(status.ref);
    if (!sha) return b.problem(`${at}.ref`, `unknown ref "${status.ref}"`);
    const creator = (status.creator ? b.user(status.creator, `${at}.creator`) : undefined) ?? fallbackUser;
    const now = b.time('now', b.now);
    store.insert(undefined, 'status', {
      id: store.nextId('status'),
      repoId: repo.id,
      sha,
      state: status.state,
      context: status.context,
      description: status.description ?? null,
      targetUrl: status.targetUrl ?? null,
      creatorId: creator.id,
      createdAt: now,
      updatedAt: now,
    });
  });
}
