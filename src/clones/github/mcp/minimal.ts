/**
 * The trimmed shapes github-mcp-server answers with instead of GitHub's full objects (its
 * `Minimal*` types), made from the clone's REST bodies. Fields it marks `omitempty` are left out
 * when empty (an empty string, 0, false, null or an empty list), as Go's JSON encoding does.
 */
type Json = Record<string, unknown>;

/** Drops the empty values of every field not named in `always`. */
function omitEmpty<T extends Json>(value: T, always: readonly string[] = []): Partial<T> {
  const out: Json = {};
  for (const [key, field] of Object.entries(value)) {
    const empty =
      field === undefined ||
      field === null ||
      field === '' ||
      field === 0 ||
      field === false ||
      (Array.isArray(field) && field.length === 0);
    if (!empty || always.includes(key)) out[key] = field === undefined ? null : field;
  }
  return out as Partial<T>;
}

const obj = (value: unknown): Json => (value && typeof value === 'object' ? (value as Json) : {});
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);
const logins = (list: unknown): string[] =>
  Array.isArray(list) ? list.map((user) => str(obj(user).login)).filter(Boolean) : [];
const names = (list: unknown): string[] =>
  Array.isArray(list) ? list.map((item) => str(obj(item).name)).filter(Boolean) : [];

export function minimalUser(user: unknown) {
  if (!user) return undefined;
  const u = obj(user);
  return omitEmpty(
    { login: str(u.login), id: num(u.id), profile_url: str(u.html_url), avatar_url: str(u.avatar_url) },
    ['login'],
  );
}

/** get_me: the user with its profile details. */
export function minimalMe(user: unknown) {
  const u = obj(user);
  return {
    ...minimalUser(u),
    details: omitEmpty({
      name: str(u.name),
      company: str(u.company),
      blog: str(u.blog),
      location: str(u.location),
      email: str(u.email),
      hireable: Boolean(u.hireable),
      bio: str(u.bio),
      twitter_username: str(u.twitter_username),
      public_repos: num(u.public_repos),
      public_gists: num(u.public_gists),
      followers: num(u.followers),
      following: num(u.following),
      created_at: str(u.created_at),
      updated_at: str(u.updated_at),
      private_gists: num(u.private_gists),
      total_private_repos: num(u.total_private_repos),
      owned_private_repos: num(u.owned_private_repos),
    }),
  };
}

function reactions(value: unknown) {
  if (!value) return undefined;
  const r = obj(value);
  return {
    total_count: num(r.total_count),
    '+1': num(r['+1']),
    '-1': num(r['-1']),
    laugh: num(r.laugh),
    confused: num(r.confused),
    heart: num(r.heart),
    hooray: num(r.hooray),
    rocket: num(r.rocket),
    eyes: num(r.eyes),
  };
}

export function minimalIssue(issue: unknown) {
  const i = obj(issue);
  return omitEmpty(
    {
      number: num(i.number),
      title: str(i.title),
      body: str(i.body),
      state: str(i.state),
      state_reason: str(i.state_reason),
      draft: Boolean(i.draft),
      locked: Boolean(i.locked),
      html_url: str(i.html_url),
      user: minimalUser(i.user),
      author_association: str(i.author_association),
      labels: names(i.labels),
      assignees: logins(i.assignees),
      milestone: str(obj(i.milestone).title),
      comments: num(i.comments),
      reactions: reactions(i.reactions),
      created_at: str(i.created_at),
      updated_at: str(i.updated_at),
      closed_at: str(i.closed_at),
      closed_by: str(obj(i.closed_by).login),
    },
    ['number', 'title', 'state', 'assignees'],
  );
}

export function minimalIssueComment(comment: unknown) {
  const c = obj(comment);
  return omitEmpty(
    {
      id: num(c.id),
      body: str(c.body),
      html_url: str(c.html_url),
      user: minimalUser(c.user),
      author_association: str(c.author_association),
      reactions: reactions(c.reactions),
      created_at: str(c.created_at),
      updated_at: str(c.updated_at),
    },
    ['id', 'html_url'],
  );
}

function branch(value: unknown) {
  if (!value) return undefined;
  const b = obj(value);
  const repo = b.repo
    ? omitEmpty({ full_name: str(obj(b.repo).full_name), description: str(obj(b.repo).description) }, ['full_name'])
    : undefined;
  return omitEmpty({ ref: str(b.ref), sha: str(b.sha), repo }, ['ref', 'sha']);
}

export function minimalPullRequest(pull: unknown) {
  const p = obj(pull);
  return omitEmpty(
    {
      number: num(p.number),
      title: str(p.title),
      body: str(p.body),
      state: str(p.state),
      draft: Boolean(p.draft),
      merged: Boolean(p.merged),
      mergeable_state: str(p.mergeable_state),
      html_url: str(p.html_url),
      user: minimalUser(p.user),
      labels: names(p.labels),
      assignees: logins(p.assignees),
      requested_reviewers: logins(p.requested_reviewers),
      merged_by: str(obj(p.merged_by).login),
      head: branch(p.head),
      base: branch(p.base),
      additions: num(p.additions),
      deletions: num(p.deletions),
      changed_files: num(p.changed_files),
      commits: num(p.commits),
      comments: num(p.comments),
      created_at: str(p.created_at),
      updated_at: str(p.updated_at),
      closed_at: str(p.closed_at),
      merged_at: str(p.merged_at),
      milestone: str(obj(p.milestone).title),
    },
    ['number', 'title', 'state', 'draft', 'merged', 'html_url'],
  );
}

export function minimalReview(review: unknown) {
  const r = obj(review);
  return omitEmpty(
    {
      id: num(r.id),
      state: str(r.state),
      body: str(r.body),
      html_url: str(r.html_url),
      user: minimalUser(r.user),
      commit_id: str(r.commit_id),
      submitted_at: str(r.submitted_at),
      author_association: str(r.author_association),
    },
    ['id', 'state', 'html_url'],
  );
}

export function minimalPullFile(file: unknown) {
  const f = obj(file);
  return omitEmpty(
    {
      filename: str(f.filename),
      status: str(f.status),
      additions: num(f.additions),
      deletions: num(f.deletions),
      changes: num(f.changes),
      patch: str(f.patch),
      previous_filename: str(f.previous_filename),
    },
    ['filename'],
  );
}

function commitAuthor(value: unknown) {
  if (!value) return undefined;
  const a = obj(value);
  return omitEmpty({ name: str(a.name), email: str(a.email), date: str(a.date) });
}

export function minimalPullCommit(commit: unknown) {
  const c = obj(commit);
  const inner = obj(c.commit);
  return omitEmpty(
    { sha: str(c.sha), html_url: str(c.html_url), message: str(inner.message), author: commitAuthor(inner.author) },
    ['sha'],
  );
}

/** get_commit's `detail`: no stats or files, them without patches (its default), or with them. */
export const COMMIT_DETAILS = ['none', 'stats', 'full_patch'] as const;
export type CommitDetail = (typeof COMMIT_DETAILS)[number];

/** list_commits (no stats or files) and get_commit (`detail` adds them). */
export function minimalCommit(commit: unknown, detail: CommitDetail = 'none') {
  const c = obj(commit);
  const inner = obj(c.commit);
  const stats = obj(c.stats);
  const files = Array.isArray(c.files) ? c.files : [];
  return omitEmpty(
    {
      sha: str(c.sha),
      html_url: str(c.html_url),
      commit: c.commit
        ? omitEmpty(
            {
              message: str(inner.message),
              author: commitAuthor(inner.author),
              committer: commitAuthor(inner.committer),
            },
            ['message'],
          )
        : undefined,
      author: minimalUser(c.author),
      committer: minimalUser(c.committer),
      stats:
        detail === 'none' || !c.stats
          ? undefined
          : omitEmpty({ additions: num(stats.additions), deletions: num(stats.deletions), total: num(stats.total) }),
      files:
        detail === 'none'
          ? undefined
          : files.map((file) => {
              const f = obj(file);
              return omitEmpty(
                {
                  filename: str(f.filename),
                  status: str(f.status),
                  additions: num(f.additions),
                  deletions: num(f.deletions),
                  changes: num(f.changes),
                  patch: detail === 'full_patch' ? str(f.patch) : '',
                },
                ['filename'],
              );
            }),
    },
    ['sha', 'html_url'],
  );
}

export function minimalBranch(value: unknown) {
  const b = obj(value);
  return { name: str(b.name), sha: str(obj(b.commit).sha), protected: Boolean(b.protected) };
}

export function minimalTag(value: unknown) {
  const t = obj(value);
  return { name: str(t.name), sha: str(obj(t.commit).sha) };
}

export function minimalRelease(value: unknown) {
  const r = obj(value);
  return omitEmpty(
    {
      id: num(r.id),
      tag_name: str(r.tag_name),
      name: str(r.name),
      body: str(r.body),
      html_url: str(r.html_url),
      published_at: str(r.published_at),
      prerelease: Boolean(r.prerelease),
      draft: Boolean(r.draft),
      author: minimalUser(r.author),
    },
    ['id', 'tag_name', 'html_url', 'prerelease', 'draft'],
  );
}

export function minimalRepository(value: unknown) {
  const r = obj(value);
  return omitEmpty(
    {
      id: num(r.id),
      name: str(r.name),
      full_name: str(r.full_name),
      description: str(r.description),
      html_url: str(r.html_url),
      language: str(r.language),
      stargazers_count: num(r.stargazers_count),
      forks_count: num(r.forks_count),
      open_issues_count: num(r.open_issues_count),
      updated_at: str(r.updated_at),
      created_at: str(r.created_at),
      topics: Array.isArray(r.topics) ? (r.topics as string[]) : [],
      private: Boolean(r.private),
      fork: Boolean(r.fork),
      archived: Boolean(r.archived),
      default_branch: str(r.default_branch),
    },
    [
      'id',
      'name',
      'full_name',
      'html_url',
      'stargazers_count',
      'forks_count',
      'open_issues_count',
      'private',
      'fork',
      'archived',
    ],
  );
}

/** create_or_update_file and delete_file: the file written (none when deleted) and its commit. */
export function minimalFileResponse(value: unknown) {
  const v = obj(value);
  const content = v.content ? obj(v.content) : undefined;
  const commit = obj(v.commit);
  return omitEmpty({
    content: content
      ? omitEmpty(
          {
            name: str(content.name),
            path: str(content.path),
            sha: str(content.sha),
            size: num(content.size),
            html_url: str(content.html_url),
          },
          ['name', 'path', 'sha', 'html_url'],
        )
      : undefined,
    commit: omitEmpty(
      {
        sha: str(commit.sha),
        message: str(commit.message),
        html_url: str(commit.html_url),
        author: commitAuthor(commit.author),
      },
      ['sha'],
    ),
  });
}

/** What github-mcp-server answers for most writes: the id (as text) and the web URL. */
export function minimalResponse(value: unknown) {
  const v = obj(value);
  return { id: String(v.id ?? ''), url: str(v.html_url) || str(v.url) };
}
