import type { Criterion, Scenario, ScenarioProblem } from '../scenarios/schema.js';
import type { EvaluationContext } from './context.js';
import { compileDeterministic, evaluateDeterministic, type DeterministicForm } from './deterministic.js';
import { equivalentExpression } from './phrases.js';

/** How one criterion will be decided. */
export type CriterionPlan =
  | { mode: 'deterministic'; check: DeterministicForm }
  | { mode: 'judged'; notDeterministic: boolean }
  | { mode: 'not_evaluated'; reason: string };

export interface PreparedCriterion extends Criterion {
  plan: CriterionPlan;
  /** True when the [D]/[P] tag was inferred from the wording. */
  inferred: boolean;
}

export type CriterionForm = 'expression' | 'phrase' | 'judged' | 'judged_not_deterministic' | 'not_evaluated';
export type CriterionStatus = 'passed' | 'failed' | 'error' | 'not_evaluated';

export interface CriterionResult {
  id: string;
  text: string;
  kind: 'D' | 'P';
  line: number;
  form: CriterionForm;
  status: CriterionStatus;
  /** What was compared, or the judge's reason, or why it was not evaluated. */
  detail: string;
  /** The JSONata that decided a deterministic criterion. */
  expression?: string;
  /** The phrase pattern that matched. */
  pattern?: string;
  actual?: unknown;
  expected?: unknown;
}

/**
 * Decides up front how each criterion is checked, so that `scenario validate` reports the same
 * problems a run would: a [D] criterion that is neither an `=> expression` nor a known phrase is an
 * error (or, with an evaluator configured, judged and labelled "judged, not deterministic").
 */
export function prepareCriteria(
  scenario: Scenario,
  options: { evaluator: boolean },
): { criteria: PreparedCriterion[]; errors: ScenarioProblem[]; warnings: ScenarioProblem[] } {
  const errors: ScenarioProblem[] = [];
  const warnings: ScenarioProblem[] = [];
  const criteria = scenario.criteria.map((criterion): PreparedCriterion => {
    const at = { file: scenario.file, line: criterion.line };
    if (criterion.kind === 'D' || !criterion.tagged) {
      const compiled = compileDeterministic(criterion.text, criterion.expression);
      if (compiled.ok)
        return {
          ...criterion,
          kind: 'D',
          inferred: !criterion.tagged,
          plan: { mode: 'deterministic', check: compiled.check },
        };
      if (criterion.tagged) {
        if (criterion.expression !== undefined || !options.evaluator) {
          errors.push({
            ...at,
            message: `[D] criterion ${criterion.id} cannot be checked deterministically: ${compiled.reason}`,
          });
          return { ...criterion, inferred: false, plan: { mode: 'not_evaluated', reason: compiled.reason } };
        }
        warnings.push({
          ...at,
          message: `[D] criterion ${criterion.id} is not a known phrase; the evaluator will judge it (judged, not deterministic)`,
        });
        return { ...criterion, inferred: false, plan: { mode: 'judged', notDeterministic: true } };
      }
    }
    if (options.evaluator)
      return {
        ...criterion,
        kind: 'P',
        inferred: !criterion.tagged,
        plan: { mode: 'judged', notDeterministic: false },
      };
    warnings.push({
      ...at,
      message: `[P] criterion ${criterion.id} will not be evaluated: no evaluator is configured (set "evaluator" in .archal.json or the scenario's Config)`,
    });
    return {
      ...criterion,
      kind: 'P',
      inferred: !criterion.tagged,
      plan: { mode: 'not_evaluated', reason: 'no evaluator is configured' },
    };
  });
  return { criteria, errors, warnings };
}

export async function evaluateDeterministicCriterion(
  criterion: PreparedCriterion,
  context: EvaluationContext,
): Promise<CriterionResult> {
  if (criterion.plan.mode !== 'deterministic') throw new Error(`criterion ${criterion.id} is not deterministic`);
  const { check } = criterion.plan;
  const outcome = await evaluateDeterministic(check, context);
  return {
    ...base(criterion),
    form: check.form,
    status: outcome.error ? 'error' : outcome.passed ? 'passed' : 'failed',
    detail: outcome.detail,
    expression: check.form === 'expression' ? check.expression : equivalentExpression(check.check),
    ...(check.form === 'phrase' ? { pattern: check.check.pattern } : {}),
    ...(outcome.actual === undefined ? {} : { actual: outcome.actual }),
    ...(outcome.expected === undefined ? {} : { expected: outcome.expected }),
  };
}

export function base(criterion: PreparedCriterion): Pick<CriterionResult, 'id' | 'text' | 'kind' | 'line'> {
  return { id: criterion.id, text: criterion.text, kind: criterion.kind, line: criterion.line };
}
