import { existsSync, readdirSync, statSync } from 'node:fs';
import picomatch from 'picomatch';
import { join, relative, resolve } from 'node:path';
import { loadCheckedSeed, NAMED_SEEDS } from '../clones/github/entry.js';
import type { ArchalConfig } from '../config/schema.js';
import { providerOfModel, resolveModelRef } from '../providers/models.js';
import type { ProviderName } from '../providers/schema.js';
import { prepareCriteria } from '../evaluate/criteria.js';
import type { CompiledPhrases } from '../evaluate/phrase-cache.js';
import { parseScenario, parseScenarioFile } from '../scenarios/parse.js';
import type { Scenario, ScenarioProblem } from '../scenarios/schema.js';
import { errorMessage } from '../lib/errors.js';
import type { ProviderRegistry } from '../providers/types.js';
import { capPerFile, visibleControls } from '../lib/text.js';
import { scenarioSeed, seedName, type JudgeConfig } from './run-once.js';
import type { SuiteScenario } from './suite.js';

/** Where scenarios live when neither the command line nor .archal.json says. */
const DEFAULT_SCENARIO_DIRS = ['archal', 'scenarios'];

export interface LoadedScenarios {
  entries: SuiteScenario[];
  errors: ScenarioProblem[];
  warnings: ScenarioProblem[];
  /** Files that were found (before tag filtering). */
  files: string[];
  /** Scenarios whose runs start from a seed the evaluator writes from their `## Setup`. */
  generatedSeeds?: string[];
}

/**
 * The evaluator of a scenario: its own Config over .archal.json (`evaluator`, `evaluatorModel`/`model`).
 * Without a provider, the model's name implies one (claude-…: claude; gpt-…, o3, codex-…: codex), else
 * `assistants.default` when a model is given; a tier (`small`…) or `@alias` resolves as in workflows.
 */
export function evaluatorFor(
  scenario: Pick<Scenario, 'config'>,
  config: ArchalConfig,
): { provider: ProviderName; model?: string } | undefined {
  const own = scenario.config.evaluator;
  const configured = config.evaluator?.model ?? config.evaluatorModel;
  const model = own?.model ?? (own?.provider ? undefined : configured);
  const provider =
    own?.provider ??
    config.evaluator?.provider ??
    (model ? (providerOfModel(model) ?? config.assistants?.default) : undefined);
  if (!provider) return undefined;
  if (!model) return { provider };
  const ref = resolveModelRef(model, provider, {
    tiers: config.assistants?.tiers,
    aliases: config.assistants?.aliases,
  });
  if (ref.kind === 'preset') return { provider: ref.preset.provider, model: ref.preset.model };
  return { provider, model };
}

/** `archal run -m <model>`: the judge's model over the scenarios' and .archal.json's (its provider stays, unless the model implies another). */
export function withEvaluatorModel(config: ArchalConfig, model: string | undefined): ArchalConfig {
  if (!model) return config;
  const implied = providerOfModel(model);
  const provider = config.evaluator?.provider;
  return {
    ...config,
    evaluatorModel: model,
    evaluator: provider && (!implied || implied === provider) ? { provider } : undefined,
  };
}

/** Why a configured judge model has no provider to run it. */
function unrunnableModel(model: string): string {
  return `evaluator model '${model}' is set but no provider runs it${/gemini/i.test(model) ? " (Archal's hosted Gemini judge is not available locally)" : ''}: set "evaluator": {"provider": "claude" | "codex" | "pi" | "opencode" | "copilot" | "exec"} in .archal.json, or name a Claude or OpenAI model`;
}

/** Scenario files from paths (files or directories, searched recursively for .md), or the configured/default places. */
function scenarioFiles(
  paths: readonly string[],
  config: ArchalConfig,
  cwd: string,
): { files: string[]; errors: ScenarioProblem[] } {
  const errors: ScenarioProblem[] = [];
  const configured =
    config.scenarios === undefined ? [] : Array.isArray(config.scenarios) ? config.scenarios : [config.scenarios];
  const roots =
    paths.length > 0
      ? paths
      : configured.length > 0
        ? configured
        : DEFAULT_SCENARIO_DIRS.filter((dir) => existsSync(join(cwd, dir)));
  const files = new Set<string>();
  for (const root of roots) {
    const path = resolve(cwd, root);
    if (!existsSync(path) && isGlob(root)) {
      const matched = globMarkdown(cwd, root);
      if (matched.length === 0)
        errors.push({
          file: path,
          message: `no scenario file matches this pattern${paths.length === 0 ? ' (listed in .archal.json "scenarios")' : ''}`,
        });
      for (const file of matched) files.add(file);
      continue;
    }
    if (!existsSync(path)) {
      errors.push({
        file: path,
        message: `no such file or directory${paths.length === 0 ? ' (listed in .archal.json "scenarios")' : ''}`,
      });
      continue;
    }
    if (statSync(path).isDirectory()) for (const file of markdownUnder(path)) files.add(file);
    else files.add(path);
  }
  return { files: [...files].sort(), errors };
}

function markdownUnder(dir: string): string[] {
  return visibleEntries(dir)
    .filter(isScenarioFile)
    .map((entry) => join(dir, entry));
}

/** Every entry under `dir`, relative to it, minus hidden ones and node_modules. */
function visibleEntries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (entry) => !entry.split(/[\\/]/).some((part) => part.startsWith('.') || part === 'node_modules'),
  );
}

/** A markdown file that is not a folder's README. */
const isScenarioFile = (entry: string) => entry.endsWith('.md') && !/(^|[\\/])README\.md$/i.test(entry);

const isGlob = (path: string) => /[*?[]/.test(path);

/**
 * The scenario files a glob names (`scenarios/*.md`; `suites/*`, where a directory it matches counts
 * with its scenarios; `**` for any depth), as .archal.json lists, Action inputs and quoted arguments
 * give them: no shell expands those. `*` and `?` stay within one path segment, `**` spans any number.
 */
function globMarkdown(cwd: string, pattern: string): string[] {
  const segments = pattern.split(/[\\/]+/);
  const fixed = segments.findIndex(isGlob);
  const base = resolve(cwd, ...segments.slice(0, fixed));
  if (!existsSync(base) || !statSync(base).isDirectory()) return [];
  const matcher = picomatch(segments.slice(fixed).join('/'), { dot: false });
  const matched = new Set<string>();
  for (const entry of visibleEntries(base)) {
    if (!matcher(entry.split(/[\\/]/).join('/'))) continue;
    const path = join(base, entry);
    if (statSync(path).isDirectory()) for (const file of markdownUnder(path)) matched.add(file);
    else if (isScenarioFile(entry)) matched.add(path);
  }
  return [...matched];
}

/**
 * Parses scenarios and decides how each criterion is checked, reporting every problem a run would
 * hit (unparseable files, [D] criteria nothing can check, unknown seeds) before anything runs.
 */
export function loadScenarios(
  paths: readonly string[],
  options: {
    config: ArchalConfig;
    cwd: string;
    tags?: readonly string[];
    /** A seed is given for every run (`--seed`, `--replay-seed`): Setup sections are not turned into seeds. */
    seeded?: boolean;
    /** The judge's model over every other setting (`archal run -m`). */
    evaluatorModel?: string;
    /** One scenario given as text (`archal run --task`) instead of files. */
    inline?: { file: string; text: string };
    /** What earlier processes compiled of the criteria's phrases. */
    phrases?: CompiledPhrases;
  },
): LoadedScenarios {
  const { cwd } = options;
  const config = withEvaluatorModel(options.config, options.evaluatorModel);
  const found = options.inline ? { files: [options.inline.file], errors: [] } : scenarioFiles(paths, config, cwd);
  const errors = [...found.errors];
  const warnings: ScenarioProblem[] = [];
  const entries: SuiteScenario[] = [];
  /** Scenarios whose `## Setup` becomes a seed (there is an evaluator to write it), and those left empty. */
  const generated: string[] = [];
  const unseeded: string[] = [];
  // `--tag a,b` is `--tag a --tag b`, as a scenario's `tags:` is a comma list; tags match in any case.
  const wanted = (options.tags ?? [])
    .flatMap((tag) => tag.split(','))
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
  const configModel = config.evaluator?.model ?? config.evaluatorModel;
  if (configModel && !evaluatorFor({ config: { clones: [], timeout: 1, runs: 1, tags: [], routing: 'env' } }, config))
    warnings.push({ file: join(cwd, '.archal.json'), message: unrunnableModel(configModel) });
  // The default seed of every scenario without its own: checked once, before any run, like --seed.
  const configSeed = options.seeded ? undefined : configSeedProblem(config, cwd);
  if (configSeed) errors.push({ file: join(cwd, '.archal.json'), message: `seeds.github: ${configSeed}` });
  for (const file of found.files) {
    const parseOptions = {
      defaultClones: config.clones,
      defaultRuns: config.runs,
      defaultTimeout: config.timeout,
      defaultRouting: config.routing,
    };
    const parsed = options.inline
      ? parseScenario(options.inline.text, file, parseOptions)
      : parseScenarioFile(file, parseOptions);
    warnings.push(...parsed.warnings);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    const { scenario } = parsed;
    if (wanted.length > 0 && !scenario.config.tags.some((tag) => wanted.includes(tag.toLowerCase()))) continue;
    if (options.evaluatorModel) scenario.config = { ...scenario.config, evaluator: undefined };
    const evaluator = evaluatorFor(scenario, config);
    const prepared = prepareCriteria(scenario, { evaluator: evaluator !== undefined, phrases: options.phrases });
    errors.push(...prepared.errors);
    warnings.push(...prepared.warnings);
    errors.push(...seedProblems(scenario, cwd));
    if (scenario.config.evaluator?.model && !evaluator)
      warnings.push({ file, message: unrunnableModel(scenario.config.evaluator.model) });
    if (scenario.setup && !scenario.config.seed && !scenario.seedState && !config.seeds?.github && !options.seeded) {
      if (evaluator) generated.push(file);
      else unseeded.push(file);
    }
    entries.push({
      scenario,
      criteria: prepared.criteria,
      warnings: [...parsed.warnings, ...prepared.warnings].map(
        (warning) => `${warning.line ? `line ${warning.line}: ` : ''}${warning.message}`,
      ),
    });
  }
  if (unseeded.length > 0)
    warnings.push({
      file: unseeded[0]!,
      message: `${unseeded.length === 1 ? "this scenario's '## Setup' describes" : `${unseeded.length} scenarios' '## Setup' sections describe`} starting state, but there is no seed and no evaluator to generate one from it: ${unseeded.length === 1 ? 'its clone starts' : 'their clones start'} empty. Give a seed ('seed:' in Config, '## Seed State', --seed, .archal.json "seeds") or an evaluator (.archal.json "evaluator") to generate seeds from Setup${unseeded.length > 1 ? ` (${unseeded.map((entry) => relative(cwd, entry) || entry).join(', ')})` : ''}`,
    });
  return { entries, errors, warnings, files: found.files, generatedSeeds: generated };
}

/**
 * What is wrong with `.archal.json` `seeds.github`, the seed of every scenario that names none: it
 * must be a named seed, or a seed file inside the repository (relative to it) that loads and validates.
 */
export function configSeedProblem(config: ArchalConfig, cwd: string): string | undefined {
  const configured = config.seeds?.github;
  return configured === undefined ? undefined : seedLoadProblem(seedName(configured), cwd, cwd);
}

/**
 * Why a seed cannot be used, or undefined. A named seed is Archal's own and known to apply: its name
 * is the only thing to check here, and it is parsed when the clone is seeded (while the agent starts).
 */
function seedLoadProblem(seed: Parameters<typeof loadCheckedSeed>[0], base: string, root: string): string | undefined {
  if (typeof seed === 'string' && (NAMED_SEEDS as readonly string[]).includes(seed)) return undefined;
  try {
    loadCheckedSeed(seed, base, { root });
    return undefined;
  } catch (error) {
    return errorMessage(error);
  }
}

function seedProblems(scenario: Scenario, cwd: string): ScenarioProblem[] {
  if (scenario.seedState && scenario.config.seed)
    return [{ file: scenario.file, message: "use either 'seed:' in Config or a '## Seed State' block, not both" }];
  const { seed, base, own } = scenarioSeed(scenario, { cwd });
  const problem = own ? seedLoadProblem(seed, base, cwd) : undefined;
  if (problem === undefined) return [];
  return [
    {
      file: scenario.file,
      ...(scenario.seedLine !== undefined ? { line: scenario.seedLine } : {}),
      message: `seed: ${problem}`,
    },
  ];
}

export function displayFile(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** `file:line: message`, with the file relative to the working directory when it is under it (control characters named). */
export function formatScenarioProblem(entry: ScenarioProblem, cwd: string): string {
  return visibleControls(`${displayFile(entry.file, cwd)}${entry.line ? `:${entry.line}` : ''}: ${entry.message}`);
}

/** How many problems of one file are listed before the rest are counted (a broken file can have thousands). */
export const LISTED_PROBLEMS_PER_FILE = 20;

/** One problem per indented line, at most `LISTED_PROBLEMS_PER_FILE` of each file, then how many more it has. */
export function formatScenarioProblems(entries: readonly ScenarioProblem[], cwd: string): string {
  return capPerFile(entries, (entry) => entry.file, LISTED_PROBLEMS_PER_FILE)
    .map((item) =>
      item.kind === 'item'
        ? `  ${formatScenarioProblem(item.value, cwd)}`
        : `  … and ${item.more} more problem${item.more === 1 ? '' : 's'} in ${visibleControls(displayFile(item.file, cwd))}`,
    )
    .join('\n');
}

/** Each scenario's judge: its evaluator (its own Config over .archal.json), with the provider to run it. */
export function judgeResolver(
  config: ArchalConfig,
  providers: ProviderRegistry,
  evaluatorModel?: string,
): (scenario: Scenario) => JudgeConfig | undefined {
  const effective = withEvaluatorModel(config, evaluatorModel);
  return (scenario) => {
    const evaluator = evaluatorFor(
      evaluatorModel ? { config: { ...scenario.config, evaluator: undefined } } : scenario,
      effective,
    );
    return (
      evaluator && { providerName: evaluator.provider, provider: providers(evaluator.provider), model: evaluator.model }
    );
  };
}
