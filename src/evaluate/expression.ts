import jsonata from 'jsonata';
import { contextFunctions, type EvaluationContext } from './context.js';

export type ExpressionCheck = { ok: true; value: unknown } | { ok: false; error: string };

/** Checks that a JSONata expression parses; the message points at the offending position. */
export function expressionSyntaxError(source: string): string | undefined {
  try {
    jsonata(source);
    return undefined;
  } catch (error) {
    const { message, position } = error as { message?: string; position?: number };
    return `invalid JSONata${position !== undefined ? ` at character ${position}` : ''}: ${message ?? String(error)}`;
  }
}

/** Evaluates an expression on a context, with the helper functions ($created, $before, $changed). */
export async function evaluateExpression(source: string, context: EvaluationContext): Promise<ExpressionCheck> {
  let expression: jsonata.Expression;
  try {
    expression = jsonata(source);
  } catch (error) {
    return { ok: false, error: expressionSyntaxError(source) ?? String(error) };
  }
  const helpers = contextFunctions(context);
  expression.registerFunction('created', helpers.created, '<x-:a>');
  expression.registerFunction('before', helpers.before, '<x-:o>');
  expression.registerFunction('changed', helpers.changed, '<x-:b>');
  try {
    const value: unknown = await expression.evaluate(context);
    return { ok: true, value: normalise(value) };
  } catch (error) {
    const { message } = error as { message?: string };
    return { ok: false, error: `evaluation failed: ${message ?? String(error)}` };
  }
}

/** JSONata results carry a `sequence` marker on arrays; plain JSON is easier to show and compare. */
function normalise(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** JSONata truthiness, as the `=>` form uses it: false, 0, '', null, undefined and [] fail. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(truthy);
  return Boolean(value);
}
