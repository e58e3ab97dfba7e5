import { describe, expect, it } from '@jest/globals';
import type { context as actionsContext } from '@actions/github';
import { readRunContext } from '../../action/context.js';

type Repo = { id?: number; full_name?: string; fork?: boolean } | null | undefined;

/** The run's context as @actions/github reads it from the runner, with a pull_request payload. */
function pullContext(head: Repo, base: Repo): typeof actionsContext {
  const side = (sha: string, ref: string, repo: Repo) => ({ sha, ref, ...(repo === undefined ? {} : { repo }) });
  return {
    eventName: 'pull_request',
    sha: 'merge',
    ref: 'refs/pull/7/merge',
    runId: 1,
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    repo: { owner: 'acme', repo: 'agent' },
    payload: {
      pull_request: { number: 7, head: side('h', 'feature', head), base: side('b', 'main', base) },
    },
  } as unknown as typeof actionsContext;
}

const forkOf = (head: Repo, base: Repo) => readRunContext(pullContext(head, base)).pullRequest!.fork;

describe("the Action's reading of a pull request's origin", () => {
  it('a pull request between branches of one repository is not from a fork, even when that repository is itself a fork', () => {
    const own = { id: 10, full_name: 'acme/agent', fork: true };
    expect(forkOf(own, own)).toBe(false);
    expect(forkOf({ full_name: 'Acme/Agent', fork: true }, { full_name: 'acme/agent', fork: true })).toBe(false);
    // No base repository in the payload: the workflow's own repository is the base.
    expect(forkOf({ full_name: 'acme/agent', fork: true }, undefined)).toBe(false);
  });

  it('a pull request from another repository is from a fork, by id first, and so is one whose fork was deleted', () => {
    expect(forkOf({ id: 11, full_name: 'outsider/agent', fork: true }, { id: 10, full_name: 'acme/agent' })).toBe(true);
    // A repository renamed since: the ids still tell.
    expect(forkOf({ id: 10, full_name: 'acme/old-name' }, { id: 10, full_name: 'acme/agent' })).toBe(false);
    expect(forkOf({ id: 11, full_name: 'acme/agent' }, { id: 10, full_name: 'acme/agent' })).toBe(true);
    expect(forkOf({ full_name: 'outsider/agent', fork: false }, { full_name: 'acme/agent' })).toBe(true);
    expect(forkOf(null, { id: 10, full_name: 'acme/agent' })).toBe(true);
    expect(forkOf(undefined, { id: 10, full_name: 'acme/agent' })).toBe(true);
  });
});
