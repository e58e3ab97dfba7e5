import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../lib/errors.js';
import { readInputFile } from '../lib/input-file.js';
import { writeJsonFile } from '../lib/json-file.js';
import { scratchDir } from '../lib/paths.js';
import type { SecretRedactor } from '../lib/redact.js';
import type { Usage } from '../providers/types.js';
import { commandFailure, restrictedEnvironment, runExternal } from './commands.js';
import type { PreprodOptions } from './options.js';
import type { PreprodRecord } from './record.js';
import { fixUsageSchema, type CommandResult, type PreprodAttempt, type PreprodUsage } from './schema.js';

/** What a workflow fixer is asked to do in one attempt. */
export interface FixWorkflowRequest {
  failuresFile: string;
  attempt: number;
  usageFile: string;
  /** The restricted environment of fix commands: the workflow's nodes start from it. */
  env: NodeJS.ProcessEnv;
  /** The fix timeout: the run is cancelled (its processes killed) when it is reached. */
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface FixWorkflowOutcome {
  result: CommandResult;
  runId: string;
  usage?: Usage;
}

/** Runs a DAG workflow as the fixer (see `workflowFixer`). */
export type FixWorkflowRunner = (request: FixWorkflowRequest) => Promise<FixWorkflowOutcome>;

export interface FixAttemptContext {
  repo: string;
  options: PreprodOptions;
  env: NodeJS.ProcessEnv;
  artifactsDir: string;
  redactor: SecretRedactor;
  record: PreprodRecord;
  fixWorkflow?: FixWorkflowRunner;
  signal?: AbortSignal;
}

/** What a fix attempt did and reported (`usageProblem`: why the usage it wrote was ignored). */
export interface FixAttemptOutcome {
  fix: NonNullable<PreprodAttempt['fix']>;
  usage: PreprodUsage | null;
  usageProblem?: string;
}

/**
 * Fix attempt `attempt`: the fix command (or workflow) in the restricted environment, told where the
 * failures it should fix are (`failuresFile`) and where to report what it spent.
 */
export async function runFixAttempt(
  context: FixAttemptContext,
  attempt: number,
  failuresFile: string,
): Promise<FixAttemptOutcome> {
  const dir = join(context.artifactsDir, `attempt-${attempt}`);
  mkdirSync(dir, { recursive: true });
  // The fixer writes its usage outside the artifacts; what is kept (attempt-<k>/usage.json) is what
  // Archal read from it, schema-limited and redacted, never the file as the fixer wrote it.
  const usageDir = mkdtempSync(join(scratchDir(), 'archal-usage-'));
  try {
    const reported = await runFixer(context, attempt, failuresFile, join(usageDir, 'usage.json'));
    if (reported.usage) writeJsonFile(join(dir, 'usage.json'), context.redactor.value(reported.usage));
    return reported;
  } finally {
    rmSync(usageDir, { recursive: true, force: true });
  }
}

async function runFixer(
  context: FixAttemptContext,
  attempt: number,
  failuresFile: string,
  usageFile: string,
): Promise<FixAttemptOutcome> {
  const { options, record } = context;
  const vars = {
    ARCHAL_PREPROD_FAILURES_JSON: failuresFile,
    ARCHAL_PREPROD_ATTEMPT: String(attempt),
    ARCHAL_PREPROD_USAGE_PATH: usageFile,
  };
  if (options.fixWorkflow) {
    const runner = context.fixWorkflow;
    if (!runner) throw new Error(`The fix workflow '${options.fixWorkflow}' needs a runner (workflowFixer).`);
    const outcome = await record.timed('fix', () =>
      runner({
        failuresFile,
        attempt,
        usageFile,
        env: restrictedEnvironment(vars, options.passEnv, context.env),
        timeoutMs: options.timeouts.fixMs,
        signal: context.signal,
      }),
    );
    const usage = outcome.usage
      ? {
          usage: {
            inputTokens: outcome.usage.inputTokens,
            outputTokens: outcome.usage.outputTokens,
            ...(outcome.usage.costUsd === undefined ? {} : { costUsd: outcome.usage.costUsd }),
          },
        }
      : readUsage(usageFile);
    return { fix: { kind: 'workflow', ...outcome.result, workflowRunId: outcome.runId }, ...usage };
  }
  const { stdout: _stdout, ...result } = await record.timed('fix', () =>
    runExternal({
      command: options.fixCommand!,
      cwd: context.repo,
      vars,
      passEnv: options.passEnv,
      timeoutMs: options.timeouts.fixMs,
      redactor: context.redactor,
      env: context.env,
      signal: context.signal,
    }),
  );
  return { fix: { kind: 'command', ...result }, ...readUsage(usageFile) };
}

/**
 * What the fixer wrote to ARCHAL_PREPROD_USAGE_PATH. Writing nothing is fine; something that does not
 * match the fields is ignored, and `problem` says why, so that a cost the loop cannot count (and so
 * cannot hold to --max-cost-usd) is not ignored silently.
 */
function readUsage(file: string): ReadUsage {
  const read = readInputFile(file, { maxBytes: 64 * 1024 });
  if (!read.ok) return { usage: null, ...(read.problem === 'missing' ? {} : { usageProblem: read.message }) };
  let value: unknown;
  try {
    value = JSON.parse(read.text);
  } catch (error) {
    return { usage: null, usageProblem: `not JSON (${errorMessage(error)})` };
  }
  const parsed = fixUsageSchema.safeParse(value);
  if (parsed.success) return { usage: parsed.data };
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
  return {
    usage: null,
    usageProblem: `${problems.join('; ')} (the fields: inputTokens, outputTokens and costUsd numbers, provider and model strings, isByok a boolean)`,
  };
}

interface ReadUsage {
  usage: PreprodUsage | null;
  /** Why what was written was ignored. */
  usageProblem?: string;
}

/** The attempts whose fixer itself failed, in its own words: often the reason the scenarios still fail. */
export function fixerFailures(attempts: readonly PreprodAttempt[]): string {
  const failed = attempts.flatMap(({ attempt, fix }) => {
    const failure = fix ? commandFailure(fix) : undefined;
    return failure ? [{ attempt, kind: fix!.kind, failure }] : [];
  });
  if (failed.length === 0) return '';
  const list = failed
    .map(({ attempt, failure }) => `${attempt} (${failure.how}${failure.said ? `: ${failure.said}` : ''})`)
    .join(', ');
  return ` The fix ${failed[0]!.kind} failed in attempt${failed.length > 1 ? 's' : ''} ${list}.`;
}
