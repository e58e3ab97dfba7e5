import { join, relative } from 'node:path';
import { writeJsonFile } from '../lib/json-file.js';
import type { SecretRedactor } from '../lib/redact.js';
import type { PreprodAttempt, PreprodFailure, PreprodResult, PreprodStatus, PreprodUsage } from './schema.js';
import { monotonicMs } from '../lib/elapsed.js';

/** Where and why the loop stopped. */
export interface Stop {
  status: PreprodStatus;
  stopReason: string;
  message: string;
}

export interface RecordContext {
  repo: string;
  artifactsDir: string;
  scenarios: Array<{ title: string; file: string }>;
  /** The options as preprod-result.json records them. */
  options: Record<string, unknown>;
  redactor: SecretRedactor;
}

/**
 * What the loop did, as preprod-result.json tells it: every attempt, the usage, validation, the PR,
 * the time each phase took. Every decision is recorded, whatever status the loop ends with.
 */
export class PreprodRecord {
  readonly startedAt = new Date().toISOString();
  private readonly started = monotonicMs();
  readonly timings: Record<string, number> = {};
  readonly attempts: PreprodAttempt[] = [];
  readonly usage: PreprodUsage & { attempts: number } = { attempts: 0 };
  preflight: PreprodResult['preflight'] = null;
  validation: PreprodResult['validation'] = null;
  pr: PreprodResult['pr'] = null;
  /** What fixes changed and is not published yet (see the result's `fixPaths`). */
  fixPaths: string[] = [];
  /** The phase running now (for an error's message). */
  phase: string | undefined;

  constructor(private readonly context: RecordContext) {}

  /** Runs a phase, adding its duration to the phase's timing. */
  async timed<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const at = monotonicMs();
    this.phase = phase;
    try {
      const result = await work();
      // Kept when the phase throws: the loop's result names where it stopped.
      this.phase = undefined;
      return result;
    } finally {
      this.timings[phase] = Math.round((this.timings[phase] ?? 0) + monotonicMs() - at);
    }
  }

  /** Records an attempt; its failures go to attempt-<k>/failures.json (what attempt k+1 is asked to fix). */
  addAttempt(attempt: Omit<PreprodAttempt, 'failuresFile'>): PreprodAttempt {
    const failuresFile =
      attempt.failures.length > 0
        ? join(this.context.artifactsDir, `attempt-${attempt.attempt}`, 'failures.json')
        : null;
    if (failuresFile)
      writeJsonFile(
        failuresFile,
        this.context.redactor.value({ schemaVersion: 1, attempt: attempt.attempt, failures: attempt.failures }),
      );
    const recorded = { ...attempt, failuresFile };
    this.attempts.push(recorded);
    return recorded;
  }

  /** Adds what a fix attempt reported to the loop's usage. */
  addUsage(attempt: PreprodUsage | null): void {
    const total = this.usage;
    total.attempts++;
    if (!attempt) return;
    for (const key of ['inputTokens', 'outputTokens', 'costUsd'] as const) {
      if (attempt[key] !== undefined) total[key] = (total[key] ?? 0) + attempt[key]!;
    }
    for (const key of ['provider', 'model'] as const) if (attempt[key]) total[key] = attempt[key];
    if (attempt.isByok !== undefined) total.isByok = attempt.isByok;
  }

  get lastFailures(): PreprodFailure[] {
    return this.attempts.at(-1)?.failures ?? [];
  }

  /** The result, redacted, with preprod-result.json and preprod-failures.json written. */
  finish(stop: Stop): PreprodResult {
    const { context } = this;
    const artifacts = context.artifactsDir;
    const result: PreprodResult = {
      schemaVersion: 1,
      status: stop.status,
      stopReason: stop.stopReason,
      message: stop.message,
      repo: context.repo,
      startedAt: this.startedAt,
      durationMs: Math.round(monotonicMs() - this.started),
      options: context.options,
      scenarios: context.scenarios.map(({ title, file }) => ({ title, file: relative(context.repo, file) })),
      preflight: this.preflight,
      attempts: this.attempts,
      usage: this.usage,
      validation: this.validation,
      pr: this.pr,
      fixPaths: this.fixPaths,
      timings: this.timings,
      artifacts: {
        dir: artifacts,
        result: join(artifacts, 'preprod-result.json'),
        failures: join(artifacts, 'preprod-failures.json'),
      },
    };
    const redacted = context.redactor.value(result);
    writeJsonFile(
      join(artifacts, 'preprod-failures.json'),
      context.redactor.value({
        schemaVersion: 1,
        attempt: this.attempts.at(-1)?.attempt ?? 0,
        failures: this.lastFailures,
      }),
    );
    writeJsonFile(join(artifacts, 'preprod-result.json'), redacted);
    return redacted;
  }
}
