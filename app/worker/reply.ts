import type { JobScope } from './context.js';
import { editComment, reply } from './github.js';

/** First line of a job's answer on its issue or pull request: a retry of that job finds it by it. */
const REPLY_MARKER = '<!-- archal:reply';

export function replyMarker(jobId: string): string {
  return `${REPLY_MARKER} job=${jobId} -->`;
}

/**
 * A job's one answer on its issue or pull request. A job tried again after GitHub made the comment
 * but answered 5xx edits that comment (to what this attempt says) instead of posting a second one.
 */
export async function answer(scope: JobScope, number: number, body: string): Promise<number> {
  const marker = replyMarker(scope.job.id);
  const text = `${marker}\n${body}`;
  const earlier = await postedBefore(scope, number, (found) => found.split('\n', 1)[0] === marker);
  if (earlier === undefined) return reply(scope.github, scope, number, text);
  await editComment(scope.github, scope, earlier, text);
  return earlier;
}

/**
 * The App's comment an earlier attempt of this job posted, when GitHub made it but answered 5xx
 * (the job was tried again without its id). A first attempt has none to look for.
 */
export async function postedBefore(
  scope: JobScope,
  number: number,
  matches: (body: string) => boolean,
): Promise<number | undefined> {
  if (scope.job.attempts <= 1) return undefined;
  const comments = await scope.github.paginate(scope.github.rest.issues.listComments, {
    owner: scope.owner,
    repo: scope.repo,
    issue_number: number,
    per_page: 100,
  });
  return comments.find((comment) => comment.user?.type === 'Bot' && matches(comment.body ?? ''))?.id;
}
