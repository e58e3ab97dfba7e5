import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadSeed } from '../clones/github/index.js';
import type { ArchalConfig } from '../config/schema.js';
import type { ProviderName } from '../providers/schema.js';
import { prepareCriteria } from '../evaluate/criteria.js';
import { parseScenarioFile } from '../scenarios/parse.js';
import type { Scenario, ScenarioProblem } from '../scenarios/schema.js';
import { errorMessage } from '../lib/errors.js';
import type { ProviderRegistry } from '../providers/types.js';
import { scenarioSeed, type JudgeConfig } from './run-once.js';
import type { SuiteScenario } from './suite.js';

/** Where scenarios live when neither the command line nor .archal.json says. */
const DEFAULT_SCENARIO_DIRS = ['archal', 'scenarios'];

export interface LoadedScenarios {
  entries: SuiteScenario[];
  errors: ScenarioProblem[];
  warnings: ScenarioProblem[];
  /** Files that were found (before tag filtering). */
  files: string[];
}

/** The evaluator of a scenario: its own Config over .archal.json `evaluator`. */
export function evaluatorFor(
  scenario: Scenario,
  config: ArchalConfig,
): { provider: ProviderName; model?: string } | undefined {
  const own = scenario.config.evaluator;
  const provider = own?.provider ?? config.evaluator?.provider;
  if (!provider) return undefined;
  const model = own?.model ?? (own?.provider ? undefined : config.evaluator?.model);
  return model ? { provider, model } : { provider };
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
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((entry) => entry.endsWith('.md') && !/(^|[\\/])README\.md$/i.test(entry))
    .filter((entry) => !entry.split(/[\\/]/).some((part) => part.startsWith('.') || part === 'node_modules'))
    .map((entry) => join(dir, entry));
}

/**
 * Parses scenarios and decides how each criterion is checked, reporting every problem a run would
 * hit (unparseable files, [D] criteria nothing can check, unknown seeds) before anything runs.
 */
export function loadScenarios(
  paths: readonly string[],
  options: { config: ArchalConfig; cwd: string; tags?: readonly string[] },
): LoadedScenarios {
  const { config, cwd } = options;
  const found = scenarioFiles(paths, config, cwd);
  const errors = [...found.errors];
  const warnings: ScenarioProblem[] = [];
  const entries: SuiteScenario[] = [];
  for (const file of found.files) {
    const parsed = parseScenarioFile(file, {
      defaultClones: config.clones,
      defaultRuns: config.runs,
      defaultTimeout: config.timeout,
      defaultRouting: config.routing,
    });
    warnings.push(...parsed.warnings);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    const { scenario } = parsed;
    if (options.tags && options.tags.length > 0 && !options.tags.some((tag) => scenario.config.tags.includes(tag)))
      continue;
    const evaluator = evaluatorFor(scenario, config);
    const prepared = prepareCriteria(scenario, { evaluator: evaluator !== undefined });
    errors.push(...prepared.errors);
    warnings.push(...prepared.warnings);
    errors.push(...seedProblems(scenario, cwd));
    if (scenario.config.evaluator && !evaluator)
      warnings.push({
        file,
        message: `evaluator model '${scenario.config.evaluator.model}' is set but no evaluator provider is: set "evaluator": {"provider": …} in .archal.json`,
      });
    if (scenario.setup && !scenario.config.seed && !scenario.seedState && !config.seeds?.github)
      warnings.push({
        file,
        message:
          "'## Setup' describes state but no seed is set: the clone starts empty. Add 'seed: <name>' to Config or a '## Seed State' JSON block",
      });
    entries.push({
      scenario,
      criteria: prepared.criteria,
      warnings: [...parsed.warnings, ...prepared.warnings].map(
        (warning) => `${warning.line ? `line ${warning.line}: ` : ''}${warning.message}`,
      ),
    });
  }
  return { entries, errors, warnings, files: found.files };
}

function seedProblems(scenario: Scenario, cwd: string): ScenarioProblem[] {
  if (scenario.seedState && scenario.config.seed)
    return [{ file: scenario.file, message: "use either 'seed:' in Config or a '## Seed State' block, not both" }];
  const { seed, base, own } = scenarioSeed(scenario, { cwd });
  if (!own) return [];
  try {
    loadSeed(seed, base, { root: cwd });
    return [];
  } catch (error) {
    return [{ file: scenario.file, message: `seed: ${errorMessage(error)}` }];
  }
}

export function displayFile(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** `file:line: message`, with the file relative to the working directory when it is under it. */
export function formatScenarioProblem(entry: ScenarioProblem, cwd: string): string {
  return `${displayFile(entry.file, cwd)}${entry.line ? `:${entry.line}` : ''}: ${entry.message}`;
}

/** One problem per indented line. */
export function formatScenarioProblems(entries: readonly ScenarioProblem[], cwd: string): string {
  return entries.map((entry) => `  ${formatScenarioProblem(entry, cwd)}`).join('\n');
}

/** Each scenario's judge: its evaluator (its own Config over .archal.json), with the provider to run it. */
export function judgeResolver(
  config: ArchalConfig,
  providers: ProviderRegistry,
): (scenario: Scenario) => JudgeConfig | undefined {
  return (scenario) => {
    const evaluator = evaluatorFor(scenario, config);
    return (
      evaluator && { providerName: evaluator.provider, provider: providers(evaluator.provider), model: evaluator.model }
    );
  };
}
