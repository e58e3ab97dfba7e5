import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { packageRoot } from '../../lib/paths.js';
import { out, printJson } from '../output.js';

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

export function registerVersionCommand(program: Command): void {
  program
    .command('version')
    .description('print the Archal version and runtime')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => {
      const info = {
        version: packageVersion(),
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
      };
      if (options.json) printJson(info);
      else out(`archal ${info.version} (node ${info.node}, ${info.platform})`);
    });
}
