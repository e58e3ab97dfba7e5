import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { runCli } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { tempDir } from '../helpers/tmp.js';

// Every command, with the arguments it needs to get past its own usage checks: a --cwd that does not
// exist, or is a file, must be refused before the command does anything there (exit 2, the path named).
const commands: string[][] = [
  ['version'],
  ['schema', 'config'],
  ['config', 'schema'],
  ['workflow', 'list'],
  ['workflow', 'validate', 'x'],
  ['workflow', 'run', 'x'],
  ['workflow', 'resume', 'r'],
  ['workflow', 'approve', 'r'],
  ['workflow', 'reject', 'r'],
  ['workflow', 'cancel', 'r'],
  ['workflow', 'status'],
  ['workflow', 'event', 'emit', '--run-id', 'r', '--type', 't'],
  ['isolation', 'list'],
  ['isolation', 'cleanup'],
  ['clone', 'operations'],
  ['clone', 'seeds'],
  ['clone', 'start', 'github'],
  ['run'],
  ['scenario', 'list'],
  ['scenario', 'validate', 'x.md'],
  ['init'],
  ['preprod', 'plan'],
  ['preprod', 'run', '--dry-run'],
  ['app', 'start'],
  ['app', 'doctor'],
  ['attach', '--once'],
  ['detach', 'traces'],
  ['attach-status'],
  ['attach-reprocess', 't'],
  ['trace-source', 'import', 'x.json'],
  ['trace-source', 'status'],
  ['trace-source', 'watch', 'traces'],
  ['trace-source', 'serve'],
  ['trace-source', 'sync', '--database-url-env', 'DB', '--table', 't'],
  ['view'],
  ['report', 'r'],
  ['report', 'merge', 'shard'],
];

describe('a --cwd that is not a directory', () => {
  it.each(commands.map((command) => [command.join(' '), command]))(
    'is refused by `archal %s` with exit 2, naming the path',
    async (_name, command) => {
      const parent = tempDir();
      const home = tempDir('archal-home-');
      const missing = join(parent, 'nope');
      const gone = await runCli(['--cwd', missing, ...command], { env: { ARCHAL_HOME: home }, timeoutMs: 10_000 });
      expect({ code: gone.code, stderr: gone.stderr }).toEqual({
        code: 2,
        stderr: `No such directory: ${missing} (--cwd).\n`,
      });
      writeFiles(parent, { file: 'x\n' });
      const file = join(parent, 'file');
      const notDir = await runCli(['--cwd', file, ...command], { env: { ARCHAL_HOME: home }, timeoutMs: 10_000 });
      expect({ code: notDir.code, stderr: notDir.stderr }).toEqual({
        code: 2,
        stderr: `${file} is not a directory (--cwd).\n`,
      });
      // Nothing was created on the way: not the directory, not the user's state.
      expect(existsSync(missing)).toBe(false);
      expect(readdirSync(home)).toEqual([]);
    },
  );

  it.each([[['workflow', 'list', '--json']], [['run', '-o', 'json']]])(
    'is refused after the subcommand too, by the bundle of %j, also in JSON',
    async (command) => {
      const missing = join(tempDir(), 'nope');
      const result = await runCli([...command, '--cwd', missing], { env: { ARCHAL_HOME: tempDir('archal-home-') } });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`No such directory: ${missing} (--cwd).\n`);
      expect(JSON.parse(result.stdout)).toEqual({
        status: 'error',
        error: { code: 'invalid_input', message: `No such directory: ${missing} (--cwd).` },
      });
    },
  );
});
