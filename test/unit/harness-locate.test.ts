import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { HarnessError, locateAgent, MissingAgentError, type AgentCommand } from '../../src/harness/index.js';
import { harnessEnvironment } from '../../src/harness/run.js';
import { writeFiles } from '../helpers/engine.js';
import { tempDir } from '../helpers/tmp.js';

/** What a located agent prints when spawned as Archal spawns it (its cwd, its AGENT_TASK, AGENT_MODEL). */
function spawnAgent(agent: AgentCommand, root: string, task = 'the task', model?: string): string {
  const env = harnessEnvironment({
    agent,
    task,
    model,
    cloneUrls: {},
    cwd: root,
    runDir: join(root, 'run'),
    timeoutMs: 10_000,
    env: { PATH: process.env.PATH },
  });
  return execFileSync(agent.command, agent.args, { cwd: agent.cwd ?? root, env, encoding: 'utf8' }).trim();
}

const PRINTER = `console.log(JSON.stringify({ cwd: process.cwd(), task: process.env.AGENT_TASK, model: process.env.AGENT_MODEL ?? null }));`;

describe('locating the agent under test', () => {
  it('runs harness files by their extension, even when they are not executable', () => {
    const root = tempDir('harness-');
    writeFiles(root, {
      '.archal/harness.mjs': PRINTER,
      'h.cjs': PRINTER,
      'h.py': 'import os; print("py " + os.environ["AGENT_TASK"])',
      'h.sh': 'echo "sh $AGENT_TASK"',
      'run-me': '#!/bin/sh\necho "exec $AGENT_TASK"',
      'data.txt': 'x',
    });
    chmodSync(join(root, 'run-me'), 0o755);
    const at = (harness: string) => locateAgent({ harness, root, env: process.env });
    expect(JSON.parse(spawnAgent(at('./.archal/harness.mjs'), root))).toMatchObject({ cwd: root, task: 'the task' });
    expect(JSON.parse(spawnAgent(at('h.cjs'), root)).task).toBe('the task');
    expect(spawnAgent(at('h.py'), root)).toBe('py the task');
    expect(spawnAgent(at('h.sh'), root)).toBe('sh the task');
    expect(spawnAgent(at('./run-me'), root)).toBe('exec the task');
    expect(() => at('data.txt')).toThrow(/Cannot tell how to run data.txt: name it .ts, .mjs/);
    expect(() => at('./.archal/missing.ts')).toThrow(HarnessError);
    expect(() => at('./.archal/missing.ts')).toThrow(/Harness .\/.archal\/missing.ts not found/);
    // Anything else is a command line, as before.
    expect(spawnAgent(at('echo hello'), root)).toBe('hello');
  });

  it('reads a harness folder by its manifest: local command in the folder, promptFiles, defaultModel', () => {
    const root = tempDir('harness-');
    writeFiles(root, {
      'agents/mail/harness.json': JSON.stringify({
        version: 1,
        name: 'mail',
        defaultModel: 'claude-sonnet-4-6',
        promptFiles: ['prompts/system.md'],
        local: { command: 'node', args: ['agent.mjs'], env: { GREETING: '${WHO}' } },
      }),
      'agents/mail/prompts/system.md': 'You are careful.\n',
      'agents/mail/agent.mjs': `console.log(JSON.stringify({ cwd: process.cwd(), task: process.env.AGENT_TASK, model: process.env.AGENT_MODEL, greeting: process.env.GREETING }));`,
      'old/archal-harness.json': JSON.stringify({ version: 1 }),
      'old/harness.js': PRINTER,
      'empty/readme.md': '# nothing here',
      'bad/harness.json': JSON.stringify({ version: 2 }),
    });
    const agent = locateAgent({ harness: 'agents/mail', root, env: { ...process.env, WHO: 'world' } });
    expect(JSON.parse(spawnAgent(agent, root))).toEqual({
      cwd: join(root, 'agents/mail'),
      task: 'You are careful.\n\nthe task',
      model: 'claude-sonnet-4-6',
      greeting: 'world',
    });
    // A configured model wins over the manifest's default.
    expect(JSON.parse(spawnAgent(agent, root, 't', 'gpt-5.5')).model).toBe('gpt-5.5');
    // The older manifest name, without a command: the folder's entry file runs.
    expect(JSON.parse(spawnAgent(locateAgent({ harness: './old', root, env: process.env }), root)).task).toBe(
      'the task',
    );
    expect(() => locateAgent({ harness: 'empty', root, env: process.env })).toThrow(
      /Harness folder empty has neither a manifest \(harness.json, archal-harness.json\) nor an entry file/,
    );
    expect(() => locateAgent({ harness: 'bad', root, env: process.env })).toThrow(/bad\/harness.json: version/);
  });

  it('finds the repository harness when nothing names an agent', () => {
    const root = tempDir('harness-');
    expect(() => locateAgent({ root, env: process.env })).toThrow(MissingAgentError);
    writeFiles(root, { 'harness.mjs': 'console.log("root")' });
    expect(spawnAgent(locateAgent({ root, env: process.env }), root)).toBe('root');
    writeFiles(root, { '.archal/harness.js': 'console.log("dot-archal")' });
    expect(spawnAgent(locateAgent({ root, env: process.env }), root)).toBe('dot-archal');
    // .archal.json "agent" naming a file is a harness path too.
    writeFiles(root, { 'other.mjs': 'console.log("configured")' });
    expect(spawnAgent(locateAgent({ agent: 'other.mjs', root, env: process.env }), root)).toBe('configured');
  });

  it('runs a TypeScript harness with the runner this machine has, or names what to install', () => {
    const root = tempDir('harness-');
    writeFiles(root, { '.archal/harness.ts': 'const who: string = "ts";\nconsole.log(who);' });
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    const stripsTypes = major > 22 || (major === 22 && minor >= 6);
    const bare = { root, env: { PATH: '/nonexistent' } };
    if (stripsTypes) expect(spawnAgent(locateAgent(bare), root)).toBe('ts');
    else
      expect(() => locateAgent(bare)).toThrow(
        /\.archal\/harness.ts is TypeScript and this Node \(.*\) cannot run it: install tsx \(npm install --save-dev tsx\) or bun, or use Node 22.6 or later/,
      );
    // tsx from the project's node_modules when Node cannot strip types.
    writeFiles(root, { 'node_modules/.bin/tsx': '#!/bin/sh\necho "tsx ran $1"' });
    chmodSync(join(root, 'node_modules/.bin/tsx'), 0o755);
    if (!stripsTypes) expect(spawnAgent(locateAgent(bare), root)).toBe(`tsx ran ${join(root, '.archal/harness.ts')}`);
  });
});
