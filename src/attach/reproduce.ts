import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchalConfig } from '../config/schema.js';
import type { AgentCommand } from '../harness/agent.js';
import type { ProviderRegistry } from '../providers/types.js';
import { formatScenarioProblems, judgeResolver, loadScenarios } from '../runner/load.js';
import type { ScenarioRunResult as RunResult } from '../runner/results.js';
import { runOnce } from '../runner/run-once.js';
import { ensureIgnoredDir } from '../lib/ignored-dir.js';
import type { SecretRedactor } from '../lib/redact.js';
import { writeFileAtomic, writeJsonAtomic, type AttachLayout } from './layout.js';
import type { Grade, Manifest, Missing, Trace } from './schema.js';

export interface ReproduceRequest {
  layout: AttachLayout;
  trace: Trace;
  grade: Grade;
  runs: number;
  config: ArchalConfig;
  agent: AgentCommand | undefined;
  /** Why there is no agent, when there is none. */
  agentProblem?: string;
  providers: ProviderRegistry;
  env: NodeJS.ProcessEnv;
  redactor: SecretRedactor;
  signal?: AbortSignal;
  log: (line: string) => void;
  /** Called after each attempt (the job's heartbeat). */
  onAttempt?: () => Promise<void>;
}

/** The scenario that failed to load: a bug in the generated scenario, not the trace's fault. */
export class ScenarioLoadError extends Error {}

const attemptFile = (dir: string, attempt: number) => join(dir, `attempt-${attempt}.json`);

function readAttempt(file: string): RunResult | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunResult;
  } catch {
    return undefined;
  }
}

/**
 * Runs the reproduction scenario `runs` times with the repository's harness, each run on a fresh
 * clone seeded from the trace. Each finished attempt is kept (runs/<trace>/attempt-<k>.json), so a
 * rerun after a crash runs only the attempts that never finished.
 */
export async function reproduce(request: ReproduceRequest): Promise<Manifest> {
  const { layout, trace } = request;
  const startedAt = new Date().toISOString();
  const dir = layout.runDir(trace.id);
  const scenarioFile = layout.scenario(trace.id);
  const command = `archal run ${layout.display(scenarioFile)} --runs ${request.runs} -o json`;
  const manifest = (status: Manifest['status'], summary: string, extra: Partial<Manifest> = {}): Manifest => ({
    schemaVersion: 1,
    traceId: trace.id,
    status,
    summary,
    command,
    scenario: layout.display(scenarioFile),
    seed: layout.display(layout.seed(trace.id)),
    runs: request.runs,
    attempts: [],
    evidence: [],
    missing: [],
    startedAt,
    finishedAt: new Date().toISOString(),
    ...extra,
  });

  if (!request.agent) {
    const missing: Missing[] = [
      {
        what: `the repository's harness: ${request.agentProblem ?? 'no agent command'}`,
        call: null,
        from: '.archal.json "agent" (a command that runs the agent, e.g. "node .archal/harness.mjs")',
      },
    ];
    return write(request, manifest('blocked', 'The repository has no harness to run the agent with.', { missing }), []);
  }
  const loaded = loadScenarios([scenarioFile], { config: request.config, cwd: layout.repo });
  if (loaded.errors.length > 0 || loaded.entries.length !== 1)
    throw new ScenarioLoadError(
      `the reproduction scenario does not load:\n${formatScenarioProblems(loaded.errors, layout.repo)}`,
    );
  const entry = loaded.entries[0]!;
  const judgeFor = judgeResolver(request.config, request.providers);
  // Each attempt's run record goes to .archal/cache, as `archal run` keeps them: never in `git status`.
  const cacheDir = join(layout.repo, '.archal', 'cache');
  ensureIgnoredDir(cacheDir);
  const results: RunResult[] = [];
  for (let attempt = 1; attempt <= request.runs; attempt++) {
    const done = readAttempt(attemptFile(dir, attempt));
    if (done) {
      request.log(`attempt ${attempt}/${request.runs}: already ran (${done.passed ? 'passed' : 'failed'}), kept`);
      results.push(done);
      continue;
    }
    if (request.signal?.aborted) break;
    request.log(`attempt ${attempt}/${request.runs}: running the agent on a fresh clone`);
    const result = await runOnce({
      scenario: entry.scenario,
      criteria: entry.criteria,
      index: attempt,
      agent: request.agent,
      agentModel: request.config.agentModel,
      cwd: layout.repo,
      cacheDir,
      judge: judgeFor(entry.scenario),
      env: request.env,
      signal: request.signal,
    });
    if (result.harness.outcome === 'cancelled') break;
    writeJsonAtomic(attemptFile(dir, attempt), request.redactor.value(result));
    results.push(result);
    request.log(
      `attempt ${attempt}/${request.runs}: ${result.passed ? 'passed' : `failed (${result.failureSummary})`}`,
    );
    await request.onAttempt?.();
  }
  if (results.length < request.runs) throw new Error('the reproduction was interrupted');

  const attempts = results.map((result) => ({
    attempt: result.run,
    runId: result.runId,
    passed: result.passed,
    failureKind: result.failureKind,
    failureSummary: result.failureSummary,
    failedCriteria: result.criteria
      .filter((criterion) => criterion.status === 'failed' || criterion.status === 'error')
      .map((criterion) => ({ text: criterion.text, detail: criterion.detail })),
    durationMs: result.durationMs,
    record: layout.display(result.cacheFile),
  }));
  const evidence = results
    .filter((result) => !result.passed)
    .map((result) => `attempt ${result.run} (run ${result.runId}): ${result.failureSummary}`);
  const failed = results.filter((result) => !result.passed);
  const crashedInProduction = request.grade.evidence.some((item) => item.rule === 'agent errors');
  const byKind = (kind: string) => failed.filter((result) => result.failureKind === kind);
  let outcome: Manifest;
  if (byKind('agent').length > 0 || (crashedInProduction && byKind('harness').length > 0)) {
    const reproduced = byKind('agent').length + (crashedInProduction ? byKind('harness').length : 0);
    outcome = manifest(
      'reproduced',
      `The failure reproduced in ${reproduced} of ${results.length} run(s) against fresh clones.`,
      { attempts, evidence },
    );
  } else if (byKind('clone_gap').length > 0) {
    const routes = [
      ...new Set(
        byKind('clone_gap').flatMap((result) => result.requests.notImplemented.map((r) => `${r.method} ${r.path}`)),
      ),
    ];
    outcome = manifest('blocked', 'The agent needed routes the GitHub clone does not implement.', {
      attempts,
      evidence,
      missing: routes.map((route) => ({
        what: `${route}: a route the GitHub clone does not implement`,
        call: null,
        from: 'the GitHub clone (archal clone operations lists what it implements)',
      })),
    });
  } else if (byKind('harness').length > 0) {
    outcome = manifest('blocked', 'The harness did not run the agent to the end.', {
      attempts,
      evidence,
      missing: [
        {
          what: `a harness that runs: ${byKind('harness')[0]!.failureSummary}`,
          call: null,
          from: `.archal.json "agent"; read ${layout.display(join(dir, 'stderr.log'))}`,
        },
      ],
    });
  } else if (byKind('evaluator').length > 0) {
    outcome = manifest('blocked', 'A criterion of the reproduction could not be evaluated.', {
      attempts,
      evidence,
      missing: [
        {
          what: `a working evaluator: ${byKind('evaluator')[0]!.failureSummary}`,
          call: null,
          from: '.archal.json "evaluator"',
        },
      ],
    });
  } else
    outcome = manifest(
      'not_reproduced',
      `Every one of ${results.length} run(s) passed: the failure did not reproduce against the clone.`,
      { attempts },
    );
  return write(request, outcome, results);
}

/** manifest.json, stdout.json (the results as `archal run -o json` prints them) and stderr.log. */
function write(request: ReproduceRequest, manifest: Manifest, results: RunResult[]): Manifest {
  const dir = request.layout.runDir(request.trace.id);
  const passedRuns = results.filter((result) => result.passed).length;
  const satisfaction = results.length === 0 ? 0 : Math.round((10000 * passedRuns) / results.length) / 100;
  const { redactor } = request;
  writeJsonAtomic(
    join(dir, 'stdout.json'),
    redactor.value({
      schemaVersion: 1,
      startedAt: manifest.startedAt,
      durationMs: results.reduce((sum, result) => sum + result.durationMs, 0),
      passThreshold: 100,
      passed: results.length > 0 && passedRuns === results.length,
      totals: { scenarios: results.length > 0 ? 1 : 0, runs: results.length, passedRuns },
      scenarios:
        results.length === 0
          ? []
          : [
              {
                title: `Reproduce trace ${request.trace.id}`,
                file: request.layout.scenario(request.trace.id),
                tags: ['attach'],
                runs: results.length,
                passedRuns,
                satisfaction,
                meetsThreshold: passedRuns === results.length,
                failingCriteria: failingCriteria(results),
                warnings: [],
                results,
              },
            ],
      warnings: [],
    }),
  );
  writeFileAtomic(
    join(dir, 'stderr.log'),
    redactor.text(
      results
        .map(
          (result) =>
            `== attempt ${result.run} (run ${result.runId}): ${result.harness.outcome}\n${result.harness.stderrTail}\n`,
        )
        .join('\n'),
    ),
  );
  const redacted = redactor.value(manifest);
  writeJsonAtomic(join(dir, 'manifest.json'), redacted);
  return redacted;
}

function failingCriteria(results: RunResult[]): Array<{ id: string; text: string; failedRuns: number }> {
  const failing = new Map<string, { id: string; text: string; failedRuns: number }>();
  for (const result of results)
    for (const criterion of result.criteria) {
      if (criterion.status !== 'failed' && criterion.status !== 'error') continue;
      const entry = failing.get(criterion.id) ?? { id: criterion.id, text: criterion.text, failedRuns: 0 };
      entry.failedRuns++;
      failing.set(criterion.id, entry);
    }
  return [...failing.values()];
}

/** runs/<trace>/manifest.json for a trace that cannot be reproduced before anything runs (missing data). */
export function writeBlockedManifest(
  request: Pick<ReproduceRequest, 'layout' | 'trace' | 'runs' | 'redactor'>,
  summary: string,
  missing: Missing[],
): Manifest {
  const { layout, trace } = request;
  const at = new Date().toISOString();
  const scenarioFile = layout.scenario(trace.id);
  const manifest: Manifest = {
    schemaVersion: 1,
    traceId: trace.id,
    status: 'blocked',
    summary,
    command: `archal run ${layout.display(scenarioFile)} --runs ${request.runs} -o json`,
    scenario: layout.display(scenarioFile),
    seed: layout.display(layout.seed(trace.id)),
    runs: request.runs,
    attempts: [],
    evidence: [],
    missing,
    startedAt: at,
    finishedAt: at,
  };
  const redacted = request.redactor.value(manifest);
  writeJsonAtomic(join(layout.runDir(trace.id), 'manifest.json'), redacted);
  return redacted;
}
