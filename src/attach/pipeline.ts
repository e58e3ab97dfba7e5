import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { startGitHubClone } from '../clones/github/index.js';
import type { ArchalConfig } from '../config/schema.js';
import { prepareCriteria } from '../evaluate/criteria.js';
import type { AgentCommand } from '../harness/agent.js';
import { errorMessage } from '../lib/errors.js';
import type { SecretRedactor } from '../lib/redact.js';
import type { ProviderRegistry } from '../providers/types.js';
import type { Workspace } from '../workspace/workspace.js';
import { parseScenario } from '../scenarios/parse.js';
import type { FixerSettings } from './fix.js';
import { GitHubWorld } from './github.js';
import { gradeTrace, type Evaluator } from './grade.js';
import { isFinal, JobConflictError, type JobLedger, type StateChange } from './jobs.js';
import { writeFileAtomic, writeJsonAtomic, type AttachLayout } from './layout.js';
import { reproduce, writeBlockedManifest } from './reproduce.js';
import { scenarioMarkdown } from './scenario.js';
import {
  gradeSchema,
  manifestSchema,
  traceSchema,
  type ExecutionPolicy,
  type Grade,
  type Manifest,
  type Stage,
  type Trace,
} from './schema.js';
import { buildSeed } from './seed.js';
import type { AttachJobRow } from './store-port.js';

/** Everything the stages need, supplied by the host (CLI, the App's worker, a test). */
export interface AttachDeps {
  /** The repository the loop works for (a fix workflow runs in it). */
  workspace: Workspace;
  layout: AttachLayout;
  ledger: JobLedger;
  config: ArchalConfig;
  /** The agent under test (from .archal.json `agent`); undefined blocks reproduction. */
  agent: AgentCommand | undefined;
  agentProblem?: string;
  providers: ProviderRegistry;
  env: NodeJS.ProcessEnv;
  redactor: SecretRedactor;
  log: (line: string) => void;
  signal?: AbortSignal;
}

export interface PolicyOptions {
  policy: ExecutionPolicy;
  /** Reproduction attempts per trace. */
  runs: number;
  fixer: FixerSettings;
}

export interface JobSummary {
  traceId: string;
  source: string;
  stage: Stage;
  status: AttachJobRow['status'];
  message: string | null;
  missing: NonNullable<AttachJobRow['line']['missing']>;
  artifacts: string[];
}

const HEARTBEAT_MS = 30_000;

/** The stage a job runs next under a policy, or null when it is done. */
export function nextStage(job: Pick<AttachJobRow, 'stage' | 'status'>, policy: ExecutionPolicy): Stage | null {
  if (isFinal(job.status)) return null;
  switch (job.status) {
    case 'queued':
      return 'grade';
    case 'graded':
      if (policy === 'grade') return null;
      return job.stage === 'grade' ? 'seed' : 'reproduce';
    case 'reproduced':
      return policy === 'fix' ? 'fix' : null;
    default:
      return null;
  }
}

export function summaryOf(job: AttachJobRow): JobSummary {
  return {
    traceId: job.traceId,
    source: job.source,
    stage: job.stage,
    status: job.status,
    message: job.line.message ?? null,
    missing: job.line.missing ?? [],
    artifacts: job.line.artifacts ?? [],
  };
}

function readJson<T>(file: string, parse: (value: unknown) => T): T {
  return parse(JSON.parse(readFileSync(file, 'utf8')) as unknown);
}

/** Runs the stages the policy asks for on one job, each recorded before the next starts. */
export async function processJob(
  deps: AttachDeps,
  traceId: string,
  options: PolicyOptions,
): Promise<JobSummary | null> {
  const { ledger, layout } = deps;
  if (!(await ledger.claim(traceId))) {
    deps.log(`${traceId}: another worker holds this job; left to it`);
    return null;
  }
  const logLine = (line: string) => {
    const text = deps.redactor.text(line);
    deps.log(`${traceId}: ${text}`);
    const file = layout.log(traceId);
    mkdirSync(dirname(file), { recursive: true });
    appendFileSync(file, `${new Date().toISOString()} ${text}\n`);
  };
  const heartbeat = setInterval(() => void ledger.touch(traceId).catch(() => {}), HEARTBEAT_MS);
  heartbeat.unref();
  try {
    let job = (await ledger.job(traceId))!;
    for (
      let stage = nextStage(job, options.policy);
      stage && !deps.signal?.aborted;
      stage = nextStage(job, options.policy)
    ) {
      let change: StateChange;
      try {
        change = await runStage(deps, job, stage, options, logLine);
      } catch (error) {
        if (error instanceof JobConflictError || deps.signal?.aborted) throw error;
        const message = errorMessage(error);
        logLine(`${stage} failed: ${message}`);
        change = { stage, status: 'failed', message: `${stage} failed: ${deps.redactor.text(message)}` };
      }
      job = await ledger.record(job, change, options.policy);
      logLine(`${stage} → ${change.status}${change.message ? `: ${change.message}` : ''}`);
    }
    return summaryOf(job);
  } catch (error) {
    if (error instanceof JobConflictError) {
      logLine('the job changed under this worker (re-imported, or taken over); stopping here');
      return null;
    }
    if (deps.signal?.aborted) {
      logLine('stopped; the job resumes where it was on the next run');
      return summaryOf((await ledger.job(traceId))!);
    }
    throw error;
  } finally {
    clearInterval(heartbeat);
    await ledger.release(traceId).catch(() => {});
  }
}

function loadTrace(layout: AttachLayout, traceId: string): Trace {
  const file = layout.raw(traceId);
  if (!existsSync(file)) throw new Error(`the imported trace ${layout.display(file)} is gone: import it again`);
  return readJson(file, (value) => traceSchema.parse(value));
}

function loadGrade(layout: AttachLayout, traceId: string): Grade {
  return readJson(layout.grade(traceId), (value) => gradeSchema.parse(value));
}

function evaluatorOf(deps: AttachDeps): Evaluator | undefined {
  const configured = deps.config.evaluator;
  if (!configured) return undefined;
  return {
    providerName: configured.provider,
    provider: deps.providers(configured.provider),
    model: configured.model,
    cwd: deps.layout.repo,
    env: deps.env,
    signal: deps.signal,
  };
}

async function runStage(
  deps: AttachDeps,
  job: AttachJobRow,
  stage: Stage,
  options: PolicyOptions,
  log: (line: string) => void,
): Promise<StateChange> {
  const { layout, redactor } = deps;
  const id = job.traceId;
  switch (stage) {
    case 'import':
      return { stage, status: 'queued' };
    case 'grade': {
      // A new revision starts from scratch: nothing of an earlier attempt at this trace is reused.
      for (const dir of [layout.seedDir(id), layout.runDir(id), layout.fixDir(id), dirname(layout.grade(id))])
        rmSync(dir, { recursive: true, force: true });
      const trace = loadTrace(layout, id);
      log(`grading (${trace.calls.length} call(s))`);
      const grade = redactor.value(await gradeTrace(trace, evaluatorOf(deps)));
      writeJsonAtomic(layout.grade(id), grade);
      const artifacts = [layout.display(layout.grade(id))];
      const extra = { verdict: grade.verdict, reproduce: grade.reproduce };
      switch (grade.verdict) {
        case 'pass':
          return { stage, status: 'passed', message: grade.summary, artifacts, extra };
        case 'fail':
          return { stage, status: 'graded', message: grade.summary, artifacts, extra };
        case 'unclear':
          return {
            stage,
            status: 'blocked',
            message: grade.summary,
            missing:
              grade.missing.length > 0
                ? grade.missing
                : [
                    {
                      what: 'a verdict on the run: no rule found a fault and the evaluator could not decide',
                      call: null,
                      from: 'a working evaluator in .archal.json "evaluator" (claude, codex or exec)',
                    },
                  ],
            artifacts,
            extra,
          };
      }
      break;
    }
    case 'seed': {
      const trace = loadTrace(layout, id);
      const grade = loadGrade(layout, id);
      const build = buildSeed(trace, GitHubWorld.from(trace.calls));
      if (build.seed) {
        // The seed must make a clone: applying it is the only complete check.
        try {
          const clone = await startGitHubClone({ seed: build.seed, logger: () => {} });
          await clone.handle.stop();
        } catch (error) {
          build.missing.push({
            what: `a seed the GitHub clone accepts: ${errorMessage(error)}`,
            call: null,
            from: 'the responses of the calls that read the objects named',
          });
        }
      }
      if (build.missing.length > 0 || !build.seed) {
        const missing = redactor.value(build.missing);
        const manifest = writeBlockedManifest(
          { layout, trace, runs: options.runs, redactor },
          `The trace lacks what the reproduction needs: ${missing.map((item) => item.what).join('; ')}`,
          missing,
        );
        return {
          stage,
          status: 'blocked',
          message: manifest.summary,
          missing,
          artifacts: [layout.display(`${layout.runDir(id)}/manifest.json`)],
        };
      }
      writeJsonAtomic(layout.seed(id), redactor.value(build.seed));
      const markdown = redactor.text(
        scenarioMarkdown(trace, grade, build, {
          timeoutSeconds: deps.config.timeout ?? 180,
          evaluator: deps.config.evaluator !== undefined,
        }),
      );
      const parsed = parseScenario(markdown, layout.scenario(id), { defaultClones: ['github'] });
      const problems = parsed.ok
        ? prepareCriteria(parsed.scenario, { evaluator: deps.config.evaluator !== undefined }).errors
        : parsed.errors;
      if (problems.length > 0)
        throw new Error(
          `the generated scenario does not validate: ${problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`,
        );
      writeFileAtomic(layout.scenario(id), markdown);
      log(`seed: ${build.counts.repos} repo(s), ${build.counts.issues} issue(s), ${build.counts.comments} comment(s)`);
      return {
        stage,
        status: 'graded',
        message: `seed and scenario written (${build.counts.issues} issue(s), ${build.counts.repos} repositor${build.counts.repos === 1 ? 'y' : 'ies'})`,
        artifacts: [layout.display(layout.seed(id)), layout.display(layout.scenario(id))],
      };
    }
    case 'reproduce': {
      const trace = loadTrace(layout, id);
      const manifest = await reproduce({
        layout,
        trace,
        grade: loadGrade(layout, id),
        runs: options.runs,
        config: deps.config,
        agent: deps.agent,
        agentProblem: deps.agentProblem,
        providers: deps.providers,
        env: deps.env,
        redactor,
        signal: deps.signal,
        log,
        onAttempt: async () => {
          await deps.ledger.touch(id);
        },
      });
      return {
        stage,
        status: manifest.status,
        message: manifest.summary,
        ...(manifest.missing.length > 0 ? { missing: manifest.missing } : {}),
        artifacts: ['manifest.json', 'stdout.json', 'stderr.log'].map((name) =>
          layout.display(`${layout.runDir(id)}/${name}`),
        ),
        extra: { attempts: manifest.attempts.length },
      };
    }
    case 'fix': {
      const trace = loadTrace(layout, id);
      const manifest: Manifest = readJson(`${layout.runDir(id)}/manifest.json`, (value) => manifestSchema.parse(value));
      // The fix stage brings the pre-prod loop and a GitHub client: loaded only by jobs that get this far.
      const { fixTrace } = await import('./fix.js');
      const status = await fixTrace({
        layout,
        trace,
        grade: loadGrade(layout, id),
        manifest,
        workspace: deps.workspace,
        agent: deps.agent,
        providers: deps.providers,
        redactor,
        signal: deps.signal,
        log,
        ...options.fixer,
      });
      const dir = layout.fixDir(id);
      return {
        stage,
        status: status.status,
        message: status.message,
        artifacts: [
          `${dir}/status.json`,
          ...(existsSync(`${dir}/pr-details.md`) ? [`${dir}/pr-details.md`] : []),
          ...(status.patch ? [status.patch] : []),
        ].map((file) => layout.display(file)),
        extra: { reason: status.reason, ...(status.pr?.url ? { pr: status.pr.url } : {}) },
      };
    }
  }
  throw new Error(`unknown stage ${String(stage)}`);
}

/**
 * Runs every job of a source (or all) that the policy has work for, oldest first. `traceIds` adds
 * the jobs of those traces whatever source queued them: a directory attached after its files were
 * imported by `trace-source import` still runs the jobs of the traces it holds.
 */
export async function processQueue(
  deps: AttachDeps,
  options: PolicyOptions,
  filter: { source?: string; traceIds?: ReadonlySet<string> } = {},
): Promise<JobSummary[]> {
  const summaries: JobSummary[] = [];
  const { source, traceIds } = filter;
  const jobs =
    traceIds && traceIds.size > 0 && source !== undefined
      ? (await deps.ledger.jobs()).filter((job) => job.source === source || traceIds.has(job.traceId))
      : await deps.ledger.jobs(source === undefined ? {} : { source });
  for (const job of jobs) {
    if (deps.signal?.aborted) break;
    if (nextStage(job, options.policy) === null) continue;
    const summary = await processJob(deps, job.traceId, options);
    if (summary) summaries.push(summary);
  }
  return summaries;
}
