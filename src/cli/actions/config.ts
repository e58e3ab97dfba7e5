import { formatConfigProblem, loadConfig } from '../../config/index.js';
import { EXIT } from '../errors.js';
import { workDir, type GlobalOptions } from '../host.js';
import { err, out, printJson } from '../output.js';

/** `archal config validate`: every problem of .archal.json with its key path; exit 2 when invalid. */
export function configValidate(globals: GlobalOptions, options: { json?: boolean }): number {
  const loaded = loadConfig(workDir(globals));
  const errors = loaded.status === 'invalid' ? loaded.errors : [];
  const warnings = loaded.status === 'invalid' ? [] : (loaded.warnings ?? []);
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
