import { describe, expect, it } from '@jest/globals';
import { load, loadOk, writeFiles } from '../helpers/engine.js';
import { tempDir } from '../helpers/tmp.js';
import { formatWorkflowProblem, type WorkflowProblem } from '../../src/workflows/problems.js';

const header = 'name: test\ndescription: a test workflow\n';

async function errorsOf(yaml: string, options: Parameters<typeof load>[1] = {}): Promise<WorkflowProblem[]> {
  const result = await load(yaml, options);
  if (result.ok) throw new Error('expected the workflow to be invalid');
  return result.errors;
}

function expectProblem(
  problems: WorkflowProblem[],
  expected: Omit<Partial<WorkflowProblem>, 'message'> & { message: string | RegExp },
) {
  const { message, ...rest } = expected;
  const match = problems.find(
    (problem) =>
      (typeof message === 'string' ? problem.message.includes(message) : message.test(problem.message)) &&
      Object.entries(rest).every(([key, value]) => problem[key as keyof WorkflowProblem] === value),
  );
  if (!match)
    throw new Error(`no problem matching ${JSON.stringify(expected)} in:\n${JSON.stringify(problems, null, 2)}`);
  return match;
}

describe('loading workflows', () => {
  it('loads a valid workflow with defaults applied', async () => {
    const workflow = await loadOk(
      `${header}nodes:\n  - id: a\n    bash: echo hi\n  - id: b\n    prompt: summarize $a.output\n    depends_on: [a]\n`,
    );
    expect(workflow.name).toBe('test');
    expect(workflow.max_parallel).toBe(4);
    const [a, b] = workflow.nodes;
    expect(a).toMatchObject({
      kind: 'bash',
      timeout: 120000,
      trigger_rule: 'all_success',
      continue_on_error: false,
      depends_on: [],
    });
    expect(b).toMatchObject({ kind: 'prompt', provider: 'claude', depends_on: ['a'] });
  });

  it('collects every error at once, each naming file, node, field and line', async () => {
    const dir = tempDir();
    const errors = await errorsOf(
      `${header}nodes:
  - id: a
    bash: echo
    trigger_rule: all-success
  - id: b
    prompt: x
    retry:
      max_attempts: 9
  - id: c
    bash: echo
    depends_on: [zz]
`,
      { dir },
    );
    expect(errors.length).toBeGreaterThanOrEqual(3);
    for (const error of errors) expect(error.file).toBe(`${dir}/workflow.yaml`);
    expectProblem(errors, { node: 'a', field: 'trigger_rule', line: 6, message: "'all-success' is not valid" });
    expectProblem(errors, { node: 'a', field: 'trigger_rule', message: "Did you mean 'all_success'?" });
    expectProblem(errors, {
      node: 'b',
      field: 'retry.max_attempts',
      line: 10,
      message: 'retry.max_attempts must be between 1 and 5',
    });
    expectProblem(errors, { node: 'c', field: 'depends_on', line: 13, message: "depends on unknown node 'zz'" });
  });

  it.each([
    ['description: x\nnodes: [{id: a, bash: echo}]', { field: 'name', message: "missing required field 'name'" }],
    [
      'name: x\nnodes: [{id: a, bash: echo}]',
      { field: 'description', message: "missing required field 'description'" },
    ],
    ['name: x\ndescription: y\n', { field: 'nodes', message: "Workflow must have 'nodes:' configuration" }],
    ['name: x\ndescription: y\nnodes: []', { field: 'nodes', message: 'nodes must be a non-empty list' }],
    ['- just\n- a list', { message: 'must be a YAML mapping' }],
  ])('reports missing required workflow fields: %j', async (yaml, expected) => {
    expectProblem(await errorsOf(yaml), expected);
  });

  it('rejects the removed steps: format and points to the migration guide', async () => {
    const errors = await errorsOf(`${header}steps:\n  - command: investigate\n`);
    const problem = expectProblem(errors, { field: 'steps', line: 3, message: '`steps:` format has been removed' });
    expect(problem.message).toContain('migration guide');
    expect(problem.message).toContain('sequential-dag-migration-guide');
  });

  it('reports node-level required fields and type errors', async () => {
    const errors = await errorsOf(
      `${header}nodes:\n  - bash: echo\n  - id: 7\n    bash: echo\n  - id: ok\n    bash: echo\n    timeout: soon\n`,
    );
    expectProblem(errors, { node: '#1', field: 'id', message: "missing required field 'id'" });
    expectProblem(errors, { node: '#2', field: 'id', message: 'id must be a string' });
    expectProblem(errors, { node: 'ok', field: 'timeout', message: 'timeout must be a number of milliseconds' });
  });

  it('rejects duplicate ids', async () => {
    const errors = await errorsOf(`${header}nodes:\n  - id: a\n    bash: echo\n  - id: a\n    bash: echo 2\n`);
    expectProblem(errors, { node: 'a', field: 'id', line: 6, message: "Duplicate node id: 'a'" });
  });

  it('suggests the intended node for an unknown dependency', async () => {
    const errors = await errorsOf(
      `${header}nodes:\n  - id: build\n    bash: echo\n  - id: test\n    bash: echo\n    depends_on: [biuld]\n`,
    );
    expectProblem(errors, {
      node: 'test',
      field: 'depends_on',
      message: "depends on unknown node 'biuld'. Did you mean 'build'?",
    });
  });

  it('prints the path of a cycle', async () => {
    const errors = await errorsOf(
      `${header}nodes:\n  - id: a\n    bash: echo\n    depends_on: [c]\n  - id: b\n    bash: echo\n    depends_on: [a]\n  - id: c\n    bash: echo\n    depends_on: [b]\n  - id: d\n    bash: echo\n`,
    );
    const problem = expectProblem(errors, { field: 'depends_on', message: 'Cycle detected' });
    expect(problem.message).toMatch(/Cycle detected: (a → b → c → a|b → c → a → b|c → a → b → c)/);
  });

  it('detects a self-dependency as a cycle', async () => {
    expectProblem(await errorsOf(`${header}nodes:\n  - id: a\n    bash: echo\n    depends_on: [a]\n`), {
      message: 'Cycle detected: a → a',
    });
  });

  it('rejects nodes with several modes or none', async () => {
    const errors = await errorsOf(
      `${header}nodes:\n  - id: a\n    bash: echo\n    prompt: hi\n  - id: b\n    depends_on: []\n  - id: c\n    bash: '   '\n`,
    );
    expectProblem(errors, { node: 'a', message: "'prompt', 'bash' are mutually exclusive" });
    expectProblem(errors, {
      node: 'b',
      message:
        "a node must have one of 'command', 'prompt', 'bash', 'script', 'loop', 'loop_group', 'approval', 'cancel', 'workflow', 'include'",
    });
    expectProblem(errors, { node: 'c', field: 'bash', message: 'bash must not be empty' });
  });

  it('checks retry bounds', async () => {
    const errors = await errorsOf(
      `${header}nodes:\n  - id: a\n    prompt: x\n    retry: {max_attempts: 0}\n  - id: b\n    prompt: x\n    retry: {max_attempts: 2, delay_ms: 500}\n  - id: c\n    prompt: x\n    retry: {max_attempts: 2, delay_ms: 70000}\n  - id: d\n    prompt: x\n    retry: {delay_ms: 2000}\n`,
    );
    expectProblem(errors, { node: 'a', field: 'retry.max_attempts', message: 'between 1 and 5' });
    expectProblem(errors, {
      node: 'b',
      field: 'retry.delay_ms',
      message: 'retry.delay_ms must be between 1000 and 60000',
    });
    expectProblem(errors, { node: 'c', field: 'retry.delay_ms', message: 'between 1000 and 60000' });
    expectProblem(errors, {
      node: 'd',
      field: 'retry.max_attempts',
      message: "missing required field 'retry.max_attempts'",
    });
  });

  it('requires loops to be bounded and to have a completion check', async () => {
    const errors = await errorsOf(
      `${header}nodes:\n  - id: a\n    loop: {prompt: go, until: DONE}\n  - id: b\n    loop: {prompt: go, max_iterations: 3}\n  - id: c\n    loop: {max_iterations: 3, until: DONE}\n  - id: d\n    loop: {prompt: go, max_iterations: 2, until: DONE}\n    retry: {max_attempts: 2}\n`,
    );
    expectProblem(errors, { node: 'a', field: 'loop.max_iterations', message: 'needs loop.max_iterations' });
    expectProblem(errors, { node: 'b', field: 'loop.until', message: 'needs a completion check' });
    expectProblem(errors, {
      node: 'c',
      field: 'loop',
      message: "loop node requires either 'loop.prompt' (inline) or 'loop.command' (file)",
    });
    expectProblem(errors, { node: 'd', field: 'retry', message: 'retry is not supported on loop nodes' });
  });

  it('rejects unknown providers and incompatible models', async () => {
    const errors = await errorsOf(
      `${header}nodes:\n  - id: a\n    prompt: x\n    provider: gemini\n  - id: b\n    prompt: x\n    provider: codex\n    model: sonnet\n  - id: c\n    prompt: x\n    model: gpt-5.3-codex\n`,
    );
    expectProblem(errors, {
      node: 'a',
      field: 'provider',
      message: "'gemini' is not valid; expected one of claude, codex, pi, opencode, copilot, exec",
    });
    expectProblem(errors, {
      node: 'b',
      field: 'model',
      message: 'Model "sonnet" is not compatible with provider "codex"',
    });
    expectProblem(errors, {
      node: 'c',
      field: 'model',
      message: 'Model "gpt-5.3-codex" is not compatible with provider "claude"',
    });
  });

  it('applies the workflow model only to nodes on the workflow provider', async () => {
    const workflow = await loadOk(
      `${header}provider: codex\nmodel: gpt-5.3-codex\nnodes:\n  - id: a\n    prompt: x\n  - id: b\n    prompt: y\n    provider: claude\n`,
    );
    expect(workflow.nodes[0]).toMatchObject({ provider: 'codex', model: 'gpt-5.3-codex' });
    expect(workflow.nodes[1]).toMatchObject({ provider: 'claude' });
    expect((workflow.nodes[1] as { model?: string }).model).toBeUndefined();
  });

  it('checks the workflow-level model against the workflow provider', async () => {
    expectProblem(await errorsOf(`${header}provider: codex\nmodel: opus\nnodes:\n  - id: a\n    prompt: x\n`), {
      node: 'a',
      message: 'Model "opus" is not compatible with provider "codex"',
    });
  });

  it('requires a command for the exec provider', async () => {
    expectProblem(await errorsOf(`${header}nodes:\n  - id: a\n    prompt: x\n    provider: exec\n`), {
      node: 'a',
      field: 'provider',
      message: 'provider "exec" needs a command',
    });
    await loadOk(`${header}nodes:\n  - id: a\n    prompt: x\n    provider: exec\n    exec: {command: cat}\n`);
    await loadOk(`${header}exec: {command: cat}\nnodes:\n  - id: a\n    prompt: x\n    provider: exec\n`);
    await loadOk(`${header}nodes:\n  - id: a\n    prompt: x\n`, {
      defaults: { provider: 'exec', models: {}, exec: { command: 'cat' } },
    });
  });

  it('rejects references to unknown nodes and to nodes that are not dependencies', async () => {
    const errors = await errorsOf(
      `${header}nodes:
  - id: a
    bash: echo a
  - id: b
    bash: echo b
  - id: c
    depends_on: [a]
    prompt: "use $a.output and $b.output and $nope.output"
  - id: d
    depends_on: [c]
    bash: echo $a.output
    when: "$b.output == 'x'"
`,
    );
    expectProblem(errors, {
      node: 'c',
      field: 'prompt',
      message: "$b.output reads 'b', which is not among the dependencies of 'c'",
    });
    expectProblem(errors, { node: 'c', field: 'prompt', message: "$nope.output references unknown node 'nope'" });
    expectProblem(errors, {
      node: 'd',
      field: 'when',
      message: "$b.output reads 'b', which is not among the dependencies of 'd'",
    });
    // a is a transitive dependency of d (through c): allowed.
    expect(errors.find((error) => error.node === 'd' && error.field === 'bash')).toBeUndefined();
  });

  it('warns about reads of fields that a structured output does not declare (they fail the node at run time)', async () => {
    const result = await load(
      `${header}nodes:
  - id: classify
    prompt: classify
    output_format:
      type: object
      properties: { kind: { type: string } }
  - id: next
    depends_on: [classify]
    when: "$classify.output.knd == 'bug'"
    bash: echo
`,
    );
    expect(result.ok).toBe(true);
    expectProblem(result.warnings, {
      node: 'next',
      field: 'when',
      line: 11,
      message:
        "'knd' is not declared in the output_format of 'classify' (declared: kind); reading it will fail the node",
    });
    expectProblem(result.warnings, { node: 'next', message: "Did you mean 'kind'?" });
  });

  it('makes a malformed when: a load error, not a run-time surprise', async () => {
    const errors = await errorsOf(
      `${header}nodes:\n  - id: a\n    bash: echo\n  - id: b\n    depends_on: [a]\n    bash: echo\n    when: "$a.output = 'x'"\n`,
    );
    expectProblem(errors, {
      node: 'b',
      field: 'when',
      line: 9,
      message: "invalid condition: '=' is not an operator; use '==' to compare at column 11",
    });
  });

  it('warns about unknown keys instead of ignoring them silently', async () => {
    const result = await load(
      `${header}max_paralel: 2\nnodes:\n  - id: a\n    bash: echo\n    depend_on: [x]\n    model: opus\n  - id: b\n    prompt: x\n    timeout: 5\n`,
    );
    expect(result.ok).toBe(true);
    const warnings = result.warnings;
    expectProblem(warnings, {
      field: 'max_paralel',
      line: 3,
      message: "unknown workflow key 'max_paralel' is ignored. Did you mean 'max_parallel'?",
    });
    expectProblem(warnings, {
      node: 'a',
      field: 'depend_on',
      message: "unknown field 'depend_on' is ignored. Did you mean 'depends_on'?",
    });
    expectProblem(warnings, {
      node: 'a',
      field: 'model',
      message: "'model' applies to command/prompt/loop/loop_group nodes; it is ignored on bash nodes",
    });
    expectProblem(warnings, {
      node: 'b',
      field: 'timeout',
      message: "'timeout' applies to bash/script nodes; it is ignored on prompt nodes",
    });
  });

  it('warns about unknown keys inside nested blocks too', async () => {
    const result = await load(
      `${header}exec: {command: cat, argz: [x]}\nnodes:\n  - id: a\n    bash: echo\n    retry: {max_attempts: 2, delay: 5}\n  - id: b\n    loop: {prompt: go, until: X, max_iterations: 2, fresh: true}\n  - id: c\n    approval: {message: ok, capture: true}\n`,
    );
    expect(result.ok).toBe(true);
    expectProblem(result.warnings, {
      field: 'exec.argz',
      line: 3,
      message: "unknown field 'exec.argz' is ignored. Did you mean 'args'?",
    });
    expectProblem(result.warnings, { node: 'a', field: 'retry.delay', message: "Did you mean 'delay_ms'?" });
    expectProblem(result.warnings, {
      node: 'b',
      field: 'loop.fresh',
      message: "unknown field 'loop.fresh' is ignored",
    });
    expectProblem(result.warnings, {
      node: 'c',
      field: 'approval.capture',
      message: "unknown field 'approval.capture' is ignored",
    });
  });

  it('warns when a condition compares the whole prose of an AI node', async () => {
    const result = await load(
      `${header}nodes:\n  - id: ask\n    prompt: x\n  - id: b\n    depends_on: [ask]\n    bash: echo\n    when: "$ask.output == 'yes'"\n`,
    );
    expect(result.ok).toBe(true);
    expectProblem(result.warnings, {
      node: 'b',
      field: 'when',
      message: "compares the whole free-form output of AI node 'ask'",
    });
  });

  it('warns that tool restrictions are ignored by providers that cannot enforce them', async () => {
    const result = await load(
      `${header}nodes:\n  - id: a\n    prompt: x\n    provider: codex\n    allowed_tools: [Read]\n`,
    );
    expect(result.ok).toBe(true);
    expectProblem(result.warnings, {
      node: 'a',
      field: 'allowed_tools',
      message: 'allowed_tools is not supported by provider "codex" (its CLI has no tool restrictions); it is ignored',
    });
  });

  it('loads command files from .archal/commands, then .archon/commands, and reports missing ones', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.archal/commands/investigate.md': 'Investigate $ARGUMENTS',
      '.archal/commands/empty.md': '   \n',
    });
    const workflow = await loadOk(`${header}nodes:\n  - id: a\n    command: investigate\n`, { dir });
    expect(workflow.nodes[0]).toMatchObject({
      kind: 'command',
      body: 'Investigate $ARGUMENTS',
      commandFile: `${dir}/.archal/commands/investigate.md`,
    });

    const errors = await errorsOf(
      `${header}nodes:\n  - id: a\n    command: nope\n  - id: b\n    command: empty\n  - id: c\n    command: ../secret\n`,
      { dir },
    );
    expectProblem(errors, { node: 'a', field: 'command', message: "command 'nope' not found" });
    expectProblem(errors, { node: 'b', field: 'command', message: 'is empty' });
    expectProblem(errors, { node: 'c', field: 'command', message: "invalid command name '../secret'" });
  });

  it('validates references inside command files against the graph', async () => {
    const dir = tempDir();
    writeFiles(dir, { '.archal/commands/fix.md': 'Fix using $plan.output' });
    const errors = await errorsOf(`${header}nodes:\n  - id: plan\n    bash: echo\n  - id: fix\n    command: fix\n`, {
      dir,
    });
    expectProblem(errors, {
      node: 'fix',
      message: "$plan.output reads 'plan', which is not among the dependencies of 'fix'",
    });
  });

  it('rejects an output_format that is not a valid JSON Schema', async () => {
    const errors = await errorsOf(`${header}nodes:\n  - id: a\n    prompt: x\n    output_format: { type: objekt }\n`);
    expectProblem(errors, { node: 'a', field: 'output_format', message: 'output_format is not a valid JSON Schema' });
  });

  it('checks workflow-level fields; malformed settings Archon drops are warnings', async () => {
    const yaml = `${header}max_parallel: 0\nadditionalDirectories: [relative/dir]\nmodelReasoningEffort: huge\nnodes:\n  - id: a\n    bash: echo\n`;
    const errors = await errorsOf(yaml);
    expectProblem(errors, { field: 'max_parallel', message: 'max_parallel must be between 1 and 64' });
    expectProblem(errors, { field: 'additionalDirectories.0', message: 'must be absolute paths' });
    const result = await load(yaml);
    expectProblem(result.warnings, { field: 'modelReasoningEffort', message: "; 'modelReasoningEffort' is ignored" });
  });

  it('warns that idle_timeout does nothing on a node that runs no AI (a bash node has timeout)', async () => {
    const result = await load(
      `${header}nodes:\n  - id: a\n    bash: sleep 1\n    idle_timeout: 1000\n  - id: b\n    prompt: x\n    idle_timeout: 1000\n`,
    );
    expectProblem(result.warnings, {
      node: 'a',
      field: 'idle_timeout',
      line: 6,
      message: "'idle_timeout' applies to command/prompt/loop nodes; it is ignored on bash nodes",
    });
    expect(result.warnings.filter((warning) => warning.node === 'b')).toEqual([]);
  });

  it('trims tags and drops blank and repeated ones, as Archon does', async () => {
    const workflow = await loadOk(
      `${header}tags: [" review ", review, "", "  ", ci]\nnodes:\n  - id: a\n    bash: echo\n`,
    );
    expect(workflow.tags).toEqual(['review', 'ci']);
    expect((await loadOk(`${header}tags: []\nnodes:\n  - id: a\n    bash: echo\n`)).tags).toEqual([]);
  });

  it('warns that webSearchMode is ignored on a workflow whose provider is not codex', async () => {
    const result = await load(`${header}provider: claude\nwebSearchMode: live\nnodes:\n  - id: a\n    prompt: x\n`);
    expectProblem(result.warnings, {
      field: 'webSearchMode',
      line: 4,
      message:
        'webSearchMode is not supported by provider "claude" (only codex takes it); nodes on that provider ignore it',
    });
    const codex = await load(`${header}provider: codex\nwebSearchMode: live\nnodes:\n  - id: a\n    prompt: x\n`);
    expect(codex.warnings.filter((warning) => warning.field === 'webSearchMode')).toEqual([]);
  });

  it('says which of modelReasoningEffort and effort wins when a workflow declares both', async () => {
    const result = await load(
      `${header}provider: codex\neffort: minimal\nmodelReasoningEffort: xhigh\nnodes:\n  - id: a\n    prompt: x\n`,
    );
    expectProblem(result.warnings, {
      field: 'modelReasoningEffort',
      line: 5,
      message: "modelReasoningEffort: xhigh is ignored: 'effort: minimal' is also set and wins",
    });
  });
});

describe('loader fuzzing: junk always gets a clear error, never a crash, hang or blow-up', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['malformed YAML', 'name: x\n  description: [unclosed\n', /YAML parse error/],
    ['tabs', 'name: x\n\tdescription: y\n', /YAML parse error/],
    ['duplicate keys', 'name: a\nname: b\ndescription: d\nnodes: [{id: a, bash: x}]\n', /Map keys must be unique/],
    ['a scalar', '42', /must be a YAML mapping/],
    ['null document', '', /must be a YAML mapping/],
    [
      'wrong types everywhere',
      'name: [1]\ndescription: {a: 1}\nnodes: {a: 1}\n',
      /nodes must be a non-empty list|must not be empty|expected/,
    ],
    ['nodes of junk', 'name: x\ndescription: y\nnodes: [1, "two", null, [3]]\n', /each node must be a mapping/],
    ['binary', '\u0000\u0001\u0002binary', /NUL bytes/],
    [
      'huge file',
      `name: x\ndescription: y\nnodes:\n${'  - id: n\n    bash: echo\n'.repeat(500_000)}`,
      /limited to 512 KiB/,
    ],
    [
      'deep flow nesting',
      `name: x\ndescription: ${'['.repeat(5000)}${']'.repeat(5000)}\nnodes: []\n`,
      /nested 5000 deep; the limit is 64/,
    ],
    [
      'deep block nesting',
      Array.from({ length: 900 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
      /YAML parse error|must be a YAML mapping|expected/,
    ],
  ];

  it.each(cases)('%s', async (_label, yaml, message) => {
    const started = performance.now();
    const result = await load(yaml);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.message).join('\n')).toMatch(message);
  });

  it('reads a workflow saved with a byte-order mark and CRLF line ends like any other', async () => {
    const result = await load('\ufeffname: x\r\ndescription: y\r\nnodes:\r\n  - id: a\r\n    bash: echo hi\r\n');
    expect(result.ok).toBe(true);
  });

  it('names the control characters of a value it quotes instead of passing them to the terminal', async () => {
    const result = await load('name: x\ndescription: y\nnodes:\n  - id: "a\\e[2J"\n    bash: echo\n');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const text = result.errors.map(formatWorkflowProblem).join('\n');
      expect(text).toContain("node 'a\\u001b[2J'");
      expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/); // eslint-disable-line no-control-regex
    }
  });

  it('refuses YAML alias bombs before expanding them', async () => {
    let bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
    for (let i = 0; i < 12; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      bomb += `${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
    }
    const before = process.memoryUsage().heapUsed;
    const result = await load(bomb);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/anchors\/aliases; the limit is 100/);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('rejects a modest alias expansion that toJS would refuse', async () => {
    const result = await load('a: &a [x]\nb: [*a, *a]\nname: x\ndescription: y\nnodes: [{id: n, bash: echo}]\n');
    expect(result.ok).toBe(true);
  });

  it('survives random byte soup', async () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = 'name:description:nodes:- id:bash:prompt:depends_on:[]{}&*!|>\'"#\n\t :,$.when==';
    for (let i = 0; i < 300; i++) {
      const length = Math.floor(random() * 400);
      let text = '';
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      const result = await load(text);
      if (!result.ok) {
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) expect(typeof error.message).toBe('string');
      }
    }
  });
});
