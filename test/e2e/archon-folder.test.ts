import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { json, REPO_ROOT, runCli } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

/** A repository with Archon's `.archon/` folder, driven through the CLI as a user would. */

function gitStatus(dir: string): string {
  return execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dir, encoding: 'utf8' });
}

/** An Archon-style repository: commands under defaults/ and a subfolder, scripts, config, workflows. */
function archonRepo(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = tempRepo();
  const home = tempDir('archal-home-');
  const userHome = tempDir('archal-user-');
  writeFiles(dir, {
    '.archon/config.yaml': `docs:\n  path: handbook\naliases:\n  '@cheap':\n    provider: exec\n    model: tiny\n`,
    '.archon/commands/defaults/archon-summarize.md': 'Summarize: $ARGUMENTS',
    '.archon/commands/triage/label-check.md': 'Check labels of $INPUTS.repo',
    '.archon/scripts/count.js': 'console.log(process.env.INPUTS_REPO.length)',
    '.archon/workflows/defaults/archon-triage.yaml': `name: archon-triage
description: |
  Use when: triaging.
  Triage a repository.
provider: exec
exec: {command: head, args: ["-n", "1"]}
model: '@cheap'
inputs:
  repo: {required: true, description: owner/name}
nodes:
  - id: summarize
    command: archon-summarize
  - id: labels
    command: label-check
  - id: count
    script: count
    runtime: node
  - id: record
    depends_on: [summarize, labels, count]
    bash: |
      echo $summarize.output / $labels.output / $count.output > "$ARTIFACTS_DIR/report.txt"
      echo seen >> "$STATE_DIR/ledger.txt"
      printf '%s' "$DOCS_DIR"
`,
    '.archon/workflows/broken.yaml':
      'name: broken-flow\ndescription: broken\nnodes:\n  - id: a\n    loop: {prompt: x}\n',
  });
  execFileSync('git', ['add', '-A'], { cwd: dir });
  execFileSync('git', ['commit', '-qm', 'archon folder'], { cwd: dir });
  return { dir, env: { ARCHAL_HOME: home, HOME: userHome } };
}

describe('an .archon/ folder dropped into a repository', () => {
  it('lists and validates its workflows; validate --json always names the workflow', async () => {
    const { dir, env } = archonRepo();
    const list = json<{ workflows: Array<{ name: string; scope: string }>; errors: Array<{ file: string }> }>(
      await runCli(['workflow', 'list', '--json'], { cwd: dir, env }),
    );
    expect(list.workflows.find((workflow) => workflow.name === 'archon-triage')).toMatchObject({ scope: 'archon' });
    expect(list.errors.map((error) => error.file)).toEqual([join(dir, '.archon/workflows/broken.yaml')]);

    const valid = await runCli(['workflow', 'validate', 'archon-triage', '--json'], { cwd: dir, env });
    expect(valid.code).toBe(0);
    expect(json(valid)).toMatchObject({ valid: true, workflow: 'archon-triage' });
    const invalid = await runCli(['workflow', 'validate', 'broken-flow', '--json'], { cwd: dir, env });
    expect(invalid.code).toBe(2);
    expect(json(invalid)).toMatchObject({ valid: false, workflow: 'broken-flow' });
    const missing = await runCli(['workflow', 'validate', 'no-such-flow', '--json'], { cwd: dir, env });
    expect(missing.code).toBe(2);
    expect(json(missing)).toMatchObject({ valid: false, workflow: 'no-such-flow' });
  });

  it('answers --json in JSON outside a repository, with an invalid .archal.json, and when a paused run is in the way', async () => {
    const outside = tempDir('archal-outside-');
    const env = { ARCHAL_HOME: tempDir('archal-home-'), HOME: tempDir('archal-user-') };
    writeFiles(outside, {
      'flows/ok.yaml': 'name: loose-flow\ndescription: d\nnodes:\n  - id: a\n    bash: echo hi\n',
    });
    const file = await runCli(['workflow', 'validate', 'flows/ok.yaml', '--json'], { cwd: outside, env });
    expect(file.code).toBe(0);
    expect(json(file)).toMatchObject({ valid: true, workflow: 'loose-flow' });
    const byName = await runCli(['workflow', 'validate', 'loose-flow', '--json'], { cwd: outside, env });
    expect(byName.code).toBe(2);
    expect(json(byName)).toMatchObject({
      valid: false,
      workflow: 'loose-flow',
      errors: [{ message: expect.stringContaining('not inside a git repository') }],
    });

    const { dir } = archonRepo();
    writeFiles(dir, { '.archal.json': '{"agnet": "x"}' });
    const badConfig = await runCli(['workflow', 'validate', 'archon-triage', '--json'], { cwd: dir, env });
    expect(badConfig.code).toBe(2);
    expect(json(badConfig)).toMatchObject({
      valid: false,
      workflow: 'archon-triage',
      errors: [{ message: expect.stringContaining('agnet'), file: join(dir, '.archal.json') }],
    });

    writeFiles(dir, {
      '.archal.json': '{}',
      '.archon/workflows/gated.yaml':
        'name: gated\ndescription: d\nnodes:\n  - id: edit\n    bash: echo edit\n  - id: gate\n    depends_on: [edit]\n    approval: {message: ok?}\n  - id: after\n    depends_on: [gate]\n    bash: echo after\n',
    });
    const paused = await runCli(['workflow', 'run', 'gated', '--json'], { cwd: dir, env });
    expect(json<{ status: string }>(paused).status).toBe('paused');
    const second = await runCli(['workflow', 'run', 'gated', '--json'], { cwd: dir, env });
    expect(second.code).toBe(1);
    expect(json(second)).toMatchObject({
      status: 'refused',
      error: { code: 'path_busy', message: expect.stringContaining('archal workflow approve') },
      activeRun: { workflow: 'gated', status: 'paused' },
    });
  });

  it.each([
    ['a list (warned: its settings are ignored)', '[docs, aliases]\n', 'a list'],
    ['only a comment (quiet: it sets nothing)', '# nothing yet\n', undefined],
    ['a string (warned: its settings are ignored)', 'handbook\n', 'a string'],
  ])('names a config.yaml that is not a mapping of settings: %s', async (_kind, text, what) => {
    const dir = tempRepo();
    writeFiles(dir, { '.archon/config.yaml': text });
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    const result = await runCli(['--cwd', dir, 'workflow', 'list'], { env });
    expect(result.code).toBe(0);
    const file = join(dir, '.archon/config.yaml');
    if (what === undefined) expect(result.stderr).not.toContain(file);
    else
      expect(result.stderr).toContain(
        `warning: ${file}: it is ${what}, not a mapping of settings (assistant, tiers, aliases, docs, worktree, commands); its settings are ignored`,
      );
  });

  it('names a config.yaml of two YAML documents as a settings file, not as a workflow', async () => {
    const dir = tempRepo();
    writeFiles(dir, { '.archon/config.yaml': 'docs:\n  path: handbook\n---\nassistant: codex\n' });
    const result = await runCli(['--cwd', dir, 'workflow', 'list'], { env: { ARCHAL_HOME: tempDir('archal-home-') } });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `warning: ${join(dir, '.archon/config.yaml')}:3: YAML parse error: the file holds more than one YAML document (a '---' line after the first); it must be one: remove that line; its settings are ignored`,
    );
    expect(result.stderr).not.toContain('workflow');
  });

  it("finds commands one folder deep under .archon/commands/defaults/ and in config.yaml's commands.folder", async () => {
    const { dir, env } = archonRepo();
    writeFiles(dir, {
      '.archon/config.yaml': 'commands:\n  folder: prompts\n',
      '.archon/commands/defaults/sub/deep.md': 'Deep: $ARGUMENTS',
      'prompts/extra/extra.md': 'Extra: $ARGUMENTS',
      '.archon/workflows/deep.yaml':
        'name: deep-flow\ndescription: d\nprovider: exec\nexec: {command: head, args: ["-n", "1"]}\nnodes:\n  - id: a\n    command: deep\n  - id: b\n    command: extra\n    depends_on: [a]\n',
    });
    const run = await runCli(['workflow', 'run', 'deep-flow', 'hello', '--json'], { cwd: dir, env });
    expect(run.code).toBe(0);
    const { nodes } = json<{ nodes: Record<string, { output: string }> }>(run);
    expect(nodes.a!.output.trim()).toBe('Deep: hello');
    expect(nodes.b!.output.trim()).toBe('Extra: hello');
    writeFiles(dir, { '.archon/config.yaml': 'docs:\n  path: handbook\n' });
    const missing = await runCli(['workflow', 'validate', 'deep-flow', '--json'], { cwd: dir, env });
    expect(missing.code).toBe(2);
    expect(json(missing)).toMatchObject({
      errors: [{ node: 'b', message: expect.stringContaining("command 'extra' not found") }],
    });
  });

  it("finds a packaged workflow's own commands/ and scripts/ beside it (.archon/workflows/<pack>/<workflow>/)", async () => {
    const { dir, env } = archonRepo();
    writeFiles(dir, {
      '.archon/workflows/my-pack/release/release.yaml':
        'name: packaged-release\ndescription: d\nprovider: exec\nexec: {command: head, args: ["-n", "1"]}\nnodes:\n  - id: prep\n    command: prepare\n  - id: pub\n    depends_on: [prep]\n    script: publish\n    runtime: node\n',
      '.archon/workflows/my-pack/release/commands/prepare.md': 'Prepare: $ARGUMENTS',
      '.archon/workflows/my-pack/release/scripts/publish.js': 'console.log("published")',
    });
    const run = await runCli(['workflow', 'run', 'packaged-release', 'v1', '--json'], { cwd: dir, env });
    expect(run.code).toBe(0);
    const { nodes } = json<{ nodes: Record<string, { output: string }> }>(run);
    expect(nodes.prep!.output.trim()).toBe('Prepare: v1');
    expect(nodes.pub!.output.trim()).toBe('published');
  });

  it('accepts a command file whose prose names $<node>.output refs Archon leaves unchecked there, and splices them as empty', async () => {
    const { dir, env } = archonRepo();
    writeFiles(dir, {
      '.archon/commands/verdict.md':
        'Review: $ARGUMENTS.\nEnd with OK or BLOCK; workflows read it via [$verdict.output] or [$some-node.output].\n',
      '.archon/workflows/verdict.yaml':
        'name: verdict-flow\ndescription: d\nprovider: exec\nexec: {command: cat}\nnodes:\n  - id: verdict\n    command: verdict\n',
    });
    const validated = await runCli(['workflow', 'validate', 'verdict-flow', '--json'], { cwd: dir, env });
    expect(validated.code).toBe(0);
    const report = json<{ valid: boolean; warnings: Array<{ node: string; message: string }> }>(validated);
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          node: 'verdict',
          message: expect.stringContaining("$verdict.output reads the node's own output"),
        }),
        expect.objectContaining({
          node: 'verdict',
          message: expect.stringContaining("$some-node.output references unknown node 'some-node'"),
        }),
      ]),
    );
    const run = await runCli(['workflow', 'run', 'verdict-flow', 'the diff', '--json'], { cwd: dir, env });
    expect(run.code).toBe(0);
    const { nodes } = json<{ nodes: Record<string, { output: string }> }>(run);
    expect(nodes.verdict!.output).toContain('workflows read it via [] or [].');
  });

  it('runs with --input, keeps state outside the repository and leaves git status as it was', async () => {
    const { dir, env } = archonRepo();
    const refused = await runCli(['workflow', 'run', 'archon-triage', '--json'], { cwd: dir, env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      "Invalid inputs for 'archon-triage': 'archon-triage' requires input 'repo' (owner/name).",
    );

    const result = await runCli(
      ['workflow', 'run', 'archon-triage', 'the backlog', '--input', 'repo=acme/widgets', '--json'],
      {
        cwd: dir,
        env,
      },
    );
    expect(result.code).toBe(0);
    const output = json<{
      status: string;
      artifactsDir: string;
      logPath: string;
      nodes: Record<string, { output: string }>;
    }>(result);
    expect(output.status).toBe('completed');
    expect(output.nodes.record!.output).toBe('handbook');
    expect(readFileSync(join(output.artifactsDir, 'report.txt'), 'utf8').trim()).toBe(
      'Summarize: the backlog / Check labels of acme/widgets / 12',
    );
    expect(output.artifactsDir).toBe(join(dir, '.archal/artifacts/runs', json<{ runId: string }>(result).runId));
    expect(existsSync(output.logPath)).toBe(true);
    expect(gitStatus(dir)).toBe('');
    // $STATE_DIR is per project under $ARCHAL_HOME, never in the working tree.
    const ledger = execFileSync('find', [env.ARCHAL_HOME!, '-name', 'ledger.txt'], { encoding: 'utf8' }).trim();
    expect(readFileSync(ledger, 'utf8')).toBe('seen\n');
  });

  it('pauses at an interactive loop and continues it with the answer given to approve', async () => {
    const { dir, env } = archonRepo();
    writeFiles(dir, {
      '.archal/workflows/draft.yaml': `name: draft-loop
description: drafts with feedback
interactive: true
provider: exec
exec: {command: head, args: ["-n", "1"]}
nodes:
  - id: draft
    loop:
      prompt: "draft with [$LOOP_USER_INPUT]"
      until: SHIPPED
      max_iterations: 3
      interactive: true
      gate_message: Feedback?
`,
    });
    const paused = await runCli(['workflow', 'run', 'draft-loop', '--json'], { cwd: dir, env });
    expect(paused.code).toBe(0);
    const first = json<{ runId: string; status: string; pause: { nodeId: string; message: string } }>(paused);
    expect(first.status).toBe('paused');
    expect(first.pause.message).toContain('Feedback?');
    const next = await runCli(['workflow', 'approve', first.runId, 'shorter', '--json'], { cwd: dir, env });
    const second = json<{ status: string; pause: { message: string } }>(next);
    expect(second.status).toBe('paused');
    expect(second.pause.message).toContain('draft with [shorter]');
    expect(gitStatus(dir)).toBe('?? .archal/workflows/draft.yaml\n');
  });

  it("runs a node on an alias that carries thinking (Archon's documented example) and names what config.yaml sets that cannot be used", async () => {
    const { dir, env } = archonRepo();
    const log = join(dir, '..', `claude-${Date.now()}.jsonl`);
    const config = join(dir, '.archon/config.yaml');
    writeFiles(dir, {
      '.archon/config.yaml': `aliases:
  '@reasoning':
    provider: claude
    model: opus
    thinking:
      type: enabled
      budgetTokens: 8000
  '@sloppy':
    provider: claude
    model: haiku
    temprature: 0.2
  '@nomodel':
    provider: claude
    thinking: enabled
tiers:
  large:
    provider: claude
    model: opus
    thinking: {type: sometimes}
`,
      '.archon/workflows/think.yaml':
        "name: think-flow\ndescription: d\nnodes:\n  - id: plan\n    prompt: plan it\n    model: '@reasoning'\n",
      '.archon/workflows/nomodel.yaml':
        "name: nomodel-flow\ndescription: d\nnodes:\n  - id: plan\n    prompt: plan it\n    model: '@nomodel'\n",
    });
    const runEnv = {
      ...env,
      PATH: `${join(REPO_ROOT, 'test/fixtures/bin')}:${process.env.PATH}`,
      FAKE_CLAUDE_LOG: log,
    };
    const run = await runCli(['workflow', 'run', 'think-flow', '--json'], { cwd: dir, env: runEnv });
    expect(json<{ status: string }>(run).status).toBe('completed');
    const [call] = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { argv: string[]; maxThinkingTokens?: string });
    expect(call!.argv[call!.argv.indexOf('--model') + 1]).toBe('opus');
    expect(call!.maxThinkingTokens).toBe('8000');

    const valid = json<{
      valid: boolean;
      warnings: Array<{ file: string; field: string; line: number; message: string }>;
    }>(await runCli(['workflow', 'validate', 'think-flow', '--json'], { cwd: dir, env }));
    expect(valid.valid).toBe(true);
    expect(valid.warnings).toEqual(
      expect.arrayContaining([
        {
          file: config,
          node: null,
          field: 'aliases.@sloppy.temprature',
          line: 11,
          message: expect.stringContaining("'temprature' is not a key of a model preset"),
        },
        {
          file: config,
          node: null,
          field: 'aliases.@nomodel.model',
          line: 12,
          message: expect.stringContaining("alias '@nomodel' needs a 'model'; it cannot be used"),
        },
        {
          file: config,
          node: null,
          field: 'tiers.large.thinking',
          line: 19,
          message: expect.stringContaining("tier 'large': thinking must be"),
        },
      ]),
    );
    const refused = await runCli(['workflow', 'validate', 'nomodel-flow', '--json'], { cwd: dir, env });
    expect(refused.code).toBe(2);
    expect(json(refused)).toMatchObject({
      errors: [
        {
          node: 'plan',
          message: expect.stringContaining(`model alias '@nomodel' cannot be used: it needs a 'model'`),
        },
      ],
    });
    expect(json<{ errors: Array<{ message: string }> }>(refused).errors[0]!.message).toContain(
      `(${config}, aliases.@nomodel)`,
    );
  });
});
