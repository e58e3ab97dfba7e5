import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Octokit } from '@octokit/rest';
import type { GitHubClone } from '../../src/clones/github/index.js';
import { octokitFor, startClone } from './support/clone.js';

/**
 * REST paths and media types as clients other than Octokit's endpoint methods write them: `gh api`,
 * curl, Python's requests and the older SDKs put branch names with `/` in the path unencoded and
 * call GitHub's older, still-served `git/refs` form. Octokit's `request` with a literal path sends
 * exactly what they send.
 */
let clone: GitHubClone;
let octokit: Octokit;
const owner = 'acme';
const repo = 'widgets';

beforeAll(async () => {
  clone = await startClone({ seed: 'small-project' });
  octokit = octokitFor(clone, clone.token);
});

const headOf = async (branch: string) =>
  (await octokit.git.getRef({ owner, repo, ref: `heads/${branch}` })).data.object.sha;

describe('compare with branch names that contain a slash', () => {
  it('compares main...feature/color written as is, and serves the URL it answers with', async () => {
    const { data } = await octokit.request('GET /repos/acme/widgets/compare/main...feature/color');
    expect([data.status, data.ahead_by, data.commits.at(-1)?.sha]).toEqual(['ahead', 1, await headOf('feature/color')]);
    // The `url` GitHub puts in the answer names the comparison the same way; it must be served too.
    expect(data.url).toBe(`${clone.apiUrl}/repos/acme/widgets/compare/main...feature/color`);
    const again = await octokit.request(`GET ${data.url}`);
    expect(again.data.ahead_by).toBe(1);
    // A slash on the base side, and on both.
    const reverse = (await octokit.request('GET /repos/acme/widgets/compare/feature/color...main')).data;
    expect([reverse.status, reverse.behind_by]).toEqual(['behind', 1]);
    const both = (await octokit.request('GET /repos/acme/widgets/compare/fix/readme-typo...feature/color')).data;
    expect(both.status).toBe('diverged');
  });
});
