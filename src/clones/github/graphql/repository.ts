import type { DomainContext } from '../domain/context.js';
import { languagesConnection } from './languages.js';
import { isAssignable } from '../domain/issues.js';
import { pinnedIssues } from '../domain/issue-pin.js';
import { fullName, forkCount } from '../render/repos.js';
import { nodeId } from '../render/urls.js';
import type { IssueRecord, RepoRecord, UserRecord } from '../state/model.js';
import { NEED, userRole } from '../state/permissions.js';
import { connection, emptyConnection, gqlError, upper, type ConnectionArgs, type Gql } from './context.js';
import { environmentConnection, type EnvironmentsArgs } from './environments.js';
import { issueObject, pullObject } from './issues.js';
import { latestReleaseObject, releaseByTag, releaseConnection } from './releases.js';
import { resolveRevision } from '../domain/revision.js';
import {
  actorById,
  actorObject,
  canSee,
  commitObject,
  gitObject,
  labelObject,
  milestoneObject,
  refObject,
  viewerPermission,
} from './objects.js';

interface OrderBy {
  field: string;
  direction: 'ASC' | 'DESC';
}

interface IssueFilters {
  states?: string[] | null;
  labels?: string[] | null;
  assignee?: string | null;
  createdBy?: string | null;
  mentioned?: string | null;
  milestone?: string | null;
  milestoneNumber?: string | null;
  since?: string | null;
}

type IssueArgs = ConnectionArgs & IssueFilters & { orderBy?: OrderBy | null; filterBy?: IssueFilters | null };
type PullArgs = ConnectionArgs & {
  states?: string[] | null;
  labels?: string[] | null;
  headRefName?: string | null;
  baseRefName?: string | null;
  orderBy?: OrderBy | null;
};

const login = (domain: DomainContext, id: number | null) => domain.store.get('user', id)?.login.toLowerCase();

/** Sorts as GitHub's `IssueOrder` does (default: oldest first). */
function ordered(domain: DomainContext, issues: IssueRecord[], order: OrderBy | null | undefined): IssueRecord[] {
  const field = order?.field ?? 'CREATED_AT';
  const key = (issue: IssueRecord): number | string =>
    field === 'UPDATED_AT'
      ? issue.updatedAt
      : field === 'COMMENTS'
        ? domain.store.countWhere('comment', `issue:${issue.id}`)
        : issue.createdAt;
  const sorted = issues.slice().sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x < y ? -1 : x > y ? 1 : a.number - b.number;
  });
  return order?.direction === 'DESC' ? sorted.reverse() : sorted;
}

function filterIssues(
  domain: DomainContext,
  repo: RepoRecord,
  issues: IssueRecord[],
  filters: IssueFilters,
): IssueRecord[] {
  const states = filters.states?.map((state) => state.toLowerCase());
  const labels = filters.labels?.map((label) => label.toLowerCase());
  return issues.filter((issue) => {
    if (states && !states.includes(issue.state)) return false;
    if (labels) {
      const names = issue.labelIds.map((id) => domain.store.get('label', id)?.name.toLowerCase());
      if (!labels.some((label) => names.includes(label))) return false;
    }
    if (filters.assignee) {
      const wanted = filters.assignee.toLowerCase();
      if (
        wanted === '*' ? issue.assigneeIds.length === 0 : !issue.assigneeIds.some((id) => login(domain, id) === wanted)
      )
        return false;
    }
    if (filters.createdBy && login(domain, issue.userId) !== filters.createdBy.toLowerCase()) return false;
    if (filters.mentioned && !(issue.body ?? '').toLowerCase().includes(`@${filters.mentioned.toLowerCase()}`))
      return false;
    if (filters.milestoneNumber || filters.milestone) {
      const milestone = domain.store.get('milestone', issue.milestoneId);
      const wanted = filters.milestoneNumber ?? filters.milestone!;
      if (
        wanted === '*'
          ? !milestone
          : wanted === 'none'
            ? milestone
            : String(milestone?.number) !== wanted && milestone?.title !== wanted
      )
        return false;
    }
    if (filters.since && issue.updatedAt < filters.since) return false;
    return true;
  });
}

/** A Repository and the connections agents and `gh` read from it. */
export function repoObject(domain: DomainContext, repo: RepoRecord): Gql {
  const owner = domain.store.get('user', repo.ownerId)!;
  const name = fullName(domain, repo);
  const url = domain.urls.repoHtml(name);
  const issuesOf = (pulls: boolean) =>
    canSee(domain, repo, pulls ? NEED.pullsRead : NEED.issuesRead)
      ? domain.store.where('issue', `repo:${repo.id}`).filter((issue) => (issue.pullId !== null) === pulls)
      : [];
  const issueByNumber = (number: number, pulls: boolean | null) => {
    const issue = domain.store.issueByNumber(repo.id, number);
    if (!issue || (pulls !== null && (issue.pullId !== null) !== pulls))
      throw gqlError(
        'NOT_FOUND',
        `Could not resolve to ${pulls === false ? 'an Issue' : pulls ? 'a PullRequest' : 'an issue or pull request'} with the number of ${number}.`,
      );
    return issueObject(domain, repo, issue);
  };
  const branchRef = (branch: string) => {
    const sha = repo.git.branch(branch);
    return sha ? refObject(domain, repo, `refs/heads/${branch}`, sha) : null;
  };
  const users = (
    args: ConnectionArgs & { query?: string | null },
    admits: (user: UserRecord) => boolean = () => true,
  ) => {
    const ids = new Set<number>([repo.ownerId, ...repo.collaborators.keys()]);
    const org = domain.store.get('org', repo.ownerId);
    if (org && org.memberRole !== 'none') for (const id of org.members.keys()) ids.add(id);
    const query = args.query?.toLowerCase();
    const list = [...ids]
      .map((id) => domain.store.get('user', id))
      .filter(
        (user): user is UserRecord =>
          user !== undefined && user.type === 'User' && userRole(domain.store, user.id, repo) !== undefined,
      )
      .filter(admits)
      .filter(
        (user) => !query || user.login.toLowerCase().includes(query) || (user.name ?? '').toLowerCase().includes(query),
      );
    return connection(list, args, (user) => actorObject(domain, user), 'User');
  };
  return {
    __typename: 'Repository',
    id: nodeId('Repository', repo.id),
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: name,
    owner: () => actorObject(domain, owner),
    description: repo.description,
    homepageUrl: repo.homepage,
    url,
    resourcePath: `/${name}`,
    sshUrl: `git@${domain.urls.host}:${name}.git`,
    isPrivate: repo.private,
    visibility: repo.private ? 'PRIVATE' : 'PUBLIC',
    isArchived: repo.archived,
    isFork: repo.forkOf !== null,
    isTemplate: false,
    isMirror: false,
    isLocked: false,
    isDisabled: false,
    isEmpty: repo.git.branches().size === 0,
    isInOrganization: owner.type === 'Organization',
    createdAt: repo.createdAt,
    updatedAt: repo.updatedAt,
    pushedAt: repo.pushedAt,
    hasIssuesEnabled: repo.hasIssues,
    hasWikiEnabled: repo.hasWiki,
    hasProjectsEnabled: repo.hasProjects,
    hasDiscussionsEnabled: false,
    mergeCommitAllowed: repo.allowMergeCommit,
    squashMergeAllowed: repo.allowSquashMerge,
    rebaseMergeAllowed: repo.allowRebaseMerge,
    deleteBranchOnMerge: repo.deleteBranchOnMerge,
    autoMergeAllowed: false,
    mergeQueue: null,
    viewerPermission: viewerPermission(domain, repo),
    viewerCanAdminister: viewerPermission(domain, repo) === 'ADMIN',
    viewerCanPush: ['ADMIN', 'MAINTAIN', 'WRITE'].includes(viewerPermission(domain, repo) ?? ''),
    viewerHasStarred: false,
    viewerSubscription: 'SUBSCRIBED',
    stargazerCount: 0,
    forkCount: () => forkCount(domain, repo),
    watchers: emptyConnection,
    stargazers: emptyConnection,
    primaryLanguage: repo.language
      ? { __typename: 'Language', id: nodeId('Language', 1), name: repo.language, color: null }
      : null,
    languages: (args: Parameters<typeof languagesConnection>[1]) => languagesConnection(repo, args),
    licenseInfo: null,
    repositoryTopics: (args: ConnectionArgs) =>
      connection(
        repo.topics,
        args,
        (topic) => ({
          __typename: 'RepositoryTopic',
          topic: { __typename: 'Topic', name: topic },
          url: `${domain.urls.web}/topics/${topic}`,
        }),
        'RepositoryTopic',
      ),
    parent: () => {
      const parent = domain.store.get('repo', repo.forkOf);
      return parent && canSee(domain, parent) ? repoObject(domain, parent) : null;
    },
    templateRepository: null,
    // What the clone has no state for answers as a repository without it (gh repo view asks for all of these).
    codeOfConduct: null,
    fundingLinks: [],
    isBlankIssuesEnabled: true,
    isSecurityPolicyEnabled: false,
    securityPolicyUrl: null,
    isUserConfigurationRepository: repo.name.toLowerCase() === owner.login.toLowerCase(),
    mirrorUrl: null,
    openGraphImageUrl: `${domain.urls.web}/opengraph/${name}.png`,
    usesCustomOpenGraphImage: false,
    viewerPossibleCommitEmails: () => {
      const viewer = domain.actor.kind === 'user' ? domain.actor.user : undefined;
      return viewer?.email ? [viewer.email] : [];
    },
    defaultBranchRef: () => branchRef(repo.defaultBranch),
    issue: (args: { number: number }) => issueByNumber(args.number, false),
    pullRequest: (args: { number: number }) => issueByNumber(args.number, true),
    issueOrPullRequest: (args: { number: number }) => issueByNumber(args.number, null),
    issues: (args: IssueArgs) =>
      connection(
        ordered(
          domain,
          filterIssues(domain, repo, issuesOf(false), {
            ...args,
            ...(args.filterBy ?? {}),
            states: args.filterBy?.states ?? args.states,
            labels: args.filterBy?.labels ?? args.labels,
          }),
          args.orderBy,
        ),
        args,
        (issue) => issueObject(domain, repo, issue),
        'Issue',
      ),
    pullRequests: (args: PullArgs) => {
      const states = args.states?.map((state) => state.toUpperCase());
      const labels = args.labels;
      const list = issuesOf(true).filter((issue) => {
        const pull = domain.store.get('pull', issue.pullId)!;
        const state = pull.merged ? 'MERGED' : upper(issue.state);
        if (states && !states.includes(state)) return false;
        if (args.headRefName && pull.headRef !== args.headRefName) return false;
        if (args.baseRefName && pull.baseRef !== args.baseRefName) return false;
        return !labels || filterIssues(domain, repo, [issue], { labels }).length > 0;
      });
      return connection(
        ordered(domain, list, args.orderBy),
        args,
        (issue) => pullObject(domain, domain.store.get('pull', issue.pullId)!),
        'PullRequest',
      );
    },
    labels: (args: ConnectionArgs & { query?: string | null; orderBy?: OrderBy | null }) => {
      const query = args.query?.toLowerCase();
      let labels = domain.store
        .where('label', `repo:${repo.id}`)
        .filter(
          (label) =>
            !query ||
            label.name.toLowerCase().includes(query) ||
            (label.description ?? '').toLowerCase().includes(query),
        );
      if (args.orderBy?.field === 'NAME') labels = labels.slice().sort((a, b) => a.name.localeCompare(b.name));
      if (args.orderBy?.direction === 'DESC') labels = labels.slice().reverse();
      return connection(labels, args, (label) => labelObject(domain, repo, label), 'Label');
    },
    label: (args: { name: string }) => {
      const label = domain.store
        .where('label', `repo:${repo.id}`)
        .find((candidate) => candidate.name.toLowerCase() === args.name.toLowerCase());
      return label ? labelObject(domain, repo, label) : null;
    },
    milestones: (args: ConnectionArgs & { states?: string[] | null; query?: string | null }) =>
      connection(
        domain.store
          .where('milestone', `repo:${repo.id}`)
          .filter((milestone) => !args.states || args.states.includes(upper(milestone.state)))
          .filter((milestone) => !args.query || milestone.title.toLowerCase().includes(args.query.toLowerCase())),
        args,
        (milestone) => milestoneObject(domain, repo, milestone),
        'Milestone',
      ),
    milestone: (args: { number: number }) => {
      const milestone = domain.store
        .where('milestone', `repo:${repo.id}`)
        .find((candidate) => candidate.number === args.number);
      return milestone ? milestoneObject(domain, repo, milestone) : null;
    },
    refs: (args: ConnectionArgs & { refPrefix: string; query?: string | null; direction?: string | null }) => {
      const refs = [...repo.git.refs.list(args.refPrefix)]
        .filter(([ref]) => !args.query || ref.slice(args.refPrefix.length).includes(args.query))
        .sort(([a], [b]) => a.localeCompare(b));
      if (args.direction === 'DESC') refs.reverse();
      return connection(refs, args, ([ref, sha]) => refObject(domain, repo, ref, sha), 'Ref');
    },
    ref: (args: { qualifiedName: string }) => {
      const qualified = args.qualifiedName.startsWith('refs/')
        ? args.qualifiedName
        : `refs/heads/${args.qualifiedName}`;
      const sha = repo.git.refs.get(qualified) ?? repo.git.refs.get(`refs/tags/${args.qualifiedName}`);
      return sha
        ? refObject(domain, repo, repo.git.refs.get(qualified) ? qualified : `refs/tags/${args.qualifiedName}`, sha)
        : null;
    },
    object: (args: { oid?: string | null; expression?: string | null }) => {
      if (args.oid) return gitObject(domain, repo, args.oid);
      const expression = args.expression ?? '';
      const colon = expression.indexOf(':');
      const revision = colon === -1 ? expression : expression.slice(0, colon);
      // `HEAD:path`, the idiom of most scripts, reads the default branch.
      const commit = resolveRevision(repo, revision || 'HEAD');
      if (!commit) return null;
      if (colon === -1) return commitObject(domain, repo, commit);
      const tree = repo.git.readCommit(commit)!.tree;
      const entry = repo.git.entryAt(tree, expression.slice(colon + 1).replace(/^\/|\/$/g, ''));
      return entry ? gitObject(domain, repo, entry.sha) : null;
    },
    // Who REST's /assignees lists and updateIssue accepts (triage or more), so gh offers no one it then refuses.
    assignableUsers: (args: ConnectionArgs & { query?: string | null }) =>
      users(args, (user) => isAssignable(domain, repo, user)),
    mentionableUsers: (args: ConnectionArgs & { query?: string | null }) => users(args),
    collaborators: (args: ConnectionArgs & { query?: string | null }) => users(args),
    latestRelease: () => latestReleaseObject(domain, repo),
    release: (args: { tagName: string }) => releaseByTag(domain, repo, args.tagName),
    releases: (args: Parameters<typeof releaseConnection>[2]) => releaseConnection(domain, repo, args),
    discussions: emptyConnection,
    projects: emptyConnection,
    projectsV2: emptyConnection,
    environments: (args: EnvironmentsArgs) => environmentConnection(domain, repo, args),
    pinnedIssues: (args: ConnectionArgs) =>
      connection(
        pinnedIssues(domain, repo),
        args,
        (issue) => ({
          __typename: 'PinnedIssue',
          id: nodeId('PinnedIssue', issue.id),
          databaseId: issue.id,
          fullDatabaseId: String(issue.id),
          isReadByViewer: true,
          issue: issueObject(domain, repo, issue),
          pinnedBy: () => actorById(domain, issue.pinned!.byId),
          repository: () => repoObject(domain, repo),
        }),
        'PinnedIssue',
      ),
    forks: (args: ConnectionArgs) =>
      connection(
        [...domain.store.all('repo')].filter((fork) => fork.forkOf === repo.id && canSee(domain, fork)),
        args,
        (fork) => repoObject(domain, fork),
        'Repository',
      ),
    codeOwners: null,
    diskUsage: 0,
    issueTemplates: [],
    pullRequestTemplates: [],
    contactLinks: [],
    viewerDefaultMergeMethod: repo.allowMergeCommit ? 'MERGE' : repo.allowSquashMerge ? 'SQUASH' : 'REBASE',
    viewerDefaultCommitEmail: null,
  };
}
