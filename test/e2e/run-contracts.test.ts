import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { json, runCli, startCli, waitFor } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * `archal run` and the scenario format as a user coming from Archal's hosted product drives them:
 * documented flags, scenario spellings and criteria, each through the real CLI and a real clone.
 */

interface Criterion {
  id: string;
  text: string;
  kind: string;
  status: string;
}
interface Suite {
  passed: boolean;
  scenarios: Array<{
    satisfaction: number;
    runs: number;
    tags: string[];
    results: Array<{
      passed: boolean;
      failureKind: string | null;
      failureSummary: string | null;
      criteria: Criterion[];
    }>;
  }>;
}

const env = () => ({ ARCHAL_HOME: tempDir('archal-home-'), ARCHAL_DATABASE_URL: '', DATABASE_URL: '' });

/** A project whose agent answers "ok" and leaves a `started` file, so a test can tell whether it ran. */
function project(scenarios: Record<string, string>, config: Record<string, unknown> = {}): string {
  const dir = tempDir('archal-contracts-');
  writeFiles(dir, {
    'agent.mjs': `import { writeFileSync } from 'node:fs';\nwriteFileSync('started', '1');\nconsole.log(JSON.stringify({ text: 'ok' }));\n`,
    '.archal.json': JSON.stringify({ agent: 'node agent.mjs', ...config }),
    ...Object.fromEntries(Object.entries(scenarios).map(([name, text]) => [`archal/${name}`, text])),
  });
  return dir;
}

const run = (dir: string, args: string[]) => runCli(['--cwd', dir, 'run', ...args], { env: env(), timeoutMs: 60_000 });

describe('archal run output flags', () => {
  it('refuses --json with an explicit -o terminal, as with any other second format', async () => {
    const dir = project({ 'a.md': '# A\n\n## Prompt\nHi.\n\n## Success Criteria\n- [D] The run exits successfully\n' });
    const both = await run(dir, ['--json', '-o', 'terminal']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--json and -o terminal ask for two formats: give one.');
    expect(json<{ status: string }>(both).status).toBe('error');
    expect(existsSync(join(dir, 'started'))).toBe(false);
    // -o json with --json says the same twice: that is one format.
    const same = await run(dir, ['--json', '-o', 'json', '-q']);
    expect(same.code).toBe(0);
    expect(json<Suite>(same).passed).toBe(true);
  });
});

describe('[P] criteria without an evaluator', () => {
  it('never scores a run in which no criterion was evaluated as passed', async () => {
    const dir = project({
      'judged.md': '# Judged only\n\n## Prompt\nSay hi.\n\n## Success Criteria\n- [P] The answer is polite\n',
    });
    const result = await run(dir, ['-o', 'json', '--pass-threshold', '50']);
    expect(result.code).toBe(1);
    const scenario = json<Suite>(result).scenarios[0]!;
    expect(scenario.satisfaction).toBe(0);
    expect(scenario.results[0]).toMatchObject({
      passed: false,
      failureKind: 'evaluator',
      failureSummary: expect.stringContaining('no criterion was evaluated'),
    });
    expect(scenario.results[0]!.failureSummary).toContain('"evaluator" in .archal.json');
    expect(scenario.results[0]!.criteria[0]).toMatchObject({ status: 'not_evaluated' });
    const terminal = await run(dir, ['-q']);
    expect(terminal.stdout).toContain('✗ 0%');
    expect(terminal.stdout).toContain('no criterion was evaluated');
  });
});

describe('criteria tags as people write them', () => {
  const criteria = (lines: string) =>
    `# Tags\n\n## Prompt\nSay hi.\n\n## Success Criteria\n${lines}\n\n## Config\nseed: empty\n`;
  interface Validated {
    valid: boolean;
    scenarios: Array<{
      errors: Array<{ line: number; message: string }>;
      criteria: Array<{ id: string; kind: string; inferred: boolean; mode: string; line: number }>;
    }>;
  }

  it('reads a tag at the end of the criterion, padded, or followed by a dash, and checks it', async () => {
    const dir = project({
      'tags.md': criteria(
        [
          '- The run exits successfully [D]',
          '- No issues were closed **[D]**',
          '- [ D ] No comments were created',
          '- [D] - No labels were created',
          '- [D] — No pull requests were merged',
          '- Exactly 0 issues were created [D] => $count(diff.github.issues.created) = 0',
        ].join('\n'),
      ),
    });
    const validated = await runCli(['--cwd', dir, 'scenario', 'validate', 'archal', '--json'], { env: env() });
    expect(validated.code).toBe(0);
    const listed = json<Validated>(validated).scenarios[0]!.criteria;
    expect(listed.map((c) => [c.kind, c.inferred, c.mode])).toEqual(
      Array.from({ length: 6 }, () => ['D', false, 'deterministic']),
    );
    const result = await run(dir, ['-o', 'json', '-q']);
    expect(result.code).toBe(0);
    const checked = json<Suite>(result).scenarios[0]!.results[0]!.criteria;
    expect(checked.map((c) => c.text)).toEqual([
      'The run exits successfully',
      'No issues were closed',
      'No comments were created',
      'No labels were created',
      'No pull requests were merged',
      'Exactly 0 issues were created',
    ]);
    expect(checked.every((c) => c.status === 'passed')).toBe(true);
  });

  it('refuses a tag that is neither [D] nor [P], with its line and the tag to write instead', async () => {
    const dir = project({
      'typo.md': criteria(
        [
          '- [Q] The run exits successfully',
          '- [Deterministic] No issues were closed',
          '- [LLM] The answer is polite',
          '- [D] The run exits successfully [P]',
        ].join('\n'),
      ),
    });
    const validated = await runCli(['--cwd', dir, 'scenario', 'validate', 'archal', '--json'], { env: env() });
    expect(validated.code).toBe(2);
    const errors = json<Validated>(validated).scenarios[0]!.errors;
    expect(errors.map((e) => e.line)).toEqual([7, 8, 9, 10]);
    expect(errors[0]!.message).toContain("unknown criterion tag '[Q]'");
    expect(errors[0]!.message).toContain('[D]');
    expect(errors[1]!.message).toContain("unknown criterion tag '[Deterministic]': write [D]");
    expect(errors[2]!.message).toContain("unknown criterion tag '[LLM]': write [P]");
    expect(errors[3]!.message).toContain('tagged both [D] and [P]');
    const ran = await run(dir, []);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("archal/typo.md:7: unknown criterion tag '[Q]'");
    expect(existsSync(join(dir, 'started'))).toBe(false);
  });
});

describe("Archal's other run flags", () => {
  const scenario = '# A\n\n## Prompt\nHi.\n\n## Success Criteria\n- [D] The run exits successfully\n';

  it('refuses packaged agents and the agent gateway flags with what to use instead, before any run', async () => {
    const dir = project({ 'a.md': scenario });
    const expectations: Array<[string[], string]> = [
      [['--agent', 'openclaw'], '--harness'],
      [['--agent', './my-agent'], '--harness ./my-agent'],
      [['--openclaw-home', dir], '--openclaw-home'],
      [['--engine-token', 'tok'], '--harness'],
      [['--engine-twin-urls', '{}'], 'AGENT_CLONE_URLS'],
      [['--api-base-urls', '{}'], 'AGENT_CLONE_URLS'],
      [['--api-proxy-url', 'http://127.0.0.1:9'], '--proxy'],
      [['--engine-timeout', '30'], '--timeout'],
    ];
    for (const [flags, hint] of expectations) {
      const result = await run(dir, flags);
      expect([flags, result.code]).toEqual([flags, 2]);
      expect(result.stderr).not.toContain('unknown option');
      expect(result.stderr).toContain(hint);
    }
    expect(existsSync(join(dir, 'started'))).toBe(false);
  });

  it('takes --no-docker and --allow-low-fidelity-networking: a local run is what they ask for', async () => {
    const dir = project({ 'a.md': scenario });
    const result = await run(dir, ['--no-docker', '--allow-low-fidelity-networking', '-o', 'json', '-q']);
    expect(result.code).toBe(0);
    expect(json<Suite>(result).passed).toBe(true);
    const docker = await run(dir, ['--docker']);
    expect(docker.code).toBe(2);
  });
});

describe('YAML front matter', () => {
  interface Listed {
    scenarios: Array<{ title: string; runs: number; seed: string; tags: string[]; timeout: number }>;
    errors: Array<{ line?: number; message: string }>;
    warnings: Array<{ line?: number; message: string }>;
  }

  it('reads front matter as Config, under the section when both set a key', async () => {
    const dir = project({
      'fm.md':
        '---\nruns: 2\ntags: [smoke, triage]\nseed: small-project\ntimeout: 30\n---\n# Front matter\n\n## Prompt\nHi.\n\n## Success Criteria\n- [D] The run exits successfully\n\n## Config\ntimeout: 40\n',
      'titled.md':
        '---\ntitle: "Titled in front matter"\n---\n\n## Prompt\nHi.\n\n## Success Criteria\n- [D] No issues were closed\n',
    });
    const listed = await runCli(['--cwd', dir, 'scenario', 'list', '--json'], { env: env() });
    const body = json<Listed>(listed);
    expect(body.errors).toEqual([]);
    expect(body.scenarios).toEqual([
      expect.objectContaining({
        title: 'Front matter',
        runs: 2,
        seed: 'small-project',
        tags: ['smoke', 'triage'],
        timeout: 40,
      }),
      expect.objectContaining({ title: 'Titled in front matter', runs: 1 }),
    ]);
    expect(body.warnings).toContainEqual(
      expect.objectContaining({
        line: 16,
        message: expect.stringContaining("config key 'timeout' is set again (first on line 5)"),
      }),
    );
    const result = await run(dir, ['--tag', 'smoke', '-o', 'json', '-q']);
    expect(result.code).toBe(0);
    const suite = json<Suite>(result);
    expect(suite.scenarios).toHaveLength(1);
    expect(suite.scenarios[0]).toMatchObject({ runs: 2, tags: ['smoke', 'triage'] });
  });

  it('refuses front matter that is never closed, naming line 1', async () => {
    const dir = project({
      'open.md': '---\nruns: 2\n# Open\n\n## Prompt\nHi.\n\n## Success Criteria\n- [D] The run exits successfully\n',
    });
    const validated = await runCli(['--cwd', dir, 'scenario', 'validate', 'archal'], { env: env() });
    expect(validated.code).toBe(2);
    expect(validated.stderr).toContain("archal/open.md:1: front matter opened with '---' is not closed");
  });
});

describe('--pass-threshold as a fraction', () => {
  it('warns that 0.8 is 0.8%, not 80%, and says what to write', async () => {
    const dir = project({ 'a.md': '# A\n\n## Prompt\nHi.\n\n## Success Criteria\n- [D] The run exits successfully\n' });
    const result = await run(dir, ['--pass-threshold', '0.8', '-q', '-o', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'warning: --pass-threshold 0.8 is 0.8%, not 80%: the threshold is a percentage from 0 to 100 (for 80%, write --pass-threshold 80)',
    );
    const whole = await run(dir, ['--pass-threshold', '80', '-q', '-o', 'json']);
    expect(whole.stderr).not.toContain('--pass-threshold');
  });
});

describe('where runs are recorded', () => {
  it('refuses a file in place of .archal/cache before any run, naming it (exit 2, not a crash)', async () => {
    const dir = project({ 'a.md': '# A\n\n## Prompt\nHi.\n\n## Success Criteria\n- [D] The run exits successfully\n' });
    writeFiles(dir, { '.archal/cache': 'not a folder' });
    const result = await run(dir, []);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('unexpected error');
    expect(result.stderr).toContain(`${join(dir, '.archal', 'cache')} exists and is not a directory`);
    expect(existsSync(join(dir, 'started'))).toBe(false);
  });
});

describe('headings as markdown writes them', () => {
  it('reads underlined (setext) title and section headings', async () => {
    const dir = project({
      'setext.md':
        'Close nothing\n=============\n\nPrompt\n------\nSay hi.\nThis line ends the prompt.\n\nSuccess Criteria\n----------------\n- [D] No issues were closed\n\nConfig\n------\nruns: 2\n',
    });
    const result = await run(dir, ['-o', 'json', '-q']);
    expect(result.code).toBe(0);
    const scenario = json<Suite & { scenarios: Array<{ title: string }> }>(result).scenarios[0]!;
    expect(scenario).toMatchObject({ title: 'Close nothing', runs: 2, satisfaction: 100 });
  });

  it("names a '##Prompt' written without a space as the likely cause of a missing section", async () => {
    const dir = project({
      'nospace.md': '# No space\n\n##Prompt\nHi.\n\n## Success Criteria\n- [D] The run exits successfully\n',
    });
    const validated = await runCli(['--cwd', dir, 'scenario', 'validate', 'archal'], { env: env() });
    expect(validated.code).toBe(2);
    expect(validated.stderr).toContain(
      "archal/nospace.md:3: missing '## Prompt' section (aliases: Task, Instruction(s), Request): it is what the agent is asked; '##Prompt' on line 3 is not a heading: write '## Prompt', with a space after the '#'s",
    );
  });
});

describe('scenario list and validate, plainly', () => {
  it('says an empty scenario file is empty, rather than listing every missing section', async () => {
    const dir = project({ 'empty.md': '', 'blank.md': '\n  \n' });
    const validated = await runCli(['--cwd', dir, 'scenario', 'validate', 'archal'], { env: env() });
    expect(validated.code).toBe(2);
    expect(validated.stderr).toContain('archal/empty.md: the file is empty: a scenario needs');
    expect(validated.stderr).toContain('archal/blank.md: the file is empty: a scenario needs');
    expect(validated.stderr).not.toContain('missing title');
  });

  it('counts criteria that will not be evaluated in the text listing too', async () => {
    const dir = project({
      'mixed.md':
        '# Mixed\n\n## Prompt\nHi.\n\n## Success Criteria\n- [D] The run exits successfully\n- [P] The answer is polite\n',
    });
    const listed = await runCli(['--cwd', dir, 'scenario', 'list'], { env: env() });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('1 deterministic, 0 judged criteria, 1 not evaluated (no evaluator)');
  });

  it('takes --source local and refuses --source workspace with where scenarios live here', async () => {
    const dir = project({ 'a.md': '# A\n\n## Prompt\nHi.\n\n## Success Criteria\n- [D] The run exits successfully\n' });
    const local = await runCli(['--cwd', dir, 'scenario', 'list', '--source', 'local', '--json'], { env: env() });
    expect(local.code).toBe(0);
    expect(json<{ scenarios: unknown[] }>(local).scenarios).toHaveLength(1);
    const workspace = await runCli(['--cwd', dir, 'scenario', 'list', '--source', 'workspace'], { env: env() });
    expect(workspace.code).toBe(2);
    expect(workspace.stderr).toContain("--source workspace lists Archal's hosted workspace scenarios");
  });
});

describe('Config values that cannot be used', () => {
  it('says what an empty clones list and a timeout with a unit should be, with the line', async () => {
    const base = '# C\n\n## Prompt\nHi.\n\n## Success Criteria\n- [D] The run exits successfully\n\n## Config\n';
    const dir = project({ 'clones.md': `${base}clones:\n`, 'minutes.md': `${base}timeout: 1m\n` });
    const validated = await runCli(['--cwd', dir, 'scenario', 'validate', 'archal'], { env: env() });
    expect(validated.code).toBe(2);
    expect(validated.stderr).toContain(
      "archal/clones.md:10: config clones: name at least one clone (github), or leave the key out to infer it from the scenario's wording",
    );
    expect(validated.stderr).toContain(
      "archal/minutes.md:10: timeout must be a number (got '1m'): a number of seconds above 0 and at most 3600, e.g. 'timeout: 90'",
    );
  });
});

describe('a run stopped from outside', () => {
  it('never reports a suite cut short by SIGTERM (a CI timeout) or Ctrl-C as passed', async () => {
    const dir = project({
      'slow.md':
        '# Slow\n\n## Prompt\nHi.\n\n## Success Criteria\n- [D] The run exits successfully\n\n## Config\nruns: 3\n',
    });
    writeFiles(dir, {
      'slow.mjs':
        "import { writeFileSync } from 'node:fs';\nwriteFileSync('started', '1');\nsetTimeout(() => {}, 30_000);\n",
    });
    const cli = startCli(['--cwd', dir, 'run', '--harness', './slow.mjs', '--concurrency', '1', '-o', 'json'], {
      env: env(),
    });
    await waitFor(() => existsSync(join(dir, 'started')), 20_000, 'the agent to start');
    cli.kill('SIGTERM');
    const result = await cli.done;
    expect(result.code).toBe(1);
    const suite = json<Suite & { warnings: string[] }>(result);
    expect(suite.passed).toBe(false);
    expect(suite.warnings).toContainEqual(expect.stringContaining('cancelled'));
    expect(result.stderr).toContain('cancelled');
  });
});

describe('=> expressions that read what is not there', () => {
  it('refuses a misspelt collection or root before any run, with the line and the name meant', async () => {
    const criteria = [
      '- [D] Nothing was closed => $count(github.issue[state = "closed"]) = 0',
      '- [D] No pull request was opened => $count(diff.github.pullRequest.created) = 0',
      '- [D] It exited => run.exitcode = 0',
      '- [D] Issues unchanged => $count(issues) = 3',
      '- [D] Valid => $count($filter(github.issues, function($i) { $i.state = "closed" and $not($before($i).state = "closed") })) = 0 and run.exitCode = 0',
    ].join('\n');
    const dir = project({ 'paths.md': `# Paths\n\n## Prompt\nHi.\n\n## Success Criteria\n${criteria}\n` });
    const validated = await runCli(['--cwd', dir, 'scenario', 'validate', 'archal'], { env: env() });
    expect(validated.code).toBe(2);
    expect(validated.stderr).toContain(
      'archal/paths.md:7: [D] criterion c1 ("Nothing was closed") cannot be checked deterministically: github.issue is not in what criteria read: did you mean github.issues?',
    );
    expect(validated.stderr).toContain(
      'archal/paths.md:8: [D] criterion c2 ("No pull request was opened") cannot be checked deterministically: diff.github.pullRequest is not in what criteria read: did you mean diff.github.pullRequests?',
    );
    expect(validated.stderr).toContain('run.exitcode is not in what criteria read: did you mean run.exitCode?');
    expect(validated.stderr).toContain('issues is not at the top of what criteria read: write github.issues');
    expect(validated.stderr).not.toContain(':11:');
    const ran = await run(dir, []);
    expect(ran.code).toBe(2);
    expect(existsSync(join(dir, 'started'))).toBe(false);
  });
});

describe('a .md seed file', () => {
  const seed = {
    users: [{ login: 'testuser' }],
    repos: [
      { owner: 'testuser', name: 'test-repo', issues: [{ title: 'feature: add dark mode', author: 'testuser' }] },
    ],
  };
  const scenario =
    '# Seeded from markdown\n\n## Prompt\nHi.\n\n## Success Criteria\n- [D] There are exactly 1 open issues\n';

  it('reads the seed from its ```json block, from --seed and from Config', async () => {
    const dir = project({
      'a.md': scenario,
      'b.md': `${scenario}\n## Config\nseed: ../seeds/repo.md\n`,
    });
    writeFiles(dir, {
      'seeds/repo.md': `# Test repository\n\nOne open issue.\n\n\`\`\`json\n${JSON.stringify(seed, null, 2)}\n\`\`\`\n`,
    });
    const flagged = await run(dir, ['archal/a.md', '--seed', 'seeds/repo.md', '-o', 'json', '-q']);
    expect(flagged.code).toBe(0);
    expect(json<Suite>(flagged).scenarios[0]!.satisfaction).toBe(100);
    const configured = await run(dir, ['archal/b.md', '-o', 'json', '-q']);
    expect(configured.code).toBe(0);
    expect(json<Suite>(configured).scenarios[0]!.satisfaction).toBe(100);
  });

  it('refuses a .md seed file without a ```json block, and names the line where its JSON breaks', async () => {
    const dir = project({ 'a.md': scenario });
    writeFiles(dir, {
      'prose.md': '# Seed\n\nA repository with one issue.\n',
      'broken.md': '# Seed\n\n```json\n{\n  "users": [\n}\n```\n',
    });
    const prose = await run(dir, ['--seed', 'prose.md']);
    expect(prose.code).toBe(2);
    expect(prose.stderr).toContain('no ```json block');
    const broken = await run(dir, ['--seed', 'broken.md']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('not valid JSON (line 6');
    expect(existsSync(join(dir, 'started'))).toBe(false);
  });
});

describe("the suite's satisfaction at the top of the results", () => {
  it('is the lowest scenario satisfaction, in -o json and in .archal/cache/last-run.json, as Archal scripts read it', async () => {
    const dir = project({
      'pass.md':
        '# Pass\n\n## Prompt\nHi.\n\n## Success Criteria\n- [D] The run exits successfully\n\n## Config\nruns: 2\n',
      'fail.md': '# Fail\n\n## Prompt\nHi.\n\n## Success Criteria\n- [D] An issue titled "never" exists\n',
    });
    const both = await run(dir, ['-o', 'json', '-q']);
    expect(json<{ satisfaction: number }>(both).satisfaction).toBe(0);
    const one = await run(dir, ['archal/pass.md', '-o', 'json', '-q']);
    expect(json<{ satisfaction: number }>(one).satisfaction).toBe(100);
    const last = JSON.parse(readFileSync(join(dir, '.archal', 'cache', 'last-run.json'), 'utf8')) as {
      satisfaction: number;
    };
    expect(last.satisfaction).toBe(100);
  });
});

describe('--tag without a tag', () => {
  it('is refused (an unset variable in `--tag "$SUITE"`), rather than running every scenario', async () => {
    const dir = project({ 'a.md': '# A\n\n## Prompt\nHi.\n\n## Success Criteria\n- [D] The run exits successfully\n' });
    const empty = await run(dir, ['--tag', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--tag needs a tag');
    expect(existsSync(join(dir, 'started'))).toBe(false);
  });
});

describe('a rule on the first line', () => {
  it('is not front matter when no `key:` line follows it', async () => {
    const dir = project({
      'rule.md':
        '---\n# Ruled\n\n## Prompt\nHi.\n\n---\n\n## Success Criteria\n- [D] The run exits successfully\n\n## Config\nruns: 2\n',
    });
    const listed = await runCli(['--cwd', dir, 'scenario', 'list', '--json'], { env: env() });
    expect(json<{ scenarios: Array<{ title: string; runs: number }>; errors: unknown[] }>(listed)).toMatchObject({
      scenarios: [{ title: 'Ruled', runs: 2 }],
      errors: [],
    });
  });
});
