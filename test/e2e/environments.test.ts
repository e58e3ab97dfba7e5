import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { json, runCli } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { freshPostgresUrl } from '../helpers/stores.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

/** What reaches the commands and agents Archal starts, and where Archal keeps its own tables. */

const PASSING = '# Passes\n\n## Prompt\nSay hi.\n\n## Success Criteria\n- [D] The run exits successfully\n';

/** A HOME whose ~/.bashrc (and profiles) export a credential and a marker, as a developer's might. */
function homeWithShellSetup(): string {
  const home = tempDir('archal-user-home-');
  const setup = `export LEAKED_GITHUB_TOKEN=ghp_${'R'.repeat(36)}\nexport RC_MARK=startup-file-was-read\n`;
  for (const file of ['.bashrc', '.bash_profile', '.profile']) writeFileSync(join(home, file), setup);
  return home;
}

/** What a command prints about its environment: whether the startup files ran, whether the token is there. */
const PROBE = 'echo "mark=[$RC_MARK] token=[${LEAKED_GITHUB_TOKEN:+present}]"';

describe('commands read no shell startup file', () => {
  it('keeps ~/.bashrc out of validation commands, workflow bash nodes and string agents', async () => {
    const home = homeWithShellSetup();
    // As a service starts Archal: no SHLVL (bash reads ~/.bashrc for `bash -c` with a socket on stdin at level 1).
    const env = { HOME: home, ARCHAL_HOME: tempDir('archal-home-'), ARCHAL_DATABASE_URL: '', SHLVL: '0' };

    const project = tempRepo();
    writeFiles(project, {
      'archal/passes.md': PASSING,
      '.archal.json': JSON.stringify({ agent: `echo "{\\"text\\": \\"$(${PROBE})\\"}"`, scenarios: ['archal'] }),
      '.archal/workflows/probe.yaml': `name: probe\ndescription: x\nnodes:\n  - id: probe\n    bash: ${JSON.stringify(PROBE)}\n`,
    });

    const preprod = await runCli(
      ['--cwd', project, 'preprod', 'run', '--json', '--allow-external-execution', '--validation-command', PROBE],
      { env, timeoutMs: 60_000 },
    );
    const result = json<{ status: string; validation: { outputTail: string } }>(preprod);
    expect(result.status).toBe('passed');
    expect(result.validation.outputTail).toBe('mark=[] token=[]');

    const workflow = await runCli(['--cwd', project, 'workflow', 'run', 'probe', '--json'], { env });
    expect(json<{ nodes: { probe: { output: string } } }>(workflow).nodes.probe.output).toBe('mark=[] token=[]');

    const run = await runCli(['--cwd', project, 'run', '-o', 'json'], { env, timeoutMs: 60_000 });
    const suite = json<{ scenarios: Array<{ results: Array<{ harness: { answer: string } }> }> }>(run);
    expect(suite.scenarios[0]!.results[0]!.harness.answer).toBe('mark=[] token=[]');
  }, 120_000);
});

describe('the agent under test gets no credential it was not given', () => {
  const CREDENTIALS = {
    GITHUB_CLIENT_SECRET: 'client-secret-value',
    GITHUB_WEBHOOK_SECRET: 'webhook-secret-value',
    COPILOT_GITHUB_TOKEN: 'copilot-token-value',
    HOMEBREW_GITHUB_API_TOKEN: 'homebrew-token-value',
    OPENAI_API_KEY: 'openai-key-value',
    DB_PASSWORD: 'db-password-value',
    NPM_CREDENTIALS: 'npm-credentials-value',
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'credential.helper',
    GIT_CONFIG_VALUE_0: '!echo password=helper-secret',
    GIT_CONFIG_PARAMETERS: "'credential.helper'='store'",
    GIT_ASKPASS: '/usr/bin/askpass-secret',
    SSH_ASKPASS: '/usr/bin/ssh-askpass-secret',
  };

  it('removes credentials by rule, keeps the rest, and passes the names agentPassEnv lists', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'archal/passes.md': PASSING,
      'agent.mjs': `process.stdout.write(JSON.stringify({ text: JSON.stringify(Object.keys(process.env).sort()) }));\n`,
      '.archal.json': JSON.stringify({
        agent: { command: 'node', args: ['agent.mjs'], env: { GIVEN_API_KEY: 'given-on-purpose-1' } },
        agentPassEnv: ['OPENAI_API_KEY'],
        scenarios: ['archal'],
      }),
    });
    const run = await runCli(['--cwd', dir, 'run', '-o', 'json'], {
      env: { ...CREDENTIALS, ARCHAL_HOME: tempDir('archal-home-'), ORDINARY_SETTING: 'kept' },
      timeoutMs: 60_000,
    });
    const suite = json<{ scenarios: Array<{ results: Array<{ harness: { answer: string } }> }> }>(run);
    const names = JSON.parse(suite.scenarios[0]!.results[0]!.harness.answer) as string[];
    for (const name of Object.keys(CREDENTIALS).filter((name) => name !== 'OPENAI_API_KEY'))
      expect({ name, present: names.includes(name) }).toEqual({ name, present: false });
    expect(names).toEqual(
      expect.arrayContaining(['OPENAI_API_KEY', 'GIVEN_API_KEY', 'ORDINARY_SETTING', 'GITHUB_TOKEN', 'AGENT_TASK']),
    );
    // The clone's token is the only GitHub credential, and it is the clone's.
    expect(run.stdout).not.toContain('client-secret-value');
  }, 60_000);

  it('validates agentPassEnv in .archal.json', async () => {
    const dir = tempDir();
    writeFiles(dir, { '.archal.json': JSON.stringify({ agentPassEnv: ['OK_NAME', 'not a name'] }) });
    const result = await runCli(['--cwd', dir, 'config', 'validate', '--json'], { env: {} });
    expect(result.code).toBe(2);
    expect(json(result)).toMatchObject({ errors: [expect.objectContaining({ path: 'agentPassEnv.1' })] });
  });
});

describe('where Archal keeps its runs', () => {
  it('ignores DATABASE_URL from a repository’s .env, and keeps its tables in the archal schema', async () => {
    const appDatabase = await freshPostgresUrl();
    const repo = tempRepo();
    const home = tempDir('archal-home-');
    writeFiles(repo, {
      '.env': `DATABASE_URL=${appDatabase}\n`,
      '.archal/workflows/one.yaml': 'name: one\ndescription: x\nnodes:\n  - id: a\n    bash: echo "$DATABASE_URL"\n',
    });
    const run = await runCli(['--cwd', repo, 'workflow', 'run', 'one', '--json'], {
      env: { ARCHAL_HOME: home, ARCHAL_DATABASE_URL: '' },
    });
    expect(run.code).toBe(0);
    // The application still sees its variable; Archal's runs went to its own SQLite file.
    expect(json<{ nodes: { a: { output: string } } }>(run).nodes.a.output).toBe(appDatabase);
    expect(existsSync(join(home, 'archal.db'))).toBe(true);
    const tables = async (url: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ name: string }>(
          "select table_schema || '.' || table_name as name from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema') order by 1",
        );
        return rows.map((row) => row.name);
      } finally {
        await client.end();
      }
    };
    expect(await tables(appDatabase)).toEqual([]);

    // ARCHAL_DATABASE_URL names Archal's PostgreSQL: its tables go in the archal schema.
    const archalDatabase = await freshPostgresUrl();
    const stored = await runCli(['--cwd', repo, 'workflow', 'run', 'one', '--fresh', '--json'], {
      env: { ARCHAL_HOME: home, ARCHAL_DATABASE_URL: archalDatabase },
    });
    expect(stored.code).toBe(0);
    expect((await tables(archalDatabase)).every((name) => name.startsWith('archal.'))).toBe(true);
    expect(await tables(archalDatabase)).toContain('archal.workflow_runs');
  }, 60_000);

  it('writes preprod-result.json with the error when a fix workflow cannot reach the run store', async () => {
    const dir = tempRepo();
    writeFiles(dir, {
      'archal/fails.md':
        '# Fails\n\n## Prompt\nSay hi.\n\n## Success Criteria\n- [D] No issues were created\n- [D] The run exits successfully => run.exitCode = 1\n',
      'agent.mjs': 'process.stdout.write(JSON.stringify({ text: "hi" }));\n',
      '.archal.json': JSON.stringify({ agent: 'node agent.mjs', scenarios: ['archal'] }),
      '.archal/workflows/fix.yaml': 'name: fix\ndescription: x\nnodes:\n  - id: a\n    bash: echo fixing\n',
    });
    const result = await runCli(
      ['--cwd', dir, 'preprod', 'run', '--json', '--allow-external-execution', '--fix-workflow', 'fix'],
      {
        env: { ARCHAL_HOME: tempDir('archal-home-'), ARCHAL_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/unreachable' },
        timeoutMs: 60_000,
      },
    );
    expect(result.code).toBe(1);
    const file = join(dir, '.archal', 'preprod', 'preprod-result.json');
    expect(existsSync(file)).toBe(true);
    const written = JSON.parse(readFileSync(file, 'utf8')) as { status: string; stopReason: string; message: string };
    expect(written).toMatchObject({ status: 'blocked', stopReason: 'error' });
    expect(written.message).toContain('in the fix phase');
    expect(written.message).toContain('Cannot open the run store PostgreSQL');
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'blocked', stopReason: 'error' });
  }, 60_000);
});
