import { didYouMean } from '../lib/did-you-mean.js';
import type { Workflow } from './model.js';

export type InputResolution = { ok: true; values: Record<string, unknown> } | { ok: false; message: string };

/**
 * A run's `$INPUTS` from what a caller gives (`--input name=value`, a parent's `with:`) and what
 * the workflow declares: declared defaults fill gaps; a missing required input or an undeclared
 * name is refused before anything runs. A workflow that declares no inputs takes what it is given.
 */
export function resolveInputs(
  workflow: Pick<Workflow, 'name' | 'inputs'>,
  given: Record<string, unknown> = {},
): InputResolution {
  const declared = workflow.inputs;
  if (!declared) return { ok: true, values: { ...given } };
  const problems: string[] = [];
  const names = Object.keys(declared);
  for (const name of Object.keys(given))
    if (!(name in declared))
      problems.push(
        `'${workflow.name}' declares no input '${name}'.${didYouMean(name, names) || ` Declared: ${names.join(', ') || 'none'}.`}`,
      );
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(declared)) {
    if (name in given) values[name] = given[name];
    else if (spec.default !== undefined) values[name] = spec.default;
    else if (spec.required)
      problems.push(`'${workflow.name}' requires input '${name}'${spec.description ? ` (${spec.description})` : ''}.`);
    else values[name] = '';
  }
  return problems.length > 0 ? { ok: false, message: problems.join(' ') } : { ok: true, values };
}
