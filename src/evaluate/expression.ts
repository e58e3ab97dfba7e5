import jsonata from 'jsonata';
import { contextFunctions, type EvaluationContext } from './context.js';

type ExpressionCheck = { ok: true; value: unknown } | { ok: false; error: string };

/** Checks that a JSONata expression parses; the message points at the offending position. */
export function expressionSyntaxError(source: string): string | undefined {
  try {
    compile(source);
    return undefined;
  } catch (error) {
    const { message, position } = error as { message?: string; position?: number };
    return `invalid JSONata${position !== undefined ? ` at character ${position}` : ''}: ${message ?? String(error)}`;
  }
}

/** The binding through which the helper functions reach the context of the evaluation in progress. */
const HELPERS = '__archalHelpers';
type Helpers = ReturnType<typeof contextFunctions>;

/** Compiled expressions: runs evaluate the same criteria many times, often at once. */
const compiled = new Map<string, jsonata.Expression>();
/** The helpers of each context, built on first use (they index both snapshots). */
const helpersOf = new WeakMap<EvaluationContext, Helpers>();

function compile(source: string): jsonata.Expression {
  let expression = compiled.get(source);
  if (!expression) {
    expression = jsonata(source);
    // Registered once per expression; each call finds its own context's helpers in its bindings.
    const helper = (name: keyof Helpers) =>
      function (this: { environment: { lookup(name: string): unknown } }, ...args: unknown[]) {
        const helpers = this.environment.lookup(HELPERS) as Helpers;
        return (helpers[name] as (...values: unknown[]) => unknown)(...args);
      };
    expression.registerFunction('created', helper('created'), '<x-:a>');
    expression.registerFunction('before', helper('before'), '<x-:o>');
    expression.registerFunction('changed', helper('changed'), '<x-:b>');
    // A long-lived process (the App) sees ever new criteria: keep the cache bounded.
    if (compiled.size >= 1000) compiled.clear();
    compiled.set(source, expression);
  }
  return expression;
}

/** Whether `source` is compiled already (this process compiles each expression once). */
export function isCompiled(source: string): boolean {
  return compiled.has(source);
}

/** Evaluates an expression on a context, with the helper functions ($created, $before, $changed). */
export async function evaluateExpression(source: string, context: EvaluationContext): Promise<ExpressionCheck> {
  let expression: jsonata.Expression;
  try {
    expression = compile(source);
  } catch (error) {
    return { ok: false, error: expressionSyntaxError(source) ?? String(error) };
  }
  let helpers = helpersOf.get(context);
  if (!helpers) helpersOf.set(context, (helpers = contextFunctions(context)));
  try {
    const value: unknown = await expression.evaluate(context, { [HELPERS]: helpers });
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
