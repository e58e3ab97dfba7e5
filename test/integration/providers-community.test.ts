import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { run, writeFiles } from '../helpers/engine.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * The pi, OpenCode and Copilot providers against fake CLIs that speak each CLI's documented JSON
 * output, and Archon's node settings mapped onto the Claude Code and Codex CLIs' own flags.
 */

const FAKE_BIN = fileURLToPath(new URL('../fixtures/bin', import.meta.url));
const header = 'name: providers\ndescription: community providers\n';

interface Call {
  argv: string[];
  stdin?: string;
  session?: string;
  config?: string;
  maxThinkingTokens?: string;
  mcpConfig?: string;
  env?: Record<string, string>;
}

function calls(file: string): Call[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Call);
}

function fakeEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${FAKE_BIN}:${process.env.PATH}`, ...extra };
}

describe('pi (pi -p --mode json)', () => {
  it('sends the prompt on stdin with model, thinking, tools and skills, parses the answer, tools and usage, and continues sessions', async () => {
    const dir = tempDir();
    const log = join(dir, 'pi.jsonl');
    writeFiles(dir, { '.claude/skills/review/SKILL.md': '---\nname: review\n---\n' });
    const { result, sink } = await run(
      `${header}provider: pi
nodes:
  - id: plan
    prompt: "Plan $USER_MESSAGE"
    model: large
    effort: max
    allowed_tools: [Read, Bash]
    skills: [review]
    systemPrompt: Be brief.
    pi: {enableExtensions: false, extensionFlags: {plan: true, level: deep}}
  - id: act
    depends_on: [plan]
    prompt: Do it
`,
      { dir, userMessage: 'the fix', env: fakeEnv({ FAKE_PI_LOG: log }) },
    );
    expect(result.status).toBe('completed');
    expect(result.nodes.plan!.output).toBe('pi: Plan the fix');
    const [first, second] = calls(log);
    expect(first!.stdin).toBe('Plan the fix');
    expect(first!.argv).toEqual([
      '-p',
      '--mode',
      'json',
      '--model',
      'anthropic/claude-opus-4-7',
      '--thinking',
      'xhigh',
      '--system-prompt',
      'Be brief.',
      '--tools',
      'read,bash',
      '--no-skills',
      '--skill',
      join(dir, '.claude/skills/review'),
      '--no-extensions',
      '--plan',
      '--level',
      'deep',
    ]);
    expect(second!.argv).toEqual(expect.arrayContaining(['--session', first!.session!]));
    expect(sink.ofType('tool_called').find((event) => event.nodeId === 'plan')!.data).toMatchObject({
      tool_name: 'bash',
    });
    expect(result.nodes.plan!.usage).toEqual({
      inputTokens: 400,
      outputTokens: 60,
      cacheReadTokens: 200,
      cacheWriteTokens: 0,
      costUsd: 0.008,
    });
  });

  it('asks again with the validation errors when an answer misses its output_format (pi cannot enforce it)', async () => {
    const dir = tempDir();
    const log = join(dir, 'pi.jsonl');
    const { result, logs } = await run(
      `${header}nodes:
  - id: classify
    prompt: Classify
    provider: pi
    output_format: {type: object, properties: {kind: {type: string}}, required: [kind]}
`,
      {
        dir,
        env: fakeEnv({
          FAKE_PI_LOG: log,
          FAKE_PI_SCENARIO: `flaky-json:${join(dir, 'count')}`,
          FAKE_PI_ANSWER: '{"kind": "bug"}',
        }),
      },
    );
    expect(result.nodes.classify!.output).toBe('{"kind":"bug"}');
    const [first, second] = calls(log);
    expect(first!.stdin).toContain('valid against this JSON Schema');
    expect(second!.stdin).toContain('--- CORRECTION ---');
    expect(logs.some((line) => line.includes('does not match output_format'))).toBe(true);
  });

  it('fails with the error pi reports', async () => {
    const { result } = await run(`${header}nodes:\n  - id: a\n    prompt: x\n    provider: pi\n`, {
      env: fakeEnv({ FAKE_PI_SCENARIO: 'error' }),
    });
    expect(result.nodes.a!.error).toContain('pi failed: 429 rate_limit_error: Too many requests');
  });
});

describe('opencode (opencode run --format json)', () => {
  it('sends the prompt on stdin, reads the final step, usage and session, and passes inline agents as a config', async () => {
    const dir = tempDir();
    const log = join(dir, 'opencode.jsonl');
    const { result, sink } = await run(
      `${header}provider: opencode
nodes:
  - id: ask
    prompt: Explain the bug
    model: anthropic/claude-sonnet-4-6
    effort: high
    agents:
      explainer: {description: explains, prompt: Explain clearly.}
  - id: follow
    depends_on: [ask]
    prompt: And the fix?
`,
      { dir, env: fakeEnv({ FAKE_OPENCODE_LOG: log }) },
    );
    expect(result.status).toBe('completed');
    expect(result.nodes.ask!.output).toBe('opencode: Explain the bug');
    const [first, second] = calls(log);
    expect(first!.argv).toEqual([
      'run',
      '--format',
      'json',
      '--model',
      'anthropic/claude-sonnet-4-6',
      '--variant',
      'high',
      '--agent',
      'explainer',
    ]);
    expect(JSON.parse(first!.config!)).toEqual({
      agent: { explainer: { description: 'explains', prompt: 'Explain clearly.', mode: 'primary' } },
    });
    expect(second!.argv).toEqual(expect.arrayContaining(['--session', first!.session!]));
    expect(result.nodes.ask!.usage).toMatchObject({ inputTokens: 700, outputTokens: 80, costUsd: 0.003 });
    expect(sink.ofType('tool_completed').find((event) => event.nodeId === 'ask')!.data).toMatchObject({
      tool_name: 'bash',
      tool_outcome: 'success',
    });
  });

  it('fails with the error event', async () => {
    const { result } = await run(`${header}nodes:\n  - id: a\n    prompt: x\n    provider: opencode\n`, {
      env: fakeEnv({ FAKE_OPENCODE_SCENARIO: 'error' }),
    });
    expect(result.nodes.a!.error).toContain('OpenCode failed: Invalid API key for provider anthropic');
    expect(result.nodes.a!.attempts).toBe(1);
  });
});

describe('copilot (copilot -p … --output-format json)', () => {
  it('passes the prompt as an argument with the non-interactive flags and reads the final answer and session', async () => {
    const dir = tempDir();
    const log = join(dir, 'copilot.jsonl');
    const mcp = join(dir, 'mcp.json');
    writeFiles(dir, { 'mcp.json': '{"mcpServers": {"docs": {"command": "docs-server"}}}' });
    const { result } = await run(
      `${header}provider: copilot
nodes:
  - id: ask
    prompt: Summarize the repo
    model: medium
    effort: minimal
    denied_tools: [shell(rm)]
    mcp: mcp.json
  - id: follow
    depends_on: [ask]
    prompt: More detail
`,
      { dir, env: fakeEnv({ FAKE_COPILOT_LOG: log }) },
    );
    expect(result.status).toBe('completed');
    expect(result.nodes.ask!.output).toBe('copilot: Summarize the repo');
    const [first, second] = calls(log);
    expect(first!.argv).toEqual([
      '-p',
      'Summarize the repo',
      '--output-format',
      'json',
      '--allow-all-tools',
      '--no-ask-user',
      '--model',
      'gpt-5',
      '--effort',
      'minimal',
      '--deny-tool=shell(rm)',
      '--additional-mcp-config',
      `@${mcp}`,
    ]);
    expect(second!.argv).toContain(`--resume=${first!.session}`);
    expect(result.nodes.ask!.usage).toMatchObject({ inputTokens: 1100, outputTokens: 60, cacheReadTokens: 200 });
  });

  it('fails with the session error', async () => {
    const { result } = await run(`${header}nodes:\n  - id: a\n    prompt: x\n    provider: copilot\n`, {
      env: fakeEnv({ FAKE_COPILOT_SCENARIO: 'error' }),
    });
    expect(result.nodes.a!.error).toContain('Copilot failed: Execution failed: 400 Unsupported value for the model');
  });
});

describe("Archon's node settings on Claude Code and Codex", () => {
  it('maps effort, thinking, hooks, sandbox, MCP, agents, system prompt, fallback model, setting sources, betas, budget and forks onto claude flags', async () => {
    const dir = tempDir();
    const log = join(dir, 'claude.jsonl');
    writeFiles(dir, { 'mcp.json': '{"mcpServers": {}}' });
    const { result } = await run(
      `${header}nodes:
  - id: research
    prompt: research
  - id: review
    depends_on: [research]
    prompt: "review for $USER_MESSAGE"
    context: {resume: research}
    effort: minimal
    thinking: {type: enabled, budgetTokens: 5000}
    hooks:
      PostToolUse:
        - matcher: Read
          response: {hookSpecificOutput: {hookEventName: PostToolUse, additionalContext: "it's fine"}}
    sandbox: {enabled: true}
    mcp: mcp.json
    agents:
      checker: {description: "checks $USER_MESSAGE", prompt: check it}
    systemPrompt: You review code.
    fallbackModel: haiku
    settingSources: [project]
    betas: [context-1m]
    maxBudgetUsd: 2.5
`,
      { dir, userMessage: 'bugs', env: fakeEnv({ FAKE_CLAUDE_LOG: log }) },
    );
    expect(result.status).toBe('completed');
    const [research, review] = calls(log);
    const argv = review!.argv;
    const after = (flag: string) => argv[argv.indexOf(flag) + 1];
    expect(argv).toEqual(expect.arrayContaining([`--resume=${research!.session}`, '--fork-session']));
    expect(after('--effort')).toBe('low');
    expect(review!.maxThinkingTokens).toBe('5000');
    expect(research!.maxThinkingTokens).toBeUndefined();
    expect(JSON.parse(after('--settings')!)).toEqual({
      hooks: {
        PostToolUse: [
          {
            matcher: 'Read',
            hooks: [
              {
                type: 'command',
                command: `printf '%s' '{"hookSpecificOutput":{"hookEventName":"PostToolUse","additionalContext":"it'\\''s fine"}}'`,
              },
            ],
          },
        ],
      },
      sandbox: { enabled: true },
    });
    expect(after('--mcp-config')).toBe(join(dir, 'mcp.json'));
    expect(JSON.parse(after('--agents')!)).toEqual({ checker: { description: 'checks bugs', prompt: 'check it' } });
    expect(after('--system-prompt')).toBe('You review code.');
    expect(after('--fallback-model')).toBe('haiku');
    expect(argv).toEqual(expect.arrayContaining(['--setting-sources=project', '--betas=context-1m']));
    expect(after('--max-budget-usd')).toBe('2.5');
  });

  it("expands $VAR and ${VAR} in an MCP file's env and headers and accepts a bare server map, as Archon does", async () => {
    const dir = tempDir();
    const log = join(dir, 'claude.jsonl');
    writeFiles(dir, {
      '.archon/mcp/servers.json': JSON.stringify({
        github: { command: 'gh-mcp', env: { TOKEN: '$GH_MCP_TOKEN', MODE: '${MCP_MODE}', KEEP: '${KEEP:-x}' } },
        docs: { url: 'https://docs.example/mcp', headers: { Authorization: 'Bearer $MISSING_MCP_KEY' } },
      }),
    });
    const { result, logs } = await run(
      `${header}nodes:\n  - id: a\n    prompt: x\n    mcp: .archon/mcp/servers.json\n`,
      {
        dir,
        env: fakeEnv({ FAKE_CLAUDE_LOG: log, GH_MCP_TOKEN: 'tok-123456789', MCP_MODE: 'read' }),
      },
    );
    expect(result.status).toBe('completed');
    const call = calls(log)[0]!;
    expect(JSON.parse(call.mcpConfig!)).toEqual({
      mcpServers: {
        github: { command: 'gh-mcp', env: { TOKEN: 'tok-123456789', MODE: 'read', KEEP: '${KEEP:-x}' } },
        docs: { url: 'https://docs.example/mcp', headers: { Authorization: 'Bearer ' } },
      },
    });
    // The expanded copy (it holds the token) is removed once the node has run.
    const used = call.argv[call.argv.indexOf('--mcp-config') + 1]!;
    expect(used).not.toBe(join(dir, '.archon/mcp/servers.json'));
    expect(existsSync(used)).toBe(false);
    expect(logs.join('\n')).toContain(
      "Node 'a': the MCP configuration .archon/mcp/servers.json names MISSING_MCP_KEY, which is not set; it is passed as empty",
    );
  });

  it("allows the tools of a node's MCP servers, also with allowed_tools: [] (Archon's MCP-only node)", async () => {
    const dir = tempDir();
    const log = join(dir, 'claude.jsonl');
    writeFiles(dir, {
      '.archon/mcp/ntfy.json': '{"mcpServers": {"ntfy": {"command": "ntfy-mcp"}, "docs": {"url": "https://x"}}}',
    });
    const { result } = await run(
      `${header}nodes:\n  - id: notify\n    prompt: x\n    mcp: .archon/mcp/ntfy.json\n    allowed_tools: []\n  - id: open\n    prompt: y\n    mcp: .archon/mcp/ntfy.json\n`,
      { dir, env: fakeEnv({ FAKE_CLAUDE_LOG: log }) },
    );
    expect(result.status).toBe('completed');
    const argvOf = (prompt: string) => calls(log).find((call) => call.stdin === prompt)!.argv;
    expect(argvOf('x')).toEqual(expect.arrayContaining(['--tools=', '--allowedTools=mcp__ntfy__*,mcp__docs__*']));
    expect(argvOf('y')).toEqual(expect.arrayContaining(['--allowedTools=mcp__ntfy__*,mcp__docs__*']));
    expect(argvOf('y').some((arg) => arg.startsWith('--tools'))).toBe(false);
  });

  it('passes an MCP configuration to codex as mcp_servers overrides', async () => {
    const dir = tempDir();
    const log = join(dir, 'codex.jsonl');
    writeFiles(dir, {
      'mcp.json':
        '{"mcpServers": {"docs": {"command": "docs-server", "args": ["--port", "1"], "env": {"TOKEN": "x"}}}}',
    });
    await run(`${header}nodes:\n  - id: a\n    prompt: x\n    provider: codex\n    mcp: mcp.json\n    effort: max\n`, {
      dir,
      env: fakeEnv({ FAKE_CODEX_LOG: log }),
    });
    const argv = calls(log)[0]!.argv;
    expect(argv).toEqual(
      expect.arrayContaining([
        '-c',
        'model_reasoning_effort="xhigh"',
        '-c',
        // The env value reaches the server through codex's environment, under a private name that sh renames.
        'mcp_servers.docs.command="/bin/sh"',
        '-c',
        'mcp_servers.docs.args=["-c","export TOKEN=\\"$ARCHAL_MCP_ENV_0\\"; unset ARCHAL_MCP_ENV_0; exec \\"$@\\"","sh","docs-server","--port","1"]',
        '-c',
        'mcp_servers.docs.env_vars=["ARCHAL_MCP_ENV_0"]',
      ]),
    );
  });

  it("gives codex's MCP servers their env through its environment, never its command line", async () => {
    const dir = tempDir();
    const log = join(dir, 'codex.jsonl');
    const seen = (name: string) =>
      JSON.parse(readFileSync(join(dir, `${name}.env.json`), 'utf8')) as Record<string, string>;
    writeFiles(dir, {
      // A stdio MCP server that records the environment it was started with.
      'server.mjs':
        "import { writeFileSync } from 'node:fs';\nwriteFileSync(process.argv[2], JSON.stringify(process.env));\n",
      'mcp.json': JSON.stringify({
        mcpServers: {
          github: {
            command: process.execPath,
            args: [join(dir, 'server.mjs'), join(dir, 'github.env.json')],
            // GITHUB_TOKEN is also codex's own (a different token): codex keeps its own.
            env: { GITHUB_TOKEN: '$GH_MCP_TOKEN', API_KEY: 'sk-mcp-987654321', MODE: 'read' },
          },
          other: {
            command: process.execPath,
            args: [join(dir, 'server.mjs'), join(dir, 'other.env.json')],
            // The same name as the first server's, with another value.
            env: { API_KEY: 'sk-other-555555555' },
          },
          plain: {
            command: process.execPath,
            args: [join(dir, 'server.mjs'), join(dir, 'plain.env.json')],
            // The value codex's environment already has: forwarded under its own name.
            env: { GITHUB_TOKEN: 'ghp-outer-000000000' },
          },
        },
      }),
    });
    const { result } = await run(
      `${header}nodes:\n  - id: a\n    prompt: x\n    provider: codex\n    mcp: mcp.json\n`,
      {
        dir,
        env: fakeEnv({ FAKE_CODEX_LOG: log, GH_MCP_TOKEN: 'ghp-mcp-123456789', GITHUB_TOKEN: 'ghp-outer-000000000' }),
      },
    );
    expect(result.status).toBe('completed');
    const call = calls(log)[0]!;
    const argv = call.argv.join(' ');
    for (const secret of ['ghp-mcp-123456789', 'sk-mcp-987654321', 'sk-other-555555555', 'ghp-outer-000000000'])
      expect(argv).not.toContain(secret);
    expect(seen('github')).toMatchObject({
      GITHUB_TOKEN: 'ghp-mcp-123456789',
      API_KEY: 'sk-mcp-987654321',
      MODE: 'read',
    });
    expect(seen('other')).toMatchObject({ API_KEY: 'sk-other-555555555' });
    expect(seen('plain')).toMatchObject({ GITHUB_TOKEN: 'ghp-outer-000000000' });
    expect(argv).toContain('mcp_servers.plain.env_vars=["GITHUB_TOKEN"]');
    // No server sees another's values, nor the private names.
    expect(seen('plain').API_KEY).toBeUndefined();
    expect(Object.keys(seen('github')).filter((name) => name.startsWith('ARCHAL_MCP_'))).toEqual([]);
    // Codex itself (and the commands it runs) keeps the node's own GITHUB_TOKEN.
    expect(call.env!.GITHUB_TOKEN).toBe('ghp-outer-000000000');
    expect(call.env!.API_KEY).toBeUndefined();
  });

  it("gives codex an HTTP MCP server's headers through its environment (env_http_headers), never its command line", async () => {
    const dir = tempDir();
    const log = join(dir, 'codex.jsonl');
    const received: IncomingHttpHeaders[] = [];
    const server = createServer((request, response) => {
      received.push(request.headers);
      response.end('{}');
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
      writeFiles(dir, {
        'mcp.json': JSON.stringify({
          mcpServers: { docs: { url, headers: { Authorization: 'Bearer $DOCS_MCP_TOKEN', 'X-Team': 'core' } } },
        }),
      });
      const { result } = await run(
        `${header}nodes:\n  - id: a\n    prompt: x\n    provider: codex\n    mcp: mcp.json\n`,
        {
          dir,
          env: fakeEnv({ FAKE_CODEX_LOG: log, DOCS_MCP_TOKEN: 'docs-tok-123456789' }),
        },
      );
      expect(result.status).toBe('completed');
      expect(calls(log)[0]!.argv.join(' ')).not.toContain('docs-tok-123456789');
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ authorization: 'Bearer docs-tok-123456789', 'x-team': 'core' });
    } finally {
      server.close();
    }
  });

  it('fails a codex node whose MCP server env has a name sh cannot set, rather than put its value on the command line', async () => {
    const dir = tempDir();
    const log = join(dir, 'codex.jsonl');
    writeFiles(dir, { 'mcp.json': '{"mcpServers": {"docs": {"command": "docs-server", "env": {"MY-KEY": "v"}}}}' });
    const { result } = await run(
      `${header}nodes:\n  - id: a\n    prompt: x\n    provider: codex\n    mcp: mcp.json\n`,
      {
        dir,
        env: fakeEnv({ FAKE_CODEX_LOG: log }),
      },
    );
    expect(result.status).toBe('failed');
    expect(result.nodes.a!.error).toContain('the MCP server "docs" sets "MY-KEY" in its env');
    expect(existsSync(log)).toBe(false);
  });
});
