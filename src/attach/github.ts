import { splitUrl } from './normalize.js';
import type { Missing, TraceCall } from './schema.js';

/**
 * What a trace shows of GitHub: the objects the agent read (the state it saw, which a seed can
 * rebuild) and what its writes did to them (the final state the grade checks the task against).
 */

export type Route =
  | { kind: 'user' }
  | { kind: 'repo-list' }
  | { kind: 'repo'; repo: string }
  | { kind: 'issues'; repo: string }
  | { kind: 'issue'; repo: string; number: number }
  | { kind: 'comments'; repo: string; number: number }
  | { kind: 'issue-labels'; repo: string; number: number }
  | { kind: 'issue-label'; repo: string; number: number; label: string }
  | { kind: 'labels'; repo: string }
  | { kind: 'pulls'; repo: string }
  | { kind: 'pull'; repo: string; number: number }
  | { kind: 'contents'; repo: string; path: string }
  | { kind: 'milestones'; repo: string }
  | { kind: 'search-issues' }
  | { kind: 'other'; path: string };

const decode = (part: string) => {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
};

/** The GitHub REST route of a call's URL (the /api/v3 prefix of GitHub Enterprise removed). */
export function routeOf(call: TraceCall): Route {
  const path = (splitUrl(call.url).path ?? '')
    .split('?')[0]!
    .replace(/^\/api\/v3(?=\/)/, '')
    .replace(/\/+$/, '');
  const parts = path.split('/').slice(1).map(decode);
  if (path === '/user') return { kind: 'user' };
  if (/^\/(user|users\/[^/]+|orgs\/[^/]+)\/repos$/.test(path)) return { kind: 'repo-list' };
  if (path === '/search/issues') return { kind: 'search-issues' };
  if (parts[0] !== 'repos' || parts.length < 3) return { kind: 'other', path };
  const repo = `${parts[1]}/${parts[2]}`;
  const [, , , section, id, sub, subId] = parts;
  const number = Number(id);
  const numbered = id !== undefined && /^\d+$/.test(id);
  if (section === undefined) return { kind: 'repo', repo };
  if (section === 'issues' && id === undefined) return { kind: 'issues', repo };
  if (section === 'issues' && numbered && sub === undefined) return { kind: 'issue', repo, number };
  if (section === 'issues' && numbered && sub === 'comments') return { kind: 'comments', repo, number };
  if (section === 'issues' && numbered && sub === 'labels' && subId === undefined)
    return { kind: 'issue-labels', repo, number };
  if (section === 'issues' && numbered && sub === 'labels' && subId !== undefined)
    return { kind: 'issue-label', repo, number, label: subId };
  if (section === 'labels' && id === undefined) return { kind: 'labels', repo };
  if (section === 'pulls' && id === undefined) return { kind: 'pulls', repo };
  if (section === 'pulls' && numbered && sub === undefined) return { kind: 'pull', repo, number };
  if (section === 'contents') return { kind: 'contents', repo, path: parts.slice(4).join('/') };
  if (section === 'milestones' && id === undefined) return { kind: 'milestones', repo };
  return { kind: 'other', path };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const login = (value: unknown): string | null => (isObject(value) ? str(value.login) : null);
const labelNames = (value: unknown): string[] =>
  Array.isArray(value)
    ? value
        .map((label) => (typeof label === 'string' ? label : str((label as Json | null)?.name)))
        .filter((n): n is string => !!n)
    : [];

export interface SeenUser {
  login: string;
  name: string | null;
  type: 'User' | 'Organization' | 'Bot';
}

export interface SeenRepo {
  repo: string;
  owner: string;
  name: string;
  ownerType: 'User' | 'Organization';
  description: string | null;
  private: boolean;
  defaultBranch: string;
  topics: string[];
  archived: boolean;
  createdAt: string | null;
  /** The agent's role, from the `permissions` GitHub adds to repositories it lists for a user. */
  role: 'admin' | 'maintain' | 'write' | 'triage' | 'read' | null;
}

export interface SeenIssue {
  repo: string;
  number: number;
  title: string;
  body: string | null;
  author: string;
  labels: string[];
  assignees: string[];
  milestone: string | null;
  state: 'open' | 'closed';
  stateReason: string | null;
  locked: boolean;
  createdAt: string | null;
  updatedAt: string | null;
  closedAt: string | null;
  pull: { head: string; base: string; draft: boolean } | null;
  /** The call that showed it. */
  call: number;
}

export interface SeenLabel {
  name: string;
  color: string | null;
  description: string | null;
}

export interface SeenComment {
  author: string;
  body: string;
  createdAt: string | null;
  call: number;
}

/** An issue as the run left it. */
export interface FinalIssue {
  key: string;
  labels: string[];
  /** Whether the trace shows its labels (a read, a write's response, or labels the run set). */
  labelsKnown: boolean;
  state: 'open' | 'closed';
  /** Labels it had when the run closed it (`known`: whether the trace shows them). */
  closedByRun: { call: number; labels: string[]; known: boolean } | null;
  commentsByRun: number[];
  createdByRun: boolean;
  /** The first call that changed it, when that came before the agent read it. */
  changedBeforeRead: number | null;
}

export class GitHubWorld {
  readonly users = new Map<string, SeenUser>();
  readonly repos = new Map<string, SeenRepo>();
  readonly issues = new Map<string, SeenIssue>();
  readonly comments = new Map<string, SeenComment[]>();
  readonly labels = new Map<string, Map<string, SeenLabel>>();
  readonly files = new Map<string, Map<string, string>>();
  readonly milestones = new Map<string, Set<string>>();
  readonly final = new Map<string, FinalIssue>();
  /** Data a seed would need that the trace does not have (`repo` when it is a list of that repository's issues). */
  readonly missing: Array<Missing & { repo?: string }> = [];
  /** Who the agent acted as. */
  agent: string | null = null;

  static from(calls: readonly TraceCall[]): GitHubWorld {
    const world = new GitHubWorld();
    for (const call of calls) if (call.service === 'github') world.observe(call);
    return world;
  }

  private user(value: unknown): string | null {
    const name = login(value);
    if (!name) return null;
    if (!this.users.has(name)) {
      const type = str((value as Json).type);
      this.users.set(name, {
        login: name,
        name: str((value as Json).name),
        type: type === 'Organization' ? 'Organization' : type === 'Bot' ? 'Bot' : 'User',
      });
    }
    return name;
  }

  private seeRepo(value: unknown): void {
    if (!isObject(value) || !str(value.full_name) || !isObject(value.owner)) return;
    const repo = value.full_name as string;
    const owner = this.user(value.owner)!;
    const permissions = isObject(value.permissions) ? value.permissions : null;
    const role = permissions
      ? permissions.admin
        ? 'admin'
        : permissions.maintain
          ? 'maintain'
          : permissions.push
            ? 'write'
            : permissions.triage
              ? 'triage'
              : 'read'
      : null;
    const seen = this.repos.get(repo);
    this.repos.set(repo, {
      repo,
      owner,
      name: str(value.name) ?? repo.split('/')[1]!,
      ownerType: this.users.get(owner)?.type === 'Organization' ? 'Organization' : 'User',
      description: str(value.description),
      private: value.private === true,
      defaultBranch: str(value.default_branch) ?? 'main',
      topics: Array.isArray(value.topics) ? value.topics.filter((t): t is string => typeof t === 'string') : [],
      archived: value.archived === true,
      createdAt: str(value.created_at),
      role: role ?? seen?.role ?? null,
    });
  }

  private ensureRepo(repo: string): void {
    if (this.repos.has(repo)) return;
    const [owner, name] = repo.split('/') as [string, string];
    this.repos.set(repo, {
      repo,
      owner,
      name,
      ownerType: 'User',
      description: null,
      private: false,
      defaultBranch: 'main',
      topics: [],
      archived: false,
      createdAt: null,
      role: null,
    });
  }

  private seeLabels(repo: string, value: unknown): void {
    if (!Array.isArray(value)) return;
    const labels = this.labels.get(repo) ?? new Map<string, SeenLabel>();
    for (const label of value) {
      if (!isObject(label) || !str(label.name)) continue;
      if (!labels.has(label.name as string))
        labels.set(label.name as string, {
          name: label.name as string,
          color: str(label.color),
          description: str(label.description),
        });
    }
    this.labels.set(repo, labels);
  }

  private seeIssue(repo: string, value: unknown, call: number): void {
    if (!isObject(value) || typeof value.number !== 'number') return;
    const key = `${repo}#${value.number}`;
    this.ensureRepo(repo);
    this.seeLabels(repo, value.labels);
    const author = this.user(value.user) ?? 'ghost';
    const assignees = Array.isArray(value.assignees)
      ? value.assignees.map((assignee) => this.user(assignee)).filter((a): a is string => !!a)
      : [];
    const milestone = isObject(value.milestone) ? str(value.milestone.title) : null;
    if (milestone) this.milestones.set(repo, (this.milestones.get(repo) ?? new Set()).add(milestone));
    const pullInfo =
      isObject(value.head) && isObject(value.base)
        ? { head: str(value.head.ref) ?? 'feature', base: str(value.base.ref) ?? 'main', draft: value.draft === true }
        : null;
    // The first sight of an object is the state the agent started from, unless the run had already changed it.
    const final = this.final.get(key);
    if (!this.issues.has(key) && final && !final.createdByRun && final.changedBeforeRead !== null)
      this.missing.push({
        what: `the state of ${key} before the run changed it (call #${final.changedBeforeRead}): the agent read it only afterwards (call #${call})`,
        call: final.changedBeforeRead,
        from: 'a trace that records the response of the read the agent made first, or a GET of the issue before the change',
      });
    if (!this.issues.has(key) && !final?.createdByRun)
      this.issues.set(key, {
        repo,
        number: value.number,
        title: str(value.title) ?? `#${value.number}`,
        body: str(value.body),
        author,
        labels: labelNames(value.labels),
        assignees,
        milestone,
        state: value.state === 'closed' ? 'closed' : 'open',
        stateReason: str(value.state_reason),
        locked: value.locked === true,
        createdAt: str(value.created_at),
        updatedAt: str(value.updated_at),
        closedAt: str(value.closed_at),
        pull: pullInfo,
        call,
      });
    else if (pullInfo && this.issues.get(key)?.pull === null) this.issues.get(key)!.pull = pullInfo;
    if (final && !final.labelsKnown) {
      final.labels = labelNames(value.labels);
      final.labelsKnown = true;
    }
    if (!final)
      this.final.set(key, {
        key,
        labels: labelNames(value.labels),
        labelsKnown: true,
        state: value.state === 'closed' ? 'closed' : 'open',
        closedByRun: null,
        commentsByRun: [],
        createdByRun: false,
        changedBeforeRead: null,
      });
  }

  /** The final state of an issue a write changed (first met in a write when the agent had not read it). */
  private finalIssue(repo: string, number: number, call: number): FinalIssue {
    const key = `${repo}#${number}`;
    let final = this.final.get(key);
    if (!final) {
      final = {
        key,
        labels: [],
        labelsKnown: false,
        state: 'open',
        closedByRun: null,
        commentsByRun: [],
        createdByRun: false,
        changedBeforeRead: call,
      };
      this.final.set(key, final);
    }
    return final;
  }

  private lacking(call: TraceCall, what: string, listOf?: string): void {
    this.missing.push({
      ...(listOf ? { repo: listOf } : {}),
      what: `the response body of ${call.method ?? 'GET'} ${call.url ?? call.name} (call #${call.index}): ${what}`,
      call: call.index,
      from: 'a trace that records HTTP response bodies (the http.response.body attribute in OTLP, response_body in JSONL)',
    });
  }

  private observe(call: TraceCall): void {
    const route = routeOf(call);
    const method = call.method ?? 'GET';
    const ok = call.status === null || call.status < 400;
    const response = call.responseBody;
    if (method === 'GET' || method === 'HEAD') {
      if (!ok) return;
      const readable = call.responseRecorded;
      switch (route.kind) {
        case 'user':
          if (readable) this.agent = this.user(response) ?? this.agent;
          return;
        case 'repo-list':
          if (!readable) return this.lacking(call, 'the repositories the agent listed');
          if (Array.isArray(response)) for (const repo of response) this.seeRepo(repo);
          return;
        case 'repo':
          if (!readable) return this.lacking(call, `repository ${route.repo}`);
          return this.seeRepo(response);
        case 'issues':
        case 'pulls':
          if (!readable) return this.lacking(call, `the ${route.kind} of ${route.repo} the agent read`, route.repo);
          if (Array.isArray(response)) for (const issue of response) this.seeIssue(route.repo, issue, call.index);
          return;
        case 'issue':
        case 'pull':
          if (!readable) return this.lacking(call, `${route.repo}#${route.number}`);
          return this.seeIssue(route.repo, response, call.index);
        case 'search-issues':
          if (!readable) return this.lacking(call, 'the search results the agent read');
          if (isObject(response) && Array.isArray(response.items))
            for (const item of response.items) {
              const repo = isObject(item)
                ? /\/repos\/([^/]+\/[^/]+)$/.exec(str(item.repository_url) ?? '')?.[1]
                : undefined;
              if (repo) this.seeIssue(repo, item, call.index);
            }
          return;
        case 'comments': {
          if (!readable) return this.lacking(call, `the comments of ${route.repo}#${route.number}`);
          const key = `${route.repo}#${route.number}`;
          if (!Array.isArray(response) || this.comments.has(key)) return;
          this.comments.set(
            key,
            response.filter(isObject).map((comment) => ({
              author: this.user(comment.user) ?? 'ghost',
              body: str(comment.body) ?? '',
              createdAt: str(comment.created_at),
              call: call.index,
            })),
          );
          return;
        }
        case 'labels':
          if (!readable) return this.lacking(call, `the labels of ${route.repo}`);
          this.ensureRepo(route.repo);
          return this.seeLabels(route.repo, response);
        case 'contents': {
          if (!readable) return this.lacking(call, `${route.path} in ${route.repo}`);
          if (isObject(response) && response.type === 'file' && typeof response.content === 'string') {
            this.ensureRepo(route.repo);
            const files = this.files.get(route.repo) ?? new Map<string, string>();
            if (!files.has(route.path))
              files.set(route.path, Buffer.from(response.content.replace(/\s/g, ''), 'base64').toString('utf8'));
            this.files.set(route.repo, files);
          }
          return;
        }
        case 'milestones':
          if (readable && Array.isArray(response))
            for (const milestone of response)
              if (isObject(milestone) && str(milestone.title))
                this.milestones.set(
                  route.repo,
                  (this.milestones.get(route.repo) ?? new Set()).add(milestone.title as string),
                );
          return;
        case 'issue-labels':
        case 'issue-label':
        case 'other':
          return;
      }
    }
    if (!ok) return;
    this.write(call, route);
  }

  /** Applies a successful write to the final state; its response, when recorded, is the truth. */
  private write(call: TraceCall, route: Route): void {
    const request = isObject(call.requestBody) ? call.requestBody : {};
    const response = call.responseRecorded && isObject(call.responseBody) ? call.responseBody : null;
    const actor = response ? login(response.user) : null;
    switch (route.kind) {
      case 'issues': {
        if (call.method !== 'POST') return;
        if (actor) this.agent ??= actor;
        if (response && typeof response.number === 'number') {
          const final = this.finalIssue(route.repo, response.number, call.index);
          final.createdByRun = true;
          final.labels = labelNames(response.labels);
          final.labelsKnown = true;
        }
        return;
      }
      case 'issue':
      case 'pull': {
        if (call.method !== 'PATCH') return;
        const final = this.finalIssue(route.repo, route.number, call.index);
        const wasOpen = final.state === 'open';
        if (Array.isArray(request.labels)) {
          final.labels = labelNames(request.labels);
          final.labelsKnown = true;
        }
        if (request.state === 'open' || request.state === 'closed') final.state = request.state;
        if (response) {
          final.labels = labelNames(response.labels);
          final.labelsKnown = true;
          if (response.state === 'open' || response.state === 'closed') final.state = response.state;
          this.seeLabels(route.repo, response.labels);
        }
        if (wasOpen && final.state === 'closed')
          final.closedByRun = { call: call.index, labels: [...final.labels], known: final.labelsKnown };
        return;
      }
      case 'comments':
        if (call.method !== 'POST') return;
        if (actor) this.agent ??= actor;
        this.finalIssue(route.repo, route.number, call.index).commentsByRun.push(call.index);
        return;
      case 'issue-labels': {
        const final = this.finalIssue(route.repo, route.number, call.index);
        const given = labelNames(Array.isArray(request) ? request : (request.labels ?? call.requestBody));
        if (Array.isArray(call.responseBody) && call.responseRecorded) {
          final.labels = labelNames(call.responseBody);
          final.labelsKnown = true;
        } else if (call.method === 'PUT') {
          final.labels = given;
          final.labelsKnown = true;
        } else if (call.method === 'POST') final.labels = [...new Set([...final.labels, ...given])];
        else if (call.method === 'DELETE') final.labels = [];
        return;
      }
      case 'issue-label':
        if (call.method === 'DELETE') {
          const final = this.finalIssue(route.repo, route.number, call.index);
          final.labels = final.labels.filter((label) => label !== route.label);
        }
        return;
      default:
        return;
    }
  }
}
