import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import { startGitHubClone, type GitHubClone } from '../../src/clones/github/index.js';
import { runCli } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

/** Hostile or careless input gets a clear refusal that names the file: never a hang, never a crash. */

const env = () => ({ ARCHAL_HOME: tempDir('archal-home-'), ARCHAL_DATABASE_URL: '', DATABASE_URL: '' });
const fifo = (path: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  execFileSync('mkfifo', [path]);
};
const WORKFLOW = 'name: ok\ndescription: fine\nnodes:\n  - id: a\n    bash: echo fine\n';
const SCENARIO = '# Fine\n\n## Prompt\nDo nothing.\n\n## Success Criteria\n- [D] The run exits successfully\n';
/** A CLI that hangs is killed after this long: the refusal must come well before. */
const PATIENCE = 10_000;
const FAKE_BIN = fileURLToPath(new URL('../fixtures/bin', import.meta.url));

describe('a FIFO (or a device) in place of an input file', () => {
  it('refuses a FIFO given as the workflow, naming it', async () => {
    const repo = tempRepo();
    fifo(join(repo, 'pipe.yaml'));
    const result = await runCli(['--cwd', repo, 'workflow', 'validate', 'pipe.yaml'], {
      env: env(),
      timeoutMs: PATIENCE,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(repo, 'pipe.yaml')} is a FIFO (named pipe), not a regular file`);
  });

  it('refuses /dev/zero as a workflow without reading it', async () => {
    const result = await runCli(['--cwd', tempRepo(), 'workflow', 'run', '/dev/zero'], {
      env: env(),
      timeoutMs: PATIENCE,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('/dev/zero is a character device, not a regular file');
  });

  it('reports a FIFO in .archal/workflows/ and still runs the other workflows', async () => {
    const repo = tempRepo();
    writeFiles(repo, { '.archal/workflows/ok.yaml': WORKFLOW });
    fifo(join(repo, '.archal', 'workflows', 'stuck.yaml'));
    const listed = await runCli(['--cwd', repo, 'workflow', 'list', '--json'], { env: env(), timeoutMs: PATIENCE });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({
      errors: [
        expect.objectContaining({ kind: 'read_error', message: expect.stringContaining('stuck.yaml is a FIFO') }),
      ],
    });
    const run = await runCli(['--cwd', repo, 'workflow', 'run', 'ok', '--json'], { env: env(), timeoutMs: PATIENCE });
    expect(run.code).toBe(0);
  });

  it('refuses a FIFO as .archal.json, naming it', async () => {
    const dir = tempDir();
    fifo(join(dir, '.archal.json'));
    const result = await runCli(['--cwd', dir, 'config', 'validate'], { env: env(), timeoutMs: PATIENCE });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.archal.json is a FIFO (named pipe), not a regular file');
  });

  it('refuses a FIFO as .env, naming it', async () => {
    const repo = tempRepo();
    fifo(join(repo, '.env'));
    const result = await runCli(['--cwd', repo, 'workflow', 'list'], { env: env(), timeoutMs: PATIENCE });
    expect(result.code).toBe(2);
    // One sentence that starts with the file: what is wrong, where, and what to do.
    expect(result.stderr.trim()).toBe(
      `${join(repo, '.env')} is a FIFO (named pipe), not a regular file; Archal reads only regular files ` +
        '(the .env files are read before every command: fix or remove it).',
    );
  });

  it('refuses a FIFO as a scenario, naming it', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'archal/fine.md': SCENARIO });
    fifo(join(dir, 'archal', 'stuck.md'));
    const result = await runCli(['--cwd', dir, 'scenario', 'validate', 'archal'], { env: env(), timeoutMs: PATIENCE });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('stuck.md is a FIFO (named pipe), not a regular file');
  });

  it('refuses a FIFO as a seed, naming it', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'archal/seeded.md': `${SCENARIO}\n## Config\nseed: seeds/stuck.json\n` });
    fifo(join(dir, 'archal', 'seeds', 'stuck.json'));
    const result = await runCli(['--cwd', dir, 'scenario', 'validate', 'archal'], { env: env(), timeoutMs: PATIENCE });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('stuck.json is a FIFO (named pipe), not a regular file');
  });
});

describe('a FIFO in place of a file a repository names', () => {
  it('warns about a FIFO as .archon/config.yaml and runs without its settings', async () => {
    const repo = tempRepo();
    writeFiles(repo, { '.archal/workflows/ok.yaml': WORKFLOW });
    fifo(join(repo, '.archon', 'config.yaml'));
    const result = await runCli(['--cwd', repo, 'workflow', 'run', 'ok'], { env: env(), timeoutMs: PATIENCE });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${join(repo, '.archon', 'config.yaml')}: it is a FIFO (named pipe)`);
  });

  it("refuses a FIFO among a harness manifest's promptFiles, naming it", async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'archal/fine.md': SCENARIO,
      'h/harness.json': JSON.stringify({ version: 1, promptFiles: ['p.md'], local: { command: 'echo', args: ['{}'] } }),
    });
    fifo(join(dir, 'h', 'p.md'));
    const result = await runCli(['--cwd', dir, 'run', 'archal/fine.md', '--harness', 'h'], {
      env: env(),
      timeoutMs: PATIENCE,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(dir, 'h', 'p.md')} is a FIFO (named pipe), not a regular file`);
  });

  it('fails the node whose mcp: file is a FIFO, naming it', async () => {
    const repo = tempRepo();
    writeFiles(repo, {
      '.archal/workflows/mcp.yaml':
        'name: mcp\ndescription: m\nnodes:\n  - id: a\n    prompt: hi\n    provider: codex\n    mcp: pipe.json\n',
    });
    fifo(join(repo, 'pipe.json'));
    const result = await runCli(['--cwd', repo, 'workflow', 'run', 'mcp'], {
      env: { ...env(), PATH: `${FAKE_BIN}${delimiter}${process.env.PATH ?? ''}` },
      timeoutMs: PATIENCE,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(repo, 'pipe.json')} is a FIFO (named pipe), not a regular file`);
  });
});

describe('input that is not what it claims', () => {
  it('refuses a workflow that is not UTF-8', async () => {
    const repo = tempRepo();
    writeFileSync(
      join(repo, 'latin1.yaml'),
      Buffer.from('name: caf\xe9\ndescription: x\nnodes:\n  - id: a\n    bash: echo\n', 'latin1'),
    );
    const result = await runCli(['--cwd', repo, 'workflow', 'validate', 'latin1.yaml'], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('latin1.yaml is not UTF-8 text (at byte 9)');
  });

  it('refuses a scenario that is not UTF-8', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'archal'));
    writeFileSync(join(dir, 'archal', 'latin1.md'), Buffer.from(`# Caf\xe9\n${SCENARIO.slice(7)}`, 'latin1'));
    const result = await runCli(['--cwd', dir, 'scenario', 'validate', 'archal'], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('latin1.md is not UTF-8 text');
  });

  it('reads UTF-16 files with a byte-order mark (as Windows PowerShell writes them) as text', async () => {
    const repo = tempRepo();
    const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    mkdirSync(join(repo, 'archal'));
    writeFileSync(join(repo, 'archal', 'café.md'), utf16le(`# Café\r\n${SCENARIO.slice(7).replace(/\n/g, '\r\n')}`));
    writeFileSync(join(repo, 'w.yaml'), utf16be(WORKFLOW));
    writeFileSync(join(repo, '.archal.json'), utf16le(JSON.stringify({ runs: 2 })));
    const scenario = await runCli(['--cwd', repo, 'scenario', 'list', '--json'], { env: env() });
    expect(scenario.stderr).toBe('');
    expect(scenario.code).toBe(0);
    expect(JSON.parse(scenario.stdout)).toMatchObject({ scenarios: [{ title: 'Café', runs: 2 }] });
    const workflow = await runCli(['--cwd', repo, 'workflow', 'validate', 'w.yaml'], { env: env() });
    expect(workflow.code).toBe(0);
    // An odd number of bytes after the mark is not UTF-16: refused, naming the file.
    writeFileSync(join(repo, 'odd.yaml'), Buffer.concat([utf16le(WORKFLOW), Buffer.from([0x41])]));
    const odd = await runCli(['--cwd', repo, 'workflow', 'validate', 'odd.yaml'], { env: env() });
    expect(odd.code).toBe(2);
    expect(odd.stderr).toContain('odd.yaml is not UTF-16 text');
  });

  it.each([
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['an overlong encoding', [0xe0, 0x80, 0xaf]],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ])('names the byte where UTF-8 breaks in %s, not the end of the file', async (_kind, bytes) => {
    const repo = tempRepo();
    writeFileSync(
      join(repo, 'w.yaml'),
      Buffer.concat([Buffer.from('name: x\n# '), Buffer.from(bytes), Buffer.from('\n')]),
    );
    const result = await runCli(['--cwd', repo, 'workflow', 'validate', 'w.yaml'], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('w.yaml is not UTF-8 text (at byte 10)');
  });

  it('refuses a harness manifest that is not JSON with where it breaks, never echoing what it holds', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'archal/fine.md': SCENARIO,
      '.archal/harness.json': 'name: x\n\u001b[2Jghp_0123456789abcdefghij\n',
    });
    const result = await runCli(['--cwd', dir, 'run', '--preflight-only'], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(".archal/harness.json is not valid JSON: line 1, column 1: unexpected 'n'.\n");
  });

  it('never echoes control characters of a scenario or workflow into the terminal, naming them instead', async () => {
    const repo = tempRepo();
    writeFiles(repo, {
      'archal/s.md':
        '# T\n\n## Prompt\nDo it.\n\n## Success Criteria\n- [D] the run exits successfully\n\n## Config\ntimeout: x\u001b[2J\r\n',
      'w.yaml': 'name: w\ndescription: d\nnodes:\n  - id: b\n    depends_on: ["z\\e[31m"]\n    bash: echo\n',
    });
    const scenario = await runCli(['--cwd', repo, 'scenario', 'validate', 'archal/s.md'], { env: env() });
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toContain("archal/s.md:10: timeout must be a number (got 'x\\u001b[2J')");
    const workflow = await runCli(['--cwd', repo, 'workflow', 'validate', 'w.yaml'], { env: env() });
    expect(workflow.code).toBe(2);
    expect(workflow.stderr).toContain("depends on unknown node 'z\\u001b[31m'");
    for (const text of [scenario.stderr, workflow.stderr]) expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/); // eslint-disable-line no-control-regex
  });

  it("refuses --harness ''", async () => {
    const dir = tempDir();
    writeFiles(dir, { 'archal/fine.md': SCENARIO });
    for (const command of [
      ['run', '--harness', ''],
      ['preprod', 'run', '--harness', ' ', '--dry-run'],
    ]) {
      const result = await runCli(['--cwd', dir, ...command], { env: env() });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--harness needs a command; it was given an empty one.');
    }
  });

  it('refuses to validate an empty directory', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    const result = await runCli(['--cwd', dir, 'scenario', 'validate', 'empty'], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Nothing to validate: no scenario files (.md) in empty.');
  });

  it('refuses to validate a directory as a workflow', async () => {
    const repo = tempRepo();
    mkdirSync(join(repo, 'empty'));
    const result = await runCli(['--cwd', repo, 'workflow', 'validate', 'empty/'], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(repo, 'empty')} is a directory, not a regular file`);
  });

  it('refuses preprod run --artifacts that cannot hold the artifacts before anything runs, in JSON with --json', async () => {
    const dir = tempRepo();
    writeFiles(dir, {
      'archal/fine.md': SCENARIO,
      'agent.mjs': "import { writeFileSync } from 'node:fs'; writeFileSync('started', '1'); console.log('ok');",
      '.archal.json': JSON.stringify({ agent: 'node agent.mjs' }),
      'taken.txt': 'a file',
    });
    const refusals: Array<[string, string]> = [
      ['taken.txt', `--artifacts taken.txt: ${join(dir, 'taken.txt')} exists and is not a directory.`],
      ['taken.txt/out', `--artifacts taken.txt/out: ${join(dir, 'taken.txt')} is not a directory`],
      ['/proc/archal-artifacts', '--artifacts /proc/archal-artifacts: cannot create /proc/archal-artifacts'],
    ];
    for (const [artifacts, message] of refusals) {
      const result = await runCli(['--cwd', dir, 'preprod', 'run', '--dry-run', '--json', '--artifacts', artifacts], {
        env: env(),
        timeoutMs: PATIENCE,
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
      expect(JSON.parse(result.stdout)).toEqual({
        status: 'error',
        error: { code: 'invalid_input', message: expect.stringContaining(message) },
      });
    }
    expect(existsSync(join(dir, 'started'))).toBe(false);
  });

  it('refuses preprod plan --out and --write-scenarios paths it cannot write, in JSON with --json', async () => {
    const dir = tempRepo();
    writeFiles(dir, { 'taken.txt': 'a file', 'folder/keep.md': 'kept' });
    const refusals: Array<[string[], string]> = [
      [
        ['--out', 'taken.txt/plan.json'],
        `--out taken.txt/plan.json: ${join(dir, 'taken.txt')} exists and is not a directory.`,
      ],
      [['--out', 'folder'], `--out folder: ${join(dir, 'folder')} is a directory; name a file.`],
      [
        ['--write-scenarios', 'taken.txt/archal'],
        `--write-scenarios taken.txt/archal: ${join(dir, 'taken.txt')} is not a directory`,
      ],
    ];
    for (const [flags, message] of refusals) {
      const result = await runCli(['--cwd', dir, 'preprod', 'plan', '--json', ...flags], { env: env() });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
      expect(JSON.parse(result.stdout)).toEqual({
        status: 'error',
        error: { code: 'invalid_input', message: expect.stringContaining(message) },
      });
    }
  });

  it('answers preprod run --json with a scenario that does not validate in JSON', async () => {
    const dir = tempRepo();
    writeFiles(dir, { 'archal/bad.md': '# Bad\n\n## Prompt\nx\n', '.archal.json': JSON.stringify({ agent: 'true' }) });
    const result = await runCli(['--cwd', dir, 'preprod', 'run', '--dry-run', '--json'], { env: env() });
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      status: 'error',
      error: { code: 'invalid_input', message: expect.stringContaining("missing '## Success Criteria' section") },
    });
  });

  it('refuses preprod run --repo <missing dir> without creating anything', async () => {
    const parent = tempDir();
    const missing = join(parent, 'no', 'such', 'repo');
    const result = await runCli(['--cwd', parent, 'preprod', 'run', '--repo', 'no/such/repo', '--dry-run'], {
      env: env(),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`No such directory: ${missing}.`);
    expect(existsSync(join(parent, 'no'))).toBe(false);
  });
});

describe('ARCHAL_DATABASE_URL that names no PostgreSQL database', () => {
  const workflowRepo = () => {
    const repo = tempRepo();
    writeFiles(repo, { '.archal/workflows/ok.yaml': WORKFLOW });
    return repo;
  };

  it.each([
    ['mysql://user:hunter2pw@db.example/app', 'has the scheme "mysql:"'],
    ['sqlite:///tmp/archal-x.db', 'has the scheme "sqlite:"'],
    ['http://user:hunter2pw@x', 'has the scheme "http:"'],
    ['not a url hunter2pw', 'is not a URL'],
  ])('refuses %s with exit 2, naming the variable and what it accepts, storing nothing', async (url, what) => {
    const repo = workflowRepo();
    const home = join(tempDir('archal-home-'), 'home');
    const runEnv = { ARCHAL_HOME: home, ARCHAL_DATABASE_URL: url, DATABASE_URL: '' };
    for (const args of [
      ['workflow', 'run', 'ok'],
      ['workflow', 'status'],
      ['attach', '--once', 'traces'],
    ]) {
      const result = await runCli(['--cwd', repo, ...args], { env: runEnv, timeoutMs: PATIENCE });
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr).toContain(`ARCHAL_DATABASE_URL ${what}`);
      expect(result.stderr).toContain('postgres://');
      expect(result.stderr).toContain('SQLite');
      expect(result.stderr + result.stdout).not.toContain('hunter2pw');
    }
    expect(existsSync(home)).toBe(false);
    expect(execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: repo }).toString()).toBe(
      '?? .archal/workflows/ok.yaml\n',
    );
  });

  it('keeps reporting an unreachable PostgreSQL URL as a store that cannot be opened (exit 1)', async () => {
    const result = await runCli(['--cwd', workflowRepo(), 'workflow', 'run', 'ok'], {
      env: { ...env(), ARCHAL_DATABASE_URL: 'postgresql://nobody:hunter2pw@127.0.0.1:1/none' },
      timeoutMs: PATIENCE,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot open the run store PostgreSQL (postgresql://nobody:***@127.0.0.1:1/none)');
  });
});

/** A file elsewhere on the machine whose content must never be echoed. */
const secretFile = () => {
  const file = join(tempDir('archal-outside-'), 'private.json');
  writeFileSync(file, 'xyzzy:x:0:0:very-private-content\n');
  return file;
};

describe('seeds that point elsewhere', () => {
  it('refuses a scenario seed outside the repository, without quoting the file', async () => {
    const dir = tempDir();
    const outside = secretFile();
    writeFiles(dir, { 'archal/escape.md': `${SCENARIO}\n## Config\nseed: ${outside}\n` });
    const result = await runCli(['--cwd', dir, 'scenario', 'validate', 'archal'], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${outside} is outside ${dir}; seed files must be inside the repository`);
    expect(result.stderr).not.toContain('xyzzy');
  });

  it('says where a seed file inside the repository is not JSON, never what it holds', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'archal/bad.md': `${SCENARIO}\n## Config\nseed: seeds/bad.json\n`,
      'archal/seeds/bad.json': 'xyzzy:x:0:0:very-private-content\n',
    });
    const result = await runCli(['--cwd', dir, 'scenario', 'validate', 'archal'], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not valid JSON (line 1, column 1)');
    expect(result.stderr).not.toContain('xyzzy');
    expect(result.stderr).not.toContain('private');
  });
});

describe('the clone’s control API', () => {
  let clone: GitHubClone;
  afterAll(async () => {
    await clone?.handle.stop();
  });

  function call(path: string, options: { method?: string; host?: string; body?: unknown } = {}) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(path, clone.apiUrl);
      const body = options.body === undefined ? undefined : JSON.stringify(options.body);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: options.method ?? 'GET',
          headers: { ...(options.host ? { host: options.host } : {}), 'content-type': 'application/json' },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('reads no file for POST /_archal/seed and never quotes one', async () => {
    clone = await startGitHubClone({ seed: 'empty', logger: () => {} });
    const file = secretFile();
    for (const seed of [file, '/etc/passwd', '../../../../etc/passwd.json']) {
      const response = await call('/_archal/seed', { method: 'POST', body: { seed } });
      expect(response.status).toBe(422);
      expect(response.body).toContain('seed files are not read here');
      expect(response.body).not.toContain('root:');
      expect(response.body).not.toContain('xyzzy');
    }
    expect((await call('/_archal/seed', { method: 'POST', body: { seed: 'small-project' } })).status).toBe(200);
    expect(
      (await call('/_archal/seed', { method: 'POST', body: { seed: { users: [{ login: 'octocat' }] } } })).status,
    ).toBe(200);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    clone ??= await startGitHubClone({ seed: 'empty', logger: () => {} });
    for (const host of ['evil.example', 'evil.example:80', `attacker.test:${new URL(clone.apiUrl).port}`, '10.0.0.5']) {
      const state = await call('/_archal/state', { host });
      expect({ host, status: state.status }).toEqual({ host, status: 403 });
      expect(state.body).toContain('loopback');
      expect((await call('/_archal/reset', { method: 'POST', host })).status).toBe(403);
    }
    for (const host of [
      '127.0.0.1',
      `127.0.0.1:${new URL(clone.apiUrl).port}`,
      'localhost:1234',
      '[::1]:80',
      'app.localhost',
    ])
      expect({ host, status: (await call('/_archal/state', { host })).status }).toEqual({ host, status: 200 });
  });

  it('answers another host name when a control token guards the API', async () => {
    const guarded = await startGitHubClone({ seed: 'empty', logger: () => {}, controlToken: 'control-secret-1' });
    try {
      const response = await new Promise<number>((resolve, reject) => {
        const url = new URL('/_archal/state', guarded.apiUrl);
        request(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            headers: { host: 'clone.internal', 'x-archal-control-token': 'control-secret-1' },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode!);
          },
        )
          .on('error', reject)
          .end();
      });
      expect(response).toBe(200);
    } finally {
      await guarded.handle.stop();
    }
  });
});

describe('a file with thousands of problems', () => {
  it('lists the first 20 problems of a scenario, then counts the rest; JSON keeps them all; exit 2', async () => {
    const dir = tempDir();
    const again = Array.from({ length: 3000 }, () => '\n## Prompt\nagain\n').join('');
    writeFiles(dir, { 'dup.md': `${SCENARIO}${again}`, 'fine.md': SCENARIO });
    const result = await runCli(['--cwd', dir, 'scenario', 'validate', 'dup.md', 'fine.md'], { env: env() });
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('✗ 3000 problem(s):');
    expect(lines.filter((line) => line.includes("section '## Prompt' appears twice"))).toHaveLength(20);
    expect(lines[21]).toBe('  … and 2980 more problems in dup.md');
    expect(lines).toHaveLength(22);
    const json = await runCli(['--cwd', dir, 'scenario', 'validate', 'dup.md', '--json'], { env: env() });
    expect(json.code).toBe(2);
    expect((JSON.parse(json.stdout) as { scenarios: Array<{ errors: unknown[] }> }).scenarios[0]!.errors).toHaveLength(
      3000,
    );
  });

  it('lists the first 20 problems of a workflow, then counts the rest; exit 2', async () => {
    const dir = tempDir();
    const nodes = Array.from(
      { length: 300 },
      (_, index) => `  - id: n${index}\n    bash: echo\n    trigger_rule: sometimes\n`,
    ).join('');
    writeFiles(dir, { 'many.yaml': `name: many\ndescription: many problems\nnodes:\n${nodes}` });
    const result = await runCli(['--cwd', dir, 'workflow', 'validate', 'many.yaml'], { env: env() });
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('✗ invalid workflow (300 errors):');
    expect(lines.filter((line) => line.includes("'sometimes' is not valid"))).toHaveLength(20);
    expect(lines[21]).toBe(`  … and 280 more problems in ${join(dir, 'many.yaml')}`);
    expect(lines).toHaveLength(22);
  });
});
