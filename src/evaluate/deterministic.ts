import type { EvaluationContext } from './context.js';
import { evaluateExpression, expressionSyntaxError, truthy } from './expression.js';
import { expressionPathProblem } from './expression-paths.js';
import { singularPredicate } from './phrase-predicates.js';
import type { CompiledPhrases } from './phrase-cache.js';
import { compilePhrase, equivalentExpression, type PhraseCheck } from './phrases.js';

/** How a `[D]` criterion is checked: the author's `=> expression`, or a phrase the library knows. */
export type DeterministicForm = { form: 'expression'; expression: string } | { form: 'phrase'; check: PhraseCheck };

/** A compiled criterion, or why it cannot be checked deterministically. */
type Compilation = { ok: true; check: DeterministicForm } | { ok: false; reason: string };

/** `phrases`: what earlier processes compiled (see CompiledPhrases). */
export function compileDeterministic(
  text: string,
  expression: string | undefined,
  phrases?: CompiledPhrases,
): Compilation {
  if (expression !== undefined) {
    const problem = expressionSyntaxError(expression) ?? expressionPathProblem(expression);
    return problem ? { ok: false, reason: problem } : { ok: true, check: { form: 'expression', expression } };
  }
  let check = phrases?.get(text);
  if (check === undefined) {
    check = compilePhrase(text) ?? null;
    phrases?.set(text, check);
  }
  if (check) return { ok: true, check: { form: 'phrase', check } };
  return {
    ok: false,
    reason:
      'the phrase library does not recognise this wording. Write the check after "=>" as a JSONata expression over { github, before, diff, run }, e.g. ' +
      '`- [D] exactly 4 issues are closed => $count(github.issues[state = "closed"]) = 4`, or tag it [P] to have the judge decide.',
  };
}

/**
 * Compiles the JSONata a check evaluates ahead of its evaluation: a scenario run does it while its
 * agent runs, so that the first evaluation, after the agent, does not. A problem is left for the
 * evaluation to report.
 */
export function compileCheck(check: DeterministicForm): void {
  for (const source of checkExpressions(check)) expressionSyntaxError(source);
}

function checkExpressions(check: DeterministicForm): string[] {
  if (check.form === 'expression') return [check.expression];
  const phrase = check.check;
  switch (phrase.kind) {
    case 'boolean':
      return [phrase.expression];
    case 'count':
      return [phrase.items];
    case 'every':
      return [phrase.items, phrase.failing];
  }
}

interface DeterministicOutcome {
  passed: boolean;
  /** What was compared, for people: "expected exactly 4, got 3 (acme/web#2, acme/web#5, acme/web#9)". */
  detail: string;
  /** The JSONata that decided (the author's, or the phrase's equivalent). */
  expression: string;
  actual?: unknown;
  expected?: unknown;
  /** Set when the check itself could not be evaluated (an evaluator problem, not an agent one). */
  error?: string;
}

const OP_WORDS = { '==': 'exactly', '>=': 'at least', '<=': 'at most', '<': 'fewer than', '>': 'more than' } as const;

export async function evaluateDeterministic(
  check: DeterministicForm,
  context: EvaluationContext,
): Promise<DeterministicOutcome> {
  if (check.form === 'expression') {
    const result = await evaluateExpression(check.expression, context);
    if (!result.ok) return { passed: false, detail: result.error, expression: check.expression, error: result.error };
    return {
      passed: truthy(result.value),
      detail: `evaluated to ${show(result.value)}`,
      expression: check.expression,
      actual: result.value,
    };
  }
  const phrase = check.check;
  const expression = equivalentExpression(phrase);
  switch (phrase.kind) {
    case 'boolean': {
      const result = await evaluateExpression(phrase.expression, context);
      if (!result.ok) return { passed: false, detail: result.error, expression, error: result.error };
      const passed = truthy(result.value);
      return {
        passed,
        detail: `${phrase.subject}: exit code ${context.run.exitCode}${context.run.timedOut ? ', timed out' : ''}`,
        expression,
        actual: { exitCode: context.run.exitCode, timedOut: context.run.timedOut },
        expected: { exitCode: 0, timedOut: false },
      };
    }
    case 'count': {
      const result = await evaluateExpression(phrase.items, context);
      if (!result.ok) return { passed: false, detail: result.error, expression, error: result.error };
      const items = asList(result.value);
      const actual = items.length;
      const passed = compare(actual, phrase.op, phrase.expected);
      return {
        passed,
        detail: `expected ${OP_WORDS[phrase.op]} ${phrase.expected} ${phrase.expected === 1 ? phrase.subjectOne : phrase.subject}, found ${actual}${items.length > 0 ? `: ${names(items)}` : ''}`,
        expression,
        actual,
        expected: phrase.expected,
      };
    }
    case 'every': {
      const [all, failing] = await Promise.all([
        evaluateExpression(phrase.items, context),
        evaluateExpression(phrase.failing, context),
      ]);
      if (!all.ok) return { passed: false, detail: all.error, expression, error: all.error };
      if (!failing.ok) return { passed: false, detail: failing.error, expression, error: failing.error };
      const items = asList(all.value);
      const bad = asList(failing.value);
      // One item is meant ("issue #3", "the issue"): finding none is a failure, not a vacuous pass.
      const passed = bad.length === 0 && !(phrase.single && items.length === 0);
      return {
        passed,
        detail: everyDetail(phrase, items, bad),
        expression,
        actual: bad.length,
        expected: 0,
      };
    }
  }
}

/** Explanations that agree in number: "all 2 closed issues have a new comment", "the issue is closed". */
function everyDetail(phrase: Extract<PhraseCheck, { kind: 'every' }>, items: unknown[], bad: unknown[]): string {
  const one = singularPredicate(phrase.predicate);
  if (phrase.single) {
    if (items.length === 0) return `there is no ${phrase.subjectOne.replace(/^the /, '')} to check "${one}" on`;
    if (items.length > 1)
      return `"${phrase.subject}" must name one item, but ${items.length} match: ${names(items)}; say which (e.g. by number)`;
    return bad.length === 0 ? `${phrase.subject} ${one}` : `${phrase.subject} does not satisfy "${one}": ${names(bad)}`;
  }
  if (bad.length === 0) {
    if (items.length === 0) return `there are no ${phrase.subject}, so none fails "${one}"`;
    if (items.length === 1) return `the only ${phrase.subjectOne} ${one}: ${names(items)}`;
    return `all ${items.length} ${phrase.subject} ${phrase.predicate}`;
  }
  const whole =
    items.length === 1 ? `the only ${phrase.subjectOne}` : `${bad.length} of ${items.length} ${phrase.subject}`;
  return `${whole} ${bad.length === 1 ? 'does' : 'do'} not satisfy "${bad.length === 1 ? one : phrase.predicate}": ${names(bad)}`;
}

function compare(actual: number, op: keyof typeof OP_WORDS, expected: number): boolean {
  switch (op) {
    case '==':
      return actual === expected;
    case '>=':
      return actual >= expected;
    case '<=':
      return actual <= expected;
    case '<':
      return actual < expected;
    case '>':
      return actual > expected;
  }
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Short names of records for details: `acme/web#3`, a label name, a request line. */
function names(items: unknown[]): string {
  const shown = items.slice(0, 10).map((item) => {
    if (typeof item !== 'object' || item === null) return show(item);
    const record = item as Record<string, unknown>;
    if (typeof record.repo === 'string' && typeof record.number === 'number') return `${record.repo}#${record.number}`;
    if (typeof record.repo === 'string' && typeof record.issue_number === 'number')
      return `${record.repo}#${record.issue_number} comment ${String(record.id)}`;
    if (typeof record.method === 'string' && typeof record.path === 'string')
      return `${record.method} ${record.path} → ${String(record.status)}`;
    if (typeof record.repo === 'string' && typeof record.branch === 'string') return `${record.repo}:${record.branch}`;
    if (typeof record.repo === 'string' && typeof record.pull_number === 'number')
      return `${record.repo}#${record.pull_number} review ${String(record.id)}`;
    if (typeof record.login === 'string') return record.login;
    if (typeof record.full_name === 'string') return record.full_name;
    if (typeof record.name === 'string') return record.name;
    if (typeof record.title === 'string') return record.title;
    return `#${String(record.id)}`;
  });
  return `${shown.join(', ')}${items.length > 10 ? `, … (${items.length - 10} more)` : ''}`;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
