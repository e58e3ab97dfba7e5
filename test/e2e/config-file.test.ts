import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { json, runCli } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { tempDir } from '../helpers/tmp.js';

interface Validation {
  valid: boolean;
  file: string;
  exists: boolean;
  errors: Array<{ path: string; message: string }>;
  warnings: Array<{ path: string; message: string }>;
}

/** A git repository holding `files`. */
function repository(files: Record<string, string>): string {
  const dir = tempDir('archal-config-file-');
  execFileSync('git', ['init', '--quiet', dir]);
  writeFiles(dir, files);
  return dir;
}

describe('archal config validate checks the file a run would read', () => {
  it('typed in a subfolder, validates the nearest .archal.json above, as archal run reads it', async () => {
    const dir = repository({ '.archal.json': '{"runs": "3"}\n', 'packages/a/readme.md': 'a package\n' });
    const here = join(dir, 'packages', 'a');
    const run = await runCli(['run', '-q'], { cwd: here });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('runs: Invalid input: expected number, received string');
    expect(run.stderr).toContain('archal config validate');

    const text = await runCli(['config', 'validate'], { cwd: here });
    expect(text.code).toBe(2);
    expect(text.stderr).toContain(`${join(dir, '.archal.json')} is invalid`);
    expect(text.stderr).toContain('runs: Invalid input: expected number, received string');

    const validate = await runCli(['config', 'validate', '--json'], { cwd: here });
    expect(validate.code).toBe(2);
    expect(json<Validation>(validate)).toMatchObject({
      valid: false,
      file: join(dir, '.archal.json'),
      exists: true,
      errors: [{ path: 'runs' }],
    });
  });

  it('names the harness a run would use, as `archal config show` says it does', async () => {
    const show = await runCli(['config', 'show'], { cwd: tempDir('archal-config-show-') });
    expect(show.code).toBe(2);
    expect(show.stderr).toContain('names the harness a run would use');

    const configured = repository({ '.archal.json': '{"agent": "node agent.mjs"}' });
    const named = await runCli(['config', 'validate', '--json'], { cwd: configured });
    expect(json(named)).toMatchObject({ valid: true, harness: { command: 'node agent.mjs', source: 'config' } });
    const text = await runCli(['config', 'validate'], { cwd: configured });
    expect(text.stdout).toContain('Harness: node agent.mjs (.archal.json "agent")');

    const discovered = repository({ '.archal/harness.mjs': 'console.log("{}");\n' });
    const found = await runCli(['config', 'validate', '--json'], { cwd: discovered });
    expect(json(found)).toMatchObject({
      valid: true,
      exists: false,
      harness: { command: expect.stringContaining('.archal/harness.mjs'), source: 'discovered' },
    });

    const none = await runCli(['config', 'validate', '--json'], { cwd: repository({}) });
    expect(json(none)).toMatchObject({ valid: true, harness: null });
  });

  it('looks no higher than the repository root, as archal run does', async () => {
    const outer = tempDir('archal-config-outer-');
    writeFiles(outer, { '.archal.json': '{"runs": "3"}\n' });
    const dir = join(outer, 'repo');
    execFileSync('git', ['init', '--quiet', dir]);
    writeFiles(dir, { 'sub/readme.md': 'x\n' });
    const validate = await runCli(['config', 'validate', '--json'], { cwd: join(dir, 'sub') });
    expect(validate.code).toBe(0);
    expect(json<Validation>(validate)).toMatchObject({
      valid: true,
      exists: false,
      file: join(dir, 'sub', '.archal.json'),
    });
  });

  it('-c FILE validates the file `archal run -c FILE` reads, and the run says so in its hint', async () => {
    const dir = repository({ 'ci/archal.ci.json': '{\n  "runs": 2,\n  "timout": 60\n}\n' });
    const run = await runCli(['run', '-c', 'ci/archal.ci.json', '-q'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ci/archal.ci.json: timout: unknown key. Did you mean 'timeout'?");
    expect(run.stderr).toContain('archal config validate -c ci/archal.ci.json');

    const text = await runCli(['config', 'validate', '-c', 'ci/archal.ci.json'], { cwd: dir });
    expect(text.code).toBe(2);
    expect(text.stderr).toContain("ci/archal.ci.json: timout: unknown key. Did you mean 'timeout'?");

    const validate = await runCli(['config', 'validate', '--config', 'ci/archal.ci.json', '--json'], { cwd: dir });
    expect(validate.code).toBe(2);
    expect(json<Validation>(validate)).toMatchObject({
      valid: false,
      file: join(dir, 'ci', 'archal.ci.json'),
      exists: true,
      errors: [{ path: 'timout' }],
    });
  });

  it('-c FILE that does not exist is invalid (a run with it stops), named once', async () => {
    const dir = repository({});
    const validate = await runCli(['config', 'validate', '-c', 'nope.json', '--json'], { cwd: dir });
    expect(validate.code).toBe(2);
    expect(json<Validation>(validate)).toMatchObject({ valid: false, exists: false, errors: [{ path: '' }] });

    const run = await runCli(['run', '-c', 'nope.json', '-q'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nope.json: no such file');
    expect(run.stderr).not.toContain(`nope.json: ${join(dir, 'nope.json')}`);
  });
});

describe('.archal.json written by hand', () => {
  async function validate(content: string): Promise<{ code: number | null; stderr: string; report: Validation }> {
    const dir = repository({ '.archal.json': content });
    const text = await runCli(['config', 'validate'], { cwd: dir });
    const result = await runCli(['config', 'validate', '--json'], { cwd: dir });
    // A command that fails on the file leaves it as it was.
    expect(readFileSync(join(dir, '.archal.json'), 'utf8')).toBe(content);
    expect(result.code).toBe(text.code);
    return { code: result.code, stderr: text.stderr, report: json<Validation>(result) };
  }

  it('a comment is named as one, with where it is and what to do', async () => {
    const { code, stderr } = await validate('{\n  // the agent under test\n  "agent": "node agent.mjs"\n}\n');
    expect(code).toBe(2);
    expect(stderr).toContain('line 2, column 3: a comment; JSON has none: remove it');
  });

  it('a block comment after a value is named as one too', async () => {
    const { code, stderr } = await validate('{\n  "runs": 2 /* three on CI */\n}\n');
    expect(code).toBe(2);
    expect(stderr).toContain('line 2, column 13: a comment; JSON has none: remove it');
  });

  it('an empty file says it is empty and what to write', async () => {
    const { code, stderr } = await validate('\n');
    expect(code).toBe(2);
    expect(stderr).toContain('.archal.json: the file is empty: write {} (or delete the file) to use the defaults');
  });

  it('an enum value with a typo gets a did-you-mean', async () => {
    const { code, report } = await validate(
      '{"routing": "proxi", "evaluator": {"provider": "claud"}, "app": {"minPermission": "Write"}}',
    );
    expect(code).toBe(2);
    expect(report.errors).toEqual([
      { path: 'routing', message: expect.stringContaining("Did you mean 'proxy'?") },
      { path: 'evaluator.provider', message: expect.stringContaining("Did you mean 'claude'?") },
      { path: 'app.minPermission', message: expect.stringContaining("Did you mean 'write'?") },
    ]);
    expect(report.errors[0]!.message).toContain('expected one of "env"|"proxy"|"both"');
  });

  it('a timeout above the hour a run may take is an error of the key, not of a scenario', async () => {
    const { code, report } = await validate('{"timeout": 7200}');
    expect(code).toBe(2);
    expect(report.errors).toEqual([{ path: 'timeout', message: expect.stringContaining('<=3600') }]);
  });

  it('a key given twice is a warning naming it and the line of the one that is used', async () => {
    const { code, stderr, report } = await validate('{\n  "runs": 1,\n  "timeout": 60,\n  "runs": 5\n}\n');
    expect(code).toBe(0);
    expect(report.warnings).toEqual([
      { path: 'runs', message: '"runs" is given twice (lines 2 and 4); the last one (line 4) is used: keep one' },
    ]);
    expect(stderr).toContain('warning: .archal.json: runs: "runs" is given twice');
  });

  it('a key given twice inside a section is named by its path', async () => {
    const { report } = await validate('{"preprod": {"runs": 1, "passThreshold": 80, "runs": 3}}');
    expect(report.warnings).toEqual([
      { path: 'preprod.runs', message: expect.stringContaining('"runs" is given twice (lines 1 and 1)') },
    ]);
  });
});

describe('archal init beside an .archal.json it keeps', () => {
  it('says when the kept file is invalid, and leaves it as it was', async () => {
    const content = '{\n  "runs": "3", // three\n}\n';
    const dir = repository({ '.archal.json': content });
    const init = await runCli(['init'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('kept    .archal.json (already exists)');
    expect(init.stderr).toContain(
      'warning: .archal.json is invalid: `archal config validate` says why (archal run stops on it until it is fixed)',
    );
    expect(readFileSync(join(dir, '.archal.json'), 'utf8')).toBe(content);
  });

  it('says nothing more of a valid one', async () => {
    const dir = repository({ '.archal.json': '{"runs": 2}\n' });
    const init = await runCli(['init'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stderr).toBe('');
  });
});

describe('clone names in .archal.json', () => {
  const scenario =
    '# T\n\n## Prompt\nSay hello.\n\n## Success Criteria\n- [D] the run exits successfully\n\n## Config\nseed: empty\n';

  it('a default clone Archal does not run is a warning of config validate with a did-you-mean', async () => {
    const dir = repository({ '.archal.json': '{"clones": ["githb"]}' });
    const validate = await runCli(['config', 'validate', '--json'], { cwd: dir });
    expect(validate.code).toBe(0);
    expect(json<Validation>(validate).warnings).toEqual([
      {
        path: 'clones',
        message:
          "clone 'githb' is not one Archal runs (github): scenarios that name no clone cannot run. Did you mean 'github'?",
      },
    ]);
  });

  it('the scenario that falls back to it says the clone came from .archal.json', async () => {
    const dir = repository({ '.archal.json': '{"agent": "node a.mjs", "clones": ["githb"]}', 'archal/t.md': scenario });
    const run = await runCli(['run', '-q'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'archal/t.md: clone \'githb\' is not available (.archal.json "clones", for scenarios that name none)',
    );
  });

  it('a seed of a clone Archal does not run is a warning: it is never used', async () => {
    const dir = repository({ '.archal.json': '{"seeds": {"githib": "small-project"}}' });
    const validate = await runCli(['config', 'validate', '--json'], { cwd: dir });
    expect(validate.code).toBe(0);
    expect(json<Validation>(validate).warnings).toEqual([
      {
        path: 'seeds.githib',
        message: "no clone 'githib' here (Archal runs github): this seed is never used. Did you mean 'github'?",
      },
    ]);
  });
  it('seed keys are case-insensitive, as clone names are: "GitHub" is the github seed', async () => {
    const dir = repository({ '.archal.json': '{"seeds": {"GitHub": "smal-project"}}' });
    const validate = await runCli(['config', 'validate', '--json'], { cwd: dir });
    expect(validate.code).toBe(2);
    expect(json<Validation>(validate)).toMatchObject({
      errors: [{ path: 'seeds.github', message: expect.stringContaining('did you mean "small-project"') }],
      warnings: [],
    });

    writeFiles(dir, { '.archal.json': '{"seeds": {"github": "empty", "GitHub": "small-project"}}' });
    const both = await runCli(['config', 'validate', '--json'], { cwd: dir });
    expect(both.code).toBe(2);
    expect(json<Validation>(both).errors).toEqual([
      {
        path: 'seeds',
        message: '"github" and "GitHub" name the same clone (clone names are case-insensitive): keep one',
      },
    ]);
  });
});

describe('.env written by hand', () => {
  it('a line that is not NAME=value does not take the next variable with it', async () => {
    const dir = repository({
      '.env': 'FIRST=1\nnot a variable\nSECOND=2\n# a comment\nTHIRD="three words"\n',
      '.archal.json': JSON.stringify({
        agent: { command: 'node', args: ['a.mjs'], env: { A: '${FIRST}', B: '${SECOND}', C: '${THIRD}' } },
      }),
    });
    const validate = await runCli(['config', 'validate', '--json'], { cwd: dir });
    expect(validate.code).toBe(0);
    expect(json<Validation>(validate).warnings).toEqual([]);
  });
});

describe('ARCHAL_TMPDIR', () => {
  it('naming a directory that does not exist is invalid input that names the variable', async () => {
    const dir = repository({
      '.archal.json': '{"agent": "node agent.mjs"}',
      'agent.mjs': 'console.log(JSON.stringify({ text: "ok" }));\n',
      'archal/t.md':
        '# T\n\n## Prompt\nHi.\n\n## Success Criteria\n- [D] the run exits successfully\n\n## Config\nseed: empty\n',
    });
    const missing = join(dir, 'no-such-dir');
    const result = await runCli(['run', '-q'], { cwd: dir, env: { ARCHAL_TMPDIR: missing } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`ARCHAL_TMPDIR is ${missing}, which does not exist`);
    expect(result.stderr).not.toContain('unexpected error');

    const file = join(dir, 'agent.mjs');
    const clone = await runCli(['clone', 'start', 'github'], { cwd: dir, env: { ARCHAL_TMPDIR: file } });
    expect(clone.code).toBe(2);
    expect(clone.stderr).toContain(`ARCHAL_TMPDIR is ${file}, which is not a directory`);
  });

  it('from the repository .env is checked as well', async () => {
    const dir = repository({
      '.env': 'ARCHAL_TMPDIR=./scratch-typo\n',
      '.archal.json': '{"agent": "node agent.mjs"}',
      'agent.mjs': 'console.log(JSON.stringify({ text: "ok" }));\n',
      'archal/t.md':
        '# T\n\n## Prompt\nHi.\n\n## Success Criteria\n- [D] the run exits successfully\n\n## Config\nseed: empty\n',
    });
    const result = await runCli(['run', '-q'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ARCHAL_TMPDIR is');
    expect(result.stderr).toContain('scratch-typo, which does not exist');
  });
});

describe('ARCHAL_HOME', () => {
  it('naming a file is invalid input that names the variable', async () => {
    const dir = repository({ 'not-a-dir': 'x\n' });
    const home = join(dir, 'not-a-dir');
    const status = await runCli(['workflow', 'status', '--json'], { cwd: dir, env: { ARCHAL_HOME: home } });
    expect(status.code).toBe(2);
    expect(status.stderr).toContain(`ARCHAL_HOME is ${home}, which is not a directory`);
    expect(json(status)).toMatchObject({ status: 'error', error: { code: 'invalid_input' } });
  });
});
