import type { Command } from 'commander';
import { resolve } from 'node:path';
import { EXIT } from '../../lib/errors.js';
import { err, out, printJson } from '../output.js';

export function registerConfigCommands(program: Command): void {
  const config = program.command('config').description('inspect and validate .archal.json');

  config
    .command('validate')
    .description('validate .archal.json in the working directory (exit 2 when invalid)')
    .option('--json', 'print {"valid", "file", "errors": [{"path", "message"}]} on stdout')
    .action(async (options: { json?: boolean }, command: Command) => {
      const { loadConfig, formatConfigProblem } = await import('../../config/index.js');
      const { loadEnvFiles } = await import('../../config/env.js');
      const cwd = resolve((command.optsWithGlobals() as { cwd?: string }).cwd ?? process.cwd());
      loadEnvFiles(cwd);
      const loaded = loadConfig(cwd);
      const errors = loaded.status === 'invalid' ? loaded.errors : [];
      if (options.json)
        printJson({ valid: errors.length === 0, file: loaded.file, exists: loaded.status !== 'missing', errors });
      else if (loaded.status === 'missing') out(`No ${loaded.file}; every setting has its default (this is valid).`);
      else if (errors.length === 0) out(`${loaded.file} is valid.`);
      else {
        err(`${loaded.file} is invalid:`);
        for (const problem of errors) err(`  ${formatConfigProblem('.archal.json', problem)}`);
      }
      process.exitCode = errors.length === 0 ? EXIT.ok : EXIT.invalidInput;
    });

  config
    .command('schema')
    .description('print the JSON Schema of .archal.json (for editors: "$schema")')
    .action(async () => {
      const { configJsonSchema } = await import('../../config/json-schema.js');
      printJson(configJsonSchema());
    });
}
