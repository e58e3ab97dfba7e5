import { didYouMean } from '../lib/did-you-mean.js';
import { unfenceJson } from '../lib/json-position.js';
import { isRecord } from '../lib/is-record.js';

/** `$id.output` and `$id.output.field` in prompts, commands, bash scripts and messages. */
export const OUTPUT_REF_SOURCE = String.raw`\$([A-Za-z_][A-Za-z0-9_-]*)\.output(?:\.([A-Za-z_][A-Za-z0-9_]*))?`;

export interface OutputRef {
  node: string;
  field?: string;
  text: string;
  index: number;
}

export function findOutputRefs(text: string): OutputRef[] {
  const refs: OutputRef[] = [];
  for (const match of text.matchAll(new RegExp(OUTPUT_REF_SOURCE, 'g'))) {
    refs.push({ node: match[1]!, field: match[2], text: match[0], index: match.index });
  }
  return refs;
}

export type NodeState = 'pending' | 'running' | 'completed' | 'failed' | 'skipped' | 'paused';

/** What downstream nodes can read of a node. */
export interface NodeOutput {
  state: NodeState;
  text: string;
  /** The validated JSON of an `output_format` node. */
  structured?: unknown;
  /** The `properties` its output_format declares; field reads outside them are errors. */
  declaredFields?: readonly string[];
}

export type OutputRefProblem =
  'unknown-node' | 'producer-not-run' | 'producer-failed' | 'not-in-schema' | 'unparseable' | 'missing-key';

export class OutputRefError extends Error {
  constructor(
    readonly reason: OutputRefProblem,
    message: string,
  ) {
    super(message);
    this.name = 'OutputRefError';
  }
}

/**
 * Reads `$node.output[.field]`. Whole outputs of skipped nodes read as ''. Everything that cannot
 * be read faithfully throws: a failed producer, a field of a node that did not run, a field its
 * schema does not declare, a field of output that is not a JSON object, a missing key.
 * Returns the raw value: a string for whole outputs, any JSON value for fields.
 */
export function readOutputRef(outputs: ReadonlyMap<string, NodeOutput>, node: string, field?: string): unknown {
  const ref = field === undefined ? `$${node}.output` : `$${node}.output.${field}`;
  const producer = outputs.get(node);
  if (!producer) {
    throw new OutputRefError('unknown-node', `${ref}: there is no node '${node}'.${didYouMean(node, outputs.keys())}`);
  }
  if (producer.state === 'failed')
    throw new OutputRefError('producer-failed', `${ref}: node '${node}' failed, so its output cannot be used`);
  if (field === undefined) return producer.state === 'completed' ? producer.text : '';
  if (producer.state !== 'completed')
    throw new OutputRefError(
      'producer-not-run',
      `${ref}: node '${node}' did not run (${producer.state}), so it has no field '${field}'`,
    );

  if (producer.declaredFields && !producer.declaredFields.includes(field)) {
    throw new OutputRefError(
      'not-in-schema',
      `${ref}: '${field}' is not declared in the output_format of '${node}' (declared: ${producer.declaredFields.join(', ') || 'none'}).${didYouMean(field, producer.declaredFields)}`,
    );
  }
  const object = isRecord(producer.structured) ? producer.structured : parseJsonObject(producer.text);
  if (!object) {
    throw new OutputRefError(
      'unparseable',
      `${ref}: the output of '${node}' is not a JSON object: ${JSON.stringify(preview(producer.text))}`,
    );
  }
  if (!(field in object) || object[field] === undefined) {
    if (producer.declaredFields) return '';
    throw new OutputRefError(
      'missing-key',
      `${ref}: the JSON output of '${node}' has no key '${field}' (keys: ${Object.keys(object).join(', ') || 'none'})`,
    );
  }
  return object[field] ?? (producer.declaredFields ? '' : null);
}

/** How a JSON value reads in text: strings raw, everything else as JSON. */
export function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** JSON of a whole output, unwrapping a Markdown code fence if the text has one. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  const candidate = unfenceJson(text);
  if (!candidate.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(candidate);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function preview(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** A text that is exactly one `$node.output` or `$node.output.field` reference (surrounding spaces aside). */
export function parseWholeRef(text: string): { node: string; field?: string } | undefined {
  const match = new RegExp(`^\\s*${OUTPUT_REF_SOURCE}\\s*$`).exec(text);
  return match ? { node: match[1]!, field: match[2] } : undefined;
}

/** `$INPUTS.<name>` in prompts and command files. */
export const INPUTS_REF_SOURCE = String.raw`\$INPUTS\.([A-Za-z_][A-Za-z0-9_-]*)`;

/** The environment variable an input reaches bash and script nodes as: INPUTS_<UPPER_SNAKE>. */
export function inputEnvKey(name: string): string {
  return `INPUTS_${name.replace(/-/g, '_').toUpperCase()}`;
}

/** `$LOOP_PREV.<id>.output[.field]`: a loop_group body node's output in the previous iteration. */
export const LOOP_PREV_REF_SOURCE = String.raw`\$LOOP_PREV\.([A-Za-z_][A-Za-z0-9_-]*)\.output(?:\.([A-Za-z_][A-Za-z0-9_]*))?`;

export function findLoopPrevRefs(text: string): OutputRef[] {
  return [...text.matchAll(new RegExp(LOOP_PREV_REF_SOURCE, 'g'))].map((match) => ({
    node: match[1]!,
    field: match[2],
    text: match[0],
    index: match.index,
  }));
}
