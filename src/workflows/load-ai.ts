import { modelProblem, PROVIDER_CAPABILITIES, resolveModelRef, type AiOptionKey } from '../providers/models.js';
import type { ProviderName } from '../providers/schema.js';
import type { AiOptions } from '../providers/types.js';
import type { Problem } from './load-helpers.js';
import type { NodeContext } from './load-node.js';
import type { AiResolution } from './model.js';
import type { PromptNodeFields } from './schema.js';

type AiFields = Partial<
  Pick<
    PromptNodeFields,
    | 'provider'
    | 'model'
    | 'allowed_tools'
    | 'denied_tools'
    | 'exec'
    | 'context'
    | 'effort'
    | 'thinking'
    | 'hooks'
    | 'mcp'
    | 'skills'
    | 'agents'
    | 'pi'
    | 'maxBudgetUsd'
    | 'systemPrompt'
    | 'fallbackModel'
    | 'settingSources'
    | 'betas'
    | 'sandbox'
    | 'persist_session'
  >
>;

const WHY_UNSUPPORTED: Partial<Record<AiOptionKey, string>> = {
  hooks: 'only Claude Code runs hooks',
  agents: 'only Claude Code takes inline sub-agents (--agents)',
  sandbox: "it is Claude Code's sandbox setting",
  settingSources: "it is Claude Code's setting",
  betas: 'only Claude Code sends beta headers',
  fallbackModel: 'only Claude Code has a fallback model',
  maxBudgetUsd: 'only Claude Code caps spend per call',
  mcp: 'its CLI takes no MCP server configuration from Archal',
  skills: 'its CLI takes no skill list',
  thinking: 'its CLI has no thinking control',
  effort: 'its CLI has no reasoning-effort control',
  pi: "it is the pi provider's setting",
};

/**
 * Provider, model and settings of an AI node: node, then workflow, then .archal.json, then the
 * built-in default. A tier (`small`…) or alias (`@name`) becomes a concrete provider and model; a
 * setting the provider's CLI cannot honour is a warning naming the node and the key, and is dropped.
 * `unchecked` names the node's fields whose values were invalid (and reported): with the provider
 * among them, nothing that depends on the provider is checked, as the one used instead is not the
 * one the node asked for.
 */
export function resolveAi(
  fields: AiFields,
  ctx: NodeContext,
  problem: Problem,
  kind: string,
  unchecked?: ReadonlySet<string>,
): AiResolution {
  const workflow = ctx.workflow;
  const workflowProvider = workflow?.provider ?? ctx.defaults.provider;
  let provider: ProviderName = fields.provider ?? ctx.inherited?.provider ?? workflowProvider;
  if (unchecked?.has('provider')) return { provider, options: {}, persistSession: false };
  const inheritedModel = fields.model ?? ctx.inherited?.model;
  const modelRef = inheritedModel ?? (workflow?.model && provider === workflowProvider ? workflow.model : undefined);
  let model: string | undefined;
  let preset: Pick<AiOptions, 'effort' | 'thinking'> = {};
  let resolvedRef: string | undefined;
  if (modelRef !== undefined) {
    const ref = resolveModelRef(modelRef, provider, ctx.defaults.profile);
    switch (ref.kind) {
      case 'error':
        ctx.errors.push(problem(ref.message, fields.model !== undefined ? 'model' : undefined));
        break;
      case 'preset':
        if (ref.preset.provider !== provider && fields.provider !== undefined)
          ctx.warnings.push(
            problem(
              `sets provider '${fields.provider}' but model '${modelRef}' resolves to provider '${ref.preset.provider}'; '${ref.preset.provider}' is used`,
              'model',
            ),
          );
        provider = ref.preset.provider;
        model = ref.preset.model;
        preset = { effort: ref.preset.effort, thinking: ref.preset.thinking };
        resolvedRef = modelRef;
        break;
      case 'literal': {
        model = ref.model;
        const incompatible = modelProblem(provider, model);
        if (incompatible) ctx.errors.push(problem(incompatible, fields.model !== undefined ? 'model' : undefined));
      }
    }
  } else model = ctx.defaults.models[provider];

  if (provider === 'exec' && !fields.exec && !unchecked?.has('exec') && !workflow?.exec && !ctx.defaults.exec)
    ctx.errors.push(
      problem(
        'provider "exec" needs a command: set exec.command on the node or the workflow, or assistants.exec.command in .archal.json',
        'provider',
      ),
    );

  const capabilities = PROVIDER_CAPABILITIES[provider];
  if (!capabilities.toolRestrictions)
    for (const field of ['allowed_tools', 'denied_tools'] as const)
      if (fields[field] !== undefined)
        ctx.warnings.push(
          problem(
            `${field} is not supported by provider "${provider}" (its CLI has no tool restrictions); it is ignored`,
            field,
          ),
        );

  const requested: AiOptions = {
    effort: fields.effort ?? workflow?.effort ?? preset.effort ?? workflow?.modelReasoningEffort,
    thinking: fields.thinking ?? workflow?.thinking ?? preset.thinking,
    hooks: fields.hooks as AiOptions['hooks'],
    mcp: fields.mcp,
    skills: fields.skills,
    agents: fields.agents,
    pi: fields.pi,
    maxBudgetUsd: fields.maxBudgetUsd,
    systemPrompt: fields.systemPrompt,
    fallbackModel: fields.fallbackModel ?? workflow?.fallbackModel,
    settingSources: fields.settingSources,
    betas: fields.betas ?? workflow?.betas,
    sandbox: fields.sandbox ?? workflow?.sandbox,
  };
  const options: AiOptions = {};
  for (const [key, value] of Object.entries(requested) as Array<[AiOptionKey, unknown]>) {
    if (value === undefined) continue;
    const own = (fields as Record<string, unknown>)[key] !== undefined;
    // A setting the node's model preset brings is the node's as much as one it writes.
    const fromPreset =
      !own && (key === 'effort' || key === 'thinking') && workflow?.[key] === undefined && preset[key] !== undefined;
    if (capabilities.options.has(key)) {
      (options as Record<string, unknown>)[key] = value;
    } else if (own || fromPreset) {
      // Workflow-wide defaults a provider cannot take are reported once, for the workflow.
      ctx.warnings.push(
        problem(
          `${key}${fromPreset ? ` (from model '${resolvedRef}')` : ''} is not supported by provider "${provider}" (${WHY_UNSUPPORTED[key] ?? 'its CLI cannot take it'}); it is ignored`,
          fromPreset ? 'model' : key,
        ),
      );
    }
  }

  let resumeFrom: string | undefined;
  if (typeof fields.context === 'object' && fields.context !== null) {
    if (kind !== 'command' && kind !== 'prompt')
      ctx.errors.push(problem("'context.resume' is only supported on command and prompt nodes", 'context'));
    else if (!capabilities.fork)
      ctx.errors.push(
        problem(
          `'context.resume' needs a provider that can fork a session; "${provider}" cannot (use claude, or context: fresh)`,
          'context',
        ),
      );
    else resumeFrom = fields.context.resume;
  }
  const persistSession =
    (fields.persist_session ?? (kind === 'command' || kind === 'prompt' ? workflow?.persist_sessions : undefined)) ===
    true;
  if (persistSession && !capabilities.sessions)
    ctx.warnings.push(
      problem(
        `persist_session is not supported by provider "${provider}" (it has no sessions); it is ignored`,
        'persist_session',
      ),
    );
  return {
    provider,
    ...(model === undefined ? {} : { model }),
    ...(resolvedRef ? { modelRef: resolvedRef } : {}),
    options,
    ...(resumeFrom ? { resumeFrom } : {}),
    persistSession: persistSession && capabilities.sessions,
  };
}
