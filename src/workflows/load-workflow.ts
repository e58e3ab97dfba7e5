import { PROVIDER_CAPABILITIES, type AiOptionKey } from '../providers/models.js';
import { zodProblems } from './load-helpers.js';
import { outputFormatOf, type WorkflowNode } from './model.js';
import { declaredFields } from './output-schema.js';
import type { WorkflowProblem } from './problems.js';
import { inputEnvKey } from './refs.js';
import {
  INPUT_NAME_PATTERN,
  LENIENT_WORKFLOW_FIELDS,
  WORKFLOW_FIELDS,
  workflowFieldsSchema,
  type WorkflowFields,
} from './schema.js';
import type { SourceLocator } from './yaml-source.js';

/** Workflow-level fields: what Archon refuses is an error; what it warns about and drops is a warning. */

interface WorkflowContext {
  file: string;
  source: SourceLocator;
  errors: WorkflowProblem[];
  warnings: WorkflowProblem[];
}

/** The workflow's own fields; malformed lenient ones are dropped with a warning, as Archon does. */
export function parseWorkflowFields(raw: Record<string, unknown>, ctx: WorkflowContext): WorkflowFields | undefined {
  const kept: Record<string, unknown> = { ...raw };
  const lenient = WORKFLOW_FIELDS as Record<
    string,
    { safeParse: (value: unknown) => { success: boolean; error?: { issues: Array<{ message: string }> } } }
  >;
  for (const key of LENIENT_WORKFLOW_FIELDS) {
    if (kept[key] === undefined) continue;
    const checked = lenient[key]!.safeParse(kept[key]);
    if (checked.success) continue;
    ctx.warnings.push({
      file: ctx.file,
      field: key,
      line: ctx.source.keyLine([], key),
      message: `${checked.error?.issues[0]?.message ?? 'invalid value'}; '${key}' is ignored`,
    });
    delete kept[key];
  }
  const parsed = workflowFieldsSchema(new Set(Object.keys(kept))).safeParse(kept);
  if (!parsed.success) {
    ctx.errors.push(...zodProblems(parsed.error.issues, [], ctx.file, ctx.source, undefined, kept));
    return undefined;
  }
  const fields = parsed.data;
  if (fields.modelReasoningEffort)
    ctx.warnings.push({
      file: ctx.file,
      field: 'modelReasoningEffort',
      line: ctx.source.keyLine([], 'modelReasoningEffort'),
      // Two declared depths and one silently dropped would leave the author guessing which one ran.
      message: fields.effort
        ? `modelReasoningEffort: ${fields.modelReasoningEffort} is ignored: 'effort: ${fields.effort}' is also set and wins; remove one of them`
        : "modelReasoningEffort is deprecated; use 'effort' (it is read as effort)",
    });
  const requires = fields.requires?.filter((requirement) => {
    if (requirement === 'github') return true;
    ctx.warnings.push({
      file: ctx.file,
      field: 'requires',
      line: ctx.source.keyLine([], 'requires'),
      message: `unknown requirement '${requirement}' is ignored (known: github)`,
    });
    return false;
  });
  const provider = fields.provider;
  if (provider) {
    const capabilities = PROVIDER_CAPABILITIES[provider];
    for (const key of ['effort', 'thinking', 'fallbackModel', 'betas', 'sandbox'] as AiOptionKey[])
      if ((fields as Record<string, unknown>)[key] !== undefined && !capabilities.options.has(key))
        ctx.warnings.push({
          file: ctx.file,
          field: key,
          line: ctx.source.keyLine([], key),
          message: `${key} is not supported by provider "${provider}"; nodes on that provider ignore it`,
        });
    // Archon warns of it too: a search mode only codex reads would otherwise do nothing, silently.
    if (fields.webSearchMode !== undefined && provider !== 'codex')
      ctx.warnings.push({
        file: ctx.file,
        field: 'webSearchMode',
        line: ctx.source.keyLine([], 'webSearchMode'),
        message: `webSearchMode is not supported by provider "${provider}" (only codex takes it); nodes on that provider ignore it`,
      });
  }
  return { ...fields, ...(requires ? { requires } : {}), inputs: checkInputs(fields.inputs, ctx) };
}

function checkInputs(inputs: WorkflowFields['inputs'], ctx: WorkflowContext): WorkflowFields['inputs'] {
  if (!inputs) return undefined;
  const at = (message: string) => ({
    file: ctx.file,
    field: 'inputs',
    line: ctx.source.keyLine([], 'inputs'),
    message,
  });
  const envKeys = new Map<string, string>();
  const kept: NonNullable<WorkflowFields['inputs']> = {};
  for (const [name, spec] of Object.entries(inputs)) {
    if (!INPUT_NAME_PATTERN.test(name)) {
      ctx.errors.push(
        at(`invalid input name '${name}'; use letters, digits, '_' or '-', starting with a letter or '_'`),
      );
      continue;
    }
    const key = inputEnvKey(name);
    const clash = envKeys.get(key);
    if (clash) ctx.errors.push(at(`inputs '${clash}' and '${name}' both map to env var '${key}'; rename one`));
    envKeys.set(key, name);
    if (spec.required === true && spec.default !== undefined) {
      ctx.warnings.push(at(`input '${name}' is both required and has a default; the entry is ignored`));
      continue;
    }
    kept[name] = spec;
  }
  return kept;
}

/** `returns:`, `outcome_field:` and pause nodes against the nodes that loaded. */
export function checkWorkflowContract(fields: WorkflowFields, nodes: WorkflowNode[], ctx: WorkflowContext): void {
  const at = (field: string, message: string) => ({
    file: ctx.file,
    field,
    line: ctx.source.keyLine([], field),
    message,
  });
  const returns = fields.returns;
  const target = returns ? nodes.find((node) => node.id === returns) : undefined;
  if (returns && !target && !ctx.errors.some((error) => error.node === returns))
    ctx.errors.push(at('returns', `returns '${returns}', which is not a top-level node of this workflow`));
  if (fields.outcome_field) {
    const field = fields.outcome_field;
    if (!returns)
      ctx.errors.push(at('outcome_field', "outcome_field needs 'returns:' (the node whose output carries it)"));
    else if (target) {
      const schema = outputFormatOf(target);
      const declared = schema ? (declaredFields(schema) ?? []) : [];
      const required = Array.isArray(schema?.required) ? (schema.required as unknown[]) : [];
      const type = schema
        ? (schema.properties as Record<string, { type?: unknown }> | undefined)?.[field]?.type
        : undefined;
      if (!declared.includes(field) || !required.includes(field) || type !== 'boolean')
        ctx.errors.push(
          at(
            'outcome_field',
            `outcome_field '${field}' must be a required boolean property of the output_format of '${returns}'`,
          ),
        );
    }
  }
  const pauses = nodes.some(
    (node) =>
      node.kind === 'approval' ||
      (node.kind === 'loop' && node.loop.interactive) ||
      (node.kind === 'loop_group' && node.loop_group.interactive),
  );
  if (pauses && fields.interactive === undefined)
    ctx.warnings.push(
      at('interactive', 'this workflow can pause (an approval or interactive loop); declare interactive: true'),
    );
}
