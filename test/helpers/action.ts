import { cpSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './cli.js';
import { tempDir } from './tmp.js';

let copied: string | undefined;

/**
 * The Action as a runner has it: action.yml and dist/ alone in a directory (the runner's
 * `_actions/<owner>/<repo>/<ref>/` has no node_modules and no build/), so whatever the bundle would
 * find at run time in this repository (node_modules, bundled/, package.json) is out of its reach.
 * Copied once per test file; returns the path of the copy's dist/index.js. ARCHAL_TEST_ACTION_DIST
 * names another bundle to copy instead of the committed dist/ (one `npm run package`'s steps wrote
 * elsewhere), so that a change to action/ can be tried before dist/ is rebuilt.
 */
export function portableAction(): string {
  if (copied) return copied;
  const dir = tempDir('archal-action-');
  cpSync(join(REPO_ROOT, 'action.yml'), join(dir, 'action.yml'));
  cpSync(process.env.ARCHAL_TEST_ACTION_DIST || join(REPO_ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  for (let at = dir; ; at = dirname(at)) {
    for (const name of ['node_modules', 'package.json'])
      if (existsSync(join(at, name)))
        throw new Error(`${join(at, name)} is in reach of the copied Action: it would not run as on a runner.`);
    if (dirname(at) === at) break;
  }
  copied = join(dir, 'dist', 'index.js');
  return copied;
}
