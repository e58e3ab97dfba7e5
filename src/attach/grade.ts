import { compileDeterministic } from '../evaluate/deterministic.js';
import { judge } from '../evaluate/judge.js';
import type { ProviderName } from '../providers/schema.js';
import type { Provider } from '../providers/types.js';
import { GitHubWorld } from './github.js';
import { splitUrl } from './normalize.js';
import type { Grade, GradeCriterion, GradeEvidence, Trace, TraceCall } from './schema.js';
import { checkRule, ruleCriterion, ruleName, taskRules } from './task-rules.js';

export interface Evaluator {
  providerName: ProviderName;
  provider: Provider;
  model?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Identical reads this many times in one run look like a loop; identical writes twice are a duplicate. */
const REPEATED_READS = 5;
const REPEATED_WRITES = 2;

/** The judged criterion when no rule decides: what a person would ask of any run. */
export const EVALUATOR_CRITERION = 'The agent did what its task asked, and its final answer reports what it did';

const ref = (call: TraceCall) => ({ index: call.index, method: call.method, url: call.url, status: call.status });

/** A path safe to quote inside a JSONata string and a markdown line. */
function quotablePath(call: TraceCall): string | null {
  const path = (splitUrl(call.url).path ?? '').split('?')[0]!.replace(/^\/api\/v3(?=\/)/, '');
  return /^\/[A-Za-z0-9/_.%~-]{1,300}$/.test(path) ? path : null;
}

interface RuleOutcome {
  evidence: GradeEvidence[];
  criteria: GradeCriterion[];
}

/** Service calls (not the model's) that failed: failed writes, and reads answered 4xx/5xx (a 404 on a read is an answer). */
function failedCalls(trace: Trace): RuleOutcome {
  const failed = trace.calls.filter(
    (call) =>
      call.kind === 'http' &&
      call.status !== null &&
      call.status >= 400 &&
      !(call.status === 404 && !WRITE.has(call.method ?? 'GET')),
  );
  if (failed.length === 0) return { evidence: [], criteria: [] };
  const writes = failed.filter((call) => WRITE.has(call.method ?? 'GET'));
  const evidence: GradeEvidence[] = [];
  if (writes.length > 0)
    evidence.push({
      rule: 'failed writes',
      message: `${writes.length} write(s) failed: ${writes
        .map((call) => `${call.method} ${call.url} → ${call.status}`)
        .slice(0, 3)
        .join('; ')}`,
      calls: writes.map(ref),
    });
  const reads = failed.filter((call) => !WRITE.has(call.method ?? 'GET'));
  if (reads.length > 0)
    evidence.push({
      rule: '4xx/5xx responses',
      message: `${reads.length} request(s) answered with an error: ${reads
        .map((call) => `${call.method} ${call.url} → ${call.status}`)
        .slice(0, 3)
        .join('; ')}`,
      calls: reads.map(ref),
    });
  return {
    evidence,
    criteria: [
      {
        kind: 'D',
        text: 'No request failed',
        expression: "$count(run.requests[status >= 400 and $not(method = 'GET' and status = 404)]) = 0",
      },
    ],
  };
}

function repeatedCalls(trace: Trace): RuleOutcome {
  const groups = new Map<string, TraceCall[]>();
  for (const call of trace.calls) {
    if (call.kind !== 'http') continue;
    const key = `${call.method} ${call.url} ${JSON.stringify(call.requestBody ?? null)}`;
    groups.set(key, [...(groups.get(key) ?? []), call]);
  }
  const outcome: RuleOutcome = { evidence: [], criteria: [] };
  for (const calls of groups.values()) {
    const call = calls[0]!;
    const write = WRITE.has(call.method ?? 'GET');
    const limit = write ? REPEATED_WRITES : REPEATED_READS;
    if (calls.length < limit) continue;
    outcome.evidence.push({
      rule: 'repeated identical calls',
      message: `${call.method} ${call.url} was made ${calls.length} times with the same body`,
      calls: calls.map(ref),
    });
    const path = quotablePath(call);
    if (path)
      outcome.criteria.push({
        kind: 'D',
        text: `${call.method} ${path} is not repeated`,
        expression: `$count(run.requests[method = ${JSON.stringify(call.method)} and $contains(path, ${JSON.stringify(path)})]) < ${limit}`,
      });
  }
  return outcome;
}

/** A message as a sentence of a summary: an error the trace recorded rarely ends with a period. */
const sentence = (message: string) => (/[.!?]\s*$/.test(message) ? message.trimEnd() : `${message.trimEnd()}.`);

function agentErrors(trace: Trace): RuleOutcome {
  if (trace.errors.length === 0) return { evidence: [], criteria: [] };
  return {
    evidence: [
      {
        rule: 'agent errors',
        message: trace.errors
          .map((error) => error.message)
          .slice(0, 3)
          .join('; '),
        calls: trace.errors
          .filter((error) => error.call !== null)
          .map((error) => ref(trace.calls[error.call!]!))
          .filter(Boolean),
      },
    ],
    criteria: [{ kind: 'D', text: 'The run exits successfully' }],
  };
}

/** An Archal run record carries its own verdict: its failed criteria are the evidence and the checks. */
function recordedVerdict(trace: Trace): RuleOutcome {
  const recorded = trace.recorded;
  if (!recorded || recorded.passed) return { evidence: [], criteria: [] };
  const failed = recorded.criteria.filter((criterion) => criterion.status === 'failed' || criterion.status === 'error');
  return {
    evidence: failed.map((criterion) => ({
      rule: 'recorded verdict',
      message: `${criterion.text}: ${criterion.detail}`,
      calls: [],
    })),
    criteria: failed.map((criterion): GradeCriterion => {
      if (compileDeterministic(criterion.text, undefined).ok) return { kind: 'D', text: criterion.text };
      if (criterion.expression) return { kind: 'D', text: criterion.text, expression: criterion.expression };
      return { kind: 'P', text: criterion.text };
    }),
  };
}

function uniqueCriteria(criteria: GradeCriterion[]): GradeCriterion[] {
  const seen = new Set<string>();
  return criteria.filter((criterion) => {
    const key = `${criterion.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Grades a trace: deterministic rules first (failed writes, 4xx/5xx, repeated identical calls, a
 * crash, the task's stated constraints checked on the final state the trace shows, the verdict an
 * Archal run record carries), then the configured evaluator for what no rule decides.
 */
export async function gradeTrace(trace: Trace, evaluator: Evaluator | undefined, now = new Date()): Promise<Grade> {
  const world = GitHubWorld.from(trace.calls);
  const rules = taskRules(trace.task);
  const outcomes = [recordedVerdict(trace), agentErrors(trace), failedCalls(trace), repeatedCalls(trace)];
  const rulesChecked = [
    'recorded verdict',
    'agent errors',
    'failed writes',
    '4xx/5xx responses',
    'repeated identical calls',
  ];
  const taskEvidence: GradeEvidence[] = [];
  const unchecked: Array<{ rule: string; key: string; call: number }> = [];
  for (const rule of rules) {
    rulesChecked.push(ruleName(rule));
    const check = checkRule(rule, world, trace.calls);
    if (check.broken) taskEvidence.push(check.broken);
    unchecked.push(...check.unknown.map((entry) => ({ rule: ruleName(rule), ...entry })));
  }
  const evidence = [...taskEvidence, ...outcomes.flatMap((outcome) => outcome.evidence)];
  // What the reproduction checks: every constraint of the task (broken or not), then what went wrong.
  const criteria = uniqueCriteria([
    ...outcomes[0]!.criteria,
    ...rules.map(ruleCriterion),
    ...outcomes.slice(1).flatMap((outcome) => outcome.criteria),
  ]);
  const base = { schemaVersion: 1 as const, traceId: trace.id, rulesChecked, missing: [], gradedAt: now.toISOString() };

  if (evidence.length > 0) {
    const decidedBy =
      taskEvidence.length === 0 && outcomes.slice(1).every((o) => o.evidence.length === 0) ? 'recorded' : 'rules';
    if (!criteria.some((criterion) => criterion.text === 'The run exits successfully'))
      criteria.push({ kind: 'D', text: 'The run exits successfully' });
    return {
      ...base,
      verdict: 'fail',
      summary: evidence.map((item) => sentence(item.message)).join(' '),
      evidence,
      reproduce: true,
      decidedBy,
      criteria,
      evaluator: null,
    };
  }
  // A stated constraint the trace cannot show was kept (the labels of the issues the agent closed
  // were never recorded) leaves the verdict open: no pass for want of data.
  if (unchecked.length > 0)
    return {
      ...base,
      verdict: 'unclear',
      summary: `The task says ${unchecked[0]!.rule.replace(/^task: /, '')}, and the trace does not show the labels of ${unchecked.map((entry) => entry.key).join(', ')}, which the agent closed.`,
      evidence: [],
      reproduce: false,
      decidedBy: 'rules',
      criteria,
      missing: [
        ...world.missing.map(({ repo: _repo, ...item }) => item),
        ...unchecked.map((entry) => ({
          what: `the labels of ${entry.key} before the agent closed it (call #${entry.call})`,
          call: entry.call,
          from: 'the response body of the read that found it, or of the call that closed it',
        })),
      ],
      evaluator: null,
    };
  if (trace.recorded?.passed)
    return {
      ...base,
      verdict: 'pass',
      summary: 'The run record says every criterion passed, and no rule found a fault.',
      evidence: [],
      reproduce: false,
      decidedBy: 'recorded',
      criteria,
      evaluator: null,
    };
  if (!evaluator)
    return {
      ...base,
      verdict: 'pass',
      summary: `No rule found a fault (${rulesChecked.length} checked); no evaluator is configured to judge the rest (set "evaluator" in .archal.json).`,
      evidence: [],
      reproduce: false,
      decidedBy: 'rules',
      criteria,
      evaluator: null,
    };

  const verdict = await judge(
    [{ id: 'c1', text: EVALUATOR_CRITERION, kind: 'P', tagged: true, line: 0 }],
    {
      title: `Production trace ${trace.id}`,
      prompt: trace.task ?? '(the trace does not record the task)',
      diff: {},
      requests: trace.calls
        .filter((call) => call.kind === 'http')
        .map((call) => ({
          method: call.method,
          path: splitUrl(call.url).path ?? call.url,
          status: call.status,
          operationId: null,
        })),
      answer: trace.answer ?? '',
    },
    {
      provider: evaluator.provider,
      providerName: evaluator.providerName,
      model: evaluator.model,
      cwd: evaluator.cwd,
      env: evaluator.env,
      signal: evaluator.signal ?? new AbortController().signal,
    },
  );
  if (!verdict.ok)
    return {
      ...base,
      verdict: 'unclear',
      summary: `No rule found a fault, and the evaluator could not decide: ${verdict.error}`,
      evidence: [],
      reproduce: false,
      decidedBy: 'evaluator',
      criteria,
      evaluator: { provider: evaluator.providerName, verdict: 'error', reason: verdict.error },
    };
  const decided = verdict.verdicts.get('c1')!;
  return {
    ...base,
    verdict: decided.passed ? 'pass' : 'fail',
    summary: decided.passed
      ? `No rule found a fault; the evaluator (${evaluator.providerName}) judged the run: ${decided.reason}`
      : `The evaluator (${evaluator.providerName}) judged the run failed: ${decided.reason}`,
    evidence: decided.passed ? [] : [{ rule: 'evaluator', message: decided.reason, calls: [] }],
    reproduce: !decided.passed,
    decidedBy: 'evaluator',
    criteria: decided.passed
      ? criteria
      : uniqueCriteria([
          ...criteria,
          { kind: 'P', text: EVALUATOR_CRITERION },
          { kind: 'D', text: 'The run exits successfully' },
        ]),
    evaluator: { provider: evaluator.providerName, verdict: decided.passed ? 'pass' : 'fail', reason: decided.reason },
  };
}
