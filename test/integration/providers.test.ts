import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { createClaudeProvider, ProviderError } from '../../src/providers/index.js';
import { recordingClock, run } from '../helpers/engine.js';
import { tempDir } from '../helpers/tmp.js';

const FAKE_BIN = fileURLToPath(new URL('../fixtures/bin', import.meta.url));
const header = 'name: test\ndescription: provider test\n';

interface Call {
  argv: string[];
  pid: number;
  session?: string;
  stdin: string;
  cwd: string;
}

function calls(file: string): Call[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Call);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The environment of a machine where the fake CLIs are the ones on PATH. */
function fakeEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${FAKE_BIN}:${process.env.PATH}`, ...extra };
}

describe('claude provider (stream-json)', () => {
  it('sends the prompt on stdin with the documented flags and parses text, tools, usage and session', async () => {
    const dir = tempDir();
    const log = join(dir, 'claude.jsonl');
    const { result, sink } = await run(
      `${header}nodes:
  - id: plan
    prompt: "Plan the fix for $USER_MESSAGE"
    model: opus
    allowed_tools: [Read, Bash]
    denied_tools: [WebFetch]
  - id: implement
    depends_on: [plan]
    prompt: Implement it
`,
      { dir, userMessage: 'issue 7', env: fakeEnv({ FAKE_CLAUDE_LOG: log }) },
    );
    expect(result.status).toBe('completed');
    expect(result.nodes.plan!.output).toBe('Done: Plan the fix for issue 7');
    expect(result.nodes.plan!.output).not.toContain('SUBAGENT');

    const [first, second] = calls(log);
    expect(first!.stdin).toBe('Plan the fix for issue 7');
    expect(first!.argv.slice(0, 4)).toEqual(['-p', '--output-format', 'stream-json', '--verbose']);
    expect(first!.argv).toEqual(
      expect.arrayContaining([
        '--model',
        'opus',
        '--tools=Read,Bash',
        '--allowedTools=Read,Bash',
        '--disallowedTools=WebFetch',
      ]),
    );
    expect(first!.cwd).toBe(dir);
    // The second node continues the first one's session: it is its only dependency and only dependent.
    expect(first!.argv.some((arg) => arg.startsWith('--resume'))).toBe(false);
    expect(second!.argv).toContain(`--resume=${first!.session}`);

    const toolCalled = sink.ofType('tool_called').filter((event) => event.nodeId === 'plan');
    expect(toolCalled.map((event) => event.data)).toEqual([
      { tool_name: 'Bash', tool_input: { command: 'ls' }, tool_call_id: 'toolu_01', iteration: 1 },
    ]);
    expect(sink.ofType('tool_completed').find((event) => event.nodeId === 'plan')!.data).toMatchObject({
      tool_name: 'Bash',
      tool_call_id: 'toolu_01',
      tool_outcome: 'success',
    });
    expect(result.nodes.plan!.usage).toEqual({
      inputTokens: 120,
      outputTokens: 45,
      cacheReadTokens: 3400,
      cacheWriteTokens: 10,
      costUsd: 0.0123,
    });
    expect(result.usage!.costUsd).toBeCloseTo(0.0246);
  });

  it('keeps the Skill tool available to a node that declares skills and restricts its tools (archon-remotion-generate)', async () => {
    const dir = tempDir();
    const log = join(dir, 'claude.jsonl');
    const { result } = await run(
      `${header}nodes:
  - id: generate
    prompt: Write the composition
    skills: [remotion-best-practices]
    allowed_tools: [Read, Write]
  - id: tool-free
    prompt: Just answer
    skills: [remotion-best-practices]
    allowed_tools: []
  - id: plain
    prompt: No skills here
    allowed_tools: [Read]
`,
      { dir, env: fakeEnv({ FAKE_CLAUDE_LOG: log }) },
    );
    expect(result.status).toBe('completed');
    const argvOf = (prompt: string) => calls(log).find((call) => call.stdin === prompt)!.argv;
    expect(argvOf('Write the composition')).toEqual(
      expect.arrayContaining(['--tools=Read,Write,Skill', '--allowedTools=Read,Write,Skill']),
    );
    expect(argvOf('Just answer')).toEqual(expect.arrayContaining(['--tools=Skill', '--allowedTools=Skill']));
    expect(argvOf('No skills here')).toEqual(expect.arrayContaining(['--tools=Read', '--allowedTools=Read']));
  });

  it('starts fresh sessions with context: fresh and for fan-out', async () => {
    const dir = tempDir();
    const log = join(dir, 'claude.jsonl');
    await run(
      `${header}nodes:
  - id: a
    prompt: one
  - id: b
    depends_on: [a]
    prompt: two
    context: fresh
  - id: c
    depends_on: [b]
    prompt: three
  - id: d
    depends_on: [b]
    prompt: four
`,
      { dir, env: fakeEnv({ FAKE_CLAUDE_LOG: log }) },
    );
    for (const call of calls(log)) expect(call.argv.some((arg) => arg.startsWith('--resume'))).toBe(false);
  });

  it('passes output_format as --json-schema and reads structured_output', async () => {
    const dir = tempDir();
    const log = join(dir, 'claude.jsonl');
    const { result } = await run(
      `${header}nodes:
  - id: classify
    prompt: classify
    output_format:
      type: object
      properties: { kind: { type: string } }
      required: [kind]
  - id: next
    depends_on: [classify]
    when: "$classify.output.kind == 'bug'"
    bash: echo routed
`,
      { dir, env: fakeEnv({ FAKE_CLAUDE_LOG: log, FAKE_CLAUDE_STRUCTURED: '{"kind":"bug"}' }) },
    );
    expect(result.nodes.classify).toMatchObject({
      state: 'completed',
      structured: { kind: 'bug' },
      output: '{"kind":"bug"}',
    });
    expect(result.nodes.next!.output).toBe('routed');
    const argv = calls(log)[0]!.argv;
    expect(JSON.parse(argv[argv.indexOf('--json-schema') + 1]!)).toEqual({
      type: 'object',
      properties: { kind: { type: 'string' } },
      required: ['kind'],
    });
  });

  it('classifies failures from the stream: auth is fatal, overload is retried', async () => {
    const dir = tempDir();
    const clock = recordingClock();
    const auth = await run(`${header}nodes:\n  - id: a\n    prompt: hi\n`, {
      dir,
      clock,
      env: fakeEnv({ FAKE_CLAUDE_SCENARIO: 'auth' }),
    });
    expect(auth.result.nodes.a).toMatchObject({ state: 'failed', attempts: 1 });
    expect(auth.result.nodes.a!.error).toContain('Not logged in');

    const state = join(dir, 'flaky.count');
    const flaky = await run(`${header}nodes:\n  - id: a\n    prompt: hi\n`, {
      dir,
      clock,
      env: fakeEnv({ FAKE_CLAUDE_SCENARIO: `flaky:2:${state}:overloaded` }),
    });
    expect(flaky.result.nodes.a).toMatchObject({ state: 'completed', attempts: 3 });
    expect(clock.sleeps).toEqual([3000, 6000]);
  });

  it('reports max-turns and crashes with their details', async () => {
    const dir = tempDir();
    const maxTurns = await run(`${header}nodes:\n  - id: a\n    prompt: hi\n    retry: {max_attempts: 1}\n`, {
      dir,
      env: fakeEnv({ FAKE_CLAUDE_SCENARIO: 'max_turns' }),
    });
    expect(maxTurns.result.nodes.a!.error).toContain(
      'Claude Code failed (error_max_turns): Reached maximum number of turns (1)',
    );
    const crash = await run(`${header}nodes:\n  - id: a\n    prompt: hi\n    retry: {max_attempts: 1}\n`, {
      dir,
      env: fakeEnv({ FAKE_CLAUDE_SCENARIO: 'crash' }),
    });
    expect(crash.result.nodes.a!.error).toContain('Claude Code exit 139 without a result: panic: something broke');
  });

  it('takes the answer of a CLI that printed its result but never exits, and stops it', async () => {
    const dir = tempDir();
    const log = join(dir, 'claude.jsonl');
    const { result } = await run(
      `${header}nodes:\n  - id: a\n    prompt: hi\n    idle_timeout: 1500\n    retry: {max_attempts: 1}\n`,
      { dir, env: fakeEnv({ FAKE_CLAUDE_SCENARIO: 'linger', FAKE_CLAUDE_LOG: log }) },
    );
    expect(result.nodes.a).toMatchObject({ state: 'completed', output: 'All done' });
    expect(result.nodes.a!.usage).toMatchObject({ costUsd: 0.0123 });
    expect(isRunning(calls(log)[0]!.pid)).toBe(false);
  });

  it('reads characters that the pipe delivers in two pieces whole', async () => {
    const answer = 'Réparé ✓ — 日本語 🎉';
    const { result } = await run(`${header}nodes:\n  - id: a\n    prompt: hi\n`, {
      env: fakeEnv({ FAKE_CLAUDE_ANSWER: answer, FAKE_CLAUDE_SPLIT_WRITES: '1' }),
    });
    expect(result.nodes.a).toMatchObject({ state: 'completed', output: answer });
  });

  it('warns when Claude Code was denied tools it asked for', async () => {
    const { result, logs } = await run(`${header}nodes:\n  - id: edit\n    prompt: Edit the readme\n`, {
      config: { assistants: { claude: { permissionMode: 'default' } } },
      env: fakeEnv({ FAKE_CLAUDE_SCENARIO: 'denied' }),
    });
    expect(result.nodes.edit).toMatchObject({ state: 'completed', output: 'I need permission to edit README.md.' });
    expect(logs).toContainEqual(
      "⚠️ Node 'edit': Claude Code was denied 1 tool call (Edit) by its permission mode; allow the tools with allowed_tools, or set assistants.claude.permissionMode",
    );
  });

  it('runs Claude Code as a session of its own when Archal itself runs inside Claude Code', async () => {
    const { result } = await run(`${header}nodes:\n  - id: a\n    prompt: hi\n    retry: {max_attempts: 1}\n`, {
      env: fakeEnv({ CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli' }),
    });
    expect(result.nodes.a).toMatchObject({ state: 'completed', output: 'Done: hi' });
  });

  it('says how long a CLI that went quiet was given, and what sets it', async () => {
    const yaml = `nodes:\n  - id: a\n    prompt: hi\n    idle_timeout: 1000\n    retry: {max_attempts: 1}\n`;
    const claude = await run(`${header}${yaml}`, { env: fakeEnv({ FAKE_CLAUDE_SCENARIO: 'hang' }) });
    expect(claude.result.nodes.a!.error).toContain(
      'Claude Code printed nothing for 1000 ms and was stopped (the idle_timeout of this node; raise it if the work needs longer)',
    );
    const codex = await run(`${header}provider: codex\n${yaml}`, { env: fakeEnv({ FAKE_CODEX_SCENARIO: 'hang' }) });
    expect(codex.result.nodes.a!.error).toContain(
      'Codex printed nothing for 1000 ms and was stopped (the idle_timeout of this node; raise it if the work needs longer)',
    );
  });

  it('says how to fix a missing CLI', async () => {
    const { result } = await run(`${header}nodes:\n  - id: a\n    prompt: hi\n`, {
      config: { assistants: { claude: { command: '/nonexistent/claude' } } },
    });
    expect(result.nodes.a).toMatchObject({ state: 'failed', attempts: 1 });
    expect(result.nodes.a!.error).toContain(
      "'/nonexistent/claude' was not found or is not executable; install it (npm install -g @anthropic-ai/claude-code) or set assistants.claude.command",
    );
  });

  it('outside a workflow (a judge, a seed), an idle timeout names no node setting', async () => {
    const provider = createClaudeProvider();
    const request = {
      prompt: 'judge these',
      cwd: tempDir(),
      env: fakeEnv({ FAKE_CLAUDE_SCENARIO: 'hang' }),
      nodeId: 'judge',
      runId: 'judge',
      workflowName: 'judge',
      iteration: 1,
      idleTimeoutMs: 500,
      signal: new AbortController().signal,
    };
    const error = await provider.run(request, () => {}).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'timeout', message: 'Claude Code printed nothing for 500 ms and was stopped' });
  });

  it('names a missing working directory as such, not as a missing CLI', async () => {
    const cwd = join(tempDir(), 'gone');
    const provider = createClaudeProvider();
    const request = {
      prompt: 'hi',
      cwd,
      env: fakeEnv({}),
      nodeId: 'a',
      runId: 'r',
      workflowName: 'w',
      iteration: 1,
      signal: new AbortController().signal,
    };
    const error = await provider.run(request, () => {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'invalid_request' });
    expect((error as Error).message).toBe(`Claude Code CLI cannot start: its working directory ${cwd} does not exist`);
  });
});

describe('codex provider (exec --json)', () => {
  it('runs `codex exec --json` with the prompt on stdin and parses items, usage and thread', async () => {
    const dir = tempDir();
    const log = join(dir, 'codex.jsonl');
    const { result, sink } = await run(
      `${header}provider: codex
model: gpt-5.3-codex
modelReasoningEffort: high
webSearchMode: live
nodes:
  - id: fix
    prompt: "Fix $USER_MESSAGE"
  - id: review
    depends_on: [fix]
    prompt: Review it
`,
      { dir, userMessage: 'the bug', env: fakeEnv({ FAKE_CODEX_LOG: log }) },
    );
    expect(result.status).toBe('completed');
    expect(result.nodes.fix!.output).toBe('Done: Fix the bug');
    const [first, second] = calls(log);
    expect(first!.stdin).toBe('Fix the bug');
    expect(first!.argv).toEqual(
      expect.arrayContaining([
        'exec',
        '--json',
        '--skip-git-repo-check',
        '-m',
        'gpt-5.3-codex',
        '-c',
        'model_reasoning_effort="high"',
        'web_search="live"',
        '-C',
        dir,
      ]),
    );
    expect(first!.argv.at(-1)).toBe('-');
    // Resume goes after every flag: `... resume <thread> -`.
    expect(second!.argv.slice(-3, -1)[0]).toBe('resume');
    expect(result.nodes.fix!.usage).toEqual({ inputTokens: 24763, outputTokens: 122, cacheReadTokens: 24448 });
    const tools = sink
      .ofType('tool_called')
      .filter((event) => event.nodeId === 'fix')
      .map((event) => event.data.tool_name);
    expect(tools).toEqual(['command_execution', 'file_change']);
    const completed = sink.ofType('tool_completed').filter((event) => event.nodeId === 'fix');
    expect(completed.map((event) => event.data.tool_outcome)).toEqual(['success', 'success']);
    expect(completed[0]!.data.exit_code).toBe(0);
  });

  it("counts a resumed thread's own turn only, though codex reports the thread's running total", async () => {
    const dir = tempDir();
    const log = join(dir, 'codex.jsonl');
    const { result } = await run(
      `${header}provider: codex\nnodes:\n  - id: fix\n    prompt: Fix it\n  - id: review\n    depends_on: [fix]\n    prompt: Review it\n`,
      { dir, env: fakeEnv({ FAKE_CODEX_LOG: log, CODEX_HOME: join(dir, 'codex-home') }) },
    );
    expect(result.status).toBe('completed');
    expect(calls(log)[1]!.argv).toContain('resume');
    const turn = { inputTokens: 24763, outputTokens: 122, cacheReadTokens: 24448 };
    expect(result.nodes.fix!.usage).toEqual(turn);
    expect(result.nodes.review!.usage).toEqual(turn);
    expect(result.usage).toMatchObject({ inputTokens: 2 * 24763, outputTokens: 2 * 122 });
  });

  it('takes the answer of a CLI that completed its turn but never exits, and stops it', async () => {
    const dir = tempDir();
    const log = join(dir, 'codex.jsonl');
    const { result } = await run(
      `${header}provider: codex\nnodes:\n  - id: a\n    prompt: hi\n    idle_timeout: 1500\n    retry: {max_attempts: 1}\n`,
      {
        dir,
        env: fakeEnv({ FAKE_CODEX_SCENARIO: 'linger', FAKE_CODEX_LOG: log, CODEX_HOME: join(dir, 'codex-home') }),
      },
    );
    expect(result.nodes.a).toMatchObject({ state: 'completed', output: 'Done: hi' });
    expect(isRunning(calls(log)[0]!.pid)).toBe(false);
  });

  it("passes on the CLI's non-fatal notices as warnings", async () => {
    const { result, logs } = await run(`${header}provider: codex\nnodes:\n  - id: a\n    prompt: hi\n`, {
      env: fakeEnv({ FAKE_CODEX_NOTICE: 'model rerouted: gpt-5.5 -> gpt-5.4 (HighRiskCyberActivity)' }),
    });
    expect(result.nodes.a).toMatchObject({ state: 'completed', output: 'Done: hi' });
    expect(logs).toContainEqual("⚠️ Node 'a': Codex: model rerouted: gpt-5.5 -> gpt-5.4 (HighRiskCyberActivity)");
  });

  it('says how to install a missing CLI', async () => {
    const { result } = await run(`${header}provider: codex\nnodes:\n  - id: a\n    prompt: hi\n`, {
      config: { assistants: { codex: { command: '/nonexistent/codex' } } },
    });
    expect(result.nodes.a).toMatchObject({ state: 'failed', attempts: 1 });
    expect(result.nodes.a!.error).toContain(
      "'/nonexistent/codex' was not found or is not executable; install it (npm install -g @openai/codex) or set assistants.codex.command",
    );
  });

  it('passes output_format as an --output-schema file and parses the JSON answer', async () => {
    const dir = tempDir();
    const log = join(dir, 'codex.jsonl');
    const { result } = await run(
      `${header}provider: codex\nnodes:\n  - id: classify\n    prompt: classify\n    output_format:\n      type: object\n      properties: { kind: { type: string } }\n      required: [kind]\n      additionalProperties: false\n`,
      { dir, env: fakeEnv({ FAKE_CODEX_LOG: log, FAKE_CODEX_STRUCTURED: '{"kind":"feature"}' }) },
    );
    expect(result.nodes.classify).toMatchObject({ state: 'completed', structured: { kind: 'feature' } });
    const argv = calls(log)[0]!.argv;
    const schemaFile = argv[argv.indexOf('--output-schema') + 1]!;
    expect(JSON.parse(readFileSync(schemaFile, 'utf8'))).toMatchObject({ required: ['kind'] });
  });

  it('treats reconnect notices as progress, turn.failed as failure, and a missing turn end as incomplete', async () => {
    const dir = tempDir();
    const clock = recordingClock();
    const yaml = `${header}provider: codex\nnodes:\n  - id: a\n    prompt: hi\n`;
    const reconnect = await run(yaml, { dir, clock, env: fakeEnv({ FAKE_CODEX_SCENARIO: 'reconnect' }) });
    expect(reconnect.result.nodes.a!.state).toBe('completed');

    const unauthorized = await run(yaml, { dir, clock, env: fakeEnv({ FAKE_CODEX_SCENARIO: 'unauthorized' }) });
    expect(unauthorized.result.nodes.a).toMatchObject({ state: 'failed', attempts: 1 });
    expect(unauthorized.result.nodes.a!.error).toContain(
      'Codex turn failed: exceeded retry limit, last status: 401 Unauthorized',
    );

    const rateLimited = await run(yaml, { dir, clock, env: fakeEnv({ FAKE_CODEX_SCENARIO: 'rate-limited' }) });
    expect(rateLimited.result.nodes.a).toMatchObject({ state: 'failed', attempts: 3 });

    const errorExit = await run(yaml, { dir, clock, env: fakeEnv({ FAKE_CODEX_SCENARIO: 'error-exit' }) });
    expect(errorExit.result.nodes.a).toMatchObject({ state: 'failed', attempts: 1 });
    expect(errorExit.result.nodes.a!.error).toContain(
      'Codex exit 1 without completing its turn: unexpected status 401 Unauthorized: Provided authentication token is expired. Please try signing in again.',
    );

    const incomplete = await run(`${yaml}    retry: {max_attempts: 1}\n`, {
      dir,
      env: fakeEnv({ FAKE_CODEX_SCENARIO: 'incomplete' }),
    });
    expect(incomplete.result.nodes.a!.error).toContain('without completing its turn');
  });
});
