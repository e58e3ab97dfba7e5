import { parseCommand, type Command } from './commands.js';
import type { JobKind, JobPayload, JobSpec } from './jobs.js';

/** The identifier of the "Fix with Archal" button on the App's check run. */
export const FIX_ACTION = 'archal-fix';
/** The App's check run that offers the button. */
export const FIX_CHECK_NAME = 'Archal fix';

/**
 * The events `route` acts on: what app.yml subscribes to, and no more. (GitHub delivers
 * `installation` events to every App unasked; the App needs none of them.)
 */
export const SUBSCRIBED_EVENTS = [
  'issue_comment',
  'issues',
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
  'check_run',
] as const;

export type Route = { kind: 'job'; job: JobSpec } | { kind: 'ignore'; reason: string };

/** Who and what a delivery is about, for the deliveries table. */
export interface DeliverySummary {
  repo: string | null;
  number: number | null;
  sender: string | null;
}

type Json = Record<string, unknown>;

const object = (value: unknown): Json | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
const string = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const number = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

export function summarize(payload: Json): DeliverySummary {
  const repo = string(object(payload.repository)?.full_name) ?? null;
  const issue = object(payload.issue) ?? object(payload.pull_request);
  const pulls = object(payload.check_run)?.pull_requests;
  const checkPull = Array.isArray(pulls) ? number(object(pulls[0])?.number) : undefined;
  return {
    repo,
    number: number(issue?.number) ?? checkPull ?? null,
    sender: string(object(payload.sender)?.login) ?? null,
  };
}

function isBot(sender: Json | undefined): boolean {
  if (!sender) return false;
  return sender.type === 'Bot' || /\[bot\]$/i.test(string(sender.login) ?? '');
}

/**
 * Decides what a delivery asks for, from the delivery alone (no API call, no configuration: those
 * happen in the worker, so that a delivery is acknowledged in milliseconds). `appId` is this App's
 * id, to recognise its own check runs.
 */
export function route(event: string, payload: Json, appId: number): Route {
  const action = string(payload.action);
  const repository = object(payload.repository);
  const repo = string(repository?.full_name);
  const installationId = number(object(payload.installation)?.id);
  const sender = object(payload.sender);
  const login = string(sender?.login) ?? 'unknown';
  if (!repo) return ignore(`${event} has no repository`);
  if (installationId === undefined) return ignore(`${event} has no installation`);
  const base = { repo, installationId };

  switch (event) {
    case 'issue_comment': {
      if (action !== 'created') return ignore(`issue_comment.${action ?? '?'}: only new comments are commands`);
      const comment = object(payload.comment);
      const issue = object(payload.issue);
      const issueNumber = number(issue?.number);
      if (!comment || issueNumber === undefined) return ignore('issue_comment without a comment or an issue');
      const isPull = object(issue?.pull_request) !== undefined;
      return commentRoute(comment.body, { ...base, number: issueNumber, isPull }, login, sender, number(comment.id));
    }
    // A comment on a line of a pull request's diff, and a review's own text: where people reviewing type commands too.
    case 'pull_request_review_comment': {
      if (action !== 'created') return ignore(`${event}.${action ?? '?'}: only new comments are commands`);
      const comment = object(payload.comment);
      const pullNumber = number(object(payload.pull_request)?.number);
      if (!comment || pullNumber === undefined) return ignore(`${event} without a comment or a pull request`);
      return commentRoute(comment.body, { ...base, number: pullNumber, isPull: true }, login, sender);
    }
    case 'pull_request_review': {
      if (action !== 'submitted') return ignore(`${event}.${action ?? '?'}: only submitted reviews are commands`);
      const review = object(payload.review);
      const pullNumber = number(object(payload.pull_request)?.number);
      if (!review || pullNumber === undefined) return ignore(`${event} without a review or a pull request`);
      return commentRoute(review.body, { ...base, number: pullNumber, isPull: true }, login, sender);
    }
    case 'issues':
      if (action !== 'labeled') return ignore(`issues.${action ?? '?'} starts nothing`);
      return labelRoute(payload, base, login, sender, false);
    case 'pull_request': {
      // A label added to a pull request comes as pull_request.labeled, never as issues.labeled.
      if (action === 'labeled') return labelRoute(payload, base, login, sender, true);
      if (action !== 'closed') return ignore(`pull_request.${action ?? '?'} starts nothing`);
      if (isBot(sender)) return ignore(`pull request closed by the bot ${login}`);
      const pullNumber = number(object(payload.pull_request)?.number);
      if (pullNumber === undefined) return ignore('pull_request.closed without a pull request');
      return job({
        kind: 'pr_closed',
        ...base,
        number: pullNumber,
        isPull: true,
        payload: { sender: login, trigger: 'event' },
      });
    }
    case 'check_run':
      return checkRunRoute(action, payload, appId, base, login, sender);
    default:
      return ignore(`${event} events start nothing`);
  }
}

/** A new comment (or review) by a person: its `/archal` command, if it holds one. */
function commentRoute(
  body: unknown,
  target: { repo: string; installationId: number; number: number; isPull: boolean },
  login: string,
  sender: Json | undefined,
  commentId?: number,
): Route {
  if (isBot(sender)) return ignore(`comment by the bot ${login}`);
  const command = parseCommand(string(body) ?? '');
  if (!command) return ignore('no /archal command');
  return job(
    commandJob(command, target, {
      sender: login,
      trigger: 'comment',
      ...(commentId === undefined ? {} : { commentId }),
    }),
  );
}

/** A label added to an issue or a pull request; the worker decides whether it is the fix label. */
function labelRoute(
  payload: Json,
  base: { repo: string; installationId: number },
  login: string,
  sender: Json | undefined,
  isPull: boolean,
): Route {
  const event = isPull ? 'pull_request' : 'issues';
  if (isBot(sender)) return ignore(`label added by the bot ${login}`);
  const labeled = number(object(isPull ? payload.pull_request : payload.issue)?.number);
  const label = string(object(payload.label)?.name);
  if (labeled === undefined || !label)
    return ignore(`${event}.labeled without ${isPull ? 'a pull request' : 'an issue'} or a label`);
  return job({
    kind: 'label',
    ...base,
    number: labeled,
    isPull,
    dedupeKey: `${base.repo}#${labeled}:label:${label}`,
    payload: { sender: login, trigger: 'label', label },
  });
}

function checkRunRoute(
  action: string | undefined,
  payload: Json,
  appId: number,
  base: { repo: string; installationId: number },
  login: string,
  sender: Json | undefined,
): Route {
  const check = object(payload.check_run);
  const checkId = number(check?.id);
  const name = string(check?.name) ?? '';
  const headSha = string(check?.head_sha) ?? '';
  const checkApp = number(object(check?.app)?.id);
  const pulls = Array.isArray(check?.pull_requests) ? (check.pull_requests as unknown[]) : [];
  const pullNumber = number(object(pulls[0])?.number);
  if (!check || checkId === undefined) return ignore('check_run without a check run');
  if (action === 'completed') {
    // Checks are completed by bots (the Action, CI apps): the bot rule does not apply here, but the
    // App's own check runs never start anything.
    if (checkApp === appId) return ignore(`completion of this App's own check run "${name}"`);
    if (check.conclusion !== 'failure') return ignore(`check "${name}" concluded ${String(check.conclusion)}`);
    if (pullNumber === undefined) return ignore(`check "${name}" failed on a commit that heads no pull request`);
    return job({
      kind: 'check_failed',
      ...base,
      number: pullNumber,
      isPull: true,
      dedupeKey: `${base.repo}:check:${checkId}`,
      payload: { sender: login, trigger: 'check', check: { id: checkId, name, headSha } },
    });
  }
  if (action === 'requested_action') {
    const identifier = string(object(payload.requested_action)?.identifier);
    if (identifier !== FIX_ACTION) return ignore(`requested action "${identifier ?? '?'}" is not ${FIX_ACTION}`);
    if (checkApp !== appId) return ignore('requested action on another app’s check run');
    if (isBot(sender)) return ignore(`button pressed by the bot ${login}`);
    if (pullNumber === undefined) return ignore('the check run heads no pull request');
    const failing = Number(string(check.external_id));
    return job({
      kind: 'fix',
      ...base,
      number: pullNumber,
      isPull: true,
      dedupeKey: `${base.repo}#${pullNumber}:fix`,
      payload: {
        sender: login,
        trigger: 'button',
        ...(Number.isInteger(failing) && failing > 0 ? { check: { id: failing, name: '', headSha } } : {}),
      },
    });
  }
  return ignore(`check_run.${action ?? '?'} starts nothing`);
}

function commandJob(
  command: Command,
  target: { repo: string; installationId: number; number: number; isPull: boolean },
  payload: JobPayload,
): JobSpec {
  const key = (suffix: string) => `${target.repo}#${target.number}:${suffix}`;
  const spec = (kind: JobKind, extra: Partial<JobPayload> = {}, dedupeKey?: string): JobSpec => ({
    kind,
    ...target,
    ...(dedupeKey ? { dedupeKey } : {}),
    payload: { ...payload, ...extra },
  });
  switch (command.kind) {
    case 'fix':
      return spec('fix', { text: command.instructions }, key('fix'));
    case 'run':
      return spec('run', { word: command.workflow, text: command.message }, key(`run:${command.workflow}`));
    case 'retry':
      return spec('retry', {}, key('retry'));
    case 'approve':
      return spec('approve', { text: command.comment });
    case 'reject':
      return spec('reject', { text: command.reason });
    case 'status':
    case 'cancel':
    case 'help':
      return spec(command.kind);
    case 'unknown':
      return spec('unknown', { word: command.word });
    case 'invalid':
      return spec('invalid', { word: command.word, problem: command.problem });
  }
}

const job = (spec: JobSpec): Route => ({ kind: 'job', job: spec });
const ignore = (reason: string): Route => ({ kind: 'ignore', reason });
