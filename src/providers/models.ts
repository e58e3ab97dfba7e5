import type { ProviderName } from './schema.js';

const CLAUDE_ALIASES = new Set(['sonnet', 'opus', 'haiku', 'inherit', 'default', 'opusplan', 'best']);

function looksLikeClaude(model: string): boolean {
  const base = model.replace(/\[[^\]]*\]$/, '').toLowerCase();
  return CLAUDE_ALIASES.has(base) || base.startsWith('claude');
}

function looksLikeOpenAi(model: string): boolean {
  return /^(gpt-|o\d|codex-|chatgpt-)/i.test(model);
}

/**
 * Why a model cannot run on a provider, or undefined when it can. Model names are otherwise not
 * checked: the provider's CLI knows which models exist today.
 */
export function modelProblem(provider: ProviderName, model: string): string | undefined {
  const incompatible = `Model "${model}" is not compatible with provider "${provider}"`;
  switch (provider) {
    case 'claude':
      return looksLikeOpenAi(model)
        ? `${incompatible}; use a Claude model (sonnet, opus, haiku or claude-*)`
        : undefined;
    case 'codex':
      return looksLikeClaude(model) ? `${incompatible}; use an OpenAI model id such as gpt-5.3-codex` : undefined;
    case 'exec':
      return undefined;
  }
}

/** Features each provider honours; the loader warns when a node asks for one its provider ignores. */
export const PROVIDER_CAPABILITIES: Record<ProviderName, { toolRestrictions: boolean; sessions: boolean }> = {
  claude: { toolRestrictions: true, sessions: true },
  codex: { toolRestrictions: false, sessions: true },
  exec: { toolRestrictions: false, sessions: false },
};
