import { join } from 'node:path';
import { didYouMean } from '../lib/did-you-mean.js';
import { INPUT_LIMITS, readInputFile } from '../lib/input-file.js';
import {
  MODEL_PRESET_KEYS,
  modelPresetSchema,
  PROVIDER_NAMES,
  TIER_NAMES,
  type ModelPreset,
  type ProviderName,
  type TierName,
} from '../providers/schema.js';
import type { WorkflowProblem } from '../workflows/problems.js';
import { parseYaml, type SourceLocator } from '../workflows/yaml-source.js';
import { isRecord } from '../lib/is-record.js';

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
  /** Tiers and aliases defined but unusable (no valid provider or model), by name: why, naming file and key. */
  invalidPresets: Record<string, string>;
  docsPath?: string;
  baseBranch?: string;
  /** `commands.folder`: a further command folder of the repository, searched after `.archon/commands/defaults/`. */
  commandFolder?: string;
  /** What in these files is ignored or unusable, with file, key and line. */
  problems: WorkflowProblem[];
}

export function readArchonSettings(repo: string, userHome: string | undefined): ArchonSettings {
  const settings: ArchonSettings = { models: {}, tiers: {}, aliases: {}, invalidPresets: {}, problems: [] };
  // The user's file first, the repository's over it.
  for (const file of [userHome && join(userHome, '.archon', 'config.yaml'), join(repo, '.archon', 'config.yaml')]) {
    if (file) merge(settings, file);
  }
  return settings;
}

function merge(settings: ArchonSettings, file: string): void {
  // A repository's file: a FIFO or a device in its place must be refused, never waited on.
  const read = readInputFile(file, { maxBytes: INPUT_LIMITS.config, strictUtf8: true });
  if (!read.ok) {
    if (read.problem !== 'missing')
      settings.problems.push({ file, message: `${read.message.replace(file, 'it')}; its settings are ignored` });
    return;
  }
  const text = read.text;
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    for (const error of parsed.errors)
      settings.problems.push({ file, line: error.line, message: `${error.message}; its settings are ignored` });
    return;
  }
  if (!isRecord(parsed.value)) {
    // An empty file sets nothing; anything else that is not a mapping was meant to set something.
    if (parsed.value !== null && parsed.value !== undefined)
      settings.problems.push({
        file,
        message: `it is ${Array.isArray(parsed.value) ? 'a list' : `a ${typeof parsed.value}`}, not a mapping of settings (assistant, tiers, aliases, docs, worktree, commands); its settings are ignored`,
      });
    return;
  }
  const raw = parsed.value;
  const presets = new PresetReader(settings, file, parsed.source);
  const assistant = raw.assistant ?? raw.defaultAssistant;
  if (isProvider(assistant)) settings.assistant = assistant;
  if (isRecord(raw.assistants))
    for (const [provider, value] of Object.entries(raw.assistants))
      if (isProvider(provider) && isRecord(value) && typeof value.model === 'string')
        settings.models[provider] = value.model;
  if (isRecord(raw.tiers))
    for (const [tier, value] of Object.entries(raw.tiers)) {
      if (!(TIER_NAMES as readonly string[]).includes(tier)) {
        presets.report(
          ['tiers'],
          tier,
          `tier '${tier}' is not a model tier (${TIER_NAMES.join(', ')}); it is ignored.${didYouMean(tier, TIER_NAMES)}`,
        );
        continue;
      }
      presets.read('tiers', tier, value, (preset) => (settings.tiers[tier as TierName] = preset));
    }
  if (isRecord(raw.aliases))
    for (const [alias, value] of Object.entries(raw.aliases)) {
      if (!alias.startsWith('@')) {
        presets.report(
          ['aliases'],
          alias,
          `alias '${alias}' must start with '@' (e.g. '@${alias}'; small, medium and large are tiers: set them under tiers:); it is ignored`,
        );
        continue;
      }
      presets.read('aliases', alias, value, (preset) => (settings.aliases[alias] = preset));
    }
  if (isRecord(raw.docs) && typeof raw.docs.path === 'string') settings.docsPath = raw.docs.path;
  if (isRecord(raw.commands) && typeof raw.commands.folder === 'string' && raw.commands.folder.trim())
    settings.commandFolder = raw.commands.folder.trim();
  if (isRecord(raw.worktree) && typeof raw.worktree.baseBranch === 'string')
    settings.baseBranch = raw.worktree.baseBranch;
}

/**
 * Reads tier and alias presets as Archon does, reporting what it cannot use instead of dropping it:
 * a key that is not a preset key, or an `effort`/`thinking` value that is not valid, is ignored with
 * a warning (the preset still works); a preset without a valid provider and model cannot be used,
 * and a node that names it gets an error saying why.
 */
class PresetReader {
  constructor(
    private readonly settings: ArchonSettings,
    private readonly file: string,
    private readonly source: SourceLocator,
  ) {}

  report(path: string[], key: string, message: string): void {
    const field = [...path, key].join('.');
    // A missing key has no line: the entry's own key has one.
    const line = this.source.keyLine(path, key) ?? this.source.keyLine(path.slice(0, -1), path.at(-1) ?? '');
    this.settings.problems.push({ file: this.file, field, line, message });
  }

  read(section: 'tiers' | 'aliases', name: string, value: unknown, accept: (preset: ModelPreset) => void): void {
    const what = `${section === 'tiers' ? 'tier' : 'alias'} '${name}'`;
    const unusable = (reason: string) => {
      this.settings.invalidPresets[name] = `it ${reason} (${this.file}, ${section}.${name})`;
      if (section === 'tiers') delete this.settings.tiers[name as TierName];
      else delete this.settings.aliases[name];
    };
    if (!isRecord(value)) {
      const reason = 'must be a mapping with provider and model';
      this.report([section], name, `${what} ${reason}; it cannot be used`);
      return unusable(reason);
    }
    const entry: Record<string, unknown> = { ...value };
    for (const key of Object.keys(entry)) {
      if ((MODEL_PRESET_KEYS as readonly string[]).includes(key)) continue;
      this.report(
        [section, name],
        key,
        `'${key}' is not a key of a model preset (${MODEL_PRESET_KEYS.join(', ')}); it is ignored.${didYouMean(key, MODEL_PRESET_KEYS)}`,
      );
      delete entry[key];
    }
    let parsed = modelPresetSchema.safeParse(entry);
    if (!parsed.success) {
      const reasons: string[] = [];
      for (const key of new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')))) {
        const value = entry[key];
        if (key === 'effort' || key === 'thinking') {
          const message = parsed.error.issues.find((issue) => String(issue.path[0] ?? '') === key)!.message;
          this.report([section, name], key, `${what}: ${message}; '${key}' is ignored`);
          delete entry[key];
          continue;
        }
        const reason =
          key === 'provider'
            ? value === undefined
              ? `needs a 'provider' (one of ${PROVIDER_NAMES.join(', ')})`
              : `needs a valid 'provider': ${JSON.stringify(value)} is not one of ${PROVIDER_NAMES.join(', ')}.${typeof value === 'string' ? didYouMean(value, PROVIDER_NAMES) : ''}`
            : value === undefined
              ? `needs a '${key}'`
              : `needs a valid '${key}' (a non-empty model name, not ${JSON.stringify(value)})`;
        this.report([section, name], key, `${what} ${reason}; it cannot be used`);
        reasons.push(reason);
      }
      if (reasons.length > 0) return unusable(reasons.join('; '));
      parsed = modelPresetSchema.safeParse(entry);
      if (!parsed.success) return unusable('is not a valid model preset');
    }
    delete this.settings.invalidPresets[name];
    accept(parsed.data);
  }
}

function isProvider(value: unknown): value is ProviderName {
  return typeof value === 'string' && (PROVIDER_NAMES as readonly string[]).includes(value);
}
