import { INPUT_LIMITS, readInputFile } from '../lib/input-file.js';
import { join } from 'node:path';
import type { CommandLookup } from './loader.js';

/**
 * Command prompts, looked up by name in order: the repo's `.archal/commands/`, its `.archon/commands/`,
 * `$ARCHAL_HOME/commands/`, then Archal's bundled commands.
 */
export function commandDirectories(repo: string, home: string, bundled: string): string[] {
  return [join(repo, '.archal', 'commands'), join(repo, '.archon', 'commands'), join(home, 'commands'), bundled];
}

export function createCommandResolver(directories: readonly string[]): (name: string) => CommandLookup {
  return (name) => {
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name) || name.includes('..'))
      return {
        ok: false,
        message: `invalid command name '${name}': use letters, digits, '-', '_' and '.', without '/' or '..'`,
      };
    for (const dir of directories) {
      const file = join(dir, `${name}.md`);
      const read = readInputFile(file, { maxBytes: INPUT_LIMITS.workflow, strictUtf8: true });
      if (!read.ok && read.problem === 'missing') continue;
      if (!read.ok) return { ok: false, message: `command file ${read.message}` };
      const body = read.text;
      if (body.trim().length === 0) return { ok: false, message: `command file ${file} is empty` };
      return { ok: true, body, file };
    }
    return {
      ok: false,
      message: `command '${name}' not found; looked for ${name}.md in ${directories.join(', ')}`,
    };
  };
}
