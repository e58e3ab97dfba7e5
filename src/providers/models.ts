import {
  EFFORT_LEVELS,
  TIER_NAMES,
  type EffortLevel,
  type ModelPreset,
  type ProviderName,
  type TierName,
} from './schema.js';

const CLAUDE_ALIASES = new Set(['sonnet', 'opus', 'haiku', 'inherit', 'default', 'opusplan', 'best']);

function looksLikeClaude(model: string): boolean {
  const base = model.replace(/\[[^\]]*\]$/, '').toLowerCase();
  return CLAUDE_ALIASES.has(base) || base.startsWith('claude');
}

function looksLikeOpenAi(model: string): boolean {
  return /^(gpt-|o\d|codex-|chatgpt-)/i.test(model);
}

/** The provider a model name implies (claude-…/sonnet → claude, gpt-…/o3/codex-… → codex), if any. */
export function providerOfModel(model: string): ProviderName | undefined {
  if (looksLikeClaude(model)) return 'claude';
  if (looksLikeOpenAi(model)) return 'codex';
  return undefined;
}

/**
 * Why a model cannot run on a provider, or undefined when it can. Model names are otherwise not
 * checked: the provider's CLI knows which models exist today.
 */
export function modelProblem(provider: ProviderName, model: string): string | undefined {
  const incompatible = `Model "${model}" is not compatible with provider "${provider}"`;
  switch (provider) {
    case 'claude':
      return looksLikeOpenAi(model) || model.includes('/')
        ? `${incompatible}; use a Claude model (sonnet, opus, haiku or claude-*)`
        : undefined;
    case 'codex':
      return looksLikeClaude(model) ? `${incompatible}; use an OpenAI model id such as gpt-5.3-codex` : undefined;
    case 'pi':
    case 'opencode':
    case 'copilot':
    case 'exec':
      return undefined;
  }
}

/** The node settings a provider's CLI may be given (see ProviderRequest.options). */
export const AI_OPTION_KEYS = [
  'effort',
  'thinking',
  'hooks',
  'mcp',
  'skills',
  'agents',
  'systemPrompt',
  'fallbackModel',
  'settingSources',
  'betas',
  'sandbox',
  'maxBudgetUsd',
  'pi',
] as const;
export type AiOptionKey = (typeof AI_OPTION_KEYS)[number];

export interface ProviderCapabilities {
  /** allowed_tools / denied_tools are enforced. */
  toolRestrictions: boolean;
  /** A session can be continued (context, loops, persist_session). */
  sessions: boolean;
  /** A session can be forked (context: {resume: node}). */
  fork: boolean;
  /** How output_format is obtained: the CLI constrains the answer, or the schema is asked for in the prompt and checked. */
  structuredOutput: 'enforced' | 'best-effort';
  /** The node settings the CLI honours; the loader warns about the others. */
  options: ReadonlySet<AiOptionKey>;
  /** Reasoning depths the CLI accepts; others are clamped to the nearest one. */
  efforts: readonly EffortLevel[];
}

/** Features each provider honours through its CLI; the loader warns when a node asks for one its provider ignores. */
export const PROVIDER_CAPABILITIES: Record<ProviderName, ProviderCapabilities> = {
  claude: {
    toolRestrictions: true,
    sessions: true,
    fork: true,
    structuredOutput: 'enforced',
    options: new Set<AiOptionKey>([
      'effort',
      'thinking',
      'hooks',
      'mcp',
      'skills',
      'agents',
      'systemPrompt',
      'fallbackModel',
      'settingSources',
      'betas',
      'sandbox',
      'maxBudgetUsd',
    ]),
    efforts: ['low', 'medium', 'high', 'xhigh', 'max'],
  },
  codex: {
    toolRestrictions: false,
    sessions: true,
    fork: false,
    structuredOutput: 'enforced',
    options: new Set<AiOptionKey>(['effort', 'mcp', 'systemPrompt']),
    efforts: ['minimal', 'low', 'medium', 'high', 'xhigh'],
  },
  pi: {
    toolRestrictions: true,
    sessions: true,
    fork: false,
    structuredOutput: 'best-effort',
    options: new Set<AiOptionKey>(['effort', 'thinking', 'skills', 'systemPrompt', 'pi']),
    efforts: ['minimal', 'low', 'medium', 'high', 'xhigh'],
  },
  opencode: {
    toolRestrictions: false,
    sessions: true,
    fork: false,
    structuredOutput: 'best-effort',
    options: new Set<AiOptionKey>(['effort', 'systemPrompt', 'agents']),
    efforts: ['minimal', 'low', 'medium', 'high', 'xhigh', 'max'],
  },
  copilot: {
    toolRestrictions: true,
    sessions: true,
    fork: false,
    structuredOutput: 'best-effort',
    options: new Set<AiOptionKey>(['effort', 'mcp', 'systemPrompt']),
    efforts: ['minimal', 'low', 'medium', 'high', 'xhigh', 'max'],
  },
  exec: {
    toolRestrictions: false,
    sessions: false,
    fork: false,
    structuredOutput: 'enforced',
    options: new Set<AiOptionKey>(['systemPrompt']),
    efforts: [],
  },
};

/** The rung a provider accepts nearest to the one asked for: weaker first, then stronger. */
export function clampEffort(effort: EffortLevel, supported: readonly EffortLevel[]): EffortLevel | undefined {
  if (supported.includes(effort)) return effort;
  const index = EFFORT_LEVELS.indexOf(effort);
  for (let i = index - 1; i >= 0; i--) if (supported.includes(EFFORT_LEVELS[i]!)) return EFFORT_LEVELS[i];
  for (let i = index + 1; i < EFFORT_LEVELS.length; i++)
    if (supported.includes(EFFORT_LEVELS[i]!)) return EFFORT_LEVELS[i];
  return undefined;
}

/** What each tier means on each provider when the configuration does not say (the tiers Archon ships). */
export const TIER_DEFAULTS: Partial<Record<ProviderName, Record<TierName, { model: string; effort?: EffortLevel }>>> = {
  claude: { small: { model: 'haiku' }, medium: { model: 'sonnet' }, large: { model: 'opus' } },
  codex: {
    small: { model: 'gpt-5.5', effort: 'minimal' },
    medium: { model: 'gpt-5.5', effort: 'medium' },
    large: { model: 'gpt-5.5', effort: 'high' },
  },
  pi: {
    small: { model: 'anthropic/claude-haiku-4-5' },
    medium: { model: 'anthropic/claude-sonnet-4-6' },
    large: { model: 'anthropic/claude-opus-4-7' },
  },
  copilot: { small: { model: 'gpt-5-mini' }, medium: { model: 'gpt-5' }, large: { model: 'claude-sonnet-4.5' } },
  opencode: {
    small: { model: 'anthropic/claude-haiku-4-5' },
    medium: { model: 'anthropic/claude-sonnet-4-6' },
    large: { model: 'anthropic/claude-opus-4-7' },
  },
};

export function isTierName(value: string): value is TierName {
  return (TIER_NAMES as readonly string[]).includes(value);
}

/** Configured tiers and aliases (from .archal.json `assistants`, over .archon/config.yaml). */
export interface ModelProfile {
  tiers?: Partial<Record<TierName, ModelPreset>>;
  aliases?: Record<string, ModelPreset>;
  /** Tiers and aliases a configuration defines but cannot use, by name: why, naming the file and the key. */
  invalid?: Record<string, string>;
}

export type ModelRef =
  | { kind: 'literal'; model: string }
  | { kind: 'preset'; preset: ModelPreset; ref: string }
  | { kind: 'error'; message: string };

/**
 * What a workflow's `model:` means on `provider`: a tier (`small`, `medium`, `large`) or an alias
 * (`@name`) becomes a provider, a model and perhaps a reasoning depth; anything else is a model id.
 * A configured tier or alias names its own provider; an unconfigured tier takes the provider's
 * built-in model for it, so a tier keyword never reaches a CLI that does not know it.
 */
export function resolveModelRef(ref: string, provider: ProviderName, profile: ModelProfile = {}): ModelRef {
  const invalid = profile.invalid?.[ref];
  if (invalid !== undefined)
    return {
      kind: 'error',
      message: `model ${isTierName(ref) ? 'tier' : 'alias'} '${ref}' cannot be used: ${invalid}`,
    };
  if (isTierName(ref)) {
    const configured = profile.tiers?.[ref];
    if (configured) return { kind: 'preset', preset: configured, ref };
    const builtIn = TIER_DEFAULTS[provider]?.[ref];
    if (builtIn) return { kind: 'preset', preset: { provider, ...builtIn }, ref };
    return {
      kind: 'error',
      message: `model tier '${ref}' has no model for provider "${provider}"; set assistants.tiers.${ref} ({"provider", "model"}) in .archal.json`,
    };
  }
  if (ref.startsWith('@')) {
    const alias = profile.aliases?.[ref];
    if (alias) return { kind: 'preset', preset: alias, ref };
    const defined = Object.keys(profile.aliases ?? {});
    return {
      kind: 'error',
      message: `unknown model alias '${ref}'; defined aliases: ${defined.length > 0 ? defined.join(', ') : 'none'} (define it in assistants.aliases of .archal.json, or aliases: in .archon/config.yaml)`,
    };
  }
  return { kind: 'literal', model: ref };
}
