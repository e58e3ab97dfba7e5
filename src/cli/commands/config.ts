import type { Command } from 'commander';
import type { GlobalOptions } from '../host.js';
import { printJson } from '../output.js';
import { answersBadWorkDir } from '../work-dir.js';

export function registerConfigCommands(program: Command): void {
  const config = program.command('config').description('inspect and validate .archal.json');

  const validate = config.command('validate');
  // Its --json answer to a bad --cwd is the usual {"valid": false, …}.
  answersBadWorkDir(validate)
    .description(
      'validate the .archal.json a run would read: the nearest at or above the working directory (exit 2 when invalid)',
    )
    .option('-c, --config <file>', 'validate this config file instead, as `archal run -c <file>` reads it')
    .option('--json', 'print {"valid", "file", "errors": [{"path", "message"}]} on stdout')
    .action(async (options: { json?: boolean; config?: string }, command: Command) => {
      const { configValidate } = await import('../actions/config.js');
      process.exitCode = configValidate(command.optsWithGlobals() as GlobalOptions, options);
    });

  config
    .command('schema')
    .description('print the JSON Schema of .archal.json (for editors: "$schema")')
    .action(async () => {
      const { configJsonSchema } = await import('../../config/json-schema.js');
      printJson(configJsonSchema());
    });
}
