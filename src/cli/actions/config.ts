import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { unsetAgentEnvProblems, unsetAssistantEnvProblems } from '../../config/agent-env.js';
import {
  CONFIG_FILE,
  formatConfigProblem,
  loadConfig,
  loadConfigFile,
  type ArchalConfig,
  type ConfigProblem,
} from '../../config/index.js';
import { MissingAgentError } from '../../harness/agent.js';
import { HarnessError, locateAgent } from '../../harness/locate.js';
import { configSeedProblem } from '../../runner/load.js';
import { EXIT } from '../errors.js';
import { configRoot, dotEnvironment, workDir, type GlobalOptions } from '../host.js';
import { err, out, printJson } from '../output.js';
import { workDirProblem } from '../work-dir.js';

/**
 * `archal config validate`: every problem of the config file a run started here would read (the
 * nearest .archal.json, or `-c <file>`) with its key path; exit 2 when invalid.
 */
export function configValidate(globals: GlobalOptions, options: { json?: boolean; config?: string }): number {
  const here = workDir(globals);
  // A mistyped --cwd would otherwise read as a directory without .archal.json, which is valid.
  const problem = workDirProblem(here);
  if (problem) {
    err(problem);
    if (options.json)
      printJson({
        valid: false,
        file: join(here, CONFIG_FILE),
        exists: false,
        errors: [{ path: '', message: problem }],
        warnings: [],
      });
    return EXIT.invalidInput;
  }
  // The workspace `archal run` would use: with -c, the working directory and that file (a missing
  // one stops the run); else the directory of the nearest .archal.json.
  const dir = options.config ? here : configRoot(here);
  const name = options.config ?? CONFIG_FILE;
  const loaded = options.config ? loadConfigFile(resolve(here, options.config), { required: true }) : loadConfig(dir);
  const errors: ConfigProblem[] = loaded.status === 'invalid' ? loaded.errors : [];
  // The default seed is checked as a run would, so that a name no run can start from is caught here.
  const seed = loaded.status === 'valid' ? configSeedProblem(loaded.config, dirname(loaded.file)) : undefined;
  if (seed) errors.push({ path: 'seeds.github', message: seed });
  // The environment a run here would have; validating writes no short-lived files (ARCHAL_TMPDIR).
  const env = loaded.status === 'invalid' ? {} : dotEnvironment(dir);
  const harness = loaded.status === 'invalid' ? undefined : locateHarness(dir, loaded.config, env);
  if (harness?.error) errors.push(harness.error);
  const warnings: Array<ConfigProblem & { file?: string }> =
    loaded.status === 'invalid'
      ? []
      : [
          ...(loaded.warnings ?? []),
          ...unsetAgentEnvProblems(loaded.config, env),
          ...unsetAssistantEnvProblems(loaded.config, env),
          ...(harness?.warnings ?? []),
        ];
  if (options.json)
    printJson({
      valid: errors.length === 0,
      file: loaded.file,
      exists: existsSync(loaded.file),
      harness: harness?.located ?? null,
      errors,
      warnings,
    });
  else if (loaded.status === 'missing') out(`No ${loaded.file}; every setting has its default (this is valid).`);
  else if (errors.length === 0) out(`${loaded.file} is valid.`);
  else {
    err(`${loaded.file} is invalid:`);
    for (const problem of errors) err(`  ${formatConfigProblem(name, problem)}`);
  }
  if (!options.json && harness?.located)
    out(`Harness: ${harness.located.command} (${HARNESS_SOURCE[harness.located.source]})`);
  for (const problem of warnings) err(`warning: ${formatConfigProblem(problem.file ?? name, problem)}`);
  return errors.length === 0 ? EXIT.ok : EXIT.invalidInput;
}

/** Where the harness a run would use comes from, in the words of `config validate`'s text output. */
const HARNESS_SOURCE = { config: '.archal.json "agent"', discovered: 'found in the repository' } as const;

interface LocatedHarness {
  /** The harness a run would use (`source`: from `agent`, or found in the repository); undefined when there is none it could. */
  located?: { command: string; source: keyof typeof HARNESS_SOURCE };
  /** The harness `agent` names cannot be used: the run would stop with exit 2 on it. */
  error?: ConfigProblem;
  /** The `local.env` problems of its manifest, or why the harness found in the repository cannot be used. */
  warnings: Array<ConfigProblem & { file: string }>;
}

/**
 * The harness a run would use, located as `archal run` locates it (the configured one, else the one
 * found in the repository). One `agent` names that cannot be used is an error of `agent`; a harness
 * found in the repository that cannot be used is a warning naming it (the config does not name it, and
 * a run with --harness does not use it). No harness at all is no problem here: the config may serve
 * workflows only.
 */
function locateHarness(root: string, config: ArchalConfig, env: NodeJS.ProcessEnv): LocatedHarness {
  try {
    const agent = locateAgent({ agent: config.agent, root, env, passEnv: config.agentPassEnv });
    return {
      located: { command: agent.display, source: config.agent === undefined ? 'discovered' : 'config' },
      warnings: agent.envWarnings ?? [],
    };
  } catch (error) {
    if (error instanceof MissingAgentError) return { warnings: [] };
    if (!(error instanceof HarnessError)) throw error;
    if (config.agent !== undefined) return { error: { path: 'agent', message: error.message }, warnings: [] };
    return { warnings: [{ file: relative(root, error.data.path) || '.', path: '', message: error.message }] };
  }
}
