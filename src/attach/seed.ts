import { seedSchema, type Seed } from '../clones/github/index.js';
import type { GitHubWorld, SeenIssue } from './github.js';
import type { Missing, Trace } from './schema.js';

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const COLOR = /^[0-9a-fA-F]{6}$/;
/** Who the agent acts as on the clone when the trace never showed its login. */
export const DEFAULT_AGENT_LOGIN = 'archal-agent';

export interface SeedBuild {
  seed: Seed | null;
  missing: Missing[];
  /** What the seed holds, for the scenario's Setup. */
  counts: { repos: number; issues: number; pulls: number; comments: number; labels: number; files: number };
}

/**
 * A time relative to when the trace started (`-95d`, `-3600s`), so that a reproduction today sees
 * the ages the agent saw then; absolute when the trace has no start time.
 */
function relativeTo(anchor: number | null): (time: string | null) => string | undefined {
  return (time) => {
    if (!time) return undefined;
    const at = Date.parse(time);
    if (Number.isNaN(at)) return undefined;
    if (anchor === null) return new Date(at).toISOString();
    const seconds = Math.round((at - anchor) / 1000);
    const sign = seconds < 0 ? '-' : '+';
    const magnitude = Math.abs(seconds);
    // Whole days stay whole days: a trace starts a few seconds after the times it shows were written.
    const days = Math.round(magnitude / 86_400);
    return days > 0 && Math.abs(magnitude - days * 86_400) <= 5 ? `${sign}${days}d` : `${sign}${magnitude}s`;
  };
}

/** Non-GitHub services the agent called: Archal has no clone for them, so they cannot be reproduced. */
function serviceGaps(trace: Trace): Missing[] {
  const hosts = new Map<string, number>();
  for (const call of trace.calls)
    if (call.service === 'other' && !hosts.has(call.host ?? call.url ?? call.name))
      hosts.set(call.host ?? call.url ?? call.name, call.index);
  return [...hosts].map(([host, call]) => ({
    what: `a clone of ${host}: the agent called it (call #${call}) and Archal clones GitHub only`,
    call,
    from: 'a clone of that service, or a trace of a run that used GitHub only',
  }));
}

/**
 * Rebuilds, as a GitHub clone seed, the state the agent read: users, organizations, repositories,
 * issues, pull requests, comments, labels, milestones and file contents the responses contained.
 * When the reproduction needs data the trace does not have, `missing` names each piece.
 */
export function buildSeed(trace: Trace, world: GitHubWorld): SeedBuild {
  const missing: Missing[] = [...world.missing.map(({ repo: _repo, ...item }) => item), ...serviceGaps(trace)];
  if (!trace.task)
    missing.push({
      what: 'the task the agent was given',
      call: null,
      from: 'the trace: the archal.agent.task attribute (OTLP), the first user message (JSONL), or the scenario prompt (run records)',
    });
  // An issue of a repository whose issue list is missing is covered by that list's entry.
  const unreadLists = new Set(
    world.missing.map((item) => item.repo).filter((repo): repo is string => repo !== undefined),
  );
  for (const final of world.final.values())
    if (
      !final.createdByRun &&
      !world.issues.has(final.key) &&
      final.changedBeforeRead !== null &&
      !unreadLists.has(final.key.split('#')[0]!)
    )
      missing.push({
        what: `${final.key}: the agent changed it (call #${final.changedBeforeRead}) but the trace never shows it before the change`,
        call: final.changedBeforeRead,
        from: 'the response of the read that found it (a list or a GET of the issue)',
      });

  const anchor = trace.startedAt ? Date.parse(trace.startedAt) : null;
  const time = relativeTo(anchor);
  const agent = world.agent && LOGIN.test(world.agent) ? world.agent : DEFAULT_AGENT_LOGIN;
  const users = new Map<string, { login: string; name?: string }>([[agent, { login: agent }]]);
  const person = (login: string | null | undefined): string => {
    if (!login || !LOGIN.test(login)) {
      users.set('ghost', { login: 'ghost' });
      return 'ghost';
    }
    if (!users.has(login)) {
      const seen = world.users.get(login);
      users.set(login, seen?.name ? { login, name: seen.name } : { login });
    }
    return login;
  };

  const orgs = new Map<string, { login: string; members: Record<string, 'admin' | 'member'>; memberRole: 'read' }>();
  const counts = { repos: 0, issues: 0, pulls: 0, comments: 0, labels: 0, files: 0 };
  const repos: NonNullable<Seed['repos']> = [];
  for (const repo of world.repos.values()) {
    if (!LOGIN.test(repo.owner)) continue;
    const owner = repo.ownerType === 'Organization' ? repo.owner : person(repo.owner);
    if (repo.ownerType === 'Organization' && !orgs.has(owner))
      orgs.set(owner, { login: owner, members: { [agent]: 'member' }, memberRole: 'read' });
    const issues = [...world.issues.values()].filter((issue) => issue.repo === repo.repo);
    const labelNames = new Set(issues.flatMap((issue) => issue.labels));
    const known = world.labels.get(repo.repo) ?? new Map();
    for (const name of known.keys()) labelNames.add(name);
    const labels = [...labelNames].sort().map((name) => {
      const label = known.get(name);
      return {
        name,
        ...(label?.color && COLOR.test(label.color) ? { color: label.color } : {}),
        ...(label?.description ? { description: label.description.slice(0, 100) } : {}),
      };
    });
    const milestones = [...(world.milestones.get(repo.repo) ?? [])].map((title) => ({ title }));
    const fileMap = world.files.get(repo.repo);
    // A repository with no commit has no default branch; the agent never read its files, so a README stands in.
    const files = fileMap && fileMap.size > 0 ? Object.fromEntries(fileMap) : { 'README.md': `# ${repo.name}\n` };
    const pulls = issues.filter((issue) => issue.pull);
    const plain = issues.filter((issue) => !issue.pull);
    const issueFields = (issue: SeenIssue) => ({
      number: issue.number,
      title: issue.title,
      ...(issue.body === null ? {} : { body: issue.body }),
      author: person(issue.author),
      labels: issue.labels,
      assignees: issue.assignees.filter((login) => LOGIN.test(login)).map(person),
      ...(issue.milestone ? { milestone: issue.milestone } : {}),
      ...(issue.locked ? { locked: true } : {}),
      ...(time(issue.createdAt) ? { createdAt: time(issue.createdAt) } : {}),
      ...(time(issue.updatedAt) ? { updatedAt: time(issue.updatedAt) } : {}),
      ...(issue.state === 'closed' && time(issue.closedAt) ? { closedAt: time(issue.closedAt) } : {}),
      comments: (world.comments.get(`${issue.repo}#${issue.number}`) ?? []).map((comment) => ({
        author: person(comment.author),
        body: comment.body,
        ...(time(comment.createdAt) ? { createdAt: time(comment.createdAt) } : {}),
      })),
    });
    const branches = pulls
      .filter((pull) => pull.pull!.head !== repo.defaultBranch)
      .map((pull) => ({
        name: pull.pull!.head,
        commits: [
          {
            message: `The changes of pull request #${pull.number}`,
            files: { [`.archal-attach/pull-${pull.number}.md`]: `Stands in for the changes of #${pull.number}.\n` },
          },
        ],
      }));
    const role = repo.role ?? 'write';
    repos.push({
      owner,
      name: repo.name,
      ...(repo.description === null ? {} : { description: repo.description }),
      private: repo.private,
      defaultBranch: repo.defaultBranch,
      ...(repo.topics.length > 0 ? { topics: repo.topics } : {}),
      ...(repo.archived ? { archived: true } : {}),
      ...(time(repo.createdAt) ? { createdAt: time(repo.createdAt) } : {}),
      files,
      ...(branches.length > 0 ? { branches } : {}),
      ...(owner === agent ? {} : { collaborators: { [agent]: role } }),
      labels,
      ...(milestones.length > 0 ? { milestones } : {}),
      issues: plain.map((issue) => ({
        ...issueFields(issue),
        state: issue.state,
        ...(issue.state === 'closed' &&
        issue.stateReason &&
        ['completed', 'not_planned', 'duplicate'].includes(issue.stateReason)
          ? { stateReason: issue.stateReason as 'completed' | 'not_planned' | 'duplicate' }
          : {}),
      })),
      pulls: pulls
        .filter((pull) => pull.pull!.head !== repo.defaultBranch)
        .map((pull) => ({
          ...issueFields(pull),
          head: pull.pull!.head,
          base: pull.pull!.base,
          draft: pull.pull!.draft,
          state: pull.state,
        })),
    });
    counts.repos++;
    counts.issues += plain.length;
    counts.pulls += branches.length;
    counts.comments += issues.reduce(
      (sum, issue) => sum + (world.comments.get(`${issue.repo}#${issue.number}`)?.length ?? 0),
      0,
    );
    counts.labels += labels.length;
    counts.files += fileMap?.size ?? 0;
  }
  const seed: Seed = {
    description: `Rebuilt by archal attach from trace ${trace.id}: the GitHub state the agent read.`,
    defaultUser: agent,
    users: [...users.values()],
    ...(orgs.size > 0 ? { orgs: [...orgs.values()] } : {}),
    repos,
  };
  const valid = seedSchema.safeParse(seed);
  if (!valid.success) {
    const issue = valid.error.issues[0]!;
    missing.push({
      what: `a valid seed: what the trace shows does not make one (${issue.path.join('.')}: ${issue.message})`,
      call: null,
      from: 'the responses of the calls that read that object',
    });
    return { seed: null, missing, counts };
  }
  return { seed, missing, counts };
}
