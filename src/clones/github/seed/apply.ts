import { join } from 'node:path';
import { withRefsRead } from '../git/refs.js';
import { initBareRepo, GitRepo } from '../git/repo.js';
import type { RepoRole, UserRecord } from '../state/model.js';
import { Store } from '../state/store.js';
import { seedWorkflowRuns } from './apply-actions.js';
import { seedRepoContent } from './apply-git.js';
import { seedRepoIssues } from './apply-issues.js';
import { seedTeamsAndProtection } from './apply-teams.js';
import { SeedBuilder } from './builder.js';
import { SeedError, unknown } from './errors.js';
import type { ParsedSeed } from './schema.js';
import { isoSeconds } from './time.js';

export interface ApplyOptions {
  /** Directory that receives one bare repository per seeded repository. */
  reposDir: string;
  now: Date;
  /** A token for the default user that survives reseeding (the one the clone hands out). */
  defaultToken: string;
  source?: string;
}

export interface AppliedSeed {
  store: Store;
  defaultUserId: number;
}

/**
 * Builds the whole state of a clone from a validated seed, writing each repository's git objects
 * directly. Referential problems (an unknown label, a pull request whose branch does not exist)
 * are collected and thrown together as a SeedError.
 */
/** A user, organization or app bot account; profile fields default to empty. */
function insertAccount(
  store: Store,
  login: string,
  type: UserRecord['type'],
  at: string,
  profile: Partial<Pick<UserRecord, 'name' | 'email' | 'bio' | 'company' | 'location' | 'siteAdmin'>> = {},
): UserRecord {
  return store.insert(undefined, 'user', {
    id: store.nextId('user'),
    login,
    type,
    name: null,
    email: null,
    bio: null,
    company: null,
    location: null,
    blog: '',
    siteAdmin: false,
    ...profile,
    createdAt: at,
    updatedAt: at,
  });
}

export function applySeed(seed: ParsedSeed, options: ApplyOptions): AppliedSeed {
  // Each repository's objects are written as one pack once it is seeded (a seed that fails is thrown away).
  const repos: GitRepo[] = [];
  // Check runs and pull requests look up branches as they are seeded: listed once between ref moves.
  const applied = withRefsRead(() => applyWholeSeed(seed, options, repos));
  for (const repo of repos) repo.objects.writeDeferred();
  return applied;
}

function applyWholeSeed(seed: ParsedSeed, options: ApplyOptions, repos: GitRepo[]): AppliedSeed {
  const store = new Store();
  const b = new SeedBuilder(store, seed.now ? new Date(seed.now) : options.now);
  const epoch = new Date(b.now.getTime() - 365 * 86_400_000);

  seed.users.forEach((user, i) => {
    if (store.userByLogin(user.login)) return b.problem(`users[${i}].login`, `duplicate login "${user.login}"`);
    insertAccount(store, user.login, 'User', b.time(user.createdAt, epoch), {
      name: user.name ?? null,
      email: user.email ?? null,
      bio: user.bio ?? null,
      company: user.company ?? null,
      location: user.location ?? null,
      siteAdmin: user.siteAdmin ?? false,
    });
  });

  (seed.orgs ?? []).forEach((org, i) => {
    if (store.userByLogin(org.login)) return b.problem(`orgs[${i}].login`, `duplicate login "${org.login}"`);
    const account = insertAccount(store, org.login, 'Organization', b.time(org.createdAt, epoch), {
      name: org.name ?? null,
      email: org.email ?? null,
    });
    const members = new Map<number, 'admin' | 'member'>();
    for (const [login, role] of Object.entries(org.members ?? {})) {
      const member = b.user(login, `orgs[${i}].members.${login}`);
      if (member) members.set(member.id, role);
    }
    store.insert(undefined, 'org', {
      id: account.id,
      description: org.description ?? null,
      members,
      memberRole: org.memberRole ?? 'read',
    });
  });

  const defaultUser = seed.defaultUser
    ? b.user(seed.defaultUser, 'defaultUser')
    : [...store.all('user')].find((user) => user.type === 'User');
  if (!defaultUser && b.problems.length === 0)
    b.problem('users', 'a seed needs at least one user (who unknown tokens act as)');

  seedApps(seed, b, epoch);

  (seed.repos ?? []).forEach((repo, i) => {
    const path = `repos[${i}]`;
    const owner = b.account(repo.owner, `${path}.owner`);
    if (!owner) return;
    if (store.repoNamed(owner.id, repo.name))
      return b.problem(`${path}.name`, `duplicate repository ${repo.owner}/${repo.name}`);
    const id = store.nextId('repo');
    const gitDir = join(options.reposDir, `${id}.git`);
    const defaultBranch = repo.defaultBranch ?? 'main';
    initBareRepo(gitDir, defaultBranch);
    const createdAt = b.time(repo.createdAt, epoch);
    const collaborators = new Map<number, RepoRole>();
    const customRoles = new Map<number, string>();
    for (const [login, role] of Object.entries(repo.collaborators ?? {})) {
      const user = b.user(login, `${path}.collaborators.${login}`);
      if (!user) continue;
      if (typeof role === 'string') collaborators.set(user.id, role);
      else {
        collaborators.set(user.id, role.baseRole);
        customRoles.set(user.id, role.name);
      }
    }
    const record = store.insert(undefined, 'repo', {
      id,
      ownerId: owner.id,
      name: repo.name,
      description: repo.description ?? null,
      homepage: repo.homepage ?? null,
      private: repo.private ?? false,
      defaultBranch,
      topics: repo.topics ?? [],
      language: repo.language ?? null,
      archived: repo.archived ?? false,
      hasIssues: repo.hasIssues ?? true,
      hasProjects: true,
      hasWiki: true,
      allowMergeCommit: true,
      allowSquashMerge: true,
      allowRebaseMerge: true,
      deleteBranchOnMerge: false,
      createdAt,
      updatedAt: createdAt,
      pushedAt: createdAt,
      collaborators,
      customRoles,
      nextNumber: 1,
      forkOf: null,
      git: new GitRepo(gitDir),
    });
    record.git.objects.deferWrites();
    repos.push(record.git);
    const fallbackAuthor = owner.type === 'Organization' ? (defaultUser ?? owner) : owner;
    const lastCommit = seedRepoContent(b, record, repo, path, fallbackAuthor);
    record.pushedAt = isoSeconds(lastCommit);
    if (record.pushedAt > record.updatedAt) record.updatedAt = record.pushedAt;
    seedRepoIssues(b, record, repo, path, fallbackAuthor);
  });

  seedTeamsAndProtection(seed, b, epoch);
  for (const step of b.afterTeams) step();
  seedInstallations(seed, b, epoch);
  seedTokens(seed, b, defaultUser, options.defaultToken);
  seedWorkflowRuns(seed, b, defaultUser);

  if (b.problems.length > 0) throw new SeedError(b.problems, options.source);
  return { store, defaultUserId: defaultUser!.id };
}

function seedApps(seed: ParsedSeed, b: SeedBuilder, epoch: Date): void {
  const { store } = b;
  (seed.apps ?? []).forEach((app, i) => {
    const path = `apps[${i}]`;
    if (store.get('app', app.id)) return b.problem(`${path}.id`, `duplicate app id ${app.id}`);
    if ([...store.all('app')].some((other) => other.slug === app.slug))
      return b.problem(`${path}.slug`, `duplicate app slug "${app.slug}"`);
    const owner = b.account(app.owner, `${path}.owner`);
    if (!owner) return;
    const at = b.time(app.createdAt, epoch);
    const bot = insertAccount(store, `${app.slug}[bot]`, 'Bot', at);
    store.insert(undefined, 'app', {
      id: app.id,
      slug: app.slug,
      name: app.name ?? app.slug,
      description: app.description ?? null,
      ownerId: owner.id,
      clientId: app.clientId ?? `Iv1.${app.id.toString(16).padStart(16, '0')}`,
      publicKey: app.publicKey ?? null,
      permissions: app.permissions ?? { metadata: 'read' },
      events: app.events ?? [],
      botUserId: bot.id,
      createdAt: at,
      updatedAt: at,
    });
  });
}

function seedInstallations(seed: ParsedSeed, b: SeedBuilder, epoch: Date): void {
  const { store } = b;
  (seed.installations ?? []).forEach((installation, i) => {
    const path = `installations[${i}]`;
    if (store.get('installation', installation.id))
      return b.problem(`${path}.id`, `duplicate installation id ${installation.id}`);
    const apps = [...store.all('app')];
    const app = apps.find((candidate) => candidate.slug === installation.app);
    if (!app)
      return b.problem(
        `${path}.app`,
        unknown(
          'app',
          installation.app,
          apps.map((a) => a.slug),
        ),
      );
    const account = b.account(installation.account, `${path}.account`);
    if (!account) return;
    const repoIds: number[] = [];
    if (Array.isArray(installation.repositories)) {
      installation.repositories.forEach((name, j) => {
        const repo = store.repoNamed(account.id, name);
        if (repo) repoIds.push(repo.id);
        else
          b.problem(
            `${path}.repositories[${j}]`,
            unknown(
              `repository of ${account.login}`,
              name,
              store.where('repo', `owner:${account.id}`).map((r) => r.name),
            ),
          );
      });
    }
    const at = b.time(installation.createdAt, epoch);
    store.insert(undefined, 'installation', {
      id: installation.id,
      appId: app.id,
      accountId: account.id,
      repositorySelection: Array.isArray(installation.repositories) ? 'selected' : 'all',
      repoIds,
      permissions: installation.permissions ?? app.permissions,
      events: installation.events ?? app.events,
      createdAt: at,
      updatedAt: at,
    });
  });
}

function seedTokens(seed: ParsedSeed, b: SeedBuilder, defaultUser: UserRecord | undefined, defaultToken: string): void {
  const { store } = b;
  (seed.tokens ?? []).forEach((token, i) => {
    const path = `tokens[${i}]`;
    if (store.tokenRecord(token.token)) return b.problem(`${path}.token`, 'duplicate token');
    if (token.user !== undefined) {
      const user = b.account(token.user, `${path}.user`);
      if (user)
        store.insert(undefined, 'token', {
          id: store.nextId('token'),
          kind: 'user',
          token: token.token,
          userId: user.id,
        });
      return;
    }
    const installation = store.get('installation', token.installation);
    if (!installation) return b.problem(`${path}.installation`, `unknown installation ${token.installation}`);
    store.insert(undefined, 'token', {
      id: store.nextId('token'),
      kind: 'installation',
      token: token.token,
      installationId: installation.id,
      // Seeded installation tokens stand for long-lived CI tokens: they do not expire during a run.
      expiresAt: isoSeconds(new Date(b.now.getTime() + 365 * 86_400_000)),
      repoIds: null,
      permissions: installation.permissions,
    });
  });
  if (defaultUser && !store.tokenRecord(defaultToken))
    store.insert(undefined, 'token', {
      id: store.nextId('token'),
      kind: 'user',
      token: defaultToken,
      userId: defaultUser.id,
    });
}
