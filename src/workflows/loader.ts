import { didYouMean } from '../lib/did-you-mean.js';
import type { ModelProfile } from '../providers/models.js';
import type { ExecSpec, ProviderName } from '../providers/schema.js';
import { validateGraph, type DeclaredNode, type NodeLineLookup } from './graph.js';
import { expandIncludes, type PlacedNode, type ResolveWorkflowSource } from './include.js';
import { allNodeKeys, warnNestedKeys, zodProblems } from './load-helpers.js';
import { buildNode } from './load-node.js';
import { checkWorkflowContract, parseWorkflowFields } from './load-workflow.js';
import { isAiNode, type Condition, type Workflow, type WorkflowNode, type WorkflowScope } from './model.js';
import type { WorkflowProblem } from './problems.js';
import {
  DEFAULT_MAX_PARALLEL,
  UNSUPPORTED_ARCHON_KEYS,
  WORKFLOW_KEYS,
  type NodeKind,
  type ScriptRuntime,
} from './schema.js';
import { MULTIPLE_DOCUMENTS, parseYaml, type ParsedYamlCache } from './yaml-source.js';
import { shellQuotingWarnings } from './shell-quoting.js';
import { withPackagedResources } from './commands.js';
import { answerRecord, validationKey, type Lookups, type ValidatedWorkflowCache } from './validated-cache.js';
import { isRecord } from '../lib/is-record.js';

export const MIGRATION_GUIDE = 'https://github.com/coleam00/Archon/blob/main/docs/sequential-dag-migration-guide.md';

/** Settings from .archal.json (and .archon/config.yaml) that apply to workflows that do not set their own. */
export interface EngineDefaults {
  provider: ProviderName;
  models: Partial<Record<ProviderName, string>>;
  exec?: ExecSpec;
  /** Model tiers and aliases. */
  profile?: ModelProfile;
}

export const BUILTIN_DEFAULTS: EngineDefaults = { provider: 'claude', models: {} };

export type CommandLookup = { ok: true; body: string; file: string } | { ok: false; message: string };
export type ScriptLookup = { ok: true; file: string; runtime: ScriptRuntime } | { ok: false; message: string };

export interface LoadOptions {
  file: string;
  scope: WorkflowScope;
  defaults?: EngineDefaults;
  /** Finds a command file by name (repo, then global, then bundled). */
  resolveCommand: (name: string) => CommandLookup;
  /** Finds a named script (`script: <name>`). */
  resolveScript?: (name: string) => ScriptLookup;
  /** Finds another workflow's file by name, for `include:` and `workflow:` nodes. */
  resolveWorkflowSource?: ResolveWorkflowSource;
  /** Compile each output_format to check it is a valid JSON Schema (default true). */
  checkOutputSchemas?: boolean;
  /** Values of workflow texts parsed before (none: every text is parsed). */
  yamlCache?: ParsedYamlCache;
  /**
   * Workflows validated before, and the build that validated them (none: every text is validated).
   * Only a valid workflow is kept: a file with errors is validated each time, for its messages and lines.
   */
  validatedCache?: { cache: ValidatedWorkflowCache; build: string };
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

/**
 * Parses and validates a workflow file. Every problem is collected (not just the first), each naming
 * its file, node, field and line.
 */
export async function loadWorkflowText(text: string, given: LoadOptions): Promise<LoadResult> {
  const options = withPackagedResources(given);
  const cached = options.validatedCache;
  if (!cached) return validateWorkflowText(text, options);
  const key = validationKey(cached.build, [
    options.file,
    options.scope,
    options.defaults ?? null,
    options.checkOutputSchemas ?? true,
    text,
  ]);
  if (key === undefined) return validateWorkflowText(text, options);
  const hit = cached.cache.get(key);
  if (hit && hit.lookups.every(([kind, name, answer]) => answerRecord(lookup(options, kind, name)) === answer))
    return { ok: true, workflow: hit.workflow, warnings: hit.warnings };
  const lookups: Lookups = [];
  const recorded =
    <T>(kind: Lookups[number][0], resolve: (name: string) => T) =>
    (name: string) => {
      const answer = resolve(name);
      lookups.push([kind, name, answerRecord(answer)]);
      return answer;
    };
  const result = await validateWorkflowText(text, {
    ...options,
    resolveCommand: recorded('command', options.resolveCommand),
    ...(options.resolveScript ? { resolveScript: recorded('script', options.resolveScript) } : {}),
    ...(options.resolveWorkflowSource
      ? { resolveWorkflowSource: recorded('source', options.resolveWorkflowSource) }
      : {}),
  });
  if (result.ok) cached.cache.set(key, { lookups, workflow: result.workflow, warnings: result.warnings });
  return result;
}

/** What validation's lookup of `kind` answers now for `name`. */
function lookup(options: LoadOptions, kind: Lookups[number][0], name: string): unknown {
  switch (kind) {
    case 'command':
      return options.resolveCommand(name);
    case 'script':
      return options.resolveScript?.(name);
    case 'source':
      return options.resolveWorkflowSource?.(name);
  }
}

async function validateWorkflowText(text: string, options: LoadOptions): Promise<LoadResult> {
  const { file } = options;
  const errors: WorkflowProblem[] = [];
  const warnings: WorkflowProblem[] = [];

  const parsed = parseYaml(text, options.yamlCache);
  if (!parsed.ok)
    return {
      ok: false,
      stage: 'parse',
      errors: parsed.errors.map((error) => ({
        ...error,
        message: error.message.endsWith(MULTIPLE_DOCUMENTS)
          ? `${error.message}, or put each workflow in a file of its own`
          : error.message,
        file,
      })),
      warnings,
    };
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
    const unsupported = UNSUPPORTED_ARCHON_KEYS[key];
    const hint = allNodeKeys().has(key) ? ' (it is a node field: set it on each node)' : didYouMean(key, WORKFLOW_KEYS);
    warnings.push({
      file,
      field: key,
      line: source.keyLine([], key),
      message: unsupported
        ? `'${key}' is an Archon key Archal does not support: ${unsupported}; it is ignored`
        : `unknown workflow key '${key}' is ignored.${hint}`,
    });
  }

  for (const key of ['exec', 'worktree', 'evidence_policy'])
    warnNestedKeys(root[key], key, (message, field) =>
      warnings.push({ file, field, line: source.keyLine([key], field.split('.')[1]!), message }),
    );
  const { nodes: rawNodes, ...rawFields } = root;
  const fields = parseWorkflowFields(rawFields, { file, source, errors, warnings });

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
  const placed: PlacedNode[] = rawNodes.map((raw, index) => ({ raw, file, source, path: ['nodes', index] }));
  const expanded = expandIncludes(placed, options.resolveWorkflowSource, name, errors);
  const nodes: WorkflowNode[] = [];
  const partial: WorkflowNode[] = [];
  const nodeLines = new NodeLines();
  for (const [index, node] of expanded.entries()) {
    if (node.failed) continue;
    const built = await buildNode(node, index, { ...options, defaults, workflow: fields, errors, warnings });
    if (built.node) {
      nodes.push(built.node);
      nodeLines.add(built.node.id, node);
    }
    partial.push(...built.partial);
    for (const lenient of built.partial) nodeLines.add(lenient.id, node);
  }

  // Graph checks use every declared node, including those that failed their own validation: one
  // typo must not cascade into "unknown node" or "not a dependency" errors elsewhere.
  const declared: DeclaredNode[] = expanded.flatMap((node, index) => {
    if (!isRecord(node.raw) || typeof node.raw.id !== 'string') return [];
    const listed = node.raw.depends_on;
    const deps = (Array.isArray(listed) ? listed : []).flatMap((dep: unknown) =>
      typeof dep === 'string' && dep.trim() ? [dep.trim()] : [],
    );
    return [
      {
        id: node.raw.id.trim(),
        depends_on: deps,
        // A depends_on that could not be read in full (reported with the node) leaves its ancestry unknown.
        ...(listed !== undefined && (!Array.isArray(listed) || deps.length !== listed.length)
          ? { partialDependencies: true }
          : {}),
        index,
        get line() {
          return node.source.line(node.path);
        },
        get dependsOnLine() {
          return node.source.keyLine(node.path, 'depends_on') ?? node.source.line(node.path);
        },
      },
    ];
  });
  const graph = validateGraph(nodes, declared, { file, nodeLines }, undefined, partial);
  errors.push(...graph.errors);
  warnings.push(...graph.warnings);
  warnings.push(...wholeOutputWarnings(nodes, file, nodeLines));
  warnings.push(...shellQuotingWarnings(nodes, file, nodeLines));
  if (fields) checkWorkflowContract(fields, nodes, { file, source, errors, warnings });

  if (errors.length > 0 || !fields)
    return { ok: false, stage: 'validate', name, description, errors: distinct(errors), warnings: distinct(warnings) };

  const {
    max_parallel,
    tags,
    thinking: _thinking,
    effort: _effort,
    betas: _betas,
    sandbox: _sandbox,
    fallbackModel: _fallbackModel,
    persist_sessions: _persistSessions,
    ...rest
  } = fields;
  const workflow: Workflow = {
    ...rest,
    max_parallel: max_parallel ?? DEFAULT_MAX_PARALLEL,
    tags: tags ?? [],
    nodes,
    file,
    scope: options.scope,
  };
  return { ok: true, workflow, warnings: distinct(warnings) };
}

/**
 * Each problem once: a node with several kinds is checked as each of them, and the same field's
 * problem would otherwise be listed once per kind.
 */
function distinct(problems: WorkflowProblem[]): WorkflowProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify([problem.file, problem.line, problem.node, problem.field, problem.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The line of each built node (the first of an id), found when a message asks for it: a valid
 * workflow needs none, and finding them all would cost a walk of the parsed YAML per node.
 */
class NodeLines implements NodeLineLookup {
  private readonly placed = new Map<string, PlacedNode>();

  add(id: string, node: PlacedNode): void {
    if (!this.placed.has(id)) this.placed.set(id, node);
  }

  get(id: string): number | undefined {
    const node = this.placed.get(id);
    return node ? node.source.line(node.path) : undefined;
  }

  within(id: string, field: string, pattern: RegExp): number | undefined {
    const node = this.placed.get(id);
    // A command file's text (`command (file.md)`) is not in this YAML.
    if (!node || field.includes(' ')) return undefined;
    return node.source.lineWithin([...node.path, ...field.split('.')], pattern);
  }
}

/** Comparing an AI node's whole prose to a literal works by luck; warn and suggest output_format. */
function wholeOutputWarnings(nodes: WorkflowNode[], file: string, lines: NodeLineLookup): WorkflowProblem[] {
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

export { zodProblems };
export type { NodeKind };
