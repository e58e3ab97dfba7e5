import * as z from 'zod';
import { actingUser } from '../state/actor.js';
import { ApiError, unprocessable } from '../state/errors.js';
import { parseBody } from '../http/input.js';
import { emitStatusEvent } from '../webhooks/repo-events.js';
import { okPage, paginate } from '../http/pagination.js';
import { renderStatus } from '../render/checks.js';
import { fullName, renderRepo } from '../render/repos.js';
import type { RepoRecord, StatusRecord } from '../state/model.js';
import { repoParam } from './lookup.js';
import { created, ok, type RouteSpec } from '../http/route.js';
import { NEED } from '../state/permissions.js';
import { resolveRevision } from '../domain/revision.js';

const createSchema = z.object({
  state: z.enum(['error', 'failure', 'pending', 'success']),
  target_url: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  context: z.string().min(1).optional(),
});

/** The newest status of each context, and GitHub's combination rule over them. */
function combine(statuses: StatusRecord[]) {
  const latest = new Map<string, StatusRecord>();
  for (const status of [...statuses].sort((a, b) => a.id - b.id)) latest.set(status.context, status);
  const list = [...latest.values()];
  const state = list.some((s) => s.state === 'error' || s.state === 'failure')
    ? 'failure'
    : list.length === 0 || list.some((s) => s.state === 'pending')
      ? 'pending'
      : 'success';
  return { state, list };
}

function shaOf(repo: RepoRecord, ref: string): string {
  const sha = resolveRevision(repo, ref);
  if (!sha) throw new ApiError(404, 'No commit found for SHA: ' + ref);
  return sha;
}

export const statusRoutes: RouteSpec[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/statuses/{sha}',
    operationId: 'repos/create-commit-status',
    docs: 'commits/statuses#create-a-commit-status',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.statusesWrite);
      const input = parseBody(ctx, createSchema);
      const sha = ctx.params.sha!;
      if (!/^[0-9a-f]{40}$/.test(sha) || !repo.git.readCommit(sha))
        throw new ApiError(422, `No commit found for SHA: ${sha}`);
      const context = input.context ?? 'default';
      if (ctx.store.where('status', `sha:${repo.id}:${sha}`).filter((s) => s.context === context).length >= 1000)
        throw unprocessable('Status', 'This SHA and context has reached the maximum number of statuses.');
      const status = ctx.store.insert(ctx.journal, 'status', {
        id: ctx.store.nextId('status'),
        repoId: repo.id,
        sha,
        state: input.state,
        context,
        description: input.description ?? null,
        targetUrl: input.target_url ?? null,
        creatorId: actingUser(ctx.actor)!.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      emitStatusEvent(ctx, repo, status);
      const body = renderStatus(ctx, repo, status);
      return created(body, { location: body.url });
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref+}/status',
    operationId: 'repos/get-combined-status-for-ref',
    docs: 'commits/statuses#get-the-combined-status-for-a-specific-reference',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.statusesRead);
      const sha = shaOf(repo, ctx.params.ref!);
      const { state, list } = combine(ctx.store.where('status', `sha:${repo.id}:${sha}`));
      const repoUrl = ctx.urls.repo(fullName(ctx, repo));
      const page = paginate(
        ctx,
        list.sort((a, b) => a.id - b.id),
        100,
      );
      return ok(
        {
          state,
          statuses: page.items.map((status) => {
            const { creator: _creator, ...rest } = renderStatus(ctx, repo, status);
            return rest;
          }),
          sha,
          total_count: list.length,
          repository: renderRepo(ctx, repo),
          commit_url: `${repoUrl}/commits/${sha}`,
          url: `${repoUrl}/commits/${sha}/status`,
        },
        page.headers,
      );
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref+}/statuses',
    operationId: 'repos/list-commit-statuses-for-ref',
    docs: 'commits/statuses#list-commit-statuses-for-a-reference',
    handler: (ctx) => {
      const repo = repoParam(ctx, NEED.statusesRead);
      const sha = shaOf(repo, ctx.params.ref!);
      return okPage(
        ctx,
        ctx.store.where('status', `sha:${repo.id}:${sha}`).sort((a, b) => b.id - a.id),
        (status) => renderStatus(ctx, repo, status),
      );
    },
  },
];
