import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGitHubApiClient, upsertDraftPull } from '../../src/github/index.js';
import { codeBlock, codeSpan, defusedMarkdown, duration, inline } from '../markdown.js';
import type { ProgressNode } from '../progress.js';
import type { JobScope } from './context.js';
import { mintToken, PUBLISH } from './github.js';
import { git, gitOrThrow, slug, tokenEnv, withRepoLock } from './repo.js';
import type { RunPlan } from './run-flow.js';

/** Run output that is never part of a fix. */
const EXCLUDED = ['artifacts', 'logs', 'cache', 'preprod', 'attach', 'demo'].map(
  (dir) => `:(exclude,glob).archal/${dir}/**`,
);

export type Published =
  | { kind: 'pull'; pull: { number: number; url: string; action: 'created' | 'updated' } }
  | { kind: 'no_changes'; explanation: string };

interface RunOutputs {
  runId: string;
  workingPath: string;
  startSha: string;
  workflow: string;
  nodes: readonly ProgressNode[];
  outputs: ReadonlyMap<string, { text: string }>;
}

/**
 * Commits what the run changed in its worktree, as the App, and publishes it: the fix branch is
 * pushed from the App's own publishing repository (no agent ever works in it) with a token narrowed
 * to contents and pull_requests on this one repository, then its draft pull request is created, or
 * updated when a previous run opened it.
 */
export async function publishFix(scope: JobScope, plan: RunPlan, run: RunOutputs): Promise<Published> {
  const { ctx, job } = scope;
  const wt = run.workingPath;
  const identity = await botIdentity(scope);
  await gitOrThrow(['add', '-A', '--', '.', ...EXCLUDED], wt);
  const staged = await git(['diff', '--cached', '--quiet'], wt);
  if (!staged.ok)
    await gitOrThrow(
      [
        '-c',
        `user.name=${identity.name}`,
        '-c',
        `user.email=${identity.email}`,
        'commit',
        '--quiet',
        '--no-verify',
        '-m',
        `${title(plan)}\n\nArchal run ${run.runId} (workflow ${run.workflow}).`,
      ],
      wt,
    );
  const head = await gitOrThrow(['rev-parse', 'HEAD'], wt);
  const files = (await gitOrThrow(['diff', '--name-only', run.startSha, head], wt)).split('\n').filter(Boolean);
  if (files.length === 0) return { kind: 'no_changes', explanation: lastOutput(run) };

  const writeToken = await mintToken(await ctx.probot.auth(), job.installationId, scope.repo, PUBLISH);
  await withRepoLock(job.repo, async () => {
    const publishRepo = join(ctx.home, 'app', 'publish', `${slug(job.repo)}.git`);
    if (!existsSync(join(publishRepo, 'HEAD'))) {
      mkdirSync(publishRepo, { recursive: true });
      await gitOrThrow(['init', '--quiet', '--bare'], publishRepo);
    }
    const staging = `refs/archal/publish/${plan.branch}`;
    await gitOrThrow(['fetch', '--quiet', '--no-tags', '--force', wt, `+${head}:${staging}`], publishRepo);
    await gitOrThrow(
      ['push', '--quiet', '--force', plan.cloneUrl, `${staging}:refs/heads/${plan.branch}`],
      publishRepo,
      tokenEnv(writeToken),
    );
  });
  const { action, pull } = await upsertDraftPull(
    createGitHubApiClient(ctx.apiUrl, writeToken),
    { owner: scope.owner, repo: scope.repo, apiUrl: ctx.apiUrl },
    { branch: plan.branch, base: plan.base, title: title(plan), body: pullBody(scope, plan, run, files) },
  );
  return { kind: 'pull', pull: { number: pull.number, url: pull.url, action } };
}

function title(plan: RunPlan): string {
  const text = plan.title.replace(/\s+/g, ' ').trim().slice(0, 200);
  return plan.isPull ? `Fix for #${plan.number}: ${text}` : `Fix #${plan.number}: ${text}`;
}

/** `Fixes #n`, what changed and why, the validation, the files and the run id. */
export function pullBody(scope: JobScope, plan: RunPlan, run: RunOutputs, files: readonly string[]): string {
  const summaryFile = join(run.workingPath, '.archal', 'artifacts', 'runs', run.runId, 'pr-body.md');
  const written = existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8').trim() : '';
  const summary = written || summaryOutput(run);
  const lines = [
    plan.isPull ? `Fix for ${plan.subject}.` : `Fixes #${plan.number}`,
    '',
    '## What changed and why',
    '',
    summary ? defusedMarkdown(summary) : '_The workflow wrote no summary._',
    '',
    '## Validation',
    '',
    ...validation(run),
    '',
    '## Files',
    '',
    ...files.slice(0, 100).map((file) => `- ${codeSpan(file, 200)}`),
    ...(files.length > 100 ? [`- … and ${files.length - 100} more`] : []),
    '',
    '---',
    `Opened by Archal run \`${run.runId}\` (workflow \`${run.workflow}\`), requested by ${inline(scope.job.payload.sender, 60)}. ` +
      'Review it like any contribution: it is a draft until a person says otherwise.',
  ];
  return lines.join('\n');
}

const VALIDATION_NODE = /^(validate|validation|rerun|test|tests|check)/i;

function validation(run: RunOutputs): string[] {
  const nodes = run.nodes.filter((node) => VALIDATION_NODE.test(node.id));
  if (nodes.length === 0) return ['_This workflow has no validation step._'];
  return nodes.flatMap((node) => {
    const output = run.outputs.get(node.id)?.text.trim() ?? '';
    return [
      `- \`${node.id}\`: ${node.state}${node.durationMs !== undefined ? ` in ${duration(node.durationMs)}` : ''}`,
      ...(output ? ['', codeBlock(tail(output, 2_000)), ''] : []),
    ];
  });
}

/** The output of a `summarize`/`summary` node, else of the last completed node. */
function summaryOutput(run: RunOutputs): string {
  const named = run.nodes.find((node) => /^summar/i.test(node.id) && node.state === 'completed');
  return (named && run.outputs.get(named.id)?.text) ?? lastOutput(run);
}

function lastOutput(run: RunOutputs): string {
  const completed = run.nodes.filter((node) => node.state === 'completed' && run.outputs.get(node.id)?.text.trim());
  const last = completed[completed.length - 1];
  return last ? (run.outputs.get(last.id)?.text.trim() ?? '') : '';
}

function tail(text: string, max: number): string {
  return text.length > max ? `…${text.slice(-max)}` : text;
}

/** Who the App's commits are by: its bot account. */
async function botIdentity(scope: JobScope): Promise<{ name: string; email: string }> {
  const { data } = await (await scope.ctx.probot.auth()).rest.apps.getAuthenticated();
  const slugName = data?.slug ?? 'archal';
  return { name: `${slugName}[bot]`, email: `${slugName}[bot]@users.noreply.github.com` };
}
