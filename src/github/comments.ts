import type { GitHubApi } from './pulls.js';
import type { RepoRef } from './checks.js';

export type CommentAction = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface StickyComment {
  action: CommentAction;
  id: number | null;
  url: string | null;
}

/**
 * The login the token acts as, when GitHub says (a personal token); installation tokens may not
 * ask (`GET /user` is refused), and then act as a bot.
 */
async function ownLogin(github: GitHubApi): Promise<string | null> {
  try {
    const { data } = await github.rest.users.getAuthenticated();
    return data.login;
  } catch {
    return null;
  }
}

/**
 * One comment per pull request and marker, updated in place on every push, never a second one.
 * The comment is found by its hidden marker at the start of its body, among those written by this
 * token's identity (a bot, or the token's own user), so a marker pasted by someone else is not
 * taken over. `create: false` only updates a comment that already exists. A retried create (after
 * a 5xx) first looks again: GitHub may have made the comment before failing to answer.
 */
export async function upsertStickyComment(
  github: GitHubApi,
  target: RepoRef,
  issueNumber: number,
  comment: { marker: string; body: string; create: boolean },
): Promise<StickyComment> {
  const existing = await findSticky(github, target, issueNumber, comment.marker);
  const body = comment.body.startsWith(comment.marker) ? comment.body : `${comment.marker}\n${comment.body}`;
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', id: existing.id, url: existing.html_url };
    const { data } = await github.rest.issues.updateComment({ ...target, comment_id: existing.id, body });
    return { action: 'updated', id: data.id, url: data.html_url };
  }
  if (!comment.create) return { action: 'skipped', id: null, url: null };
  const { data } = await github.rest.issues.createComment({
    ...target,
    issue_number: issueNumber,
    body,
    request: {
      beforeRetry: async () => {
        const made = await findSticky(github, target, issueNumber, comment.marker);
        return made?.body === body ? { data: made } : undefined;
      },
    },
  });
  return { action: 'created', id: data.id, url: data.html_url };
}

/** The comment with `marker` this token's identity wrote on the issue or pull request, if any. */
async function findSticky(github: GitHubApi, target: RepoRef, issueNumber: number, marker: string) {
  const comments = await github.paginate(github.rest.issues.listComments, {
    ...target,
    issue_number: issueNumber,
    per_page: 100,
  });
  const marked = comments.filter((candidate) => candidate.body?.startsWith(marker));
  const bot = marked.find((candidate) => candidate.user?.type === 'Bot');
  if (bot || marked.length === 0) return bot;
  const login = await ownLogin(github);
  return marked.find((candidate) => login !== null && candidate.user?.login === login);
}
