import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { packageRoot } from '../../lib/paths.js';
import { out, printJson } from '../output.js';

// package.json's version, written in by the build (scripts/build.mjs): every command prints it in
// its --help and --version, and reading and parsing package.json for it cost each start ~0.3 ms.
// Run from source (tests, tsx), it is not defined and the version is read from package.json.
declare const __ARCHAL_VERSION__: string | undefined;

export function packageVersion(): string {
  if (typeof __ARCHAL_VERSION__ === 'string') return __ARCHAL_VERSION__;
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
