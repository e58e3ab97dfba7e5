import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { json, runCli } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

/** `archal preprod plan`, `archal preprod run` and `archal run` find the same harness in a repository. */

const env = () => ({ ARCHAL_HOME: tempDir('archal-home-'), ARCHAL_DATABASE_URL: '', DATABASE_URL: '' });
const SCENARIO = '# Fine\n\n## Prompt\nDo nothing.\n\n## Success Criteria\n- [D] The run exits successfully\n';
const OK_JS = "console.log(JSON.stringify({ text: 'OK' }));\n";

/** Harnesses the old plan did not see: a manifest, Python, a shell script, each under .archal/ or at the root. */
const HARNESSES: Array<[string, Record<string, string>, string]> = [
  [
    '.archal/harness.json',
    {
      '.archal/agent.mjs': OK_JS,
      '.archal/harness.json': JSON.stringify({ version: 1, local: { command: 'node', args: ['agent.mjs'] } }),
    },
    '.archal',
  ],
  [
    '.archal/harness.py',
    { '.archal/harness.py': 'import json\nprint(json.dumps({"text": "OK"}))\n' },
    '.archal/harness.py',
  ],
  ['harness.sh', { 'harness.sh': 'echo \'{"text": "OK"}\'\n' }, 'harness.sh'],
];

/** What `archal preprod run --plan` makes of the repository's harness. */
async function preprodPlanned(dir: string): Promise<{ status: string; stopReason: string; message: string }> {
  return json(await runCli(['--cwd', dir, 'preprod', 'run', '--plan', '--json'], { env: env(), timeoutMs: 60_000 }));
}

describe('one harness discovery for plan and run', () => {
  it.each(HARNESSES)(
    '%s: plan finds and preflights it, as run --preflight-only does',
    async (_name, files, where) => {
      const dir = tempRepo();
      writeFiles(dir, { ...files, 'archal/a.md': SCENARIO });
      const plan = await runCli(['--cwd', dir, 'preprod', 'plan', '--json'], { env: env(), timeoutMs: 60_000 });
      expect(plan.code).toBe(0);
      const answer = json<{ harness: { source: string; runnable: boolean | null }; blockers: Array<{ code: string }> }>(
        plan,
      );
      expect(answer.harness).toMatchObject({ source: 'discovered', runnable: true });
      expect(answer.blockers.map((blocker) => blocker.code)).not.toContain('missing_harness');
      const run = await runCli(['--cwd', dir, 'run', '--preflight-only'], { env: env(), timeoutMs: 60_000 });
      expect(run.stderr).not.toContain('No agent to test');
      expect(run.code).toBe(0);
      expect(await preprodPlanned(dir)).toMatchObject({ status: 'planned', stopReason: 'plan_only' });
      // The config plan writes names the harness by its path, which runs the same harness.
      const written = await runCli(['--cwd', dir, 'preprod', 'plan', '--write-config', '--json'], {
        env: env(),
        timeoutMs: 60_000,
      });
      expect(json<{ wroteConfig: boolean }>(written).wroteConfig).toBe(true);
      expect(JSON.parse(readFileSync(join(dir, '.archal.json'), 'utf8'))).toMatchObject({ agent: where });
      const again = await runCli(['--cwd', dir, 'run', '--preflight-only'], { env: env(), timeoutMs: 60_000 });
      expect(again.stderr).toBe('');
      expect(again.code).toBe(0);
    },
    120_000,
  );

  it('plan and run agree that there is no harness', async () => {
    const dir = tempRepo();
    writeFiles(dir, { 'archal/a.md': SCENARIO });
    const plan = json<{ harness: { source: string } }>(
      await runCli(['--cwd', dir, 'preprod', 'plan', '--json'], { env: env(), timeoutMs: 60_000 }),
    );
    expect(plan.harness.source).toBe('none');
    const run = await runCli(['--cwd', dir, 'run', '--preflight-only'], { env: env() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No agent to test');
    expect(await preprodPlanned(dir)).toMatchObject({ status: 'blocked', stopReason: 'missing_harness' });
  }, 90_000);
});

describe('a harness.json that is not a file', () => {
  const cases: Array<[string, (path: string) => void, string]> = [
    ['a directory', (path) => mkdirSync(path, { recursive: true }), 'a directory'],
    [
      'a FIFO',
      (path) => {
        mkdirSync(join(path, '..'), { recursive: true });
        execFileSync('mkfifo', [path]);
      },
      'a FIFO (named pipe)',
    ],
  ];
  it.each(cases)(
    '%s: run names the file and what it is, exit 2; plan says the same',
    async (_name, make, what) => {
      const dir = tempRepo();
      writeFiles(dir, { 'archal/a.md': SCENARIO });
      make(join(dir, '.archal', 'harness.json'));
      const run = await runCli(['--cwd', dir, 'run', '--preflight-only'], { env: env(), timeoutMs: 10_000 });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`.archal/harness.json is ${what}, not a regular file`);
      expect(run.stderr).not.toContain('No agent to test');
      const plan = json<{
        harness: { source: string; detail: string };
        blockers: Array<{ code: string; message: string }>;
      }>(await runCli(['--cwd', dir, 'preprod', 'plan', '--json'], { env: env(), timeoutMs: 60_000 }));
      expect(plan.harness.detail).toContain(`.archal/harness.json is ${what}, not a regular file`);
      expect(await preprodPlanned(dir)).toMatchObject({
        status: 'blocked',
        message: expect.stringContaining(`.archal/harness.json is ${what}, not a regular file`),
      });
      expect(plan.blockers).toContainEqual(
        expect.objectContaining({
          code: 'harness_not_runnable',
          message: expect.stringContaining('.archal/harness.json'),
        }),
      );
    },
    90_000,
  );

  it('a FIFO harness.json in a folder given as --harness is named, not waited on', async () => {
    const dir = tempRepo();
    writeFiles(dir, { 'archal/a.md': SCENARIO });
    mkdirSync(join(dir, 'bot'));
    execFileSync('mkfifo', [join(dir, 'bot', 'harness.json')]);
    const run = await runCli(['--cwd', dir, 'run', '--preflight-only', '--harness', 'bot'], {
      env: env(),
      timeoutMs: 10_000,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bot/harness.json is a FIFO (named pipe), not a regular file');
  });
});

describe('config validate: the harness a run would use', () => {
  it('agent naming a manifest that does not exist, or a folder without one: an error of agent, exit 2, as run stops', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'archal/a.md': SCENARIO, '.archal.json': JSON.stringify({ agent: '.archal/harness.json' }) });
    const run = await runCli(['--cwd', dir, 'run', '--preflight-only'], { env: env(), timeoutMs: 10_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Harness .archal/harness.json not found');

    const validate = await runCli(['--cwd', dir, 'config', 'validate', '--json'], { env: env() });
    expect(validate.code).toBe(2);
    expect(json(validate)).toMatchObject({
      valid: false,
      errors: [
        {
          path: 'agent',
          message: expect.stringMatching(
            /^Harness \.archal\/harness\.json not found \(looked for .*\)\. Give a harness file .*, a folder with harness\.json, or a command line\.$/,
          ),
        },
      ],
    });
    const text = await runCli(['--cwd', dir, 'config', 'validate'], { env: env() });
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/\.archal\.json: agent: Harness \.archal\/harness\.json not found/);

    // The path is a folder: it holds neither a manifest nor an entry file.
    mkdirSync(join(dir, '.archal', 'harness.json'), { recursive: true });
    const folder = await runCli(['--cwd', dir, 'config', 'validate', '--json'], { env: env() });
    expect(folder.code).toBe(2);
    expect(json(folder)).toMatchObject({
      errors: [
        {
          path: 'agent',
          message: expect.stringMatching(
            /^Harness folder \.archal\/harness\.json has neither a manifest .* nor an entry file .*: put one there, or name another harness\.$/,
          ),
        },
      ],
    });
  });

  it('a harness found in the repository that a run cannot use: a warning naming it; no harness at all: silent', async () => {
    const dir = tempDir();
    writeFiles(dir, { '.archal.json': JSON.stringify({ runs: 1 }) });
    const none = await runCli(['--cwd', dir, 'config', 'validate', '--json'], { env: env() });
    expect(none.code).toBe(0);
    expect(json(none)).toMatchObject({ valid: true, errors: [], warnings: [] });

    mkdirSync(join(dir, '.archal', 'harness.json'), { recursive: true });
    const found = await runCli(['--cwd', dir, 'config', 'validate', '--json'], { env: env() });
    expect(found.code).toBe(0);
    expect(json(found)).toMatchObject({
      valid: true,
      warnings: [
        {
          file: '.archal/harness.json',
          path: '',
          message: expect.stringMatching(
            /^\.archal\/harness\.json is a directory, not a regular file, so it is no harness/,
          ),
        },
      ],
    });
    // In words, the warning names the harness once.
    const text = await runCli(['--cwd', dir, 'config', 'validate'], { env: env() });
    expect(text.code).toBe(0);
    expect(text.stderr).toMatch(/^warning: \.archal\/harness\.json is a directory, not a regular file/m);
    expect(text.stderr.match(/\.archal\/harness\.json/g)).toHaveLength(1);
  });
});
