import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { runCli } from '../helpers/cli.js';
import { tempRepo } from '../helpers/tmp.js';

const run = promisify(execFile);

/**
 * What a user following Archal's hosted guide ("First preflight") meets first: `archal init`, then
 * the guide's smoke test of the harness, run by hand before any loop spends attempts.
 */
describe("Archal's first preflight, followed here", () => {
  it("the harness archal init writes passes the guide's smoke test verbatim, before any npm install", async () => {
    const dir = tempRepo('archal-guide-');
    expect((await runCli(['--cwd', dir, 'init'])).code).toBe(0);
    // Run by hand: no clone, so none of the variables a run gives, and no node_modules yet.
    const env = { PATH: process.env.PATH ?? '', HOME: dir, AGENT_TASK: 'Reply with OK and do not use tools.' };
    const smoke = await run('node', ['./.archal/harness.mjs'], { cwd: dir, env });
    expect(JSON.parse(smoke.stdout)).toEqual({ text: 'OK' });
    // It says why it did not reach GitHub, on stderr where logs go.
    expect(smoke.stderr).toContain('GITHUB_API_URL is not set');
  });
});
