import { runGit } from '../git/cli.js';
import { unifiedDiff } from '../git/diff.js';
import type { GitRepo } from '../git/repo.js';
import type { Reply, RequestContext } from './route.js';

/** Whether `Accept` asks for GitHub's custom media type `name` (`application/vnd.github[.v3].<name>`). */
export function accepts(ctx: RequestContext, name: string): boolean {
  return new RegExp(`vnd\\.github(\\.v3)?\\.${name}\\b`).test(String(ctx.headers.accept ?? ''));
}

/** `application/vnd.github.diff` / `.patch`, as clients ask through Octokit's `mediaType.format` or `-H Accept`. */
export function diffFormat(ctx: RequestContext): 'diff' | 'patch' | undefined {
  if (accepts(ctx, 'diff')) return 'diff';
  if (accepts(ctx, 'patch')) return 'patch';
  return undefined;
}

/**
 * The change from `from` to `to` as a unified diff, or as the `git format-patch` series of the
 * commits `range` selects (`a..b`, or `-1 <sha>` for one commit, a root commit included).
 */
export async function diffReply(
  git: GitRepo,
  format: 'diff' | 'patch',
  from: string,
  to: string,
  range: string[],
): Promise<Reply> {
  const data =
    format === 'diff'
      ? await unifiedDiff(git, from, to)
      : (await runGit(git.gitDir, ['format-patch', '--stdout', ...range])).stdout.toString('utf8');
  return { kind: 'raw', status: 200, data, contentType: `application/vnd.github.${format}; charset=utf-8` };
}
