import type { PermissionLevel } from '../../src/config/index.js';
import type { JobScope } from './context.js';
import { meets, permissionOf, readRepoConfig } from './github.js';
import type { RepoContext } from './plan.js';
import { answer } from './reply.js';

/**
 * The repository, its default branch and its `.archal.json` as the default branch has it; an
 * invalid config is answered on the issue (with every problem) and nothing runs.
 */
export async function loadRepoContext(scope: JobScope): Promise<RepoContext | undefined> {
  const { github, owner, repo, job } = scope;
  const { data } = await github.rest.repos.get({ owner, repo });
  const config = await readRepoConfig(github, { owner, repo }, data.default_branch);
  if (config.status === 'invalid') {
    if (job.number !== null)
      await answer(
        scope,
        job.number,
        [
          `Archal cannot run: \`.archal.json\` on \`${data.default_branch}\` is invalid.`,
          '',
          ...config.problems.map((problem) => `- ${problem}`),
        ].join('\n'),
      );
    return undefined;
  }
  return { defaultBranch: data.default_branch, cloneUrl: data.clone_url, config: config.config };
}

/**
 * Whether the person who asked may command the App here: their permission on the repository must
 * reach `app.minPermission` (default write). Otherwise a short reply, and nothing runs.
 */
export async function permitted(scope: JobScope, context: RepoContext): Promise<boolean> {
  const { github, owner, repo, job } = scope;
  const minimum: PermissionLevel = context.config.app?.minPermission ?? 'write';
  const level = await permissionOf(github, { owner, repo }, job.payload.sender);
  if (meets(level, minimum)) return true;
  if (job.number !== null)
    await answer(
      scope,
      job.number,
      `@${job.payload.sender}: only people with **${minimum}** permission on this repository can command Archal here (yours: ${level}).`,
    );
  return false;
}
