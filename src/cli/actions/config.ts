import { dirname, join } from 'node:path';
import { unsetAgentEnvProblems, unsetAssistantEnvProblems } from '../../config/agent-env.js';
import {
  CONFIG_FILE,
  formatConfigProblem,
  loadConfig,
  type ArchalConfig,
  type ConfigProblem,
} from '../../config/index.js';
import { locateAgent } from '../../harness/locate.js';
import { configSeedProblem } from '../../runner/load.js';
import { EXIT } from '../errors.js';
import { cliEnvironment, workDir, type GlobalOptions } from '../host.js';
import { err, out, printJson } from '../output.js';
import { workDirProblem } from '../work-dir.js';

/** `archal config validate`: every problem of .archal.json with its key path; exit 2 when invalid. */
export function configValidate(globals: GlobalOptions, options: { json?: boolean }): number {
  const dir = workDir(globals);
  // A mistyped --cwd would otherwise read as a directory without .archal.json, which is valid.
  const problem = workDirProblem(dir);
  if (problem) {
    err(problem);
    if (options.json)
      printJson({
        valid: false,
        file: join(dir, CONFIG_FILE),
        exists: false,
        errors: [{ path: '', message: problem }],
        warnings: [],
      });
    return EXIT.invalidInput;
  }
  const loaded = loadConfig(dir);
  const errors: ConfigProblem[] = loaded.status === 'invalid' ? loaded.errors : [];
  // The default seed is checked as a run would, so that a name no run can start from is caught here.
  const seed = loaded.status === 'valid' ? configSeedProblem(loaded.config, dirname(loaded.file)) : undefined;
  if (seed) errors.push({ path: 'seeds.github', message: seed });
  const env = loaded.status === 'invalid' ? {} : cliEnvironment(dir);
  const warnings: Array<ConfigProblem & { file?: string }> =
    loaded.status === 'invalid'
      ? []
      : [
          ...(loaded.warnings ?? []),
          ...unsetAgentEnvProblems(loaded.config, env),
          ...unsetAssistantEnvProblems(loaded.config, env),
          ...manifestEnvProblems(dir, loaded.config, env),
        ];
  if (options.json)
    printJson({ valid: errors.length === 0, file: loaded.file, exists: loaded.status !== 'missing', errors, warnings });
  else if (loaded.status === 'missing') out(`No ${loaded.file}; every setting has its default (this is valid).`);
  else if (errors.length === 0) out(`${loaded.file} is valid.`);
  else {
    err(`${loaded.file} is invalid:`);
    for (const problem of errors) err(`  ${formatConfigProblem('.archal.json', problem)}`);
  }
  for (const problem of warnings) err(`warning: ${formatConfigProblem(problem.file ?? '.archal.json', problem)}`);
  return errors.length === 0 ? EXIT.ok : EXIT.invalidInput;
}

/**
 * The `local.env` problems of the harness manifest a run would use (the configured harness, else the
 * one found in the repository), each with the manifest's path as `file`. A harness that cannot be
 * located is the run's error to report, not the config's.
 */
function manifestEnvProblems(
  root: string,
  config: ArchalConfig,
  env: NodeJS.ProcessEnv,
): Array<ConfigProblem & { file: string }> {
  try {
    return locateAgent({ agent: config.agent, root, env, passEnv: config.agentPassEnv }).envWarnings ?? [];
  } catch {
    return [];
  }
}
