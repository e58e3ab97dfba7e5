import type { DomainContext } from '../domain/context.js';
import { isTreeMode, personDate, type Person } from '../git/format.js';
import { logCommits, touchesPath } from '../git/history.js';
import { latestStatuses, rollupState } from '../state/check-rollup.js';
import { userForEmail } from '../render/git.js';
import { fullName } from '../render/repos.js';
import { nodeId, shaNodeId } from '../render/urls.js';
import type { LabelRecord, MilestoneRecord, RepoRecord, UserRecord } from '../state/model.js';
import { actorRole, authorize, NEED, type Need } from '../state/permissions.js';
import { links } from './links.js';
import { userGists, type GistsArgs } from './gists.js';
import { organizationTeam, organizationTeams, type TeamsArgs } from './teams.js';
import { connection, gqlError, upper, type ConnectionArgs, type Gql, type GraphqlContext } from './context.js';

/** A repository the viewer may see (`need`), or GitHub's NOT_FOUND. */
export function visibleRepo(ctx: GraphqlContext, owner: string, name: string, need: Need = NEED.metadata): RepoRecord {
  const repo = ctx.domain.store.repoByFullName(owner, name);
  if (repo && canSee(ctx.domain, repo, need)) return repo;
  throw gqlError('NOT_FOUND', `Could not resolve to a Repository with the name '${owner}/${name}'.`);
}

export function canSee(domain: DomainContext, repo: RepoRecord, need: Need = NEED.metadata): boolean {
  try {
    authorize(domain.store, domain.actor, repo, need);
    return true;
  } catch {
    return false;
  }
}

const avatar = (domain: DomainContext, id: number) => `${domain.urls.web}/avatars/u/${id}?v=4`;

/** A User, Bot or Organization (the `Actor`, `RepositoryOwner` and `Assignee` interfaces). */
export function actorObject(domain: DomainContext, user: UserRecord): Gql {
  const typename = user.type === 'Organization' ? 'Organization' : user.type === 'Bot' ? 'Bot' : 'User';
  const login = user.type === 'Bot' ? user.login.replace(/\[bot\]$/, '') : user.login;
  const url = user.type === 'Bot' ? `${domain.urls.web}/apps/${login}` : `${domain.urls.web}/${user.login}`;
  return {
    __typename: typename,
    id: nodeId(typename, user.id),
    databaseId: user.id,
    login,
    name: user.name,
    email: user.email ?? '',
    bio: user.bio,
    company: user.company,
    location: user.location,
    websiteUrl: user.blog || null,
    description: null,
    avatarUrl: avatar(domain, user.id),
    url,
    resourcePath: new URL(url).pathname,
    isSiteAdmin: user.siteAdmin,
    isViewer: domain.actor.kind !== 'anonymous' && 'user' in domain.actor && domain.actor.user.id === user.id,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    repository: (args: { name: string }) => {
      const repo = domain.store.repoNamed(user.id, args.name);
      return repo && canSee(domain, repo) ? links.repo(domain, repo) : null;
    },
    repositories: (args: ConnectionArgs & { privacy?: string; isFork?: boolean }) =>
      connection(
        domain.store
          .where('repo', `owner:${user.id}`)
          .filter((repo) => canSee(domain, repo))
          .filter((repo) => !args.privacy || (args.privacy === 'PRIVATE') === repo.private)
          .filter((repo) => args.isFork == null || args.isFork === (repo.forkOf !== null)),
        args,
        (repo) => links.repo(domain, repo),
        'Repository',
      ),
    ...(user.type === 'Organization'
      ? {
          teams: (args: TeamsArgs) => organizationTeams(domain, user, args),
          team: (args: { slug: string }) => organizationTeam(domain, user, args.slug),
        }
      : {}),
    gists: (args: GistsArgs) => userGists(domain, user, args),
    organizations: (args: ConnectionArgs) =>
      connection(
        [...domain.store.all('org')].filter((org) => org.members.has(user.id)),
        args,
        (org) => actorObject(domain, domain.store.get('user', org.id)!),
        'Organization',
      ),
  };
}

export function actorById(domain: DomainContext, id: number | null | undefined): Gql | null {
  const user = domain.store.get('user', id);
  return user ? actorObject(domain, user) : null;
}

/** A git author or committer, with the GitHub account its email belongs to. */
export function gitActor(domain: DomainContext, person: Person): Gql {
  const user = userForEmail(domain, person.email);
  return {
    __typename: 'GitActor',
    name: person.name,
    email: person.email,
    date: personDate(person),
    avatarUrl: user ? avatar(domain, user.id) : `${domain.urls.web}/identicons/${encodeURIComponent(person.email)}.png`,
    user: user ? actorObject(domain, user) : null,
  };
}

export function labelObject(domain: DomainContext, repo: RepoRecord, label: LabelRecord): Gql {
  const name = fullName(domain, repo);
  return {
    __typename: 'Label',
    id: nodeId('Label', label.id),
    name: label.name,
    color: label.color,
    description: label.description,
    isDefault: label.isDefault,
    url: `${domain.urls.repoHtml(name)}/labels/${encodeURIComponent(label.name)}`,
    resourcePath: `/${name}/labels/${encodeURIComponent(label.name)}`,
    createdAt: null,
    updatedAt: null,
    repository: () => links.repo(domain, repo),
  };
}

export function milestoneObject(domain: DomainContext, repo: RepoRecord, milestone: MilestoneRecord): Gql {
  const name = fullName(domain, repo);
  return {
    __typename: 'Milestone',
    id: nodeId('Milestone', milestone.id),
    number: milestone.number,
    title: milestone.title,
    description: milestone.description,
    state: upper(milestone.state),
    closed: milestone.state === 'closed',
    dueOn: milestone.dueOn,
    closedAt: milestone.closedAt,
    createdAt: milestone.createdAt,
    updatedAt: milestone.updatedAt,
    creator: () => actorById(domain, milestone.creatorId),
    url: `${domain.urls.repoHtml(name)}/milestone/${milestone.number}`,
    progressPercentage: () => {
      const issues = domain.store.where('issue', `repo:${repo.id}`).filter((i) => i.milestoneId === milestone.id);
      return issues.length === 0 ? 0 : (100 * issues.filter((i) => i.state === 'closed').length) / issues.length;
    },
    repository: () => links.repo(domain, repo),
  };
}

/** A commit (`Commit`), read from the repository's git objects. */
export function commitObject(domain: DomainContext, repo: RepoRecord, sha: string): Gql | null {
  const commit = repo.git.readCommit(sha);
  if (!commit) return null;
  const name = fullName(domain, repo);
  const [headline = '', ...rest] = commit.message.replace(/\n$/, '').split('\n');
  return {
    __typename: 'Commit',
    id: shaNodeId('Commit', sha),
    oid: sha,
    abbreviatedOid: sha.slice(0, 7),
    message: commit.message.replace(/\n$/, ''),
    messageHeadline: headline,
    messageBody: rest.join('\n').replace(/^\n/, ''),
    author: gitActor(domain, commit.author),
    committer: gitActor(domain, commit.committer),
    authors: (args: ConnectionArgs) =>
      connection([commit.author], args, (person) => gitActor(domain, person), 'GitActor'),
    authoredDate: personDate(commit.author),
    committedDate: personDate(commit.committer),
    pushedDate: null,
    url: `${domain.urls.repoHtml(name)}/commit/${sha}`,
    commitUrl: `${domain.urls.repoHtml(name)}/commit/${sha}`,
    resourcePath: `/${name}/commit/${sha}`,
    treeUrl: `${domain.urls.repoHtml(name)}/tree/${sha}`,
    signature: null,
    parents: (args: ConnectionArgs) =>
      connection(commit.parents, args, (parent) => commitObject(domain, repo, parent), 'Commit'),
    history: (args: HistoryArgs) =>
      connection(commitHistory(domain, repo, sha, args), args, (item) => commitObject(domain, repo, item), 'Commit'),
    tree: () => gitObject(domain, repo, commit.tree),
    treeResourcePath: `/${name}/tree/${sha}`,
    statusCheckRollup: () => statusCheckRollup(domain, repo, sha),
    status: () => statusObject(domain, repo, sha),
    repository: () => links.repo(domain, repo),
  };
}

type HistoryArgs = ConnectionArgs & {
  path?: string | null;
  since?: string | null;
  until?: string | null;
  author?: { id?: string | null; emails?: string[] | null } | null;
};

/**
 * `Commit.history`: the commits reachable from `sha`, newest first as `git log` (and REST's list
 * of commits) orders them, filtered as GitHub filters them (a path they change, a committer date
 * window, an author by user id or email).
 */
function commitHistory(domain: DomainContext, repo: RepoRecord, sha: string, args: HistoryArgs): string[] {
  const path = args.path?.replace(/^\/+|\/+$/g, '');
  const since = args.since ? Date.parse(args.since) : undefined;
  const until = args.until ? Date.parse(args.until) : undefined;
  const emails = args.author?.emails?.map((email) => email.toLowerCase());
  const authorId = args.author?.id;
  const matches: string[] = [];
  for (const item of logCommits(repo.git, [sha])) {
    const date = item.commit.committer.seconds * 1000;
    if (since !== undefined && date < since) continue;
    if (until !== undefined && date > until) continue;
    if (path && !touchesPath(repo.git, item.commit, path)) continue;
    if (emails && !emails.includes(item.commit.author.email.toLowerCase())) continue;
    if (authorId) {
      const user = userForEmail(domain, item.commit.author.email);
      if (!user || nodeId('User', user.id) !== authorId) continue;
    }
    matches.push(item.sha);
  }
  return matches;
}

/** The combined state of check runs and commit statuses on a commit (`StatusCheckRollup`), as `gh pr checks` reads it. */
export function statusCheckRollup(domain: DomainContext, repo: RepoRecord, sha: string): Gql | null {
  const state = rollupState(domain.store, repo.id, sha);
  if (state === null) return null;
  const runs = domain.store.where('checkRun', `sha:${repo.id}:${sha}`);
  const statuses = latestStatuses(domain.store, repo.id, sha);
  const contexts: Gql[] = [
    ...runs.map((run): Gql => {
      const suite = domain.store.get('checkSuite', run.suiteId);
      const app = domain.store.get('app', run.appId);
      return {
        __typename: 'CheckRun',
        id: nodeId('CheckRun', run.id),
        databaseId: run.id,
        name: run.name,
        status: upper(run.status),
        conclusion: run.conclusion ? upper(run.conclusion) : null,
        startedAt: run.startedAt,
        completedAt: run.completedAt,
        detailsUrl: run.detailsUrl ?? `${domain.urls.repoHtml(fullName(domain, repo))}/runs/${run.id}`,
        url: `${domain.urls.repoHtml(fullName(domain, repo))}/runs/${run.id}`,
        title: run.output.title,
        summary: run.output.summary,
        text: run.output.text,
        isRequired: () => false,
        checkSuite: suite
          ? {
              __typename: 'CheckSuite',
              id: nodeId('CheckSuite', suite.id),
              databaseId: suite.id,
              status: upper(suite.status),
              conclusion: suite.conclusion ? upper(suite.conclusion) : null,
              app: app ? { __typename: 'App', id: nodeId('App', app.id), name: app.name, slug: app.slug } : null,
              workflowRun: null,
            }
          : null,
      };
    }),
    ...statuses.map((status): Gql => ({
      __typename: 'StatusContext',
      id: nodeId('StatusContext', status.id),
      context: status.context,
      state: upper(status.state),
      description: status.description,
      targetUrl: status.targetUrl,
      createdAt: status.createdAt,
      isRequired: () => false,
      creator: () => actorById(domain, status.creatorId),
    })),
  ];
  return {
    __typename: 'StatusCheckRollup',
    id: shaNodeId('StatusCheckRollup', `${repo.id}:${sha}`),
    state,
    commit: () => commitObject(domain, repo, sha),
    contexts: (args: ConnectionArgs) => ({
      ...connection(contexts, args, (context) => context, 'StatusCheckRollupContext'),
      checkRunCount: runs.length,
      statusContextCount: statuses.length,
      checkRunCountsByState: [],
      statusContextCountsByState: [],
    }),
  };
}

function statusObject(domain: DomainContext, repo: RepoRecord, sha: string): Gql | null {
  const statuses = latestStatuses(domain.store, repo.id, sha);
  if (statuses.length === 0) return null;
  const rollup = statusCheckRollup(domain, repo, sha)!;
  return {
    __typename: 'Status',
    state: rollup.state,
    contexts: () =>
      (rollup.contexts as (a: ConnectionArgs) => { nodes: () => Gql[] })({ first: 100 })
        .nodes()
        .filter((c) => c.__typename === 'StatusContext'),
  };
}

/** A branch or tag (`Ref`). */
export function refObject(domain: DomainContext, repo: RepoRecord, qualifiedName: string, sha: string): Gql {
  const prefix = qualifiedName.startsWith('refs/heads/')
    ? 'refs/heads/'
    : qualifiedName.startsWith('refs/tags/')
      ? 'refs/tags/'
      : 'refs/';
  return {
    __typename: 'Ref',
    id: shaNodeId('Ref', `${repo.id}:${qualifiedName}`),
    name: qualifiedName.slice(prefix.length),
    prefix,
    branchProtectionRule: null,
    refUpdateRule: null,
    target: () => gitObject(domain, repo, sha),
    repository: () => links.repo(domain, repo),
    associatedPullRequests: (args: ConnectionArgs & { states?: string[] }) => {
      const branch = qualifiedName.slice('refs/heads/'.length);
      const pulls = domain.store.where('pull', `repo:${repo.id}`).filter((pull) => pull.headRef === branch);
      return connection(pulls, args, (pull) => pullById(domain, pull.id), 'PullRequest');
    },
  };
}

/** A git object by SHA: a Commit, Tree, Blob or Tag. */
export function gitObject(domain: DomainContext, repo: RepoRecord, sha: string): Gql | null {
  const object = repo.git.objects.read(sha);
  if (!object) return null;
  const name = fullName(domain, repo);
  switch (object.type) {
    case 'commit':
      return commitObject(domain, repo, sha);
    case 'blob': {
      const binary = object.data.subarray(0, 8000).includes(0);
      return {
        __typename: 'Blob',
        id: shaNodeId('Blob', sha),
        oid: sha,
        abbreviatedOid: sha.slice(0, 7),
        byteSize: object.data.length,
        isBinary: binary,
        isTruncated: false,
        text: binary ? null : object.data.toString('utf8'),
        commitUrl: `${domain.urls.repoHtml(name)}`,
        repository: () => links.repo(domain, repo),
      };
    }
    case 'tree':
      return {
        __typename: 'Tree',
        id: shaNodeId('Tree', sha),
        oid: sha,
        abbreviatedOid: sha.slice(0, 7),
        entries: () =>
          (repo.git.readTree(sha) ?? []).map((entry) => ({
            __typename: 'TreeEntry',
            name: entry.name,
            path: entry.name,
            oid: entry.sha,
            mode: Number.parseInt(entry.mode, 8),
            type: isTreeMode(entry.mode) ? 'tree' : entry.mode === '160000' ? 'commit' : 'blob',
            object: () => gitObject(domain, repo, entry.sha),
          })),
        repository: () => links.repo(domain, repo),
      };
    case 'tag':
      return { __typename: 'Tag', id: shaNodeId('Tag', sha), oid: sha, abbreviatedOid: sha.slice(0, 7) };
    default:
      return null;
  }
}

const pullById = (domain: DomainContext, id: number) => {
  const pull = domain.store.get('pull', id);
  return pull ? links.pull(domain, pull) : null;
};

/** The viewer's permission on a repository (`RepositoryPermission`). */
export function viewerPermission(domain: DomainContext, repo: RepoRecord): string | null {
  const role = actorRole(domain.store, domain.actor, repo);
  return role ? upper(role === 'maintain' ? 'MAINTAIN' : role) : null;
}
