import type { z } from 'zod';
import type { ExecSpec, ProviderName } from '../providers/schema.js';
import { didYouMean } from '../lib/did-you-mean.js';
import { modelProblem, PROVIDER_CAPABILITIES } from '../providers/models.js';
import { ConditionSyntaxError, parseCondition } from './condition.js';
import { isAiNode, type Condition, type Workflow, type WorkflowNode, type WorkflowScope } from './model.js';
import { compileOutputSchema } from './output-schema.js';
import type { WorkflowProblem } from './problems.js';
import {
  DEFAULT_BASH_TIMEOUT_MS,
  DEFAULT_MAX_PARALLEL,
  NODE_KEYS,
  NODE_KINDS,
  NESTED_KEYS,
  NODE_SCHEMAS,
  WORKFLOW_KEYS,
  workflowFieldsSchema,
  type NodeKind,
  type TriggerRule,
  type WorkflowFields,
} from './schema.js';
import { validateGraph } from './graph.js';
import { parseYaml, type SourceLocator } from './yaml-source.js';

export const MIGRATION_GUIDE = 'https://github.com/coleam00/Archon/blob/main/docs/sequential-dag-migration-guide.md';

/** Settings from .archal.json that apply to workflows that do not set their own. */
export interface EngineDefaults {
  provider: ProviderName;
  models: Partial<Record<ProviderName, string>>;
  exec?: ExecSpec;
}

export const BUILTIN_DEFAULTS: EngineDefaults = { provider: 'claude', models: {} };

export type CommandLookup = { ok: true; body: string; file: string } | { ok: false; message: string };

export interface LoadOptions {
  file: string;
  scope: WorkflowScope;
  defaults?: EngineDefaults;
  /** Finds a command file by name (repo, then global, then bundled). */
  resolveCommand: (name: string) => CommandLookup;
}

export type LoadResult =
  | { ok: true; workflow: Workflow; warnings: WorkflowProblem[] }
  | {
      ok: false;
      /** 'parse': not readable YAML; 'validate': YAML, but not a valid workflow. */
      stage: 'parse' | 'validate';
      name?: string;
      description?: string;
      errors: WorkflowProblem[];
      warnings: WorkflowProblem[];
    };

const ALL_NODE_KEYS = new Set(Object.values(NODE_KEYS).flatMap((keys) => [...keys]));

/**
 * Parses and validates a workflow file. Every problem is collected (not just the first), each naming
 * its file, node, field and line.
 */
export async function loadWorkflowText(text: string, options: LoadOptions): Promise<LoadResult> {
  const { file } = options;
  const errors: WorkflowProblem[] = [];
  const warnings: WorkflowProblem[] = [];

  const parsed = parseYaml(text);
  if (!parsed.ok)
    return { ok: false, stage: 'parse', errors: parsed.errors.map((error) => ({ ...error, file })), warnings };
  const { value: root, source } = parsed;

  if (!isRecord(root))
    return {
      ok: false,
      stage: 'validate',
      errors: [{ file, message: 'a workflow file must be a YAML mapping with name, description and nodes' }],
      warnings,
    };

  const name = typeof root.name === 'string' ? root.name : undefined;
  const description = typeof root.description === 'string' ? root.description : undefined;

  if (Array.isArray(root.steps) && root.steps.length > 0) {
    errors.push({
      file,
      field: 'steps',
      line: source.keyLine([], 'steps'),
      message:
        '`steps:` format has been removed. Workflows now use `nodes:` (DAG) format exclusively. ' +
        `Convert each step to a node with an id and depends_on; see the migration guide: ${MIGRATION_GUIDE}`,
    });
  }

  for (const key of Object.keys(root)) {
    if (WORKFLOW_KEYS.has(key) || key === 'steps') continue;
    const nodeHint = ALL_NODE_KEYS.has(key)
      ? ' (it is a node field: set it on each node)'
      : didYouMean(key, WORKFLOW_KEYS);
    warnings.push({
      file,
      field: key,
      line: source.keyLine([], key),
      message: `unknown workflow key '${key}' is ignored.${nodeHint}`,
    });
  }

  warnNestedKeys(root.exec, 'exec', (message, field) =>
    warnings.push({ file, field, line: source.keyLine(['exec'], field.split('.')[1]!), message }),
  );
  const { nodes: rawNodes, ...workflowFields } = root;
  const fields = workflowFieldsSchema.safeParse(workflowFields);
  if (!fields.success) errors.push(...zodProblems(fields.error.issues, [], file, source, undefined, workflowFields));

  if (!Array.isArray(rawNodes) || rawNodes.length === 0) {
    if (!(Array.isArray(root.steps) && root.steps.length > 0))
      errors.push({
        file,
        field: 'nodes',
        line: source.keyLine([], 'nodes'),
        message:
          rawNodes === undefined ? "Workflow must have 'nodes:' configuration" : 'nodes must be a non-empty list',
      });
    return { ok: false, stage: 'validate', name, description, errors, warnings };
  }

  const defaults = options.defaults ?? BUILTIN_DEFAULTS;
  const workflowSettings = fields.success ? fields.data : undefined;
  const nodes: WorkflowNode[] = [];
  const nodeLines = new Map<string, number | undefined>();
  for (const [index, rawNode] of rawNodes.entries()) {
    const built = await buildNode(rawNode, index, {
      ...options,
      defaults,
      source,
      workflow: workflowSettings,
      errors,
      warnings,
    });
    if (built) {
      nodes.push(built);
      if (!nodeLines.has(built.id)) nodeLines.set(built.id, source.line(['nodes', index]));
    }
  }

  // Graph checks need every node's id; nodes that failed their own validation still count as
  // existing, so that one typo does not cascade into "unknown node" errors elsewhere.
  const declaredIds = rawNodes.flatMap((node) =>
    isRecord(node) && typeof node.id === 'string' ? [node.id.trim()] : [],
  );
  errors.push(...validateGraph(nodes, declaredIds, { file, source, nodeLines }));
  warnings.push(...wholeOutputWarnings(nodes, file, nodeLines));

  if (errors.length > 0 || !workflowSettings)
    return { ok: false, stage: 'validate', name, description, errors, warnings };

  const { max_parallel, tags, ...rest } = workflowSettings;
  const workflow: Workflow = {
    ...rest,
    max_parallel: max_parallel ?? DEFAULT_MAX_PARALLEL,
    tags: tags ?? [],
    nodes,
    file,
    scope: options.scope,
  };
  return { ok: true, workflow, warnings };
}

interface NodeContext extends LoadOptions {
  defaults: EngineDefaults;
  source: SourceLocator;
  workflow: WorkflowFields | undefined;
  errors: WorkflowProblem[];
  warnings: WorkflowProblem[];
}

async function buildNode(raw: unknown, index: number, ctx: NodeContext): Promise<WorkflowNode | undefined> {
  const { file, source } = ctx;
  const path = ['nodes', index];
  const label = isRecord(raw) && typeof raw.id === 'string' && raw.id.trim() ? raw.id.trim() : `#${index + 1}`;
  const problem = (message: string, field?: string): WorkflowProblem => ({
    file,
    node: label,
    field,
    line: field ? (source.keyLine(path, field.split('.')[0]!) ?? source.line(path)) : source.line(path),
    message,
  });

  if (!isRecord(raw)) {
    ctx.errors.push(problem(`each node must be a mapping with an id and one of ${quoteList(NODE_KINDS)}`));
    return undefined;
  }
  if (raw.id === undefined) ctx.errors.push(problem("missing required field 'id'", 'id'));

  const present = NODE_KINDS.filter((kind) => isPresent(raw[kind]));
  if (present.length > 1) {
    ctx.errors.push(
      problem(`${quoteList(present)} are mutually exclusive: a node has exactly one of ${quoteList(NODE_KINDS)}`),
    );
    return undefined;
  }
  const kind = present[0];
  if (!kind) {
    const blank = NODE_KINDS.find((candidate) => raw[candidate] !== undefined);
    ctx.errors.push(
      blank
        ? problem(`${blank} must not be empty`, blank)
        : problem(`a node must have one of ${quoteList(NODE_KINDS)} (it says what the node does)`),
    );
    return undefined;
  }

  for (const key of Object.keys(raw)) {
    if (NODE_KEYS[kind].has(key)) {
      warnNestedKeys(raw[key], key, (message, field) => ctx.warnings.push(problem(message, field)));
      continue;
    }
    if (key === 'retry' && (kind === 'loop' || kind === 'approval' || kind === 'cancel')) {
      ctx.errors.push(
        problem(
          `retry is not supported on ${kind} nodes${kind === 'loop' ? ' (a loop retries by iterating)' : ''}`,
          'retry',
        ),
      );
      continue;
    }
    const owners = NODE_KINDS.filter((other) => NODE_KEYS[other].has(key));
    ctx.warnings.push(
      owners.length > 0
        ? problem(`'${key}' applies to ${owners.join('/')} nodes; it is ignored on ${kind} nodes`, key)
        : problem(`unknown field '${key}' is ignored.${didYouMean(key, ALL_NODE_KEYS)}`, key),
    );
  }

  const errorCountBefore = ctx.errors.length;
  const check = <S extends z.ZodType>(schema: S): z.infer<S> | undefined => {
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    ctx.errors.push(...zodProblems(result.error.issues, path, file, source, label, raw));
    return undefined;
  };
  const common = (fields: {
    depends_on?: string[];
    when?: string;
    trigger_rule?: TriggerRule;
    continue_on_error?: boolean;
  }) => {
    let when: Condition | undefined;
    if (fields.when !== undefined) {
      try {
        when = { source: fields.when, expr: parseCondition(fields.when) };
      } catch (error) {
        if (!(error instanceof ConditionSyntaxError)) throw error;
        ctx.errors.push(problem(`invalid condition: ${error.message}`, 'when'));
      }
    }
    return {
      depends_on: [...new Set(fields.depends_on ?? [])],
      when,
      trigger_rule: fields.trigger_rule ?? 'all_success',
      continue_on_error: fields.continue_on_error ?? false,
    };
  };

  let node: WorkflowNode | undefined;
  switch (kind) {
    case 'bash': {
      const fields = check(NODE_SCHEMAS.bash);
      node = fields && { ...fields, ...common(fields), kind, timeout: fields.timeout ?? DEFAULT_BASH_TIMEOUT_MS };
      break;
    }
    case 'approval': {
      const fields = check(NODE_SCHEMAS.approval);
      node = fields && {
        ...fields,
        ...common(fields),
        kind,
        approval: { message: fields.approval.message, capture_response: fields.approval.capture_response ?? false },
      };
      break;
    }
    case 'cancel': {
      const fields = check(NODE_SCHEMAS.cancel);
      node = fields && { ...fields, ...common(fields), kind };
      break;
    }
    case 'prompt': {
      const fields = check(NODE_SCHEMAS.prompt);
      node = fields && { ...fields, ...common(fields), ...resolveAi(fields, ctx, problem), kind };
      break;
    }
    case 'command': {
      const fields = check(NODE_SCHEMAS.command);
      const found = fields && lookupCommand(fields.command, ctx, (message) => problem(message, 'command'));
      node = fields &&
        found && {
          ...fields,
          ...common(fields),
          ...resolveAi(fields, ctx, problem),
          kind,
          body: found.body,
          commandFile: found.file,
        };
      break;
    }
    case 'loop': {
      const fields = check(NODE_SCHEMAS.loop);
      node = fields && buildLoop(fields, common(fields), ctx, problem);
      break;
    }
  }
  if (node && isAiNode(node) && node.output_format) {
    const compiled = await compileOutputSchema(node.output_format);
    if (!compiled.ok) ctx.errors.push(problem(compiled.message, 'output_format'));
  }
  return ctx.errors.length === errorCountBefore ? node : undefined;
}

type Problem = (message: string, field?: string) => WorkflowProblem;

function warnNestedKeys(value: unknown, key: string, warn: (message: string, field: string) => void): void {
  const known = NESTED_KEYS[key];
  if (!known || !isRecord(value)) return;
  for (const nested of Object.keys(value)) {
    if (!known.has(nested))
      warn(`unknown field '${key}.${nested}' is ignored.${didYouMean(nested, known)}`, `${key}.${nested}`);
  }
}
type AiFields = z.infer<typeof NODE_SCHEMAS.prompt>;

/** Provider and model: node, then workflow, then .archal.json, then the built-in default. */
function resolveAi(
  fields: Pick<AiFields, 'provider' | 'model' | 'allowed_tools' | 'denied_tools' | 'exec'>,
  ctx: NodeContext,
  problem: Problem,
): { provider: ProviderName; model?: string } {
  const provider = fields.provider ?? ctx.workflow?.provider ?? ctx.defaults.provider;
  const workflowModel =
    ctx.workflow?.model && (ctx.workflow.provider ?? ctx.defaults.provider) === provider
      ? ctx.workflow.model
      : undefined;
  const model = fields.model ?? workflowModel ?? ctx.defaults.models[provider];
  if (model !== undefined) {
    const incompatible = modelProblem(provider, model);
    if (incompatible) ctx.errors.push(problem(incompatible, fields.model !== undefined ? 'model' : undefined));
  }
  if (provider === 'exec' && !fields.exec && !ctx.workflow?.exec && !ctx.defaults.exec) {
    ctx.errors.push(
      problem(
        'provider "exec" needs a command: set exec.command on the node or the workflow, or assistants.exec.command in .archal.json',
        'provider',
      ),
    );
  }
  if (!PROVIDER_CAPABILITIES[provider].toolRestrictions) {
    for (const field of ['allowed_tools', 'denied_tools'] as const) {
      if (fields[field] !== undefined)
        ctx.warnings.push(
          problem(`${field} is ignored by provider "${provider}" (only claude enforces tool restrictions)`, field),
        );
    }
  }
  return model === undefined ? { provider } : { provider, model };
}

function buildLoop(
  fields: z.infer<typeof NODE_SCHEMAS.loop>,
  common: { depends_on: string[]; when: Condition | undefined; trigger_rule: TriggerRule; continue_on_error: boolean },
  ctx: NodeContext,
  problem: Problem,
): WorkflowNode | undefined {
  const { loop } = fields;
  const hasPrompt = isPresent(loop.prompt);
  const hasCommand = isPresent(loop.command);
  if (hasPrompt === hasCommand)
    ctx.errors.push(
      problem(
        hasPrompt ? 'loop.prompt and loop.command are mutually exclusive' : 'a loop needs loop.prompt or loop.command',
        'loop',
      ),
    );
  if (loop.max_iterations === undefined)
    ctx.errors.push(
      problem('a loop needs loop.max_iterations (a bound on how often it may run)', 'loop.max_iterations'),
    );
  if (loop.until === undefined && loop.until_bash === undefined)
    ctx.errors.push(
      problem(
        'a loop needs a completion check: loop.until (a signal such as COMPLETE in the output) or loop.until_bash (a script; exit 0 = done)',
        'loop.until',
      ),
    );
  const body = hasCommand
    ? lookupCommand(loop.command!.trim(), ctx, (message) => problem(message, 'loop.command'))
    : undefined;
  if (hasPrompt === hasCommand || loop.max_iterations === undefined || (hasCommand && !body)) return undefined;
  if (loop.until === undefined && loop.until_bash === undefined) return undefined;
  return {
    ...fields,
    ...common,
    ...resolveAi(fields, ctx, problem),
    kind: 'loop',
    loop: {
      prompt: body ? body.body : loop.prompt!.trim(),
      command: hasCommand ? loop.command!.trim() : undefined,
      until: loop.until,
      until_bash: loop.until_bash,
      max_iterations: loop.max_iterations,
      fresh_context: loop.fresh_context ?? false,
    },
  };
}

function lookupCommand(name: string, ctx: NodeContext, problem: (message: string) => WorkflowProblem) {
  const found = ctx.resolveCommand(name);
  if (found.ok) return found;
  ctx.errors.push(problem(found.message));
  return undefined;
}

/** Comparing an AI node's whole prose to a literal works by luck; warn and suggest output_format. */
function wholeOutputWarnings(
  nodes: WorkflowNode[],
  file: string,
  lines: Map<string, number | undefined>,
): WorkflowProblem[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const warnings: WorkflowProblem[] = [];
  for (const node of nodes) {
    if (!node.when) continue;
    for (const ref of collectCompareRefs(node.when.expr)) {
      const producer = byId.get(ref.node);
      if (ref.field === undefined && producer && isAiNode(producer) && !producer.output_format) {
        warnings.push({
          file,
          node: node.id,
          field: 'when',
          line: lines.get(node.id),
          message: `compares the whole free-form output of AI node '${ref.node}'; declare output_format on it and compare a field (e.g. $${ref.node}.output.verdict == 'yes')`,
        });
      }
    }
  }
  return warnings;
}

function collectCompareRefs(expr: Condition['expr']): Array<{ node: string; field?: string }> {
  if (expr.type !== 'compare') return expr.items.flatMap(collectCompareRefs);
  return [expr.left, expr.right].flatMap((operand) => (operand.type === 'ref' ? [operand] : []));
}

function zodProblems(
  issues: readonly z.core.$ZodIssue[],
  basePath: Array<string | number>,
  file: string,
  source: SourceLocator,
  node: string | undefined,
  raw: Record<string, unknown>,
): WorkflowProblem[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || undefined;
    let message = issue.message;
    if (issue.code === 'invalid_value') {
      const actual = getPath(raw, issue.path);
      if (typeof actual === 'string')
        message = `'${actual}' is not valid; expected one of ${issue.values.map(String).join(', ')}.${didYouMean(actual, issue.values.map(String))}`;
    }
    if (issue.code === 'invalid_type' && getPath(raw, issue.path) === undefined)
      message = `missing required field '${field}'`;
    const fullPath = [
      ...basePath,
      ...issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
    ];
    return { file, node, field, line: source.line(fullPath) ?? source.line(basePath), message };
  });
}

function getPath(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  return typeof value === 'string' ? value.trim().length > 0 : true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function quoteList(items: readonly string[]): string {
  return items.map((item) => `'${item}'`).join(', ');
}

export type { NodeKind };
