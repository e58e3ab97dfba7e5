import { ApiError, notFound, unprocessable } from '../state/errors.js';
import { renderCheckRun, renderCheckSuite } from '../render/checks.js';
import type {
  Annotation,
  CheckAction,
  CheckConclusion,
  CheckRunRecord,
  CheckStatus,
  CheckSuiteRecord,
  RepoRecord,
  UserRecord,
} from '../state/model.js';
import { suiteFor, suiteState } from '../state/check-suites.js';
import { emit } from '../webhooks/emit.js';
import { hookCheckRun, hookCheckSuite } from '../webhooks/shapes.js';
import type { DomainContext } from './context.js';

export interface AnnotationInput {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunInput {
  name?: string;
  head_sha?: string;
  details_url?: string;
  external_id?: string;
  status?: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  started_at?: string;
  conclusion?: CheckConclusion;
  completed_at?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: AnnotationInput[] };
  actions?: CheckAction[];
}

function toAnnotation(input: AnnotationInput): Annotation {
  return {
    path: input.path,
    startLine: input.start_line,
    endLine: input.end_line,
    startColumn: input.start_column ?? null,
    endColumn: input.end_column ?? null,
    annotationLevel: input.annotation_level,
    message: input.message,
    title: input.title ?? null,
    rawDetails: input.raw_details ?? null,
  };
}

/** Only GitHub Apps create check runs; a personal token gets GitHub's 403. */
function requireApp(ctx: DomainContext) {
  if (ctx.actor.kind !== 'installation') throw new ApiError(403, 'You must authenticate via a GitHub App.');
  return ctx.actor.app;
}

function validateRun(input: CheckRunInput, status: CheckStatus, conclusion: CheckConclusion | null) {
  if (status === 'completed' && !conclusion)
    throw unprocessable('CheckRun', 'Conclusion required if status is completed', 'conclusion');
  if ((input.actions?.length ?? 0) > 3) throw unprocessable('CheckRun', 'Only 3 actions are allowed', 'actions');
  for (const action of input.actions ?? []) {
    if (action.label.length > 20 || action.description.length > 40 || action.identifier.length > 20)
      throw unprocessable(
        'CheckRun',
        'An action label is at most 20 characters, a description 40, an identifier 20',
        'actions',
      );
  }
  if ((input.output?.annotations?.length ?? 0) > 50)
    throw unprocessable('CheckRun', 'At most 50 annotations can be sent per request', 'output');
}

export async function createCheckRun(
  ctx: DomainContext,
  repo: RepoRecord,
  input: CheckRunInput & { name: string; head_sha: string },
) {
  const app = requireApp(ctx);
  const sha = repo.git.resolveCommit(input.head_sha);
  if (!sha || sha !== input.head_sha) throw new ApiError(422, `No commit found for SHA: ${input.head_sha}`);
  const conclusion = input.conclusion ?? null;
  const status: CheckStatus = conclusion ? 'completed' : (input.status ?? 'queued');
  validateRun(input, status, conclusion);
  const suite = suiteFor(ctx.store, ctx.journal, repo, app.id, sha, ctx.now);
  const run = ctx.store.insert(ctx.journal, 'checkRun', {
    id: ctx.store.nextId('checkRun'),
    repoId: repo.id,
    suiteId: suite.id,
    appId: app.id,
    name: input.name,
    headSha: sha,
    externalId: input.external_id ?? null,
    detailsUrl: input.details_url ?? null,
    status,
    conclusion,
    startedAt: input.started_at ?? ctx.now,
    completedAt: status === 'completed' ? (input.completed_at ?? ctx.now) : null,
    output: {
      title: input.output?.title ?? null,
      summary: input.output?.summary ?? null,
      text: input.output?.text ?? null,
      annotations: (input.output?.annotations ?? []).map(toAnnotation),
    },
    actions: input.actions ?? [],
  });
  emitCheckRun(ctx, repo, run, 'created');
  refreshSuite(ctx, repo, suite);
  return run;
}

export async function updateCheckRun(ctx: DomainContext, repo: RepoRecord, run: CheckRunRecord, input: CheckRunInput) {
  const app = requireApp(ctx);
  if (app.id !== run.appId)
    throw new ApiError(403, 'Invalid app_id `' + app.id + '` - check run can only be modified by its own app.');
  const conclusion = input.conclusion ?? (input.status && input.status !== 'completed' ? null : run.conclusion);
  const status: CheckStatus = input.conclusion ? 'completed' : (input.status ?? run.status);
  validateRun(input, status, conclusion);
  const wasCompleted = run.status === 'completed';
  ctx.store.update(ctx.journal, 'checkRun', run, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.details_url !== undefined ? { detailsUrl: input.details_url } : {}),
    ...(input.external_id !== undefined ? { externalId: input.external_id } : {}),
    ...(input.started_at !== undefined ? { startedAt: input.started_at } : {}),
    status,
    conclusion: status === 'completed' ? conclusion : null,
    completedAt: status === 'completed' ? (input.completed_at ?? run.completedAt ?? ctx.now) : null,
    ...(input.output
      ? {
          output: {
            title: input.output.title ?? run.output.title,
            summary: input.output.summary ?? run.output.summary,
            text: input.output.text ?? run.output.text,
            // GitHub appends annotations across updates (so they can be sent 50 at a time).
            annotations: [...run.output.annotations, ...(input.output.annotations ?? []).map(toAnnotation)],
          },
        }
      : {}),
    ...(input.actions ? { actions: input.actions } : {}),
  });
  if (!wasCompleted && status === 'completed') emitCheckRun(ctx, repo, run, 'completed');
  const suite = ctx.store.get('checkSuite', run.suiteId);
  if (suite) refreshSuite(ctx, repo, suite);
}

export function emitCheckRun(
  ctx: DomainContext,
  repo: RepoRecord,
  run: CheckRunRecord,
  action: 'created' | 'completed' | 'rerequested' | 'requested_action',
  extra: { requestedAction?: string; sender?: UserRecord } = {},
): void {
  emit(
    ctx,
    'check_run',
    repo,
    (view) => {
      const suite = view.store.get('checkSuite', run.suiteId)!;
      return {
        action,
        check_run: hookCheckRun(renderCheckRun(view, repo, run), renderCheckSuite(view, repo, suite)),
        ...(extra.requestedAction !== undefined ? { requested_action: { identifier: extra.requestedAction } } : {}),
      };
    },
    extra.sender,
  );
}

/** Recomputes a suite from its runs; `check_suite.completed` fires when the last run completes. */
function refreshSuite(ctx: DomainContext, repo: RepoRecord, suite: CheckSuiteRecord): void {
  const next = suiteState(ctx.store, suite);
  const wasCompleted = suite.status === 'completed';
  if (next.status === suite.status && next.conclusion === suite.conclusion) return;
  ctx.store.update(ctx.journal, 'checkSuite', suite, { ...next, updatedAt: ctx.now });
  if (!wasCompleted && next.status === 'completed')
    emit(ctx, 'check_suite', repo, (view) => ({
      action: 'completed',
      check_suite: hookCheckSuite(renderCheckSuite(view, repo, suite)),
    }));
}

/** A person clicking one of a check run's buttons: `check_run.requested_action` to the app. */
export function requestAction(
  ctx: DomainContext,
  repo: RepoRecord,
  run: CheckRunRecord,
  identifier: string,
  user: UserRecord,
) {
  if (!run.actions.some((action) => action.identifier === identifier))
    throw unprocessable('CheckRun', `No action with identifier "${identifier}" on check run ${run.id}`, 'identifier');
  emitCheckRun(ctx, repo, run, 'requested_action', { requestedAction: identifier, sender: user });
}

export function findCheckRun(ctx: DomainContext, repo: RepoRecord, id: number): CheckRunRecord {
  const run = ctx.store.get('checkRun', id);
  if (!run || run.repoId !== repo.id) throw notFound();
  return run;
}
