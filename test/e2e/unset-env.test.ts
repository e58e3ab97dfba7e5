import { describe, expect, it } from '@jest/globals';
import { json, runCli } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

// Every `${VAR}` Archal expands in an env map is passed as empty when VAR is not set: each place warns
// with the same words, naming the file, the key and the variable (a default, `${VAR:-x}`, is quiet).
const unset = (reference: string) => `${reference} is not set; passed as empty`;
const agent = `console.log(JSON.stringify({ text: 'token=[' + process.env.TOKEN + '] mode=[' + process.env.MODE + ']' }));\n`;
const scenario = `# A scenario\n\n## Prompt\nDo the thing.\n\n## Success Criteria\n- [D] the run exits successfully\n\n## Config\nseed: small-project\ntimeout: 20\n`;

function userEnv(): NodeJS.ProcessEnv {
  return { ARCHAL_HOME: tempDir('archal-home-'), ARCHAL_TEST_SET: 'yes' };
}

describe('a ${VAR} of a variable that is not set', () => {
  it('in assistants.exec.env: config validate warns, in text and in --json', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.archal.json': JSON.stringify({
        assistants: {
          exec: {
            command: 'cat',
            env: { KEY: '${ARCHAL_TEST_UNSET_KEY}', SET: '${ARCHAL_TEST_SET}', MODE: '${ARCHAL_TEST_NO:-x}' },
          },
        },
      }),
    });
    const env = userEnv();
    const result = await runCli(['--cwd', dir, 'config', 'validate', '--json'], { env });
    expect(result.code).toBe(0);
    expect(json(result)).toMatchObject({
      valid: true,
      warnings: [{ path: 'assistants.exec.env.KEY', message: unset('${ARCHAL_TEST_UNSET_KEY}') }],
    });
    const text = await runCli(['--cwd', dir, 'config', 'validate'], { env });
    expect(text.code).toBe(0);
    expect(text.stderr).toBe(`warning: .archal.json: assistants.exec.env.KEY: ${unset('${ARCHAL_TEST_UNSET_KEY}')}\n`);
  });

  it('in assistants.exec.env: workflow run warns when it starts, in the words config validate and run use', async () => {
    const dir = tempRepo();
    writeFiles(dir, {
      '.archal.json': JSON.stringify({
        assistants: {
          exec: {
            command: 'sh',
            args: ['-c', 'cat > /dev/null; echo "key=[$KEY] mode=[$MODE]"'],
            env: { KEY: '${ARCHAL_TEST_UNSET_KEY}', SET: '${ARCHAL_TEST_SET}', MODE: '${ARCHAL_TEST_NO:-x}' },
          },
        },
      }),
      '.archal/workflows/ask.yaml':
        'name: ask\ndescription: x\nnodes:\n  - id: a\n    prompt: say hi\n    provider: exec\n',
    });
    const warning = `warning: .archal.json: assistants.exec.env.KEY: ${unset('${ARCHAL_TEST_UNSET_KEY}')}\n`;
    const env = userEnv();
    const result = await runCli(['--cwd', dir, 'workflow', 'run', 'ask', '--json'], { env, timeoutMs: 60_000 });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(warning);
    expect(result.stderr).not.toContain('ARCHAL_TEST_NO');
    expect(result.stderr).not.toContain('ARCHAL_TEST_SET');
    expect(json<{ nodes: Record<string, { output: string }> }>(result).nodes.a!.output).toBe('key=[] mode=[x]');
    const validate = await runCli(['--cwd', dir, 'config', 'validate'], { env });
    expect(validate.stderr).toBe(warning);
  });

  it('in a harness manifest local.env: config validate warns with the words run uses, in text and in --json', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.archal/agent.mjs': agent,
      '.archal/harness.json': JSON.stringify({
        version: 1,
        local: {
          command: 'node',
          args: ['agent.mjs'],
          env: { TOKEN: '${ARCHAL_TEST_UNSET_TOKEN}', MODE: '${ARCHAL_TEST_NO:-x}', SET: '${ARCHAL_TEST_SET}' },
        },
      }),
    });
    const env = userEnv();
    const result = await runCli(['--cwd', dir, 'config', 'validate', '--json'], { env });
    expect(result.code).toBe(0);
    expect(json(result)).toMatchObject({
      valid: true,
      exists: false,
      warnings: [
        { file: '.archal/harness.json', path: 'local.env.TOKEN', message: unset('${ARCHAL_TEST_UNSET_TOKEN}') },
      ],
    });
    const text = await runCli(['--cwd', dir, 'config', 'validate'], { env });
    expect(text.code).toBe(0);
    expect(text.stderr).toBe(
      `warning: .archal/harness.json: local.env.TOKEN: ${unset('${ARCHAL_TEST_UNSET_TOKEN}')}\n`,
    );
    // The manifest .archal.json names is the one checked.
    writeFiles(dir, { '.archal.json': JSON.stringify({ agent: '.archal' }) });
    const named = await runCli(['--cwd', dir, 'config', 'validate', '--json'], { env });
    expect(json(named)).toMatchObject({ valid: true, exists: true, warnings: [{ path: 'local.env.TOKEN' }] });
  });

  it('in a harness manifest local.env: archal run warns when it starts', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.archal/agent.mjs': agent,
      '.archal/harness.json': JSON.stringify({
        version: 1,
        local: {
          command: 'node',
          args: ['agent.mjs'],
          env: { TOKEN: '${ARCHAL_TEST_UNSET_TOKEN}', MODE: '${ARCHAL_TEST_NO:-x}', SET: '${ARCHAL_TEST_SET}' },
        },
      }),
      'archal/a.md': scenario,
    });
    const result = await runCli(['--cwd', dir, 'run', '--preflight-only'], { env: userEnv(), timeoutMs: 60_000 });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `warning: .archal/harness.json: local.env.TOKEN: ${unset('${ARCHAL_TEST_UNSET_TOKEN}')}\n`,
    );
    expect(result.stderr).not.toContain('ARCHAL_TEST_NO');
    expect(result.stderr).not.toContain('ARCHAL_TEST_SET');
    expect(result.stdout).toContain('token=[] mode=[x]');
  });

  it('in the pre-prod agent env, its harness manifest and the fix workflow’s exec env: preprod run warns', async () => {
    const dir = tempRepo();
    writeFiles(dir, {
      'agent.mjs': agent,
      '.archal.json': JSON.stringify({
        agent: { command: 'node', args: ['agent.mjs'], env: { TOKEN: '${ARCHAL_TEST_UNSET_TOKEN}' } },
        assistants: { exec: { command: 'cat', env: { KEY: '${ARCHAL_TEST_UNSET_KEY}', M: '${ARCHAL_TEST_NO:-x}' } } },
        preprod: { fixWorkflow: 'fix' },
      }),
      'archal/a.md': scenario,
    });
    const env = userEnv();
    const result = await runCli(['--cwd', dir, 'preprod', 'run', '--dry-run', '--json'], { env, timeoutMs: 120_000 });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`warning: .archal.json: agent.env.TOKEN: ${unset('${ARCHAL_TEST_UNSET_TOKEN}')}\n`);
    expect(result.stderr).toContain(
      `warning: .archal.json: assistants.exec.env.KEY: ${unset('${ARCHAL_TEST_UNSET_KEY}')}\n`,
    );
    expect(result.stderr).not.toContain('ARCHAL_TEST_NO');

    // The harness a manifest describes, given with --harness: its local.env is the agent's.
    writeFiles(dir, {
      'h/agent.mjs': agent,
      'h/harness.json': JSON.stringify({
        version: 1,
        local: { command: 'node', args: ['agent.mjs'], env: { TOKEN: '${ARCHAL_TEST_UNSET_H}' } },
      }),
      '.archal.json': JSON.stringify({ agent: 'node agent.mjs' }),
    });
    const manifest = await runCli(['--cwd', dir, 'preprod', 'run', '--dry-run', '--json', '--harness', 'h'], {
      env,
      timeoutMs: 120_000,
    });
    expect(manifest.code).toBe(0);
    expect(manifest.stderr).toContain(`warning: h/harness.json: local.env.TOKEN: ${unset('${ARCHAL_TEST_UNSET_H}')}\n`);
  });
});
