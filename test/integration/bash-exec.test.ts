import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { bashScript, bashScriptAsExec, runProcess } from '../../src/lib/process.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * `bashScriptAsExec` starts a one-command script without bash: what the program sees (its $0, the
 * path it was started by, every variable) must be what it sees when bash execs it.
 */

// Prints the path it was started by and its environment, one variable a line, sorted (bash passes
// the same variables in an order of its own).
const SHOW = `#!/bin/sh\necho "0=$0"\nenv | LC_ALL=C sort\n`;

function setup(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = tempDir();
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin', 'archal-show'), SHOW, { mode: 0o755 });
  writeFileSync(join(dir, 'archal-here'), SHOW, { mode: 0o755 });
  return { dir, env: { PATH: `${join(dir, 'bin')}:/usr/bin:/bin`, HOME: dir, SHLVL: '1', PWD: dir } };
}

async function compare(line: string, cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  const shell = bashScript(line);
  const direct = bashScriptAsExec(shell.command, shell.args, cwd, env);
  expect(direct).toBeDefined();
  const viaBash = await runProcess({ ...shell, cwd, env });
  const started = await runProcess({ ...direct!, cwd });
  expect(viaBash.exitCode).toBe(0);
  expect({ line, output: started.stdout }).toEqual({ line, output: viaBash.stdout });
}

describe('bashScriptAsExec', () => {
  it('gives a program found on PATH what bash gives it', async () => {
    const { dir, env } = setup();
    await compare('archal-show --flag', dir, env);
  });

  it('drops an OLDPWD that is not a directory, as bash does', async () => {
    const { dir, env } = setup();
    await compare('archal-show', dir, { ...env, OLDPWD: join(dir, 'no-such-directory') });
    await compare('archal-show', dir, { ...env, OLDPWD: dir });
  });

  it('starts a program by the path bash builds from a relative PATH entry, and a relative name as written', async () => {
    const { dir, env } = setup();
    await compare('archal-show', dir, { ...env, PATH: 'bin:/usr/bin:/bin' });
    await compare('archal-show', dir, { ...env, PATH: `${join(dir, 'bin')}/:/usr/bin:/bin` });
    await compare('archal-here', dir, { ...env, PATH: ':/usr/bin:/bin' });
    await compare('./archal-here', dir, env);
    await compare('bin/archal-show', dir, env);
  });

  it('leaves to bash an environment with variables bash sets itself', () => {
    const { dir, env } = setup();
    const shell = bashScript('archal-show');
    expect(bashScriptAsExec(shell.command, shell.args, dir, env)).toBeDefined();
    for (const name of [
      'IFS',
      'OPTIND',
      'PPID',
      'LINENO',
      'PS4',
      'SHELLOPTS',
      'BASHOPTS',
      'BASH_VERSION',
      'EPOCHSECONDS',
    ])
      expect({ name, direct: bashScriptAsExec(shell.command, shell.args, dir, { ...env, [name]: 'x' }) }).toEqual({
        name,
        direct: undefined,
      });
    // bash expands a ~ at the start of a PATH entry.
    expect(bashScriptAsExec(shell.command, shell.args, dir, { ...env, PATH: `~/bin:${env.PATH}` })).toBeUndefined();
  });

  it('leaves to bash a script whose interpreter is missing (bash reports it, exit 127)', async () => {
    const { dir, env } = setup();
    writeFileSync(join(dir, 'bin', 'archal-orphan'), '#!/no/such/interpreter\n', { mode: 0o755 });
    // Written on Windows: the carriage return is part of the interpreter's name.
    writeFileSync(join(dir, 'bin', 'archal-crlf'), '#!/bin/sh\r\necho hi\r\n', { mode: 0o755 });
    const crlf = bashScript('archal-crlf');
    expect(bashScriptAsExec(crlf.command, crlf.args, dir, env)).toBeUndefined();
    expect((await runProcess({ ...crlf, cwd: dir, env })).exitCode).toBe(127);
    const shell = bashScript('archal-orphan');
    expect(bashScriptAsExec(shell.command, shell.args, dir, env)).toBeUndefined();
    const viaBash = await runProcess({ ...shell, cwd: dir, env });
    expect(viaBash.exitCode).toBe(127);
    // Its message names the script (the wording is bash's version's).
    expect(viaBash.stderr).toContain('archal-orphan');
  });
});
