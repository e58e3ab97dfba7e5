import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { progressSink } from '../../src/cli/render/progress.js';
import type { WorkflowEvent } from '../../src/workflows/events.js';
import { recordingClock, run } from '../helpers/engine.js';
import { tempDir } from '../helpers/tmp.js';

const AGENT = fileURLToPath(new URL('../fixtures/agents/scripted.mjs', import.meta.url));
const header = 'name: test\ndescription: executor test\n';
const agent = (...args: string[]) => `exec: {command: node, args: ${JSON.stringify([AGENT, ...args])}}`;

function eventIndex(events: WorkflowEvent[], type: string, nodeId: string): number {
  const index = events.findIndex((event) => event.type === type && event.nodeId === nodeId);
  if (index === -1) throw new Error(`no ${type} for ${nodeId}`);
  return index;
}

/** Every started node gets exactly one terminal event. */
function expectPairedEvents(events: WorkflowEvent[]) {
  const started = events.filter((event) => event.type === 'node_started').map((event) => event.nodeId);
  for (const id of started) {
    const terminal = events.filter(
      (event) => event.nodeId === id && ['node_completed', 'node_failed'].includes(event.type),
    );
    const paused = events.some((event) => event.nodeId === id && event.type === 'approval_requested');
    expect(terminal.length + (paused ? 1 : 0)).toBe(1);
  }
}

describe('scheduling', () => {
  it('starts a node as soon as its own dependencies are done, not when a whole layer is', async () => {
    const { result, sink } = await run(`${header}nodes:
  - id: slow
    bash: sleep 0.8; echo slow
  - id: fast
    bash: echo fast
  - id: after-fast
    depends_on: [fast]
    bash: echo after
  - id: join
    depends_on: [slow, after-fast]
    bash: echo $slow.output $after-fast.output
`);
    expect(result.status).toBe('completed');
    const events = sink.events;
    // With a layer barrier, after-fast would wait for slow.
    expect(eventIndex(events, 'node_completed', 'after-fast')).toBeLessThan(
      eventIndex(events, 'node_completed', 'slow'),
    );
    expect(result.nodes.join!.output).toBe('slow after');
    expectPairedEvents(events);
  });

  it('never runs more than max_parallel nodes at once', async () => {
    const nodes = Array.from({ length: 6 }, (_, i) => `  - id: n${i}\n    bash: sleep 0.15`).join('\n');
    const started = Date.now();
    const { result, sink } = await run(`${header}max_parallel: 2\nnodes:\n${nodes}\n`);
    expect(result.status).toBe('completed');
    let running = 0;
    let peak = 0;
    for (const event of sink.events) {
      if (event.type === 'node_started') peak = Math.max(peak, ++running);
      if (event.type === 'node_completed') running--;
    }
    expect(peak).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 150);
  });

  it('propagates skips and applies each trigger rule to real outcomes', async () => {
    const { result } = await run(`${header}nodes:
  - id: broken
    bash: exit 3
  - id: fine
    bash: echo ok
  - id: needs-broken
    depends_on: [broken]
    bash: echo never
  - id: after-skip
    depends_on: [needs-broken]
    bash: echo never
  - id: cleanup
    depends_on: [broken, after-skip]
    trigger_rule: all_done
    bash: echo cleaned
  - id: any
    depends_on: [broken, fine]
    trigger_rule: one_success
    bash: echo any
  - id: strict-join
    depends_on: [broken, fine]
    trigger_rule: none_failed_min_one_success
    bash: echo never
  - id: skip-ok-join
    depends_on: [after-skip, fine]
    trigger_rule: none_failed_min_one_success
    bash: echo joined
`);
    const states = Object.fromEntries(
      Object.entries(result.nodes).map(([id, node]) => [id, [node.state, node.skipReason]]),
    );
    expect(states).toEqual({
      broken: ['failed', undefined],
      fine: ['completed', undefined],
      'needs-broken': ['skipped', 'trigger_rule'],
      'after-skip': ['skipped', 'trigger_rule'],
      cleanup: ['completed', undefined],
      any: ['completed', undefined],
      'strict-join': ['skipped', 'trigger_rule'],
      'skip-ok-join': ['completed', undefined],
    });
    expect(result.status).toBe('failed');
    expect(result.error).toContain("'broken': Bash node 'broken' failed [exit 3]");
  });

  it('lets continue_on_error nodes fail without failing the run', async () => {
    const { result } = await run(
      `${header}nodes:\n  - id: optional\n    bash: exit 1\n    continue_on_error: true\n  - id: main\n    bash: echo done\n`,
    );
    expect(result.nodes.optional!.state).toBe('failed');
    expect(result.status).toBe('completed');
  });

  it('fails a run in which no node completed', async () => {
    const { result } = await run(
      `${header}nodes:\n  - id: a\n    bash: exit 1\n    continue_on_error: true\n  - id: b\n    depends_on: [a]\n    bash: echo never\n`,
    );
    expect(result.nodes.b!.state).toBe('skipped');
    expect(result.status).toBe('failed');
    expect(result.error).toContain('completed no node (1 skipped)');
  });
});

describe('conditions and outputs', () => {
  it('skips on a false condition and runs on a true one, reading JSON fields of bash output', async () => {
    const { result, sink } = await run(`${header}nodes:
  - id: classify
    bash: 'echo "{\\"kind\\": \\"bug\\", \\"score\\": 7}"'
  - id: bug
    depends_on: [classify]
    when: "$classify.output.kind == 'bug' && $classify.output.score >= 5"
    bash: echo fixing
  - id: feature
    depends_on: [classify]
    when: "$classify.output.kind == 'feature'"
    bash: echo planning
`);
    expect(result.nodes.bug).toMatchObject({ state: 'completed', output: 'fixing' });
    expect(result.nodes.feature).toMatchObject({ state: 'skipped', skipReason: 'when_condition' });
    expect(sink.ofType('node_skipped')[0]!.data).toMatchObject({
      reason: 'when_condition',
      expr: "$classify.output.kind == 'feature'",
    });
  });

  it('fails a node whose condition cannot be evaluated, showing the value', async () => {
    const { result } = await run(`${header}nodes:
  - id: prose
    bash: echo not a number
  - id: compare
    depends_on: [prose]
    when: "$prose.output > 3"
    bash: echo never
  - id: field
    depends_on: [prose]
    when: "$prose.output.kind == 'x'"
    bash: echo never
`);
    expect(result.nodes.compare!.state).toBe('failed');
    expect(result.nodes.compare!.error).toContain(`'>' needs numbers, but $prose.output is "not a number"`);
    expect(result.nodes.field!.state).toBe('failed');
    expect(result.nodes.field!.error).toContain('is not a JSON object: "not a number"');
  });

  it('takes bash stdout minus exactly one trailing newline', async () => {
    const { result } = await run(
      `${header}nodes:\n  - id: a\n    bash: printf 'X\\n\\n'\n  - id: b\n    bash: printf 'Y'\n  - id: c\n    depends_on: [a]\n    when: "$a.output == 'X'"\n    bash: echo matched\n`,
    );
    expect(result.nodes.a!.output).toBe('X\n');
    expect(result.nodes.b!.output).toBe('Y');
    expect(result.nodes.c!.state).toBe('skipped');
  });

  it('gives bash nodes the run variables through the environment, never as code', async () => {
    const message = `it's "$(touch pwned)" \`touch pwned2\` ; touch pwned3`;
    const { result, dir } = await run(
      `${header}nodes:\n  - id: vars\n    bash: |\n      printf '%s|%s|%s|%s|' "$USER_MESSAGE" "$WORKFLOW_ID" "$ARCHAL_RUN_ID" "$ARCHAL_NODE_ID"\n      test -d "$ARTIFACTS_DIR" && printf artifacts-ok\n`,
      { userMessage: message },
    );
    expect(result.nodes.vars!.output).toBe(`${message}|${result.runId}|${result.runId}|vars|artifacts-ok`);
    for (const file of ['pwned', 'pwned2', 'pwned3']) expect(existsSync(join(dir, file))).toBe(false);
    expect(result.artifactsDir).toBe(join(dir, '.archal', 'artifacts', 'runs', result.runId));
  });

  it('passes outputs into scripts quoted, whatever they contain', async () => {
    const { result, dir } = await run(`${header}nodes:
  - id: evil
    bash: printf '%s' "'; touch pwned; echo '"
  - id: use
    depends_on: [evil]
    bash: printf '[%s]' $evil.output
`);
    expect(result.nodes.use!.output).toBe(`['; touch pwned; echo ']`);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
  });

  it('times out a bash node and kills what it started', async () => {
    const started = Date.now();
    const { result } = await run(`${header}nodes:\n  - id: hang\n    bash: sleep 30 & sleep 30\n    timeout: 300\n`);
    expect(result.nodes.hang!.state).toBe('failed');
    expect(result.nodes.hang!.error).toContain("Bash node 'hang' timed out after 300ms");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('resolves the base branch only when a node reads it', async () => {
    let asked = 0;
    const baseBranch = async () => {
      asked++;
      return 'trunk';
    };
    await run(`${header}nodes:\n  - id: a\n    bash: echo hi\n`, { baseBranch });
    expect(asked).toBe(0);
    const { result } = await run(`${header}nodes:\n  - id: a\n    bash: printf %s "$BASE_BRANCH"\n`, { baseBranch });
    expect(asked).toBe(1);
    expect(result.nodes.a!.output).toBe('trunk');
    const missing = await run(`${header}nodes:\n  - id: a\n    bash: printf %s "$BASE_BRANCH"\n`, {
      baseBranch: async () => undefined,
    });
    expect(missing.result.nodes.a!.error).toContain('$BASE_BRANCH is used but the base branch could not be detected');
  });
});

describe('cancel and approval', () => {
  it('cancels the run from a cancel node, stopping running nodes and skipping the rest', async () => {
    const started = Date.now();
    const { result, sink } = await run(`${header}nodes:
  - id: long
    bash: sleep 20
  - id: check
    bash: printf stop
  - id: stop
    depends_on: [check]
    when: "$check.output == 'stop'"
    cancel: "Stopping because check said $check.output"
  - id: later
    depends_on: [stop]
    bash: echo never
`);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(result.status).toBe('cancelled');
    expect(result.error).toBe('Stopping because check said stop');
    expect(result.nodes.stop!.state).toBe('completed');
    expect(result.nodes.long!.state).toBe('failed');
    expect(result.nodes.later).toMatchObject({ state: 'skipped', skipReason: 'run_cancelled' });
    expect(sink.ofType('workflow_cancelled')[0]).toMatchObject({
      nodeId: 'stop',
      data: { reason: 'Stopping because check said stop' },
    });
    expectPairedEvents(sink.events);
  });

  it('pauses at an approval node and leaves downstream nodes pending', async () => {
    const { result, sink, logs } = await run(`${header}nodes:
  - id: propose
    bash: printf 'rename the API'
  - id: gate
    depends_on: [propose]
    approval:
      message: "Apply: $propose.output?"
  - id: apply
    depends_on: [gate]
    bash: echo applied
`);
    expect(result.status).toBe('paused');
    expect(result.pause).toEqual({ nodeId: 'gate', message: 'Apply: rename the API?' });
    expect(result.nodes.gate!.state).toBe('paused');
    expect(result.nodes.apply!.state).toBe('pending');
    expect(sink.ofType('approval_requested')[0]!.data).toEqual({ message: 'Apply: rename the API?' });
    // The engine says nothing about commands; the CLI prints how to answer from the approval_requested event.
    expect(logs.join('\n')).not.toContain('archal workflow');
    const printed: string[] = [];
    const cli = progressSink((line) => printed.push(line));
    for (const event of sink.events) cli.write(event);
    expect(printed.join('\n')).toContain(`archal workflow approve ${result.runId}`);
  });

  it('cancels when the caller aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const { result } = await run(
      `${header}nodes:\n  - id: long\n    bash: sleep 20\n  - id: next\n    depends_on: [long]\n    bash: echo\n`,
      { signal: controller.signal },
    );
    expect(result.status).toBe('cancelled');
    expect(result.error).toBe('Cancelled by user');
    expect(result.nodes.next!.skipReason).toBe('run_cancelled');
  });
});

describe('retries', () => {
  it('retries a bash node with explicit retry on transient exits, announcing each retry', async () => {
    const dir = tempDir();
    const clock = recordingClock();
    const { result, sink, logs } = await run(
      `${header}nodes:\n  - id: flaky\n    bash: 'n=$(cat count 2>/dev/null || echo 0); echo $((n+1)) > count; [ $n -ge 2 ] || exit 75; echo ok'\n    retry: {max_attempts: 2}\n`,
      { dir, clock },
    );
    expect(result.nodes.flaky).toMatchObject({ state: 'completed', attempts: 3, output: 'ok' });
    expect(clock.sleeps).toEqual([3000, 6000]);
    expect(logs).toContain('⚠️ Node flaky failed with transient error (attempt 1/3). Retrying in 3s...');
    expect(logs).toContain('⚠️ Node flaky failed with transient error (attempt 2/3). Retrying in 6s...');
    expect(sink.ofType('node_retrying')).toHaveLength(2);
    expectPairedEvents(sink.events);
  });

  it('tells each attempt its number (ARCHAL_NODE_ATTEMPT), counting the attempts of earlier executions', async () => {
    const dir = tempDir();
    const script = `${header}nodes:\n  - id: flaky\n    bash: 'echo "$ARCHAL_NODE_ATTEMPT" >> attempts; [ "$ARCHAL_NODE_ATTEMPT" -ge 2 ] || exit 75; echo "$ARCHAL_NODE_ID/$ARCHAL_RUN_ID"'\n    retry: {max_attempts: 3}\n`;
    const { result } = await run(script, { dir, runId: 'run-attempts' });
    expect(result.nodes.flaky).toMatchObject({ state: 'completed', attempts: 2, output: 'flaky/run-attempts' });
    // A resumed run continues the count: its earlier execution began two attempts of the node.
    await run(script, { dir, prior: { outputs: new Map(), attempts: new Map([['flaky', 2]]) } });
    expect(readFileSync(join(dir, 'attempts'), 'utf8').split('\n').filter(Boolean)).toEqual(['1', '2', '3']);
  });

  it('does not retry bash nodes without retry:, nor fatal or unknown errors by default', async () => {
    const clock = recordingClock();
    const { result } = await run(
      `${header}nodes:
  - id: plain
    bash: exit 75
  - id: fatal
    bash: no-such-command-archal
    retry: {max_attempts: 3}
  - id: unknown
    bash: exit 1
    retry: {max_attempts: 3}
  - id: all
    bash: exit 1
    retry: {max_attempts: 1, delay_ms: 1000, on_error: all}
`,
      { clock },
    );
    expect(result.nodes.plain!.attempts).toBe(1);
    expect(result.nodes.fatal!.attempts).toBe(1);
    expect(result.nodes.unknown!.attempts).toBe(1);
    expect(result.nodes.all!.attempts).toBe(2);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('retries AI nodes on transient provider errors by default, and never on fatal ones', async () => {
    const dir = tempDir();
    const clock = recordingClock();
    const { result } = await run(
      `${header}nodes:
  - id: rate-limited
    prompt: hi
    provider: exec
    ${agent('fail', '2', join(dir, 'a.count'), 'Error: 429 Too Many Requests (rate limit)')}
  - id: unauthorized
    prompt: hi
    provider: exec
    ${agent('fail', '5', join(dir, 'b.count'), 'Error: 401 Unauthorized: invalid api key')}
`,
      { dir, clock },
    );
    expect(result.nodes['rate-limited']).toMatchObject({ state: 'completed', attempts: 3, output: 'ok' });
    expect(result.nodes.unauthorized).toMatchObject({ state: 'failed', attempts: 1 });
    expect(result.nodes.unauthorized!.error).toContain('401 Unauthorized');
    expect(clock.sleeps).toEqual([3000, 6000]);
  });
});

describe('AI nodes through the exec provider', () => {
  it('sends the substituted prompt on stdin and exposes ARCHAL_* variables', async () => {
    const { result } = await run(
      `${header}nodes:
  - id: data
    bash: printf 'three apples'
  - id: ask
    depends_on: [data]
    prompt: "Count: $data.output for $USER_MESSAGE"
    provider: exec
    ${agent('echo')}
  - id: env
    prompt: env please
    provider: exec
    model: some-model
    ${agent('env')}
`,
      { userMessage: 'the user' },
    );
    expect(result.nodes.ask!.output).toBe('Count: three apples for the user');
    const env = JSON.parse(result.nodes.env!.output!) as Record<string, string>;
    expect(env).toMatchObject({
      ARCHAL_NODE_ID: 'env',
      ARCHAL_WORKFLOW_ID: result.runId,
      ARCHAL_RUN_ID: result.runId,
      ARCHAL_ITERATION: '1',
      ARCHAL_MODEL: 'some-model',
      WORKFLOW_ID: result.runId,
      ARCHAL_WORKFLOW_NAME: 'test',
    });
    expect(env.ARCHAL_OUTPUT_SCHEMA).toBeUndefined();
  });

  it('validates output_format answers and makes their fields readable', async () => {
    const { result } = await run(`${header}nodes:
  - id: classify
    prompt: classify
    provider: exec
    ${agent('json', '{"kind":"bug","severity":4}')}
    output_format:
      type: object
      properties: { kind: { type: string, enum: [bug, feature] }, severity: { type: integer } }
      required: [kind, severity]
  - id: route
    depends_on: [classify]
    when: "$classify.output.kind == 'bug' && $classify.output.severity > 3"
    bash: echo urgent $classify.output.kind
  - id: bad
    prompt: classify
    provider: exec
    ${agent('json', '{"kind":"other"}')}
    output_format:
      type: object
      properties: { kind: { type: string, enum: [bug, feature] } }
      required: [kind]
  - id: schema-path
    prompt: x
    provider: exec
    ${agent('env')}
    output_format: { type: object }
`);
    expect(result.nodes.classify).toMatchObject({ state: 'completed', structured: { kind: 'bug', severity: 4 } });
    expect(result.nodes.route!.output).toBe('urgent bug');
    expect(result.nodes.bad!.state).toBe('failed');
    expect(result.nodes.bad!.error).toContain('output does not match its output_format');
    const env = result.nodes['schema-path']!.structured as Record<string, string>;
    expect(JSON.parse(readFileSync(env.ARCHAL_OUTPUT_SCHEMA!, 'utf8'))).toEqual({ type: 'object' });
  });

  it('stops an AI node that stays silent longer than idle_timeout, and classifies it as transient', async () => {
    const started = Date.now();
    const { result } = await run(
      `${header}nodes:\n  - id: silent\n    prompt: hi\n    provider: exec\n    ${agent('sleep', '20000')}\n    idle_timeout: 300\n    retry: {max_attempts: 1, delay_ms: 1000}\n`,
    );
    expect(result.nodes.silent).toMatchObject({ state: 'failed', attempts: 2 });
    expect(result.nodes.silent!.error).toContain('produced no output for too long (idle timeout)');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('fails an AI node that answers nothing', async () => {
    const { result } = await run(
      `${header}nodes:\n  - id: mute\n    prompt: hi\n    provider: exec\n    ${agent('json', '  ')}\n    retry: {max_attempts: 1}\n`,
    );
    expect(result.nodes.mute!.error).toContain('produced no assistant output');
  });
});

describe('loops', () => {
  it('iterates until the signal, passing the previous output', async () => {
    const dir = tempDir();
    const { result, sink } = await run(
      `${header}nodes:\n  - id: work\n    provider: exec\n    ${agent('count', join(dir, 'n'), 'DONE', '3')}\n    loop:\n      prompt: "step, previous: $LOOP_PREV_OUTPUT"\n      until: DONE\n      max_iterations: 5\n`,
      { dir },
    );
    expect(result.nodes.work).toMatchObject({ state: 'completed', iterations: 3 });
    expect(result.nodes.work!.output).toBe('iteration 3 (prev: iteration 2 (prev: iteration 1 (prev: )))');
    expect(sink.ofType('loop_iteration_started')).toHaveLength(3);
    expect(sink.ofType('loop_iteration_completed').map((event) => event.data.completionDetected)).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('fails a loop that reaches max_iterations without completing', async () => {
    const dir = tempDir();
    const { result } = await run(
      `${header}nodes:\n  - id: work\n    provider: exec\n    ${agent('count', join(dir, 'n'), 'DONE', '99')}\n    loop:\n      prompt: go\n      until: DONE\n      max_iterations: 2\n`,
      { dir },
    );
    expect(result.nodes.work).toMatchObject({ state: 'failed', iterations: 2 });
    expect(result.nodes.work!.error).toBe(
      "Loop node 'work' exceeded max iterations (2) without completion signal 'DONE'",
    );
  });

  it('completes when until_bash exits 0', async () => {
    const dir = tempDir();
    const { result } = await run(
      `${header}nodes:\n  - id: work\n    provider: exec\n    ${agent('count', join(dir, 'n'), 'NEVER', '99')}\n    loop:\n      prompt: go\n      until_bash: "test $(cat n) -ge 2"\n      max_iterations: 4\n`,
      { dir },
    );
    expect(result.nodes.work).toMatchObject({ state: 'completed', iterations: 2 });
  });
});

describe('events and transcript', () => {
  it('writes the same events to the sink and the JSONL transcript', async () => {
    const { result, sink } = await run(
      `${header}nodes:\n  - id: a\n    bash: echo a\n  - id: b\n    depends_on: [a]\n    bash: echo b\n`,
    );
    expect(result.logPath).toMatch(/\.archal\/logs\/.+\.jsonl$/);
    const lines = readFileSync(result.logPath, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as WorkflowEvent);
    expect(lines).toEqual(sink.events);
    expect(lines.map((event) => event.type)).toEqual([
      'workflow_started',
      'node_started',
      'node_completed',
      'node_started',
      'node_completed',
      'workflow_completed',
    ]);
    for (const event of lines) expect(event.runId).toBe(result.runId);
  });
});
