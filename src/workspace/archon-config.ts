import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROVIDER_NAMES, TIER_NAMES, type ModelPreset, type ProviderName, type TierName } from '../providers/schema.js';
import { modelPresetSchema } from '../providers/schema.js';

/**
 * The parts of Archon's `.archon/config.yaml` (in the repository, and `~/.archon/config.yaml`) that
 * workflow files rely on: the default assistant and its models, model tiers and `@aliases`, the
 * docs directory and the base branch. So a `.archon/` folder dropped into a repository runs as it
 * did; `.archal.json` wins wherever both say something.
 */
export interface ArchonSettings {
  assistant?: ProviderName;
  models: Partial<Record<ProviderName, string>>;
  tiers: Partial<Record<TierName, ModelPreset>>;
  aliases: Record<string, ModelPreset>;
  docsPath?: string;
  baseBranch?: string;
  /** `commands.folder`: a further command folder of the repository, searched after `.archon/commands/defaults/`. */
  commandFolder?: string;
}

export function readArchonSettings(repo: string, userHome: string | undefined): ArchonSettings {
  const settings: ArchonSettings = { models: {}, tiers: {}, aliases: {} };
  // The user's file first, the repository's over it.
  for (const file of [userHome && join(userHome, '.archon', 'config.yaml'), join(repo, '.archon', 'config.yaml')]) {
    if (file) merge(settings, readYaml(file));
  }
  return settings;
}

function readYaml(file: string): Record<string, unknown> {
  try {
    const text = readFileSync(file, 'utf8');
    if (text.length > 256 * 1024) return {};
    const value: unknown = parse(text, { maxAliasCount: 100 });
    return isRecord(value) ? value : {};
  } catch {
    return {};
  }
}

function merge(settings: ArchonSettings, raw: Record<string, unknown>): void {
  const assistant = raw.assistant ?? raw.defaultAssistant;
  if (isProvider(assistant)) settings.assistant = assistant;
  if (isRecord(raw.assistants))
    for (const [provider, value] of Object.entries(raw.assistants))
      if (isProvider(provider) && isRecord(value) && typeof value.model === 'string')
        settings.models[provider] = value.model;
  if (isRecord(raw.tiers))
    for (const [tier, value] of Object.entries(raw.tiers)) {
      const preset = modelPresetSchema.safeParse(value);
      if ((TIER_NAMES as readonly string[]).includes(tier) && preset.success)
        settings.tiers[tier as TierName] = preset.data;
    }
  if (isRecord(raw.aliases))
    for (const [alias, value] of Object.entries(raw.aliases)) {
      const preset = modelPresetSchema.safeParse(value);
      if (alias.startsWith('@') && preset.success) settings.aliases[alias] = preset.data;
    }
  if (isRecord(raw.docs) && typeof raw.docs.path === 'string') settings.docsPath = raw.docs.path;
  if (isRecord(raw.commands) && typeof raw.commands.folder === 'string' && raw.commands.folder.trim())
    settings.commandFolder = raw.commands.folder.trim();
  if (isRecord(raw.worktree) && typeof raw.worktree.baseBranch === 'string')
    settings.baseBranch = raw.worktree.baseBranch;
}

function isProvider(value: unknown): value is ProviderName {
  return typeof value === 'string' && (PROVIDER_NAMES as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
