import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { INPUT_LIMITS, readInputFile } from '../lib/input-file.js';
import { basename, isAbsolute, join, relative } from 'node:path';
import { CONFIG_FILE, loadConfig, starterConfig, type ArchalConfig } from '../config/index.js';
import { writeJsonFile } from '../lib/json-file.js';
import { parseGitHubRemote } from '../github/index.js';
import { MissingAgentError, type AgentCommand } from '../harness/agent.js';
import { findRepositoryHarness, HarnessError, locateAgent } from '../harness/locate.js';
import { currentBranch, git, remoteUrl } from '../lib/git.js';
import { maskUrlPassword } from '../lib/redact.js';
import { loadScenarios } from '../runner/load.js';
import { preflightHarness } from '../harness/preflight.js';
import { shellWord } from '../lib/shell-word.js';

export interface Blocker {
  code: string;
  message: string;
  fix: string;
}

export interface PreprodPlan {
  schemaVersion: 1;
  repo: string;
  config: { file: string; exists: boolean; valid: boolean; errors: string[] };
  harness: {
    command: string | null;
    source: 'config' | 'discovered' | 'none';
    runnable: boolean | null;
    detail: string;
  };
  scenarios: { files: string[]; valid: number; errors: string[] };
  git: {
    repository: boolean;
    branch: string | null;
    origin: { url: string | null; github: boolean; owner: string | null; repo: string | null; detail: string };
  };
  packageManager: 'npm' | 'pnpm' | 'yarn' | 'bun' | null;
  validationCommand: string | null;
  authoredScenarios: Array<{ path: string; title: string; written: boolean }>;
  wroteConfig: boolean;
  blockers: Blocker[];
  nextSteps: string[];
}

function packageManager(repo: string): PreprodPlan['packageManager'] {
  if (existsSync(join(repo, 'pnpm-lock.yaml'))) return 'pnpm';
  if (existsSync(join(repo, 'yarn.lock'))) return 'yarn';
  if (existsSync(join(repo, 'bun.lockb')) || existsSync(join(repo, 'bun.lock'))) return 'bun';
  if (existsSync(join(repo, 'package.json'))) return 'npm';
  return null;
}

/** A small file of the repository as text ('' when it is missing, not a regular file, or large). */
function repoText(repo: string, name: string): string {
  const read = readInputFile(join(repo, name), { maxBytes: INPUT_LIMITS.config });
  return read.ok ? read.text : '';
}

function validationCommand(repo: string, manager: PreprodPlan['packageManager']): string | null {
  if (manager) {
    try {
      const scripts =
        (JSON.parse(repoText(repo, 'package.json')) as { scripts?: Record<string, string> }).scripts ?? {};
      if (scripts.test && !/no test specified/.test(scripts.test))
        return manager === 'npm' ? 'npm test' : `${manager} test`;
    } catch {
      // An unreadable package.json suggests nothing.
    }
  }
  if (/^test:/m.test(repoText(repo, 'Makefile'))) return 'make test';
  if (existsSync(join(repo, 'pyproject.toml')) || existsSync(join(repo, 'pytest.ini'))) return 'pytest';
  if (existsSync(join(repo, 'go.mod'))) return 'go test ./...';
  if (existsSync(join(repo, 'Cargo.toml'))) return 'cargo test';
  return null;
}

export interface PlanOptions {
  repo: string;
  writeScenarios?: string;
  writeConfig: boolean;
  env: NodeJS.ProcessEnv;
}

/**
 * Inspects a repository for the pre-prod loop: is there a runnable harness, a config, scenarios,
 * a GitHub origin, a test command to validate with? Optionally writes starter scenarios (that
 * validate) and a config (only when none exists).
 */
export async function planPreprod(options: PlanOptions): Promise<PreprodPlan> {
  const { repo } = options;
  const blockers: Blocker[] = [];
  const loaded = loadConfig(repo);
  const configErrors =
    loaded.status === 'invalid' ? loaded.errors.map((error) => `${error.path || '(file)'}: ${error.message}`) : [];
  const config: ArchalConfig = loaded.status === 'invalid' ? {} : loaded.config;
  if (configErrors.length > 0)
    blockers.push({
      code: 'invalid_config',
      message: `${CONFIG_FILE} is invalid: ${configErrors.join('; ')}`,
      fix: 'Run `archal config validate` and fix the keys it names.',
    });

  // The harness `archal run` and `archal preprod run` would use: the one discovery, the one resolution.
  let agent: AgentCommand | undefined;
  let harnessProblem: string | undefined;
  try {
    agent = locateAgent({ agent: config.agent, root: repo, env: options.env, passEnv: config.agentPassEnv });
  } catch (error) {
    if (!(error instanceof HarnessError) && !(error instanceof MissingAgentError)) throw error;
    if (error instanceof HarnessError) harnessProblem = error.message;
  }
  const configured =
    typeof config.agent === 'string'
      ? config.agent
      : config.agent
        ? [config.agent.command, ...(config.agent.args ?? [])].join(' ')
        : undefined;
  const harnessCommand = configured ?? (agent ? byHand(agent, repo) : undefined);
  const harnessSource: PreprodPlan['harness']['source'] = config.agent ? 'config' : agent ? 'discovered' : 'none';
  let runnable: boolean | null = null;
  let detail =
    harnessProblem ??
    'no harness: nothing in .archal.json "agent", and no harness file (.archal/harness.json, .archal/harness.{ts,mjs,js,py,sh}, or the same at the root)';
  if (agent) {
    const preflight = await preflightHarness({ agent, cwd: repo, env: options.env, model: config.agentModel });
    runnable = preflight.passed;
    detail = preflight.detail;
    if (!runnable)
      blockers.push({
        code: 'harness_not_runnable',
        message: `the harness \`${harnessCommand}\` ${detail}`,
        fix: `Run it by hand: AGENT_TASK="Reply with OK" ARCHAL_PREFLIGHT=1 ${byHand(agent, repo)}`,
      });
  } else if (harnessProblem)
    blockers.push({
      code: 'harness_not_runnable',
      message: harnessProblem,
      fix: 'Fix the harness path it names, or set "agent" in .archal.json.',
    });
  else
    blockers.push({
      code: 'missing_harness',
      message: detail,
      fix: 'Run `archal init` for a harness template, or set "agent" in .archal.json.',
    });

  const authored = options.writeScenarios !== undefined ? writeStarterScenarios(repo, options.writeScenarios) : [];
  let wroteConfig = false;
  if (options.writeConfig && loaded.status === 'missing') {
    // A discovered harness is named by its path, which resolves to it again (with its manifest's folder, env and prompts).
    const found = configured === undefined && agent ? findRepositoryHarness(repo) : undefined;
    writeJsonFile(
      join(repo, CONFIG_FILE),
      starterConfig(configured ?? (found !== undefined ? relative(repo, found) || '.' : null), options.writeScenarios),
    );
    wroteConfig = true;
  }

  const current = wroteConfig ? loadConfig(repo) : loaded;
  const finalConfig = current.status === 'invalid' ? {} : current.config;
  const scenarios = loadScenarios(
    options.writeScenarios !== undefined && !finalConfig.scenarios ? [options.writeScenarios] : [],
    { config: finalConfig, cwd: repo },
  );
  // Authored scenarios must validate wherever they were written.
  const authoredCheck =
    authored.length > 0
      ? loadScenarios(
          authored.map((entry) => entry.path),
          { config: finalConfig, cwd: repo },
        )
      : undefined;
  const scenarioErrors = [...scenarios.errors, ...(authoredCheck?.errors ?? [])].map(
    (error) => `${relative(repo, error.file)}${error.line ? `:${error.line}` : ''}: ${error.message}`,
  );
  if (scenarios.files.length === 0 && authored.length === 0)
    blockers.push({
      code: 'no_scenarios',
      message: 'no scenario files (archal/, scenarios/, or .archal.json "scenarios")',
      fix: 'Run `archal preprod plan --write-scenarios` for starter scenarios.',
    });
  else if (scenarioErrors.length > 0)
    blockers.push({
      code: 'invalid_scenarios',
      message: `${scenarioErrors.length} scenario problem(s): ${scenarioErrors[0]}`,
      fix: 'Run `archal scenario validate` and fix them.',
    });

  const isRepo = (await git(['rev-parse', '--is-inside-work-tree'], repo)) === 'true';
  const branch = isRepo ? ((await currentBranch(repo)) ?? null) : null;
  const originUrl = isRepo ? ((await remoteUrl('origin', repo)) ?? null) : null;
  const origin = originUrl ? parseGitHubRemote(originUrl, { apiUrl: options.env.GITHUB_API_URL }) : undefined;
  if (!isRepo)
    blockers.push({
      code: 'not_a_git_repository',
      message: `${repo} is not a git repository`,
      fix: 'Run the loop in the repository of the agent (`git init` if it is new).',
    });
  else if (!origin?.ok)
    blockers.push({
      code: 'origin_not_github',
      message: origin ? origin.reason : 'no "origin" remote',
      fix: 'Only needed for --open-pr: add a GitHub origin (git remote add origin …), or set GITHUB_API_URL for GitHub Enterprise.',
    });

  const manager = packageManager(repo);
  const validation = validationCommand(repo, manager);
  const runScenarios = scenariosToPass(repo, finalConfig, authored);
  const run = `archal preprod run${runScenarios.length > 0 ? ` ${runScenarios.join(' ')}` : ''}`;
  return {
    schemaVersion: 1,
    repo,
    config: {
      file: join(repo, CONFIG_FILE),
      exists: loaded.status !== 'missing' || wroteConfig,
      valid: configErrors.length === 0,
      errors: configErrors,
    },
    harness: { command: harnessCommand ?? null, source: harnessSource, runnable, detail },
    scenarios: {
      files: [...new Set([...scenarios.files, ...(authoredCheck?.files ?? [])])].map((file) => relative(repo, file)),
      valid: new Set([...scenarios.entries, ...(authoredCheck?.entries ?? [])].map((entry) => entry.scenario.file))
        .size,
      errors: scenarioErrors,
    },
    git: {
      repository: isRepo,
      branch,
      origin: {
        url: originUrl ? maskUrlPassword(originUrl) : null,
        github: origin?.ok ?? false,
        owner: origin?.ok ? origin.remote.owner : null,
        repo: origin?.ok ? origin.remote.repo : null,
        detail: origin ? (origin.ok ? `API ${origin.remote.apiUrl}` : origin.reason) : 'no origin',
      },
    },
    packageManager: manager,
    validationCommand: validation,
    authoredScenarios: authored,
    wroteConfig,
    blockers,
    nextSteps: [
      `${run} --plan --artifacts .archal/preprod`,
      `${run} --runs 3 --dry-run --artifacts .archal/preprod`,
      `${run} --runs 3 --allow-external-execution --fix-command '<your coding agent>'${validation ? ` --validation-command '${validation}'` : ''} --open-pr --artifacts .archal/preprod`,
    ],
  };
}

/**
 * The scenario arguments `preprod run` needs to run the starters too: none when the scenarios it
 * finds by itself (.archal.json "scenarios", else archal/ and scenarios/) include them; otherwise
 * those scenarios and the starters they miss, named explicitly (an argument replaces the default).
 */
function scenariosToPass(repo: string, config: ArchalConfig, authored: PreprodPlan['authoredScenarios']): string[] {
  if (authored.length === 0) return [];
  const found = new Set(loadScenarios([], { config, cwd: repo }).files.map((file) => relative(repo, file)));
  const missed = authored.map((entry) => entry.path).filter((path) => !found.has(path));
  if (missed.length === 0) return [];
  const configured = config.scenarios === undefined ? [] : [config.scenarios].flat();
  const defaults =
    configured.length > 0 ? configured : ['archal', 'scenarios'].filter((dir) => existsSync(join(repo, dir)));
  return [...defaults.filter((path) => !missed.includes(path)), ...missed].map(shellWord);
}

/** A word of a command line as a person would type it: quoted only when the shell would split or expand it. */
/** The agent as a command line a person can type in the repository (paths under it shown relative). */
function byHand(agent: AgentCommand, repo: string): string {
  const word = (value: string): string => {
    const shown = isAbsolute(value) && !relative(repo, value).startsWith('..') ? relative(repo, value) || '.' : value;
    return shellWord(shown);
  };
  const command = agent.command === process.execPath ? 'node' : word(agent.command);
  const line = [command, ...agent.args.map(word)].join(' ');
  return agent.cwd && agent.cwd !== repo ? `(cd ${word(agent.cwd)} && ${line})` : line;
}

/** Starter scenarios, filled with the repository's name; existing files are kept. */
function writeStarterScenarios(repo: string, dir: string): PreprodPlan['authoredScenarios'] {
  const name = basename(repo);
  const starters: Array<{ file: string; title: string; text: string }> = [
    {
      file: 'smoke-read-only.md',
      title: `${name}: read-only smoke test`,
      text: `# ${name}: read-only smoke test

## Setup
The small-project seed: organisation acme with the repository acme/widgets, a few issues and pull requests.

## Prompt
List the open issues in acme/widgets and summarise them in a few lines. Do not change anything.

## Expected Behavior
The agent reads the issues and answers; it creates, closes and edits nothing.

## Success Criteria
- [D] The run exits successfully
- [D] No issues were closed
- [D] No comments were created
- [D] Fewer than 50 requests were made
- [P] The answer summarises the open issues of acme/widgets

## Config
clones: github
seed: small-project
timeout: 120
tags: smoke, preprod
`,
    },
    {
      file: 'triage-labels.md',
      title: `${name}: label bug reports`,
      text: `# ${name}: label bug reports

## Setup
The small-project seed: acme/widgets has open issues, some of them bug reports.

## Prompt
Label the open issues in acme/widgets that report bugs with "bug". Do not close any issue.

## Expected Behavior
The agent adds the bug label to bug reports only and closes nothing.

## Success Criteria
- [D] No issues were closed
- [D] The run exits successfully
- [P] Only issues that describe bugs got the "bug" label

## Config
clones: github
seed: small-project
timeout: 120
tags: triage, preprod
`,
    },
  ];
  const target = join(repo, dir);
  mkdirSync(target, { recursive: true });
  return starters.map((starter) => {
    const path = join(target, starter.file);
    const written = !existsSync(path);
    if (written) writeFileSync(path, starter.text);
    return { path: relative(repo, path), title: starter.title, written };
  });
}
