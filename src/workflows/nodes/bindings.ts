import { parseWholeRef, readOutputRef } from '../refs.js';
import { NodeFailure } from '../retry.js';
import type { RunContext } from '../run-context.js';
import { substituteText } from '../substitute.js';
import { isRecord } from '../../lib/is-record.js';

/**
 * A node's `with:` values, as the inputs it reads: a whole `$node.output[.field]` reference keeps
 * its logical value (a boolean stays a boolean), `{from, if_skipped}` reads a possibly skipped
 * producer, any other string is a template, and everything else is the literal value.
 */
export function resolveBindings(
  bindings: Record<string, unknown>,
  run: RunContext,
  nodeId: string,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(bindings)) {
    if (isRecord(value) && typeof value.from === 'string') {
      const ref = parseWholeRef(value.from)!;
      const producer = run.outputs.get(ref.node);
      if (producer?.state === 'skipped' || producer?.state === 'pending') {
        if (!('if_skipped' in value))
          throw new NodeFailure(
            `Node '${nodeId}': binding '${name}' reads '${ref.node}', which was skipped; give the binding an if_skipped value`,
            'fatal',
          );
        values[name] = value.if_skipped;
      } else values[name] = readOutputRef(run.outputs, ref.node, ref.field);
      continue;
    }
    if (typeof value === 'string') {
      const ref = parseWholeRef(value);
      values[name] = ref
        ? readOutputRef(run.outputs, ref.node, ref.field)
        : substituteText(value, run.vars, run.outputs);
      continue;
    }
    values[name] = value;
  }
  return values;
}
