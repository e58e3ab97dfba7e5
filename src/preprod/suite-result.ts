import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { writeJsonFile } from '../lib/json-file.js';
import { SecretRedactor } from '../lib/redact.js';
import type { SuiteResult } from '../runner/results.js';
import { classifyFailures } from './classify.js';
import type { PreprodResult } from './schema.js';

/**
 * The pre-prod result of scenarios run as shards (one shard's slice, or the shards merged into one
 * suite): the runs are classified as the loop's first attempt, no command runs, and the two
 * artifacts are written as the loop writes them. Passed when every scenario reached the threshold;
 * otherwise blocked with `no_fix_command`, as the loop stops without a fixer.
 */
export function resultFromSuite(request: {
  suite: SuiteResult;
  repo: string;
  artifactsDir: string;
  prompts: ReadonlyMap<string, string>;
  options: Record<string, unknown>;
  env: NodeJS.ProcessEnv;
}): PreprodResult {
  const redactor = new SecretRedactor([], request.env);
  const suite: SuiteResult = {
    ...request.suite,
    scenarios: request.suite.scenarios.map((scenario) => ({ ...scenario, file: resolve(request.repo, scenario.file) })),
  };
  const prompts = new Map([...request.prompts].map(([file, prompt]) => [resolve(request.repo, file), prompt]));
  const failures = classifyFailures(suite, prompts, request.repo);
  mkdirSync(request.artifactsDir, { recursive: true });
  const failuresFile = failures.length > 0 ? join(request.artifactsDir, 'attempt-0', 'failures.json') : null;
  if (failuresFile) writeJsonFile(failuresFile, redactor.value({ schemaVersion: 1, attempt: 0, failures }));
  const scenarios = suite.scenarios.map((scenario) => ({
    title: scenario.title,
    file: relative(request.repo, scenario.file),
  }));
  const result: PreprodResult = {
    schemaVersion: 1,
    status: suite.passed ? 'passed' : 'blocked',
    stopReason: suite.passed ? 'passed' : 'no_fix_command',
    message: suite.passed
      ? 'Scenarios pass.'
      : `${failures.length} failure(s) classified; the fix loop does not run on shards.`,
    repo: request.repo,
    startedAt: suite.startedAt,
    durationMs: suite.durationMs,
    options: request.options,
    scenarios,
    preflight: null,
    attempts: [
      {
        attempt: 0,
        startedAt: suite.startedAt,
        durationMs: suite.durationMs,
        fix: null,
        usage: null,
        scenarios: suite.scenarios.map((scenario) => ({
          title: scenario.title,
          file: relative(request.repo, scenario.file),
          satisfaction: scenario.satisfaction,
          passedRuns: scenario.passedRuns,
          runs: scenario.runs,
          runIds: scenario.results.map((run) => run.runId),
        })),
        failures,
        failuresFile,
      },
    ],
    usage: { attempts: 0 },
    validation: null,
    pr: null,
    timings: { scenarios: suite.durationMs },
    artifacts: {
      dir: request.artifactsDir,
      result: join(request.artifactsDir, 'preprod-result.json'),
      failures: join(request.artifactsDir, 'preprod-failures.json'),
    },
  };
  const redacted = redactor.value(result);
  writeJsonFile(
    join(request.artifactsDir, 'preprod-failures.json'),
    redactor.value({ schemaVersion: 1, attempt: 0, failures }),
  );
  writeJsonFile(join(request.artifactsDir, 'preprod-result.json'), redacted);
  return redacted;
}
