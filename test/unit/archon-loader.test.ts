import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { load, loadOk, writeFiles } from '../helpers/engine.js';
import { tempDir } from '../helpers/tmp.js';
import type { WorkflowProblem } from '../../src/workflows/problems.js';
import type { EngineDefaults } from '../../src/workflows/loader.js';
import type { WorkflowNode } from '../../src/workflows/model.js';

/** Loading workflow files written for Archon: its layout, node kinds, keys and model references. */

const header = 'name: archon-style\ndescription: written for Archon\n';

async function errorsOf(yaml: string, options: Parameters<typeof load>[1] = {}): Promise<WorkflowProblem[]> {
  const result = await load(yaml, options);
  if (result.ok) throw new Error('expected the workflow to be invalid');
  return result.errors;
}

function find(problems: WorkflowProblem[], node: string | undefined, text: string): WorkflowProblem {
  const match = problems.find((problem) => problem.node === node && problem.message.includes(text));
  if (!match)
    throw new Error(
      `no problem on ${node} containing ${JSON.stringify(text)} in:\n${JSON.stringify(problems, null, 2)}`,
    );
  return match;
}

describe('command lookup as Archon does it', () => {
  it('finds commands in .archon/commands/, one subfolder deep (defaults/ included), before the user-level folders', async () => {
    const dir = tempDir();
    const userHome = tempDir('archal-user-');
    writeFiles(dir, {
      '.archon/commands/defaults/archon-assist.md': 'Assist with $ARGUMENTS',
      '.archon/commands/triage/review.md': 'Review it',
      '.archon/commands/deeper/too/far.md': 'never found',
      '.archal-home/commands/from-archal-home.md': 'from ARCHAL_HOME',
    });
    writeFiles(userHome, {
      '.archon/commands/from-archon-home.md': 'from ~/.archon',
      '.archon/commands/review.md': 'the user-level review loses to the repository',
    });
    const workflow = await loadOk(
      `${header}nodes:
  - id: a
    command: archon-assist
  - id: b
    command: review
  - id: c
    command: from-archon-home
  - id: d
    command: from-archal-home
`,
      { dir, userHome, defaults: { provider: 'exec', models: {}, exec: { command: 'cat' } } },
    );
    const bodies = Object.fromEntries(
      workflow.nodes.map((node) => [node.id, node.kind === 'command' ? node.body : '']),
    );
    expect(bodies).toEqual({
      a: 'Assist with $ARGUMENTS',
      b: 'Review it',
      c: 'from ~/.archon',
      d: 'from ARCHAL_HOME',
    });
    const errors = await errorsOf(`${header}nodes:\n  - id: a\n    command: far\n`, { dir, userHome });
    find(errors, 'a', "command 'far' not found");
  });
});

describe("Archon's built-in defaults, which Archal does not ship", () => {
  it('says so, and where to copy the file from, for a default command, loop command, include or sub-workflow it cannot find', async () => {
    const dir = tempDir();
    const errors = await errorsOf(
      `${header}nodes:
  - id: plan
    command: archon-create-plan
  - id: fix
    depends_on: [plan]
    loop: {command: archon-implement-tasks, until: DONE, max_iterations: 2}
  - id: review
    depends_on: [fix]
    include: archon-review-block
  - id: assist
    depends_on: [review]
    workflow: archon-assist
  - id: own
    command: my-own-command
`,
      { dir },
    );
    find(errors, 'plan', "command 'archon-create-plan' not found");
    find(
      errors,
      'plan',
      "'archon-create-plan' is one of Archon's built-in default commands, which Archal does not ship: copy .archon/commands/defaults/archon-create-plan.md from Archon (github.com/coleam00/Archon) into this repository's .archon/commands/",
    );
    find(errors, 'fix', "'archon-implement-tasks' is one of Archon's built-in default commands");
    find(
      errors,
      'review',
      "'archon-review-block' is one of Archon's built-in default workflows, which Archal does not ship: copy .archon/workflows/defaults/archon-review-block.yaml from Archon (github.com/coleam00/Archon) into this repository's .archon/workflows/",
    );
    find(errors, 'assist', "'archon-assist' is one of Archon's built-in default workflows");
    expect(find(errors, 'own', "command 'my-own-command' not found").message).not.toContain('built-in');
  });
});

describe('keys Archal does not support, and the declared graph', () => {
  it("names an unsupported key as Archon's, not as an unknown node shape", async () => {
    const errors = await errorsOf(`${header}nodes:\n  - id: boxed\n    container: {enabled: true}\n`);
    find(errors, 'boxed', "'container' is an Archon key Archal does not support");
    const result = await load(`${header}container: {enabled: true}\nnodes:\n  - id: a\n    bash: echo\n`);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining("'container' is an Archon key Archal does not support"),
    ]);
  });

  it('keeps a node that failed to load in the graph, so reads through it are not reported as races', async () => {
    const errors = await errorsOf(
      `${header}nodes:
  - id: assess
    bash: "echo '{\\"reason\\": \\"x\\"}'"
  - id: build
    depends_on: [assess]
    bash: make
    timeout: -5
  - id: open-pr
    depends_on: [build]
    bash: echo $assess.output.reason
`,
    );
    find(errors, 'build', 'timeout must be a positive number');
    expect(errors.filter((error) => error.node === 'open-pr')).toEqual([]);
  });
});

describe('model tiers and aliases', () => {
  const profile: EngineDefaults['profile'] = {
    tiers: { large: { provider: 'codex', model: 'gpt-5.5', effort: 'xhigh' } },
    aliases: { '@fast': { provider: 'claude', model: 'haiku' } },
  };

  it("maps small/medium/large to each provider's model, and configured tiers and @aliases to their provider", async () => {
    const workflow = await loadOk(
      `${header}model: medium
nodes:
  - id: claude-default
    prompt: x
  - id: claude-small
    prompt: x
    model: small
  - id: codex-small
    prompt: x
    provider: codex
    model: small
  - id: pi-large
    prompt: x
    provider: pi
    model: medium
  - id: configured
    prompt: x
    model: large
  - id: alias
    prompt: x
    provider: codex
    model: '@fast'
`,
      { defaults: { provider: 'claude', models: {}, profile } },
    );
    const resolved = Object.fromEntries(
      workflow.nodes.map((node) => [
        node.id,
        node.kind === 'prompt' ? { provider: node.provider, model: node.model, effort: node.options.effort } : {},
      ]),
    );
    expect(resolved).toEqual({
      'claude-default': { provider: 'claude', model: 'sonnet', effort: undefined },
      'claude-small': { provider: 'claude', model: 'haiku', effort: undefined },
      'codex-small': { provider: 'codex', model: 'gpt-5.5', effort: 'minimal' },
      'pi-large': { provider: 'pi', model: 'anthropic/claude-sonnet-4-6', effort: undefined },
      configured: { provider: 'codex', model: 'gpt-5.5', effort: 'xhigh' },
      alias: { provider: 'claude', model: 'haiku', effort: undefined },
    });
  });

  it('refuses a tier or alias nothing defines instead of passing it to a CLI', async () => {
    const errors = await errorsOf(
      `${header}nodes:
  - id: a
    prompt: x
    model: '@missing'
  - id: b
    prompt: x
    provider: exec
    exec: {command: cat}
    model: small
`,
      { defaults: { provider: 'claude', models: {}, profile } },
    );
    find(errors, 'a', "unknown model alias '@missing'; defined aliases: @fast");
    find(errors, 'b', 'model tier \'small\' has no model for provider "exec"; set assistants.tiers.small');
  });

  it("gives a node its preset's thinking and effort unless the node sets its own, and refuses a preset the configuration could not use", async () => {
    const thinking: EngineDefaults['profile'] = {
      tiers: { large: { provider: 'claude', model: 'opus', effort: 'high', thinking: { type: 'disabled' } } },
      aliases: {
        '@reasoning': { provider: 'claude', model: 'opus', thinking: { type: 'enabled', budgetTokens: 8000 } },
        '@deep-codex': { provider: 'codex', model: 'gpt-5.5', thinking: { type: 'enabled' } },
      },
      invalid: { '@broken': "it needs a valid 'model' (/r/.archon/config.yaml, aliases.@broken)" },
    };
    const result = await load(
      `${header}nodes:
  - id: reason
    prompt: x
    model: '@reasoning'
  - id: own
    prompt: x
    model: '@reasoning'
    thinking: adaptive
  - id: tier
    prompt: x
    model: large
  - id: codex
    prompt: x
    model: '@deep-codex'
`,
      { defaults: { provider: 'claude', models: {}, profile: thinking } },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const options = Object.fromEntries(
      result.workflow.nodes.map((node) => [node.id, node.kind === 'prompt' ? node.options : {}]),
    );
    expect(options).toEqual({
      reason: { thinking: { type: 'enabled', budgetTokens: 8000 } },
      own: { thinking: { type: 'adaptive' } },
      tier: { effort: 'high', thinking: { type: 'disabled' } },
      codex: {},
    });
    find(result.warnings, 'codex', `thinking (from model '@deep-codex') is not supported by provider "codex"`);

    const errors = await errorsOf(`${header}nodes:\n  - id: a\n    prompt: x\n    model: '@broken'\n`, {
      defaults: { provider: 'claude', models: {}, profile: thinking },
    });
    find(errors, 'a', "model alias '@broken' cannot be used: it needs a valid 'model' (/r/.archon/config.yaml");
  });
});

describe('provider settings', () => {
  it("warns, naming node and key, about settings the node's provider cannot honour", async () => {
    const result = await load(
      `${header}nodes:
  - id: reviewer
    prompt: review
    provider: codex
    hooks:
      PostToolUse:
        - matcher: Read
          response: {hookSpecificOutput: {hookEventName: PostToolUse, additionalContext: careful}}
    sandbox: {enabled: true}
    effort: high
  - id: claude-node
    prompt: review
    hooks:
      PostToolUse:
        - response: {decision: approve}
    agents:
      checker: {description: checks, prompt: check it}
`,
    );
    expect(result.ok).toBe(true);
    const warnings = result.warnings.map((warning) => `${warning.node}/${warning.field}: ${warning.message}`);
    expect(warnings).toEqual([
      'reviewer/hooks: hooks is not supported by provider "codex" (only Claude Code runs hooks); it is ignored',
      'reviewer/sandbox: sandbox is not supported by provider "codex" (it is Claude Code\'s sandbox setting); it is ignored',
    ]);
    const workflow = result.ok ? result.workflow : undefined;
    const [reviewer, claudeNode] = workflow!.nodes as [WorkflowNode, WorkflowNode];
    expect(reviewer.kind === 'prompt' && reviewer.options).toEqual({ effort: 'high' });
    expect(claudeNode.kind === 'prompt' && Object.keys(claudeNode.options).sort()).toEqual(['agents', 'hooks']);
  });

  it('names the agent id that is not kebab-case, and what it should be', async () => {
    const errors = await errorsOf(
      `${header}nodes:\n  - id: a\n    prompt: x\n    agents:\n      ok-one: {description: d, prompt: p}\n      Bad_Agent: {description: d, prompt: p}\n`,
    );
    const problem = find(errors, 'a', "agent ids must be kebab-case (a-z, 0-9, hyphen): 'Bad_Agent'");
    expect(problem).toMatchObject({ field: 'agents.Bad_Agent', line: 8 });
    expect(errors.map((error) => error.message).join('\n')).not.toContain('Invalid key in record');
  });

  it('refuses context.resume on a provider that cannot fork a session', async () => {
    const errors = await errorsOf(
      `${header}nodes:\n  - id: a\n    prompt: x\n  - id: b\n    depends_on: [a]\n    prompt: y\n    provider: codex\n    context: {resume: a}\n`,
    );
    find(errors, 'b', "'context.resume' needs a provider that can fork a session");
  });
});

describe('include: composition', () => {
  it("inlines another workflow's nodes with its inputs, renamed under the include id", async () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.archon/workflows/review-block.yaml': `name: review-block
description: a reusable block
inputs:
  focus: {required: true}
  depth: {default: shallow}
returns: summarize
nodes:
  - id: scan
    bash: echo "scan $INPUTS.focus $INPUTS.depth"
  - id: summarize
    depends_on: [scan]
    bash: echo summary of $scan.output
`,
    });
    const workflow = await loadOk(
      `${header}nodes:
  - id: prepare
    bash: echo ready
  - id: review
    include: review-block
    depends_on: [prepare]
    with: {focus: auth}
  - id: report
    depends_on: [review]
    bash: echo $review.output
`,
      { dir },
    );
    const byId = Object.fromEntries(workflow.nodes.map((node) => [node.id, node]));
    expect(Object.keys(byId)).toEqual(['prepare', 'review__scan', 'review__summarize', 'report']);
    expect(byId.review__scan).toMatchObject({ depends_on: ['prepare'], bash: 'echo "scan auth shallow"' });
    expect(byId.review__summarize).toMatchObject({
      depends_on: ['review__scan'],
      bash: 'echo summary of $review__scan.output',
    });
    expect(byId.report).toMatchObject({ depends_on: ['review__summarize'], bash: 'echo $review__summarize.output' });

    const errors = await errorsOf(`${header}nodes:\n  - id: r\n    include: review-block\n`, { dir });
    find(errors, 'r', "'review-block' requires input 'focus'");
  });

  it('rejects include cycles and launch-only keys', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.archon/workflows/a.yaml': 'name: block-a\ndescription: a\nnodes:\n  - id: x\n    include: block-b\n',
      '.archon/workflows/b.yaml': 'name: block-b\ndescription: b\nnodes:\n  - id: y\n    include: block-a\n',
    });
    const cycle = await errorsOf(`${header}nodes:\n  - id: top\n    include: block-a\n`, { dir });
    expect(cycle.map((error) => error.message)).toContainEqual(
      expect.stringContaining('include cycle detected: archon-style -> block-a -> block-b -> block-a'),
    );
    const launch = await errorsOf(`${header}nodes:\n  - id: top\n    include: block-a\n    fan_out: {items: '[1]'}\n`, {
      dir,
    });
    find(launch, 'top', "'fan_out' is not supported on an include node");
  });

  it('reports only its own error when an include fails: later nodes still see it in the declared graph', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.archon/workflows/needs-input.yaml':
        'name: needs-input\ndescription: d\ninputs:\n  focus: {required: true}\nnodes:\n  - id: s\n    bash: echo $INPUTS.focus\n',
    });
    const downstream = '  - id: p\n    depends_on: [inc]\n    bash: echo $inc.output\n';
    for (const [include, message] of [
      ['needs-input', "'needs-input' requires input 'focus'"],
      ['no-such-block', "included workflow 'no-such-block' not found"],
    ] as const) {
      const errors = await errorsOf(`${header}nodes:\n  - id: inc\n    include: ${include}\n${downstream}`, { dir });
      find(errors, 'inc', message);
      expect(errors).toHaveLength(1);
    }
    // In a loop_group body too: the group fails for its body, not for "unknown node" elsewhere.
    const grouped = await errorsOf(
      `${header}nodes:\n  - id: g\n    loop_group:\n      until: ALL_CLEAN\n      max_iterations: 2\n      nodes:\n        - id: inc\n          include: needs-input\n        - id: p\n          depends_on: [inc]\n          bash: echo $inc.output\n`,
      { dir },
    );
    expect(grouped.map((error) => error.message)).toEqual([expect.stringContaining("requires input 'focus'")]);
  });
});

describe('script, loop_group, workflow and interactive loop nodes', () => {
  it('tells inline scripts from named ones and finds named scripts with their runtime', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.archon/scripts/echo-args.js': 'console.log(1)',
      '.archon/scripts/tools/report.py': 'print(1)',
    });
    const workflow = await loadOk(
      `${header}nodes:
  - id: inline
    script: console.log("hi")
    runtime: node
  - id: named-js
    script: echo-args
  - id: named-py
    script: report
    deps: [requests]
`,
      { dir },
    );
    const scripts = workflow.nodes.map((node) => (node.kind === 'script' ? [node.runtime, node.source] : []));
    expect(scripts).toEqual([
      ['node', { kind: 'inline', code: 'console.log("hi")' }],
      ['bun', { kind: 'file', file: join(dir, '.archon/scripts/echo-args.js') }],
      ['uv', { kind: 'file', file: join(dir, '.archon/scripts/tools/report.py') }],
    ]);
    const errors = await errorsOf(
      `${header}nodes:\n  - id: a\n    script: 'print(1)'\n  - id: b\n    script: missing-one\n`,
      { dir },
    );
    find(errors, 'a', "'runtime' is required for script nodes (bun, uv, node, python)");
    find(errors, 'b', "named script 'missing-one' not found");
  });

  it('checks loop groups: completion, bodies that cannot pause, and ids that shadow', async () => {
    const errors = await errorsOf(
      `${header}nodes:
  - id: fix
    bash: echo
  - id: group
    loop_group:
      max_iterations: 3
      nodes:
        - id: fix
          bash: echo
  - id: gated
    loop_group:
      until: DONE
      max_iterations: 2
      nodes:
        - id: ask
          approval: {message: ok?}
`,
    );
    find(errors, 'group', 'a loop needs a completion check: loop_group.until');
    find(errors, 'gated', 'a loop_group body cannot pause');

    // A body node's graph problems point at its group's line.
    const shadowing = await errorsOf(
      `${header}nodes:\n  - id: fix\n    bash: echo\n  - id: group\n    loop_group:\n      until: DONE\n      max_iterations: 3\n      nodes:\n        - id: fix\n          bash: echo\n`,
    );
    expect(find(shadowing, 'fix', "in loop_group 'group' shadows a node id")).toMatchObject({ field: 'id', line: 6 });
  });

  it('requires a gate message on interactive loops and rejects racing fan-outs', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.archon/workflows/child.yaml': 'name: child\ndescription: c\nnodes:\n  - id: a\n    bash: echo\n',
    });
    const errors = await errorsOf(
      `${header}interactive: true
nodes:
  - id: talk
    loop: {prompt: draft, until: DONE, max_iterations: 3, interactive: true}
  - id: items
    bash: echo '[1,2]'
  - id: race
    depends_on: [items]
    workflow: child
    fan_out: {items: $items.output, join: first_success}
  - id: nowhere
    workflow: no-such-workflow
  - id: shapeless
    workflow: child
    fan_out: 5
`,
      { dir },
    );
    find(
      errors,
      'shapeless',
      "'fan_out' is a list of items, a $node.output[.field] reference to a JSON array, or {items, as?, max_parallel?, join?}",
    );
    find(errors, 'talk', "interactive loop requires 'loop.gate_message'");
    find(errors, 'race', "'fan_out.join: first_success' (racing) is rejected");
    find(errors, 'nowhere', "sub-workflow 'no-such-workflow' not found");
  });

  it('checks declared inputs, returns and outcome_field', async () => {
    const errors = await errorsOf(
      `${header}inputs:
  foo-bar: {}
  foo_bar: {}
returns: missing
outcome_field: ok
nodes:
  - id: a
    bash: echo
`,
    );
    find(errors, undefined, "inputs 'foo-bar' and 'foo_bar' both map to env var 'INPUTS_FOO_BAR'");
    find(errors, undefined, "returns 'missing', which is not a top-level node");
  });
});
