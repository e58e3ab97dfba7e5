import { relative } from 'node:path';
import type { ScenarioRunResult, ScenarioResult, SuiteResult } from '../runner/results.js';
import type { FailureCategory, PreprodFailure } from './schema.js';
import { clip } from '../lib/text.js';

/** Stderr that says the harness itself is not set up (not the agent's logic). */
const SETUP_PATTERNS =
  /cannot find module|err_module_not_found|module_not_found|command not found|no such file or directory|enoent|eacces|permission denied|is not recognized|syntaxerror|cannot use import statement|unknown option/i;
/** Stderr that says traffic did not reach the clone. */
const ROUTING_PATTERNS =
  /econnrefused|enotfound|getaddrinfo|eai_again|fetch failed|socket hang up|api\.github\.com|self[- ]signed certificate|unable to verify|certificate/i;

const HINTS: Record<FailureCategory, string> = {
  harness_setup:
    'Fix the harness before anything else: run it by hand with AGENT_TASK="Reply with OK" and make it start and exit 0.',
  routing:
    'Make the agent call the clone: point its GitHub client at GITHUB_API_URL with GITHUB_TOKEN (Octokit baseUrl), or let it call api.github.com through route mode (routing: proxy or both) and keep other hosts out of the scenario (or in NO_PROXY).',
  clone_fidelity:
    'The agent used GitHub routes the clone does not implement: report the route, or avoid it in the scenario.',
  scenario_evaluator:
    'A criterion could not be evaluated: fix its => expression or the evaluator configuration (archal scenario validate).',
  agent_behavior:
    'The agent ran but did the wrong thing: compare the criterion with the state changes in the run record and fix the agent.',
  unknown: 'Read the run record (requests, state diff, stderr) to find out what happened.',
};

interface Classified {
  category: FailureCategory;
  excerpt: string;
  request?: { method: string; path: string; status: number };
  /** A host outside GitHub's that route mode refused. */
  host?: string;
  /** Said alongside the evidence of this run. */
  note?: string;
}

/** A run that needed a route the clone does not implement: that request is the evidence. */
function cloneFidelity(gap: { method: string; path: string }, excerpt: string): Classified {
  return { category: 'clone_fidelity', excerpt, request: { method: gap.method, path: gap.path, status: 404 } };
}

/** The category of one failed run, from deterministic rules on what the run recorded. */
export function classifyRun(run: ScenarioRunResult): Classified {
  const stderr = run.harness.stderrTail;
  const gap = run.requests.notImplemented[0];
  switch (run.failureKind) {
    case 'harness': {
      const { outcome, exitCode } = run.harness;
      if (outcome === 'not_started' || exitCode === 127 || exitCode === 126 || SETUP_PATTERNS.test(stderr))
        return { category: 'harness_setup', excerpt: excerpt(run.failureSummary, stderr, SETUP_PATTERNS) };
      // An agent that crashed on the clone's 404 for a route the clone lacks.
      if (gap)
        return cloneFidelity(
          gap,
          `${run.failureSummary} after the clone answered 404 to ${gap.method} ${gap.path}, a route it lacks`,
        );
      if (ROUTING_PATTERNS.test(stderr))
        return { category: 'routing', excerpt: excerpt(run.failureSummary, stderr, ROUTING_PATTERNS) };
      return { category: 'unknown', excerpt: excerpt(run.failureSummary, stderr) };
    }
    case 'routing': {
      const refused = run.requests.refused[0];
      return {
        category: 'routing',
        excerpt: excerpt(run.failureSummary, stderr, ROUTING_PATTERNS),
        ...(refused ? { host: refused.host } : {}),
      };
    }
    case 'clone_gap':
      return gap
        ? cloneFidelity(gap, run.failureSummary ?? '')
        : { category: 'clone_fidelity', excerpt: run.failureSummary ?? '' };
    case 'evaluator':
      return { category: 'scenario_evaluator', excerpt: run.failureSummary ?? '' };
    case 'agent':
      // No request reached the clone and stderr shows a connection to elsewhere: a routing problem.
      if (run.requests.total === 0 && ROUTING_PATTERNS.test(stderr))
        return {
          category: 'routing',
          excerpt: excerpt('the agent made no request to its clone', stderr, ROUTING_PATTERNS),
        };
      if (run.requests.total === 0)
        return {
          category: 'agent_behavior',
          excerpt: run.failureSummary ?? '',
          note: 'The agent made no request to its clone: if it meant to act, check that its GitHub client uses GITHUB_API_URL.',
        };
      return { category: 'agent_behavior', excerpt: run.failureSummary ?? '' };
    case null:
      return { category: 'unknown', excerpt: 'the run passed' };
  }
}

/**
 * One failure per scenario and failing criterion (or per scenario, for failures that are not about
 * a criterion), with its evidence and a next step, from a suite's results.
 */
export function classifyFailures(
  suite: SuiteResult,
  prompts: ReadonlyMap<string, string>,
  repo: string,
): PreprodFailure[] {
  const failures: PreprodFailure[] = [];
  for (const scenario of suite.scenarios) {
    const failed = scenario.results.filter((run) => !run.passed);
    if (failed.length === 0) continue;
    const flaky = failed.length < scenario.runs;
    const byKey = new Map<
      string,
      { classified: Classified; runs: ScenarioRunResult[]; criterion?: ScenarioRunResult['criteria'][number] }
    >();
    for (const run of failed) {
      const classified = classifyRun(run);
      const failedCriteria =
        classified.category === 'agent_behavior' || classified.category === 'scenario_evaluator'
          ? run.criteria.filter((criterion) => criterion.status === 'failed' || criterion.status === 'error')
          : [];
      const keys =
        failedCriteria.length > 0
          ? failedCriteria.map((criterion) => ({ key: `${criterion.id}`, criterion }))
          : [{ key: classified.category, criterion: undefined }];
      for (const { key, criterion } of keys) {
        const entry = byKey.get(key) ?? { classified, runs: [], criterion };
        entry.runs.push(run);
        byKey.set(key, entry);
      }
    }
    for (const [key, entry] of byKey)
      failures.push(
        failure(scenario, relative(repo, scenario.file), key, entry, flaky, prompts.get(scenario.file) ?? ''),
      );
  }
  return failures;
}

function failure(
  scenario: ScenarioResult,
  file: string,
  key: string,
  entry: { classified: Classified; runs: ScenarioRunResult[]; criterion?: ScenarioRunResult['criteria'][number] },
  flaky: boolean,
  prompt: string,
): PreprodFailure {
  const { criterion } = entry;
  return {
    id: `${file}#${key}`,
    category: entry.classified.category,
    flaky,
    scenario: { title: scenario.title, file, prompt },
    criterion: criterion
      ? { id: criterion.id, kind: criterion.kind, text: criterion.text, line: criterion.line }
      : null,
    failedRuns: entry.runs.length,
    runs: scenario.runs,
    evidence: entry.runs.slice(0, 3).map((run) => {
      const decisive = criterion ? run.criteria.find((candidate) => candidate.id === criterion.id) : undefined;
      const own = classifyRun(run);
      const classified = criterion ? entry.classified : own;
      return {
        runId: run.runId,
        ...(decisive
          ? { criterion: { id: decisive.id, text: decisive.text, detail: clip(decisive.detail, 600) } }
          : {}),
        ...(classified.request ? { request: classified.request } : {}),
        ...(classified.host ? { host: classified.host } : {}),
        excerpt: clip([decisive ? decisive.detail : classified.excerpt, own.note].filter(Boolean).join(' '), 600),
      };
    }),
    hint: flaky
      ? `${HINTS[entry.classified.category]} It failed ${entry.runs.length} of ${scenario.runs} runs: look for nondeterminism first.`
      : HINTS[entry.classified.category],
  };
}

/** The summary and the decisive stderr: a line the rule matched (an error's message, not its stack's end), else the last lines. */
function excerpt(summary: string | null, stderr: string, decisive?: RegExp): string {
  const lines = stderr.trim().split('\n');
  const matches = decisive ? lines.filter((line) => decisive.test(line)) : [];
  // The error's own message line beats a line of the code that threw it.
  const matched = matches.find((line) => /^\s*(\w*Error\b|Error \[)/.test(line)) ?? matches[0];
  const detail = matched?.trim() ?? lines.slice(-5).join('\n');
  return [summary, detail].filter(Boolean).join(' — stderr: ');
}
