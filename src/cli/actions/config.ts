import { dirname } from 'node:path';
import { unsetAgentEnvProblems } from '../../config/agent-env.js';
import { formatConfigProblem, loadConfig, type ConfigProblem } from '../../config/index.js';
import { configSeedProblem } from '../../runner/load.js';
import { EXIT } from '../errors.js';
import { cliEnvironment, workDir, type GlobalOptions } from '../host.js';
import { err, out, printJson } from '../output.js';

/** `archal config validate`: every problem of .archal.json with its key path; exit 2 when invalid. */
export function configValidate(globals: GlobalOptions, options: { json?: boolean }): number {
  const dir = workDir(globals);
  const loaded = loadConfig(dir);
  const errors: ConfigProblem[] = loaded.status === 'invalid' ? loaded.errors : [];
  // The default seed is checked as a run would, so that a name no run can start from is caught here.
  const seed = loaded.status === 'valid' ? configSeedProblem(loaded.config, dirname(loaded.file)) : undefined;
  if (seed) errors.push({ path: 'seeds.github', message: seed });
  const warnings =
    loaded.status === 'invalid'
      ? []
      : [...(loaded.warnings ?? []), ...unsetAgentEnvProblems(loaded.config, cliEnvironment(dir))];
  if (options.json)
    printJson({ valid: errors.length === 0, file: loaded.file, exists: loaded.status !== 'missing', errors, warnings });
  else if (loaded.status === 'missing') out(`No ${loaded.file}; every setting has its default (this is valid).`);
  else if (errors.length === 0) out(`${loaded.file} is valid.`);
  else {
    err(`${loaded.file} is invalid:`);
    for (const problem of errors) err(`  ${formatConfigProblem('.archal.json', problem)}`);
  }
  for (const problem of warnings) err(`warning: ${formatConfigProblem('.archal.json', problem)}`);
  return errors.length === 0 ? EXIT.ok : EXIT.invalidInput;
}
