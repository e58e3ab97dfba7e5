import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeCommit, encodeTree, isTreeMode, parseCommit, parseTree, type Commit, type TreeEntry } from './format.js';
import { isSha, ObjectStore } from './objects.js';
import { RefStore } from './refs.js';

// Pushes are exploded into loose objects and never garbage-collected, so the JS object reader sees
// everything; `http.receivepack` lets git http-backend accept pushes (auth is checked before it runs).
const CONFIG = `[core]
\trepositoryformatversion = 0
\tfilemode = true
\tbare = true
\tlogallrefupdates = false
[receive]
\tunpackLimit = 2000000000
\tautogc = false
\tdenyNonFastForwards = false
[transfer]
\tunpackLimit = 2000000000
[gc]
\tauto = 0
[http]
\treceivepack = true
[uploadpack]
\tallowAnySHA1InWant = true
`;

/** Creates the files of an empty bare repository directly (no `git init` process). */
export function initBareRepo(gitDir: string, defaultBranch: string): void {
  for (const sub of ['objects/info', 'objects/pack', 'refs/heads', 'refs/tags', 'info'])
    mkdirSync(join(gitDir, sub), { recursive: true });
  writeFileSync(join(gitDir, 'HEAD'), `ref: refs/heads/${defaultBranch}\n`);
  writeFileSync(join(gitDir, 'config'), CONFIG);
  writeFileSync(join(gitDir, 'description'), 'Archal GitHub clone repository\n');
}

/** Object and ref access to one bare repository, all in-process. */
export class GitRepo {
  readonly objects: ObjectStore;
  readonly refs: RefStore;

  constructor(readonly gitDir: string) {
    this.objects = new ObjectStore(gitDir);
    this.refs = new RefStore(gitDir);
  }

  writeBlob(data: Buffer): string {
    return this.objects.write('blob', data);
  }

  writeTree(entries: readonly TreeEntry[]): string {
    return this.objects.write('tree', encodeTree(entries));
  }

  writeCommit(commit: Commit): string {
    return this.objects.write('commit', encodeCommit(commit));
  }

  readCommit(sha: string): Commit | undefined {
    const object = this.objects.read(sha);
    return object?.type === 'commit' ? parseCommit(object.data) : undefined;
  }

  readTree(sha: string): TreeEntry[] | undefined {
    const object = this.objects.read(sha);
    return object?.type === 'tree' ? parseTree(object.data) : undefined;
  }

  readBlob(sha: string): Buffer | undefined {
    const object = this.objects.read(sha);
    return object?.type === 'blob' ? object.data : undefined;
  }

  branches(): Map<string, string> {
    const branches = new Map<string, string>();
    for (const [ref, sha] of this.refs.list('refs/heads/')) branches.set(ref.slice('refs/heads/'.length), sha);
    return branches;
  }

  branch(name: string): string | undefined {
    return this.refs.get(`refs/heads/${name}`);
  }

  /**
   * A commit-ish as GitHub's `ref`/`sha` parameters accept it: a branch, a tag, `refs/...`, a full
   * SHA or an unambiguous prefix of at least 7 characters that is a commit.
   */
  resolveCommit(refOrSha: string): string | undefined {
    if (isSha(refOrSha)) return this.readCommit(refOrSha) ? refOrSha : undefined;
    const direct =
      this.refs.get(`refs/heads/${refOrSha}`) ??
      this.refs.get(`refs/tags/${refOrSha}`) ??
      (refOrSha.startsWith('refs/') ? this.refs.get(refOrSha) : undefined) ??
      (refOrSha.startsWith('heads/') || refOrSha.startsWith('tags/') ? this.refs.get(`refs/${refOrSha}`) : undefined);
    if (direct) return this.peelToCommit(direct);
    if (/^[0-9a-f]{7,39}$/.test(refOrSha)) return this.expandShortSha(refOrSha);
    return undefined;
  }

  private peelToCommit(sha: string): string | undefined {
    const object = this.objects.read(sha);
    if (object?.type === 'commit') return sha;
    if (object?.type === 'tag') {
      const target = /^object ([0-9a-f]{40})/m.exec(object.data.toString('utf8'))?.[1];
      return target ? this.peelToCommit(target) : undefined;
    }
    return undefined;
  }

  /** Short SHAs are looked up among commits reachable from refs (enough for what agents paste). */
  private expandShortSha(prefix: string): string | undefined {
    const matches = new Set<string>();
    for (const tip of this.refs.list('refs/').values()) {
      for (const sha of walkCommits(this, [tip], 10_000)) if (sha.startsWith(prefix)) matches.add(sha);
    }
    return matches.size === 1 ? [...matches][0] : undefined;
  }

  /** The tree entry at `path` in `treeSha` (`''` is the root tree itself). */
  entryAt(treeSha: string, path: string): TreeEntry | undefined {
    if (path === '') return { mode: '40000', name: '', sha: treeSha };
    let current: TreeEntry = { mode: '40000', name: '', sha: treeSha };
    for (const part of path.split('/')) {
      if (!isTreeMode(current.mode)) return undefined;
      const entries = this.readTree(current.sha);
      const next = entries?.find((entry) => entry.name === part);
      if (!next) return undefined;
      current = next;
    }
    return current;
  }
}

/** Commits reachable from `tips` (tips included), breadth first, at most `limit`. */
export function* walkCommits(repo: GitRepo, tips: readonly string[], limit = Infinity): Generator<string> {
  const seen = new Set<string>();
  const queue = [...tips];
  while (queue.length > 0 && seen.size < limit) {
    const sha = queue.shift()!;
    if (seen.has(sha)) continue;
    seen.add(sha);
    yield sha;
    const commit = repo.readCommit(sha);
    if (commit) queue.push(...commit.parents);
  }
}
