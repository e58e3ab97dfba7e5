import type { ProviderErrorKind, Usage } from '../providers/types.js';
import type { WorkflowNode } from './model.js';

/** FATAL never retries; TRANSIENT retries by default; UNKNOWN only with `on_error: all`. */
export type ErrorClass = 'fatal' | 'transient' | 'unknown';

/** A node attempt's failure, already classified, with what it spent. */
export class NodeFailure extends Error {
  constructor(
    message: string,
    readonly errorClass: ErrorClass,
    readonly usage?: Usage,
  ) {
    super(message);
    this.name = 'NodeFailure';
  }
}

const PROVIDER_KIND_CLASS: Record<ProviderErrorKind, ErrorClass> = {
  auth: 'fatal',
  billing: 'fatal',
  invalid_request: 'fatal',
  not_installed: 'fatal',
  cancelled: 'fatal',
  rate_limit: 'transient',
  overloaded: 'transient',
  server: 'transient',
  network: 'transient',
  timeout: 'transient',
  crash: 'transient',
  unknown: 'unknown',
};

export function classifyProviderKind(kind: ProviderErrorKind): ErrorClass {
  return PROVIDER_KIND_CLASS[kind];
}

/** HTTP statuses that say what kind of failure it was, whoever reports them. */
export function classifyHttpStatus(status: number): ErrorClass | undefined {
  if (status === 401 || status === 403 || status === 402) return 'fatal';
  if (status === 408 || status === 409 || status === 425 || status === 429 || status >= 500) return 'transient';
  if (status >= 400) return 'fatal';
  return undefined;
}

/**
 * A process's failure from its exit: 75 (EX_TEMPFAIL) and 124 (timeout(1)) are transient, 126/127
 * (not executable / not found) are fatal; other codes are unknown and fall back to the message.
 */
export function classifyExit(exit: {
  exitCode: number | null;
  timedOut?: boolean;
  signal?: string | null;
  spawnErrorCode?: string;
}): ErrorClass | undefined {
  if (exit.spawnErrorCode)
    return exit.spawnErrorCode === 'ENOENT' || exit.spawnErrorCode === 'EACCES' ? 'fatal' : 'transient';
  if (exit.timedOut) return 'transient';
  if (exit.signal) return 'transient';
  if (exit.exitCode === 75 || exit.exitCode === 124) return 'transient';
  if (exit.exitCode === 126 || exit.exitCode === 127) return 'fatal';
  return undefined;
}

const FATAL_PATTERNS = [
  /\b(unauthori[sz]ed|forbidden|invalid (api[ -]?)?(key|token)|authentication (failed|error)|not logged in|permission denied|credit balance|usage limit|insufficient[_ ]quota)\b/i,
  /\b(?:status|http|code)[: ]*(?:401|403)\b/i,
];
const TRANSIENT_PATTERNS = [
  /\b(timed? ?out|timeout|econnrefused|econnreset|etimedout|eai_again|rate[ -]?limit(ed)?|too many requests|overloaded|at capacity|network error|socket hang up|service unavailable|bad gateway|temporarily unavailable)\b/i,
  /\b(?:status|http|code|error)[: ]*(?:429|500|502|503|504|529)\b/i,
];

/** Last resort when no structured signal decided: the message wording (FATAL checked first). */
export function classifyMessage(message: string): ErrorClass {
  if (FATAL_PATTERNS.some((pattern) => pattern.test(message))) return 'fatal';
  if (TRANSIENT_PATTERNS.some((pattern) => pattern.test(message))) return 'transient';
  return 'unknown';
}

export interface RetryPolicy {
  maxAttempts: number;
  delayMs: number;
  onError: 'transient' | 'all';
}

export const DEFAULT_AI_RETRY: RetryPolicy = { maxAttempts: 3, delayMs: 3000, onError: 'transient' };
const NO_RETRY: RetryPolicy = { maxAttempts: 1, delayMs: 0, onError: 'transient' };

/** AI nodes retry transient errors by default; bash nodes only when they declare `retry:`. */
export function retryPolicyFor(node: WorkflowNode): RetryPolicy {
  switch (node.kind) {
    case 'command':
    case 'prompt':
    case 'bash':
    case 'script': {
      // `max_attempts` counts the retries after the first attempt, as in Archon's files: Archon runs
      // a node up to 1 + max_attempts times, and an Archon file must keep the attempts it asked for.
      if (node.retry)
        return {
          maxAttempts: node.retry.max_attempts + 1,
          delayMs: node.retry.delay_ms ?? DEFAULT_AI_RETRY.delayMs,
          onError: node.retry.on_error ?? 'transient',
        };
      return node.kind === 'bash' || node.kind === 'script' ? NO_RETRY : DEFAULT_AI_RETRY;
    }
    case 'loop':
    case 'loop_group':
    case 'workflow':
    case 'approval':
    case 'cancel':
      return NO_RETRY;
  }
}

export function shouldRetry(policy: RetryPolicy, errorClass: ErrorClass, attempt: number): boolean {
  if (attempt >= policy.maxAttempts || errorClass === 'fatal') return false;
  return errorClass === 'transient' || policy.onError === 'all';
}

/** Delay before attempt `attempt + 1`: the base delay, doubling each time. */
export function retryDelay(policy: RetryPolicy, attempt: number): number {
  return policy.delayMs * 2 ** (attempt - 1);
}
