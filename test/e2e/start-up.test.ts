import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

/**
 * Runs a one-node workflow by name, as users do, with `preload` (CommonJS source) required first;
 * what the preload appended to `log` (one line per record).
 */
async function runWithPreload(preload: (log: string) => string): Promise<string[]> {
  const repo = tempRepo();
  const dir = tempDir('archal-start-up-');
  const file = join(dir, 'preload.cjs');
  const log = join(dir, 'preload.log');
  writeFileSync(log, '');
  writeFileSync(file, preload(log));
  const workflows = join(repo, '.archal', 'workflows');
  mkdirSync(workflows, { recursive: true });
  writeFileSync(join(workflows, 'one.yaml'), "name: one\ndescription: one node\nnodes:\n  - id: t\n    bash: 'true'\n");
  const home = tempDir('archal-home-');
  for (let round = 0; round < 2; round++) {
    // The second run is the one measured: the first creates the run store and the caches.
    if (round === 1) writeFileSync(log, '');
    const result = await runCli(['workflow', 'run', 'one'], {
      cwd: repo,
      env: { ARCHAL_HOME: home, NODE_OPTIONS: `--require ${file}` },
    });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
  }
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

describe('what a workflow run by name does at start-up', () => {
  it("reads no package.json of Archal's own for the version: the build writes it in", async () => {
    const packageJson = join(REPO_ROOT, 'package.json');
    const reads = await runWithPreload(
      (log) => `const fs = require('node:fs');
for (const name of ['readFileSync', 'openSync']) {
  const original = fs[name];
  fs[name] = function (file, ...rest) {
    if (String(file) === ${JSON.stringify(packageJson)}) fs.appendFileSync(${JSON.stringify(log)}, name + '\\n');
    return original.call(this, file, ...rest);
  };
}
`,
    );
    expect(reads).toEqual([]);
  });

  it('formats no time with Date#toISOString, whose first call looks up the local time zone', async () => {
    const calls = await runWithPreload(
      (log) => `const fs = require('node:fs');
const original = Date.prototype.toISOString;
Date.prototype.toISOString = function () {
  fs.appendFileSync(${JSON.stringify(log)}, new Error().stack.split('\\n')[2] + '\\n');
  return original.call(this);
};
`,
    );
    expect(calls).toEqual([]);
  });

  it('loads no ES module loader: `node:module`, which loads it, is not required for its createRequire', async () => {
    const loaded = await runWithPreload(
      (log) => `process.on('exit', () => {
  const modules = process.moduleLoadList.filter((name) => /esm\\/loader$|^NativeModule module$/.test(name));
  require('node:fs').appendFileSync(${JSON.stringify(log)}, modules.join('\\n'));
});
`,
    );
    expect(loaded).toEqual([]);
  });
});
