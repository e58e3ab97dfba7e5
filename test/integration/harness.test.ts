import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { resolveAgent } from '../../src/harness/agent.js';
import { extractAnswer } from '../../src/harness/extract.js';
import { runHarness, type HarnessRequest } from '../../src/harness/run.js';
import { STDIO_DRAIN_GRACE_MS } from '../../src/lib/process.js';
import { waitFor } from '../helpers/cli.js';
import { isRunning, tempDir } from '../helpers/tmp.js';

const AGENT = fileURLToPath(new URL('../fixtures/agents/harness-behaviours.mjs', import.meta.url));

function request(mode: string, overrides: Partial<HarnessRequest> = {}): HarnessRequest {
  const dir = tempDir();
  return {
    agent: resolveAgent({ command: process.execPath, args: [AGENT, mode] }, process.env),
    task: 'close stale issues',
    cloneUrls: { github: 'http://127.0.0.1:1/api' },
    github: { apiUrl: 'http://127.0.0.1:1/api', token: 'ghp_clone_token_for_tests_000000000000' },
    cwd: dir,
    runDir: join(dir, 'run'),
    timeoutMs: 10_000,
    env: process.env,
    ...overrides,
  };
}

describe('answer extraction', () => {
  it.each([
    ['{"text": "hello"}', 'hello', 'json'],
    ['  {"payloads": [{"text": "a"}, "b", {"other": 1}]}\n', 'a\nb', 'json'],
    ['log line\n{"text": "x"} trailing', 'x', 'embedded_json'],
    ['{"event":1}\n{"text":"one"}\n{"text":"two"}\n', 'two', 'ndjson'],
    ['plain\n\n  answer  \n', 'plain\n  answer', 'text'],
    ['text {"not": "an answer"} more\n', 'text  more', 'text'],
    ['{"text": "brace } in string"}', 'brace } in string', 'json'],
    ['   \n', '', 'empty'],
    ['{broken json\nstill text', '{broken json\nstill text', 'text'],
    // An agent that is Claude Code: `claude -p --output-format json`, then `stream-json --verbose`.
    [
      '{"type":"result","subtype":"success","is_error":false,"duration_ms":1234,"num_turns":2,"result":"Closed 3 issues.","session_id":"4f1c","total_cost_usd":0.01,"usage":{"input_tokens":5,"output_tokens":9},"permission_denials":[]}\n',
      'Closed 3 issues.',
      'json',
    ],
    [
      '{"type":"system","subtype":"init","session_id":"4f1c","tools":["Bash"],"model":"claude-sonnet-4-5"}\n' +
        '{"type":"assistant","message":{"role":"assistant","content":[{"type":"text","text":"Looking."}]},"parent_tool_use_id":null,"session_id":"4f1c"}\n' +
        '{"type":"result","subtype":"success","is_error":false,"result":"Closed 3 issues.","session_id":"4f1c"}\n',
      'Closed 3 issues.',
      'ndjson',
    ],
    // An agent that is Codex: `codex exec --json`.
    [
      '{"type":"thread.started","thread_id":"0199"}\n{"type":"turn.started"}\n' +
        '{"type":"item.completed","item":{"id":"item_0","type":"reasoning","text":"**Looking**"}}\n' +
        '{"type":"item.completed","item":{"id":"item_1","type":"agent_message","text":"Closed 3 issues."}}\n' +
        '{"type":"turn.completed","usage":{"input_tokens":10,"cached_input_tokens":0,"output_tokens":4}}\n',
      'Closed 3 issues.',
      'ndjson',
    ],
  ])('%j → %j (%s)', (stdout, text, format) => {
    expect(extractAnswer(stdout)).toEqual({ text, format });
  });
});

describe('running the agent under the harness contract', () => {
  it('takes the answer of an agent that is Claude Code printing its JSON result', async () => {
    const claude = fileURLToPath(new URL('../fixtures/bin/claude', import.meta.url));
    const run = await runHarness(
      request('unused', { agent: resolveAgent(`${claude} -p --output-format json "$AGENT_TASK"`, process.env) }),
    );
    expect(run.outcome).toEqual({ kind: 'ok' });
    expect(run.answer).toEqual({ text: 'Done: close stale issues', format: 'json' });
  });

  it('passes the task and the clone through the environment, and nothing that reaches the real GitHub', async () => {
    const run = await runHarness(
      request('env', {
        model: 'sonnet',
        env: {
          ...process.env,
          GITHUB_TOKEN: 'ghp_real_secret',
          GH_ENTERPRISE_TOKEN: 'x',
          GITHUB_PERSONAL_ACCESS_TOKEN: 'y',
          KEEP_ME: '1',
        },
      }),
    );
    expect(run.outcome).toEqual({ kind: 'ok' });
    const env = JSON.parse(run.answer.text) as Record<string, string>;
    expect(env).toMatchObject({
      AGENT_TASK: 'close stale issues',
      AGENT_MODEL: 'sonnet',
      AGENT_CLONE_URLS: JSON.stringify({ github: 'http://127.0.0.1:1/api' }),
      GITHUB_API_URL: 'http://127.0.0.1:1/api',
      GITHUB_TOKEN: 'ghp_clone_token_for_tests_000000000000',
      GH_TOKEN: 'ghp_clone_token_for_tests_000000000000',
    });
    expect(env.AGENT_TRACE_FILE).toMatch(/run\/agent-trace\.json$/);
    expect(env.GH_ENTERPRISE_TOKEN).toBeUndefined();
    expect(env.GITHUB_PERSONAL_ACCESS_TOKEN).toBeUndefined();
    expect(env.ARCHAL_PREFLIGHT).toBeUndefined();
  });

  it('reads the trace and metrics files the agent wrote', async () => {
    const run = await runHarness(request('files'));
    expect(run.trace).toEqual({ steps: ['a', 'b'] });
    expect(run.metrics).toEqual({ tokens: 12 });
    expect(run.answer.text).toBe('wrote files');
  });

  it.each([
    ['json', 'done: close stale issues', 'json'],
    ['payloads', 'part one\npart two', 'json'],
    ['embedded', 'embedded answer', 'embedded_json'],
    ['ndjson', 'final answer', 'ndjson'],
    ['plain', 'line one\nline two', 'text'],
  ])('extracts a %s answer', async (mode, text, format) => {
    expect((await runHarness(request(mode))).answer).toEqual({ text, format });
  });

  it('reports how the agent failed', async () => {
    const failed = await runHarness(request('fail'));
    expect(failed.outcome).toEqual({ kind: 'exited', exitCode: 3 });
    expect(failed.stderrTail).toContain('something broke');
    expect((await runHarness(request('signal'))).outcome).toEqual({ kind: 'killed', signal: 'SIGKILL' });
    const missing = await runHarness({
      ...request('json'),
      agent: resolveAgent({ command: '/no/such/agent' }, process.env),
    });
    expect(missing.outcome.kind).toBe('not_started');
    const notExecutable = tempDir();
    writeFileSync(join(notExecutable, 'agent.sh'), 'echo hi');
    const denied = await runHarness({
      ...request('json'),
      agent: resolveAgent({ command: join(notExecutable, 'agent.sh') }, process.env),
    });
    expect(denied.outcome).toMatchObject({ kind: 'not_started', detail: expect.stringContaining('EACCES') });
    const shell = await runHarness({
      ...request('json'),
      agent: resolveAgent('definitely-not-a-command-xyz', process.env),
    });
    expect(shell.outcome).toEqual({ kind: 'exited', exitCode: 127 });
  });

  it('kills a hanging agent and everything it started at the timeout', async () => {
    const pidFile = join(tempDir(), 'child.pid');
    const started = Date.now();
    const run = await runHarness({
      ...request('fork-and-hang'),
      agent: resolveAgent({ command: process.execPath, args: [AGENT, 'fork-and-hang', pidFile] }, process.env),
      timeoutMs: 500,
    });
    expect(run.outcome).toEqual({ kind: 'timed_out' });
    expect(Date.now() - started).toBeLessThan(5000);
    const child = Number(readFileSync(pidFile, 'utf8'));
    // Killed: the kernel may still be tearing it down when its pipes close (as the durability test allows).
    await waitFor(() => !isRunning(child), 500, `the agent's child ${child} to die`);
    expect(isRunning(child)).toBe(false);
  });

  it('reports an agent that left a daemon holding its output by its own exit, without waiting for the daemon', async () => {
    const pidFile = join(tempDir(), 'daemon.pid');
    const started = Date.now();
    try {
      const run = await runHarness({
        ...request('daemon'),
        agent: resolveAgent({ command: process.execPath, args: [AGENT, 'daemon', pidFile] }, process.env),
        timeoutMs: 2000,
      });
      expect(run.outcome).toEqual({ kind: 'ok' });
      expect(run.answer.text).toBe('started daemon');
      expect(Date.now() - started).toBeLessThan(STDIO_DRAIN_GRACE_MS + 2000);
    } finally {
      const daemon = Number(readFileSync(pidFile, 'utf8'));
      if (isRunning(daemon)) process.kill(daemon, 'SIGKILL');
    }
  });

  it('keeps a bounded amount of huge output', async () => {
    const run = await runHarness(request('megabytes'));
    expect(run.outcome).toEqual({ kind: 'ok' });
    expect(run.stdoutTruncated).toBe(true);
    expect(run.answer.text.length).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  it('sets ARCHAL_PREFLIGHT=1 for a preflight', async () => {
    expect((await runHarness({ ...request('preflight'), preflight: true })).answer.text).toBe('OK');
  });

  it('starts a string agent that is one plain command as bash would exec it, without bash', async () => {
    const dir = tempDir();
    // A bash first on PATH that notes each start, then runs the real one.
    const bin = join(dir, 'bin');
    const mark = join(dir, 'bash-started');
    const realBash = execFileSync('sh', ['-c', 'command -v bash'], { encoding: 'utf8' }).trim();
    mkdirSync(bin);
    writeFileSync(join(bin, 'bash'), `#!/bin/sh\necho started >> "${mark}"\nexec "${realBash}" "$@"\n`, {
      mode: 0o755,
    });
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, PWD: '/' };
    const run = (line: string) =>
      runHarness({ ...request('process'), agent: resolveAgent(line, env), cwd: dir, runDir: join(dir, 'run'), env });

    const direct = await run(`node ${AGENT} process`);
    expect(direct.outcome).toEqual({ kind: 'ok' });
    expect(existsSync(mark)).toBe(false);
    // The agent sees what it sees when bash execs it (a quoted word makes bash run the line).
    const throughBash = await run(`'node' ${AGENT} process`);
    expect(throughBash.outcome).toEqual({ kind: 'ok' });
    expect(readFileSync(mark, 'utf8')).toBe('started\n');
    expect(JSON.parse(direct.answer.text)).toEqual(JSON.parse(throughBash.answer.text));
    expect(JSON.parse(direct.answer.text)).toMatchObject({
      argv0: 'node',
      env: {
        _: execFileSync('sh', ['-c', 'command -v node'], { env, encoding: 'utf8' }).trim(),
        PWD: realpathSync(dir),
      },
    });
    // Without SHLVL in its environment, bash gives the program it execs a level of 0.
    const noLevel: NodeJS.ProcessEnv = { ...env };
    delete noLevel.SHLVL;
    const atLevel = async (line: string) =>
      JSON.parse(
        (
          await runHarness({
            ...request('process'),
            agent: resolveAgent(line, noLevel),
            cwd: dir,
            runDir: join(dir, 'run'),
            env: noLevel,
          })
        ).answer.text,
      ) as { env: Record<string, string> };
    expect((await atLevel(`node ${AGENT} process`)).env).toEqual((await atLevel(`'node' ${AGENT} process`)).env);

    // Shell syntax, a builtin, or a command bash cannot find: bash runs it, with its exit 127.
    rmSync(mark);
    expect((await run('exit 3')).outcome).toEqual({ kind: 'exited', exitCode: 3 });
    expect((await run('archal-no-such-command --flag')).outcome).toEqual({ kind: 'exited', exitCode: 127 });
    expect((await run(`node ${AGENT} json && exit 4`)).outcome).toEqual({ kind: 'exited', exitCode: 4 });
    expect(readFileSync(mark, 'utf8')).toBe('started\nstarted\nstarted\n');
  });

  it('runs a string agent through bash and expands ${VAR} in object agents', () => {
    expect(resolveAgent('node agent.js --fast', process.env)).toMatchObject({
      command: 'bash',
      args: ['--norc', '--noprofile', '-c', 'node agent.js --fast'],
    });
    expect(
      resolveAgent({ command: 'node', args: ['${DIR}/a.js'], env: { KEY: '${SECRET:-none}' } }, { DIR: '/x' }),
    ).toMatchObject({
      args: ['/x/a.js'],
      env: { KEY: 'none' },
    });
    expect(() => resolveAgent(undefined, process.env)).toThrow('No agent to test');
  });
});
