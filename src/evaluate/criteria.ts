import * as z from 'zod';
import type { Criterion, Scenario, ScenarioProblem } from '../scenarios/schema.js';
import type { EvaluationContext } from './context.js';
import { compileDeterministic, evaluateDeterministic, type DeterministicForm } from './deterministic.js';
import type { CompiledPhrases } from './phrase-cache.js';

/** How one criterion will be decided. */
export type CriterionPlan =
  | { mode: 'deterministic'; check: DeterministicForm }
  | { mode: 'judged'; notDeterministic: boolean }
  | { mode: 'not_evaluated'; reason: string };

/** A criterion with its plan; `tagged` says whether its [D]/[P] kind was written or inferred from the wording. */
export interface PreparedCriterion extends Criterion {
  plan: CriterionPlan;
}

/** The result of one criterion in one run (part of `archal run -o json`). */
export const criterionResultSchema = z.object({
  id: z.string(),
  text: z.string(),
  kind: z.enum(['D', 'P']),
  line: z.number().int(),
  form: z.enum(['expression', 'phrase', 'judged', 'judged_not_deterministic', 'not_evaluated']),
  status: z.enum(['passed', 'failed', 'error', 'not_evaluated']),
  detail: z.string().describe("What was compared, or the judge's reason, or why it was not evaluated"),
  expression: z.string().optional().describe('The JSONata that decided a deterministic criterion'),
  pattern: z.string().optional().describe('The phrase pattern that matched'),
  actual: z.unknown().optional(),
  expected: z.unknown().optional(),
});

export type CriterionResult = z.infer<typeof criterionResultSchema>;

/**
 * Decides up front how each criterion is checked, so that `scenario validate` reports the same
 * problems a run would: a [D] criterion that is neither an `=> expression` nor a known phrase is an
 * error (or, with an evaluator configured, judged and labelled "judged, not deterministic").
 */
export function prepareCriteria(
  scenario: Scenario,
  options: { evaluator: boolean; phrases?: CompiledPhrases },
): { criteria: PreparedCriterion[]; errors: ScenarioProblem[]; warnings: ScenarioProblem[] } {
  const errors: ScenarioProblem[] = [];
  const warnings: ScenarioProblem[] = [];
  const criteria = scenario.criteria.map((criterion): PreparedCriterion => {
    const at = { file: scenario.file, line: criterion.line };
    if (criterion.kind === 'D' || !criterion.tagged) {
      const compiled = compileDeterministic(criterion.text, criterion.expression, options.phrases);
      if (compiled.ok)
        return {
          ...criterion,
          kind: 'D',
          plan: { mode: 'deterministic', check: compiled.check },
        };
      if (criterion.tagged) {
        if (criterion.expression !== undefined || !options.evaluator) {
          errors.push({
            ...at,
            message: `[D] criterion ${criterion.id} (${JSON.stringify(criterion.text)}) cannot be checked deterministically: ${compiled.reason}`,
          });
          return { ...criterion, plan: { mode: 'not_evaluated', reason: compiled.reason } };
        }
        warnings.push({
          ...at,
          message: `[D] criterion ${criterion.id} (${JSON.stringify(criterion.text)}) is not a known phrase; the evaluator will judge it (judged, not deterministic)`,
        });
        return { ...criterion, plan: { mode: 'judged', notDeterministic: true } };
      }
    }
    if (options.evaluator)
      return {
        ...criterion,
        kind: 'P',
        plan: { mode: 'judged', notDeterministic: false },
      };
    warnings.push({
      ...at,
      message: `[P] criterion ${criterion.id} will not be evaluated: no evaluator is configured (set "evaluator" in .archal.json or the scenario's Config)`,
    });
    return {
      ...criterion,
      kind: 'P',
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
    expression: outcome.expression,
    ...(check.form === 'phrase' ? { pattern: check.check.pattern } : {}),
    ...(outcome.actual === undefined ? {} : { actual: outcome.actual }),
    ...(outcome.expected === undefined ? {} : { expected: outcome.expected }),
  };
}

export function base(criterion: PreparedCriterion): Pick<CriterionResult, 'id' | 'text' | 'kind' | 'line'> {
  return { id: criterion.id, text: criterion.text, kind: criterion.kind, line: criterion.line };
}
