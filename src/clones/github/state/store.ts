import { isSecretKey, REDACTED } from '../../../lib/redact.js';
import { KINDS, type Kind, type ReactionSubject, type Tables } from './model.js';

/** One state change, as the request log records it. Tokens and secret-named fields are never journaled by value. */
export type Change =
  | { op: 'created'; kind: Kind | 'ref'; id: number | string; key?: string }
  | { op: 'updated'; kind: Kind | 'ref'; id: number | string; key?: string; fields: Record<string, FieldChange> }
  | { op: 'deleted'; kind: Kind | 'ref'; id: number | string; key?: string };

export interface FieldChange {
  from: unknown;
  to: unknown;
}

/** Collects the changes one request (or one seed, or one push) makes. */
export class Journal {
  readonly changes: Change[] = [];
  record(change: Change): void {
    this.changes.push(change);
  }
}

/** The index key of the reactions to one subject: `issue:<id>`, `comment:<id>`, `review-comment:<id>`. */
export function reactionKey(subject: ReactionSubject): string {
  switch (subject.kind) {
    case 'issue':
      return `issue:${subject.issueId}`;
    case 'issue_comment':
      return `comment:${subject.commentId}`;
    case 'pull_request_review_comment':
      return `review-comment:${subject.commentId}`;
  }
}

type IndexKeys<K extends Kind> = (record: Tables[K]) => readonly string[];

// Secondary indexes: the lookups the API does on every request must not scan whole tables.
const INDEXES: { [K in Kind]?: IndexKeys<K> } = {
  repo: (r) => [`owner:${r.ownerId}`],
  issue: (r) => [`repo:${r.repoId}`],
  pull: (r) => [`repo:${r.repoId}`],
  comment: (r) => [`issue:${r.issueId}`, `repo:${r.repoId}`],
  label: (r) => [`repo:${r.repoId}`],
  milestone: (r) => [`repo:${r.repoId}`],
  reaction: (r) => [reactionKey(r.subject)],
  event: (r) => [`issue:${r.issueId}`, `repo:${r.repoId}`],
  review: (r) => [`pull:${r.pullId}`],
  reviewComment: (r) => [`pull:${r.pullId}`, `repo:${r.repoId}`, ...(r.reviewId ? [`review:${r.reviewId}`] : [])],
  checkSuite: (r) => [`sha:${r.repoId}:${r.headSha}`],
  checkRun: (r) => [`sha:${r.repoId}:${r.headSha}`, `suite:${r.suiteId}`],
  status: (r) => [`sha:${r.repoId}:${r.sha}`],
  installation: (r) => [`app:${r.appId}`],
  release: (r) => [`repo:${r.repoId}`],
  workflow: (r) => [`repo:${r.repoId}`],
  workflowRun: (r) => [`repo:${r.repoId}`, `workflow:${r.workflowId}`, `backend:${r.backendId}`],
  workflowJob: (r) => [`run:${r.runId}`, `backend:${r.backendId}`],
  artifact: (r) => [`repo:${r.repoId}`, `run:${r.runId}`],
  team: (r) => [`org:${r.orgId}`],
  protection: (r) => [`repo:${r.repoId}`],
  deletedIssue: (r) => [`repo:${r.repoId}:${r.number}`, `repo:${r.repoId}`],
  gist: (r) => [`owner:${r.ownerId}`, `key:${r.key}`, ...(r.forkOfId === null ? [] : [`fork:${r.forkOfId}`])],
  secret: (r) => [`repo:${r.repoId}`],
  variable: (r) => [`repo:${r.repoId}`],
  orgSecret: (r) => [`org:${r.orgId}`],
  orgVariable: (r) => [`org:${r.orgId}`],
  repoSubscription: (r) => [`user:${r.userId}:${r.repoId}`],
  environment: (r) => [`repo:${r.repoId}`],
  environmentSecret: (r) => [`environment:${r.environmentId}`, `repo:${r.repoId}`],
  environmentVariable: (r) => [`environment:${r.environmentId}`, `repo:${r.repoId}`],
  environmentBranchPolicy: (r) => [`environment:${r.environmentId}`, `repo:${r.repoId}`],
  gistComment: (r) => [`gist:${r.gistId}`],
  notificationThread: (r) => [`user:${r.userId}:${r.issueId}`],
};

// The fields the indexes above (and the login, number and token lookups) are computed from: an
// update that touches none of them leaves the indexes alone.
const INDEXED_FIELDS: { [K in Kind]?: ReadonlyArray<keyof Tables[K]> } = {
  user: ['login'],
  repo: ['ownerId'],
  issue: ['repoId', 'number'],
  pull: ['repoId'],
  comment: ['issueId', 'repoId'],
  label: ['repoId'],
  milestone: ['repoId'],
  reaction: ['subject'],
  event: ['issueId', 'repoId'],
  review: ['pullId'],
  reviewComment: ['pullId', 'reviewId'],
  checkSuite: ['repoId', 'headSha'],
  checkRun: ['repoId', 'headSha', 'suiteId'],
  status: ['repoId', 'sha'],
  installation: ['appId'],
  token: ['token'],
  release: ['repoId'],
  workflow: ['repoId'],
  workflowRun: ['repoId', 'workflowId', 'backendId'],
  workflowJob: ['runId', 'backendId'],
  artifact: ['repoId', 'runId'],
  team: ['orgId'],
  protection: ['repoId'],
  deletedIssue: ['repoId', 'number'],
  gist: ['ownerId', 'key', 'forkOfId'],
  secret: ['repoId'],
  variable: ['repoId'],
  orgSecret: ['orgId'],
  orgVariable: ['orgId'],
  repoSubscription: ['userId', 'repoId'],
  environment: ['repoId'],
  environmentSecret: ['environmentId', 'repoId'],
  environmentVariable: ['environmentId', 'repoId'],
  environmentBranchPolicy: ['environmentId', 'repoId'],
  gistComment: ['gistId'],
  notificationThread: ['userId', 'issueId'],
};

// Distinct ranges make ids of different kinds easy to tell apart in logs and snapshots.
const ID_BASE: Record<Kind, number> = {
  user: 1,
  org: 0,
  repo: 100,
  issue: 1000,
  pull: 2000,
  comment: 3000,
  label: 4000,
  milestone: 500,
  reaction: 6000,
  event: 7000,
  review: 8000,
  reviewComment: 8500,
  checkSuite: 9000,
  checkRun: 10000,
  status: 11000,
  app: 1,
  installation: 1,
  token: 1,
  release: 12000,
  workflow: 160000,
  workflowRun: 9_000_000_000,
  workflowJob: 25_000_000_000,
  artifact: 1_000_000,
  team: 13000,
  protection: 14000,
  deletedIssue: 15000,
  gist: 16000,
  secret: 17000,
  variable: 20000,
  orgSecret: 21000,
  orgVariable: 22000,
  repoSubscription: 23000,
  environment: 24000,
  environmentSecret: 25000,
  environmentVariable: 26000,
  environmentBranchPolicy: 361000,
  gistComment: 18000,
  notificationThread: 19000,
};

/**
 * In-memory tables with secondary indexes. Every mutation goes through `insert`/`update`/`remove`
 * with a journal, so the request log can say exactly what each request changed.
 */
export class Store {
  private readonly tables = new Map<Kind, Map<number, unknown>>();
  private readonly indexes = new Map<Kind, Map<string, Set<number>>>();
  private readonly nextIds = new Map<Kind, number>();
  /** login (lowercase) → user id. */
  private readonly logins = new Map<string, number>();
  /** `repoId:number` → issue id. */
  private readonly numbers = new Map<string, number>();
  /** token → token record id. */
  private readonly tokens = new Map<string, number>();
  private changeCount = 0;
  /** The order records were inserted in, across kinds (timestamps have only second precision). */
  private readonly insertions = new WeakMap<object, number>();

  constructor() {
    for (const kind of KINDS) {
      this.tables.set(kind, new Map());
      this.indexes.set(kind, new Map());
      this.nextIds.set(kind, ID_BASE[kind]);
    }
  }

  /**
   * Grows on every change: what was derived from the state (a rendered response) at one version is
   * still true while the version is the same.
   */
  get version(): number {
    return this.changeCount;
  }

  /** Marks the state changed when a record was modified in place rather than through `update`. */
  touch(): void {
    this.changeCount++;
  }

  nextId(kind: Kind): number {
    const id = this.nextIds.get(kind)!;
    this.nextIds.set(kind, id + 1);
    return id;
  }

  /** Makes sure future ids of `kind` do not collide with an explicitly chosen one. */
  reserveId(kind: Kind, id: number): void {
    if (id >= this.nextIds.get(kind)!) this.nextIds.set(kind, id + 1);
  }

  get<K extends Kind>(kind: K, id: number | null | undefined): Tables[K] | undefined {
    if (id === null || id === undefined) return undefined;
    return this.table(kind).get(id);
  }

  all<K extends Kind>(kind: K): IterableIterator<Tables[K]> {
    return this.table(kind).values();
  }

  /** Records of `kind` under an index key such as `repo:101`. */
  where<K extends Kind>(kind: K, key: string): Tables[K][] {
    const ids = this.indexes.get(kind)!.get(key);
    if (!ids) return [];
    const table = this.table(kind);
    const rows: Tables[K][] = [];
    for (const id of ids) rows.push(table.get(id)!);
    return rows;
  }

  countWhere(kind: Kind, key: string): number {
    return this.indexes.get(kind)!.get(key)?.size ?? 0;
  }

  userByLogin(login: string): Tables['user'] | undefined {
    return this.get('user', this.logins.get(login.toLowerCase()));
  }

  /** A repository of an account by name; names are case-insensitive, as on GitHub. */
  repoNamed(ownerId: number, name: string): Tables['repo'] | undefined {
    const lower = name.toLowerCase();
    return this.where('repo', `owner:${ownerId}`).find((repo) => repo.name.toLowerCase() === lower);
  }

  /** `owner/name`, case-insensitively. */
  repoByFullName(owner: string, name: string): Tables['repo'] | undefined {
    const account = this.userByLogin(owner);
    return account && this.repoNamed(account.id, name);
  }

  issueByNumber(repoId: number, number: number): Tables['issue'] | undefined {
    return this.get('issue', this.numbers.get(`${repoId}:${number}`));
  }

  tokenRecord(token: string): Tables['token'] | undefined {
    return this.get('token', this.tokens.get(token));
  }

  /** When `record` was inserted, relative to every other record (larger is later); 0 if never. */
  insertionOrder(record: object): number {
    return this.insertions.get(record) ?? 0;
  }

  insert<K extends Kind>(journal: Journal | undefined, kind: K, record: Tables[K]): Tables[K] {
    const id = (record as { id: number }).id;
    this.changeCount++;
    this.insertions.set(record as object, this.changeCount);
    this.table(kind).set(id, record);
    this.reserveId(kind, id);
    this.index(kind, record, 'add');
    journal?.record({ op: 'created', kind, id, ...this.key(kind, record) });
    return record;
  }

  /** Applies `patch` and journals the fields whose value really changed. */
  update<K extends Kind>(journal: Journal | undefined, kind: K, record: Tables[K], patch: Partial<Tables[K]>): void {
    const fields: Record<string, FieldChange> = {};
    const target = record as Record<string, unknown>;
    const indexed =
      (INDEXED_FIELDS[kind] as ReadonlyArray<string> | undefined)?.some((field) => field in patch) ?? false;
    if (indexed) this.index(kind, record, 'delete');
    let changed = false;
    for (const field in patch) {
      const value = (patch as Record<string, unknown>)[field];
      const before = target[field];
      if (sameValue(before, value)) continue;
      changed = true;
      // A secret-named field (an Actions secret's sealed value) is journaled as changed, never by value.
      if (journal)
        fields[field] = isSecretKey(field)
          ? { from: REDACTED, to: REDACTED }
          : { from: journalValue(before), to: journalValue(value) };
      target[field] = value;
    }
    if (indexed) this.index(kind, record, 'add');
    if (changed) this.changeCount++;
    if (changed) journal?.record({ op: 'updated', kind, id: target.id as number, ...this.key(kind, record), fields });
  }

  remove<K extends Kind>(journal: Journal | undefined, kind: K, record: Tables[K]): void {
    const id = (record as { id: number }).id;
    if (!this.table(kind).delete(id)) return;
    this.changeCount++;
    this.index(kind, record, 'delete');
    journal?.record({ op: 'deleted', kind, id, ...this.key(kind, record) });
  }

  private table<K extends Kind>(kind: K): Map<number, Tables[K]> {
    return this.tables.get(kind) as Map<number, Tables[K]>;
  }

  private index<K extends Kind>(kind: K, record: Tables[K], action: 'add' | 'delete'): void {
    const id = (record as { id: number }).id;
    const keys = (INDEXES[kind] as IndexKeys<K> | undefined)?.(record) ?? [];
    const index = this.indexes.get(kind)!;
    for (const key of keys) {
      let ids = index.get(key);
      if (action === 'add') {
        if (!ids) index.set(key, (ids = new Set()));
        ids.add(id);
      } else {
        ids?.delete(id);
        if (ids?.size === 0) index.delete(key);
      }
    }
    if (kind === 'user') {
      const login = (record as Tables['user']).login.toLowerCase();
      if (action === 'add') this.logins.set(login, id);
      else if (this.logins.get(login) === id) this.logins.delete(login);
    } else if (kind === 'issue') {
      const issue = record as Tables['issue'];
      const key = `${issue.repoId}:${issue.number}`;
      if (action === 'add') this.numbers.set(key, id);
      else if (this.numbers.get(key) === id) this.numbers.delete(key);
    } else if (kind === 'token') {
      const token = (record as Tables['token']).token;
      if (action === 'add') this.tokens.set(token, id);
      else this.tokens.delete(token);
    }
  }

  /** A readable key for the journal: `acme/widgets#3`, `acme/widgets label bug`. */
  private key<K extends Kind>(kind: K, record: Tables[K]): { key?: string } {
    const repoName = (repoId: number) => {
      const repo = this.get('repo', repoId);
      const owner = repo ? this.get('user', repo.ownerId) : undefined;
      return repo && owner ? `${owner.login}/${repo.name}` : `repo ${repoId}`;
    };
    switch (kind) {
      case 'issue':
      case 'pull': {
        const r = record as Tables['issue'] | Tables['pull'];
        return { key: `${repoName(r.repoId)}#${r.number}` };
      }
      case 'comment': {
        const r = record as Tables['comment'];
        return { key: `${repoName(r.repoId)}#${this.get('issue', r.issueId)?.number ?? '?'}` };
      }
      case 'label':
        return { key: `${repoName((record as Tables['label']).repoId)} label ${(record as Tables['label']).name}` };
      case 'repo':
        return { key: repoName((record as Tables['repo']).id) };
      case 'user':
        return { key: (record as Tables['user']).login };
      default:
        return {};
    }
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Map || b instanceof Map)
    return a instanceof Map && b instanceof Map && a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  if (a && b && typeof a === 'object' && typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

function journalValue(value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries(value);
  if (Array.isArray(value)) return [...value];
  if (value && typeof value === 'object') return JSON.parse(JSON.stringify(value)) as unknown;
  return value;
}
