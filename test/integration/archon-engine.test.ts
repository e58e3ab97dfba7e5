import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { run, writeFiles } from '../helpers/engine.js';
import { tempDir } from '../helpers/tmp.js';

/** Running Archon's node kinds, keys and variables with real processes (the exec provider stands in for AI). */

const FAKE_BIN = fileURLToPath(new URL('../fixtures/bin', import.meta.url));
const header = 'name: archon-run\ndescription: runs like Archon\n';
/** An "AI" that answers with the first line of its prompt, so tests can see what it was asked. */
const echoAi = 'provider: exec\nexec: {command: head, args: ["-n", "1"]}\n';

function withFakes(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${FAKE_BIN}:${process.env.PATH}`, ...extra };
}

/** PATH without the fake bun and uv (and, on this machine, without the real ones). */
function withoutBunOrUv(): NodeJS.ProcessEnv {
  const path = (process.env.PATH ?? '')
    .split(':')
    .filter((dir) => !existsSync(join(dir, 'bun')) && !existsSync(join(dir, 'uv')));
  return { ...process.env, PATH: path.join(':') };
}

describe('script nodes', () => {
  it('runs inline and named scripts with node, python, bun and uv, with inputs in the environment', async () => {
    const dir = tempDir();
    const bunLog = join(dir, 'bun.jsonl');
    const uvLog = join(dir, 'uv.jsonl');
    writeFiles(dir, {
      '.archon/scripts/greet.js':
        'console.log(`hello ${process.env.INPUTS_WHO} from ${process.env.WORKFLOW_ID ? "a run" : "?"}`)',
      '.archon/scripts/add.py': 'import os\nprint(int(os.environ["INPUTS_A"]) + 2)',
    });
    const { result } = await run(
      `${header}inputs:
  who: {default: archon}
nodes:
  - id: source
    bash: "echo '{\\"n\\": 40}'"
  - id: node-inline
    depends_on: [source]
    script: const n = JSON.parse('$source.output').n; console.log(n + 2)
    runtime: node
  - id: python-inline
    script: print(len("$ARGUMENTS"))
    runtime: python
  - id: bun-named
    script: greet
  - id: uv-named
    script: add
    deps: [requests]
    with: {a: $node-inline.output}
    depends_on: [node-inline]
`,
      { dir, userMessage: 'a message', env: withFakes({ FAKE_BUN_LOG: bunLog, FAKE_UV_LOG: uvLog }) },
    );
    expect(result.status).toBe('completed');
    const outputs = Object.fromEntries(Object.entries(result.nodes).map(([id, node]) => [id, node.output]));
    expect(outputs).toMatchObject({
      'node-inline': '42',
      // $ARGUMENTS is not spliced into script code (it arrives as an environment variable instead).
      'python-inline': String('$ARGUMENTS'.length),
      'bun-named': 'hello archon from a run',
      'uv-named': '44',
    });
    expect(JSON.parse(readFileSync(bunLog, 'utf8')).argv).toEqual([
      '--no-env-file',
      'run',
      join(dir, '.archon/scripts/greet.js'),
    ]);
    expect(JSON.parse(readFileSync(uvLog, 'utf8')).argv).toEqual([
      'run',
      '--with',
      'requests',
      join(dir, '.archon/scripts/add.py'),
    ]);
  });

  it('fails with the name of a runtime that is not installed', async () => {
    const { result } = await run(`${header}nodes:\n  - id: fast\n    script: console.log(1)\n    runtime: bun\n`, {
      env: withoutBunOrUv(),
    });
    expect(result.status).toBe('failed');
    expect(result.nodes.fast!.error).toBe(
      "Script node 'fast' needs the 'bun' runtime, but 'bun' is not installed (not found on PATH): install Bun (https://bun.sh) or use runtime: node",
    );
  });
});

describe('variables', () => {
  it('substitutes $DOCS_DIR, $STATE_DIR and $INPUTS, and refuses unknown inputs and a missing state directory', async () => {
    const dir = tempDir();
    const stateDir = join(dir, 'state');
    const { result } = await run(
      `${header}${echoAi}inputs:
  focus: {required: true}
  style: {default: terse}
nodes:
  - id: ask
    prompt: "docs=$DOCS_DIR state=$STATE_DIR focus=$INPUTS.focus style=$INPUTS.style"
  - id: shell
    bash: printf '%s|%s|%s' "$INPUTS_FOCUS" "$STATE_DIR" "$DOCS_DIR"
  - id: gated
    bash: echo ran
    when: "$INPUTS.style == 'terse'"
`,
      { dir, inputs: { focus: 'auth' }, stateDir, docsDir: 'handbook/' },
    );
    expect(result.status).toBe('completed');
    expect(result.nodes.ask!.output).toBe(`docs=handbook/ state=${stateDir} focus=auth style=terse`);
    expect(result.nodes.shell!.output).toBe(`auth|${stateDir}|handbook/`);
    expect(result.nodes.gated!.state).toBe('completed');
    expect(existsSync(stateDir)).toBe(true);

    const unknown = await run(`${header}${echoAi}nodes:\n  - id: ask\n    prompt: "x $INPUTS.focsu"\n`, { inputs: {} });
    expect(unknown.result.nodes.ask!.error).toContain(
      "Unknown input '$INPUTS.focsu'. This run has no declared inputs.",
    );
    const noState = await run(`${header}${echoAi}nodes:\n  - id: ask\n    prompt: "keep it in $STATE_DIR"\n`);
    expect(noState.result.nodes.ask!.error).toContain('$STATE_DIR is used but this run has no state directory');
    const missing = await run(`${header}inputs: {focus: {required: true}}\nnodes:\n  - id: a\n    bash: echo\n`);
    expect(missing.result.error).toBe("Could not set up the run: 'archon-run' requires input 'focus'.");
  });
});

describe('include, loop_group, sub-workflows', () => {
  it('runs an included block and reads its returns node', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.archon/workflows/block.yaml': `name: shout-block
description: shouts its input
inputs: {word: {required: true}, tone: {default: soft}}
returns: loud
nodes:
  - id: loud
    bash: echo "$INPUTS.word" | tr a-z A-Z
  - id: quiet
    depends_on: [loud]
    bash: echo "done $INPUTS_WORD $INPUTS_TONE"
  - id: env-script
    depends_on: [loud]
    script: console.log(process.env.INPUTS_WORD + '/' + process.env.INPUTS_TONE)
    runtime: node
`,
    });
    const { result } = await run(
      `${header}nodes:\n  - id: shout\n    include: shout-block\n    with: {word: hello}\n  - id: after\n    depends_on: [shout]\n    bash: echo got $shout.output\n`,
      { dir },
    );
    expect(result.status).toBe('completed');
    expect(result.nodes.shout__loud!.output).toBe('HELLO');
    expect(result.nodes.after!.output).toBe('got HELLO');
    // Its bash and script nodes read the include's inputs (and defaults) as INPUTS_<NAME>, as Archon sets them.
    expect(result.nodes.shout__quiet!.output).toBe('done hello soft');
    expect(result.nodes['shout__env-script']!.output).toBe('hello/soft');
  });

  it('repeats a loop_group body until its signal, with $LOOP_PREV', async () => {
    const dir = tempDir();
    const { result, sink } = await run(
      `${header}nodes:
  - id: fix
    loop_group:
      until: GREEN
      max_iterations: 5
      nodes:
        - id: attempt
          bash: echo $(( $(cat ${dir}/count 2>/dev/null || echo 0) + 1 )) > ${dir}/count; cat ${dir}/count
        - id: check
          depends_on: [attempt]
          bash: "if [ $attempt.output -ge 3 ]; then echo GREEN; else echo red after $LOOP_PREV.attempt.output; fi"
`,
      { dir },
    );
    expect(result.status).toBe('completed');
    expect(result.nodes.fix!.iterations).toBe(3);
    const checks = sink.events.filter((event) => event.nodeId === 'fix.check' && event.type === 'node_completed');
    expect(checks.map((event) => [event.data.iteration, event.data.node_output])).toEqual([
      [1, 'red after '],
      [2, 'red after 1'],
      [3, 'GREEN'],
    ]);
  });

  it('fails a loop_group at the iteration where a body node fails', async () => {
    const { result } = await run(
      `${header}nodes:\n  - id: grp\n    loop_group:\n      until: X\n      max_iterations: 3\n      nodes:\n        - id: boom\n          bash: exit 3\n`,
    );
    expect(result.nodes.grp!.error).toMatch(
      /^Loop-group node 'grp' failed at iteration 1: 'boom': Bash node 'boom' failed \[exit 3\]/,
    );
  });

  it('runs workflow: nodes as child runs, passing inputs and fanning out over an array', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.archon/workflows/child.yaml': `name: echo-child
description: echoes its item
inputs: {item: {required: true}, prefix: {default: '>'}}
nodes:
  - id: echo
    bash: 'if [ "$INPUTS_ITEM" = boom ]; then exit 4; fi; printf "%s %s" "$INPUTS_PREFIX" "$INPUTS_ITEM"'
`,
    });
    const { result } = await run(
      `${header}nodes:
  - id: one
    workflow: echo-child
    with: {item: single}
  - id: list
    bash: echo '["a", "b", "boom"]'
  - id: each
    depends_on: [list]
    workflow: echo-child
    with: {prefix: '#'}
    fan_out: {items: $list.output, as: item, max_parallel: 2}
  - id: strict
    depends_on: [list]
    workflow: echo-child
    fan_out: {items: $list.output, as: item, join: all_success}
`,
      { dir },
    );
    expect(result.nodes.one!.output).toBe('> single');
    const each = JSON.parse(result.nodes.each!.output!) as unknown[];
    expect(each.slice(0, 2)).toEqual(['# a', '# b']);
    expect(each[2]).toMatchObject({ archon_failed: true, status: 'failed' });
    expect(result.nodes.strict!.state).toBe('failed');
    expect(result.nodes.strict!.error).toContain("1 of 3 sub-runs of 'echo-child' did not complete");
  });

  it('takes fan_out as the items themselves or as a reference to them; each child gets its item as its message', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.archon/workflows/msg.yaml':
        'name: msg-child\ndescription: echoes its message\nnodes:\n  - id: say\n    bash: printf "<%s>" "$ARGUMENTS"\n',
    });
    const { result } = await run(
      `${header}nodes:
  - id: list
    bash: echo '["x", "y"]'
  - id: by-ref
    depends_on: [list]
    workflow: msg-child
    fan_out: $list.output
  - id: literal
    workflow: msg-child
    fan_out: [p, q, r]
`,
      { dir },
    );
    expect(result.status).toBe('completed');
    expect(JSON.parse(result.nodes['by-ref']!.output!)).toEqual(['<x>', '<y>']);
    expect(JSON.parse(result.nodes.literal!.output!)).toEqual(['<p>', '<q>', '<r>']);
  });
});

describe('interactive loops and other keys', () => {
  it('pauses an interactive loop with its gate and continues with $LOOP_USER_INPUT', async () => {
    const dir = tempDir();
    const yaml = `${header}${echoAi}interactive: true
nodes:
  - id: draft
    loop:
      prompt: "draft (feedback: $LOOP_USER_INPUT)"
      until: DONE
      max_iterations: 4
      interactive: true
      gate_message: Reply with feedback
`;
    const first = await run(yaml, { dir });
    expect(first.result.status).toBe('paused');
    expect(first.result.pause!.message).toContain('No completion condition met in this iteration');
    expect(first.result.pause!.message).toContain('Reply with feedback');
    expect(first.result.gate).toMatchObject({ type: 'interactive_loop', iteration: 1, output: 'draft (feedback: )' });

    const second = await run(yaml, {
      dir,
      gateResume: { nodeId: 'draft', iteration: 2, userInput: 'make it shorter' },
    });
    expect(second.result.gate).toMatchObject({ iteration: 2, output: 'draft (feedback: make it shorter)' });
  });

  it('writes typed outputs, requires evidence, and records the returns node and its outcome', async () => {
    const dir = tempDir();
    const { result } = await run(
      `${header}returns: verdict
outcome_field: ok
evidence_policy: {required: true}
nodes:
  - id: plan
    bash: echo the plan
    output_type: plan
  - id: evidence
    bash: echo '{}' > "$ARTIFACTS_DIR/evidence.json"
  - id: verdict
    depends_on: [plan]
    prompt: judge
    provider: exec
    exec: {command: sh, args: ["-c", "echo '{\\"ok\\": false}'"]}
    output_format: {type: object, properties: {ok: {type: boolean}}, required: [ok]}
`,
      { dir },
    );
    expect(result.status).toBe('completed');
    expect(result.output).toBe('{"ok":false}');
    expect(result.outcome).toBe('failed');
    expect(readFileSync(join(result.artifactsDir, 'nodes', 'plan.md'), 'utf8')).toBe('the plan');
    expect(JSON.parse(readFileSync(join(result.artifactsDir, 'nodes', 'plan.meta.json'), 'utf8'))).toMatchObject({
      type: 'plan',
    });

    const noEvidence = await run(`${header}evidence_policy: {required: true}\nnodes:\n  - id: a\n    bash: echo\n`);
    expect(noEvidence.result.status).toBe('failed');
    expect(noEvidence.result.error).toContain('requires evidence (evidence_policy.required)');
  });

  it('re-runs always_run nodes on resume and skips the others', async () => {
    const dir = tempDir();
    const yaml = `${header}nodes:\n  - id: fetch\n    bash: date +%N\n    always_run: true\n  - id: cached\n    bash: date +%N\n`;
    const { result } = await run(yaml, {
      dir,
      prior: {
        outputs: new Map([
          ['fetch', { text: 'old' }],
          ['cached', { text: 'old' }],
        ]),
      },
    });
    expect(result.nodes.fetch!.output).not.toBe('old');
    expect(result.nodes.cached!.output).toBe('old');
  });

  it('on resume, runs again a completed node whose dependency ran again with another output (never a stale success)', async () => {
    const dir = tempDir();
    const yaml = `${header}nodes:
  - id: fetch
    bash: echo fresh
    always_run: true
  - id: summarize
    depends_on: [fetch]
    bash: echo "summary of $fetch.output"
  - id: same
    bash: echo same
    always_run: true
  - id: keeps
    depends_on: [same]
    bash: echo recomputed
  - id: report
    depends_on: [summarize]
    bash: echo "report on $summarize.output"
`;
    const { result, sink } = await run(yaml, {
      dir,
      prior: {
        outputs: new Map([
          ['fetch', { text: 'old' }],
          ['summarize', { text: "summary of 'old'" }],
          ['same', { text: 'same' }],
          ['keeps', { text: 'kept' }],
          ['report', { text: "report on 'summary of 'old''" }],
        ]),
      },
    });
    expect(result.status).toBe('completed');
    expect(result.nodes.summarize!.output).toBe("summary of 'fresh'");
    expect(result.nodes.report!.output).toBe(`report on 'summary of '\\''fresh'\\'''`);
    // A dependency that ran again with the same output leaves its dependents' earlier results standing.
    expect(result.nodes.keeps!.output).toBe('kept');
    const invalidated = sink.ofType('node_prior_cache_invalidated');
    expect(invalidated.map((event) => [event.nodeId, event.data.invalidating_deps])).toEqual([
      ['summarize', ['fetch']],
      ['report', ['summarize']],
    ]);
  });

  it('binds with: values of command nodes as $INPUTS, with if_skipped for skipped producers', async () => {
    const dir = tempDir();
    writeFiles(dir, { '.archon/commands/report.md': 'verdict=$INPUTS.verdict optional=$INPUTS.optional' });
    const { result } = await run(
      `${header}${echoAi}nodes:
  - id: judge
    bash: "echo '{\\"verdict\\": true}'"
  - id: maybe
    bash: echo never
    when: "$judge.output.verdict == 'false'"
    depends_on: [judge]
  - id: report
    command: report
    depends_on: [judge, maybe]
    trigger_rule: all_done
    with:
      verdict: $judge.output.verdict
      optional: {from: $maybe.output, if_skipped: none}
`,
      { dir },
    );
    expect(result.nodes.report!.output).toBe('verdict=true optional=none');
  });
});
