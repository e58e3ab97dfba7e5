import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

const build = (file: string) => readFileSync(join(REPO_ROOT, 'build', file), 'latin1');
const CLI_BUNDLES = ['cli.cjs', 'cli-workflow.cjs', 'cli-run.cjs'];

// Names that only the libraries themselves define (their bundles are minified).
const CERTIFICATE_LIBRARY = 'X509CertificateGenerator';
const AJV = 'strictTuples';
// One of the YAML library's parse errors.
const YAML_LIBRARY = 'Implicit keys need to be on a single line';
// One of Kysely's query compiler's errors.
const KYSELY = 'invalid immediate value';

describe('what the CLI bundles leave to a file of its own', () => {
  it('leaves out ajv and route mode’s certificate library, which commands rarely need', () => {
    for (const file of CLI_BUNDLES) {
      const bundle = build(file);
      expect({ file, certificates: bundle.includes(CERTIFICATE_LIBRARY), ajv: bundle.includes(AJV) }).toEqual({
        file,
        certificates: false,
        ajv: false,
      });
    }
    expect(build('route-ca.cjs')).toContain(CERTIFICATE_LIBRARY);
  });

  it('leaves out the YAML library, which only a workflow file not parsed before needs', () => {
    for (const file of CLI_BUNDLES)
      expect({ file, yaml: build(file).includes(YAML_LIBRARY) }).toEqual({ file, yaml: false });
    expect(build('yaml.cjs')).toContain(YAML_LIBRARY);
  });

  it('leaves out Kysely, which a run on a SQLite store only needs to create it', () => {
    for (const file of CLI_BUNDLES)
      expect({ file, kysely: build(file).includes(KYSELY) }).toEqual({ file, kysely: false });
    expect(build('kysely.cjs')).toContain(KYSELY);
  });

  it('loads build/kysely.cjs through its code cache to create the run store, and a run on that store loads none', async () => {
    const repo = tempRepo();
    const home = tempDir('archal-home-');
    const dir = tempDir('archal-scripts-');
    const preload = join(dir, 'scripts.cjs');
    const log = join(dir, 'scripts.log');
    // Records each script bin/archal.js compiles, and whether V8 took its code cache.
    writeFileSync(
      preload,
      `const vm = require('node:vm');
const fs = require('node:fs');
const path = require('node:path');
vm.Script = class extends vm.Script {
  constructor(source, options) {
    super(source, options);
    fs.appendFileSync(${JSON.stringify(log)}, path.basename(options.filename) + ' ' + (options.cachedData !== undefined && !this.cachedDataRejected) + '\\n');
  }
};
`,
    );
    writeFileSync(join(repo, 'one.yaml'), "name: one\ndescription: one node\nnodes:\n  - id: t\n    bash: 'true'\n");
    const compiled: string[][] = [];
    for (let round = 0; round < 2; round++) {
      writeFileSync(log, '');
      const result = await runCli(['workflow', 'run', 'one.yaml'], {
        cwd: repo,
        env: { ARCHAL_HOME: home, NODE_OPTIONS: `--require ${preload}` },
      });
      expect(result.code).toBe(0);
      compiled.push(readFileSync(log, 'utf8').trim().split('\n'));
    }
    expect(compiled).toEqual([['cli-workflow.cjs true', 'kysely.cjs true'], ['cli-workflow.cjs true']]);
  });

  it('still parses a new workflow file, and says where its YAML is wrong, from build/yaml.cjs', async () => {
    const repo = tempRepo();
    const env = { ARCHAL_HOME: tempDir('archal-home-') };
    writeFileSync(join(repo, 'ok.yaml'), "name: ok\ndescription: ok\nnodes:\n  - id: a\n    bash: 'true'\n");
    const ok = await runCli(['workflow', 'run', 'ok.yaml'], { cwd: repo, env });
    expect(ok.stderr).toContain('completed');
    expect(ok.code).toBe(0);
    writeFileSync(join(repo, 'bad.yaml'), 'name: bad\ndescription: [unclosed\nnodes: []\n');
    const bad = await runCli(['workflow', 'validate', 'bad.yaml'], { cwd: repo, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yaml:\d+/);
  });

  it('still validates output_format schemas with ajv, required when a workflow declares one', async () => {
    const repo = tempRepo();
    writeFileSync(
      join(repo, 'typed.yaml'),
      'name: typed\ndescription: typed output\nnodes:\n  - id: a\n    prompt: say hi\n    output_format:\n      type: object\n      properties:\n        x: { type: strin }\n',
    );
    const result = await runCli(['workflow', 'validate', 'typed.yaml'], {
      cwd: repo,
      env: { ARCHAL_HOME: tempDir('archal-home-') },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "typed.yaml:6: node 'a' field 'output_format': output_format is not a valid JSON Schema",
    );
    expect(result.stderr).toContain('must be equal to one of the allowed values');
  });

  it('still makes route mode’s certificates in a new Archal home, from build/route-ca.cjs', async () => {
    const repo = tempRepo();
    const home = tempDir('archal-home-');
    writeFileSync(join(repo, 'agent.cjs'), 'process.stdout.write(JSON.stringify({ text: "ok" }));\n');
    writeFileSync(
      join(repo, 'ok.md'),
      '# Ok\n\n## Prompt\nSay ok.\n\n## Success Criteria\n- [D] the answer is ok => run.answer = "ok"\n\n## Config\nseed: small-project\nruns: 1\n',
    );
    const result = await runCli(['run', 'ok.md', '--harness', `"${process.execPath}" agent.cjs`, '--quiet'], {
      cwd: repo,
      env: { ARCHAL_HOME: home },
      timeoutMs: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(join(home, 'route', 'route-authority.pem'))).toBe(true);
  });
});

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The bundle offsets that a source map maps to the given line (1-based) of a source file. */
function offsetsOf(bundleFile: string, source: string, line: number): number[] {
  const bundle = build(bundleFile);
  const map = JSON.parse(build(`${bundleFile}.map`)) as { sources: string[]; mappings: string };
  const sourceIndex = map.sources.findIndex((name) => name.endsWith(source));
  const lineStarts = [0];
  for (let i = 0; i < bundle.length; i++) if (bundle.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const offsets: number[] = [];
  // Source map fields are base64 VLQs, each relative to the previous segment's (the column to the line's).
  const state = [0, 0, 0, 0];
  map.mappings.split(';').forEach((segments, generatedLine) => {
    state[0] = 0;
    for (const segment of segments.split(',')) {
      if (!segment) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        shift += 5;
        if (digit & 32) continue;
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = shift = 0;
      }
      fields.forEach((delta, i) => (state[i]! += delta));
      if (fields.length >= 4 && state[1] === sourceIndex && state[2]! + 1 === line)
        offsets.push(lineStarts[generatedLine]! + state[0]!);
    }
  });
  return offsets;
}

interface ScriptCoverage {
  url: string;
  functions: { ranges: { startOffset: number; endOffset: number; count: number }[] }[];
}

/** How many times V8 ran the code at each offset of a bundle, from NODE_V8_COVERAGE's files. */
function executions(coverageDir: string, bundleFile: string, offsets: number[]): number[] {
  const scripts = readdirSync(coverageDir)
    .flatMap(
      (file) => (JSON.parse(readFileSync(join(coverageDir, file), 'utf8')) as { result: ScriptCoverage[] }).result,
    )
    .filter((script) => script.url.endsWith(`/build/${bundleFile}`));
  expect(scripts).toHaveLength(1);
  const ranges = scripts[0]!.functions.flatMap((fn) => fn.ranges);
  // The innermost range holding an offset has its count.
  return offsets.map(
    (offset) =>
      ranges
        .filter((range) => range.startOffset <= offset && offset < range.endOffset)
        .sort((a, b) => a.endOffset - a.startOffset - (b.endOffset - b.startOffset))[0]!.count,
  );
}

describe('what a run initialises only when it is used', () => {
  const ROUTE_TABLE = 'src/clones/github/routes/index.ts';
  // The line of the REST route table that gathers every operation group.
  const routeTableLine =
    readFileSync(join(REPO_ROOT, ROUTE_TABLE), 'utf8')
      .split('\n')
      .findIndex((line) => line.includes('...metaRoutes')) + 1;

  const CONTROL_TABLE = 'src/clones/github/control/routes.ts';
  // The first entry of the control API's route table (built when its module loads; the line of the
  // table's own name also holds its hoisted declaration, which runs with the bundle).
  const controlTableLine =
    readFileSync(join(REPO_ROOT, CONTROL_TABLE), 'utf8')
      .split('\n')
      .findIndex((line) => line.includes('_archal\\/health')) + 1;

  /** How many times a run of `agent` ran the code of each given line (1-based) of a source file. */
  async function runWithCoverage(
    agent: string,
    lines: Array<[source: string, line: number]> = [[ROUTE_TABLE, routeTableLine]],
  ): Promise<number[]> {
    const repo = tempRepo();
    const coverage = tempDir('archal-coverage-');
    writeFileSync(join(repo, 'agent.cjs'), agent);
    writeFileSync(
      join(repo, 'ok.md'),
      '# Ok\n\n## Prompt\nSay ok.\n\n## Success Criteria\n- [D] the answer is ok => run.answer = "ok"\n\n## Config\nseed: small-project\nruns: 1\n',
    );
    const result = await runCli(['run', 'ok.md', '--harness', `"${process.execPath}" agent.cjs`, '--quiet'], {
      cwd: repo,
      env: { ARCHAL_HOME: tempDir('archal-home-'), NODE_V8_COVERAGE: coverage },
      timeoutMs: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const offsets = lines.flatMap(([source, line]) => offsetsOf('cli-run.cjs', source, line));
    expect(offsets.length).toBeGreaterThanOrEqual(lines.length);
    return executions(coverage, 'cli-run.cjs', offsets);
  }

  it('builds the clone’s REST route table only when the agent calls the REST API', async () => {
    const idle = await runWithCoverage('process.stdout.write(JSON.stringify({ text: "ok" }));\n');
    expect(idle.every((count) => count === 0)).toBe(true);

    const calling = await runWithCoverage(
      'fetch(`${process.env.GITHUB_API_URL}/user`, { headers: { authorization: `token ${process.env.GITHUB_TOKEN}` } })' +
        '.then((res) => { if (res.status !== 200) throw new Error(`status ${res.status}`); process.stdout.write(JSON.stringify({ text: "ok" })); });\n',
    );
    expect(calling.some((count) => count > 0)).toBe(true);
  });

  it('loads the clone’s control API only when it is called', async () => {
    const idle = await runWithCoverage('process.stdout.write(JSON.stringify({ text: "ok" }));\n', [
      [CONTROL_TABLE, controlTableLine],
    ]);
    expect(idle.every((count) => count === 0)).toBe(true);
  });
});

/** The Node.js built-in modules a CLI command loaded, read from process.moduleLoadList at its exit. */
async function builtinsLoadedBy(args: string[], cwd: string, home = tempDir('archal-home-')): Promise<string[]> {
  const dir = tempDir('archal-modules-');
  const preload = join(dir, 'modules.cjs');
  const list = join(dir, 'modules.json');
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(process.moduleLoadList)));\n`,
  );
  const result = await runCli(args, {
    cwd,
    env: { ARCHAL_HOME: home, NODE_OPTIONS: `--require ${preload}` },
  });
  expect(result.code).toBe(0);
  return (JSON.parse(readFileSync(list, 'utf8')) as string[])
    .filter((entry) => entry.startsWith('NativeModule '))
    .map((entry) => entry.slice('NativeModule '.length));
}

describe('what a workflow command loads only when it is used', () => {
  it('`workflow list` starts no process, and loads no node:child_process', async () => {
    const repo = tempRepo();
    const workflows = join(repo, '.archal', 'workflows');
    mkdirSync(workflows, { recursive: true });
    writeFileSync(
      join(workflows, 'one.yaml'),
      "name: one\ndescription: one node\nnodes:\n  - id: t\n    bash: 'true'\n",
    );
    const loaded = await builtinsLoadedBy(['workflow', 'list'], repo);
    expect(loaded).toContain('fs');
    expect(loaded).not.toContain('child_process');
  });

  it('`workflow run` of a bash node (by name and by file) loads no node:crypto and no perf hooks: its ids and names come from src/lib/random.ts, its timings from process.hrtime', async () => {
    const repo = tempRepo();
    const workflows = join(repo, '.archal', 'workflows');
    mkdirSync(workflows, { recursive: true });
    writeFileSync(
      join(workflows, 'one.yaml'),
      "name: one\ndescription: one node\nnodes:\n  - id: t\n    bash: 'true'\n",
    );
    const home = tempDir('archal-home-');
    for (const args of [
      ['workflow', 'run', 'one'],
      ['workflow', 'run', '.archal/workflows/one.yaml'],
    ]) {
      // Twice each: the first run writes the parsed and validated caches, the second reads them.
      for (let round = 0; round < 2; round++) {
        const loaded = await builtinsLoadedBy(args, repo, home);
        expect({
          args,
          round,
          childProcess: loaded.includes('child_process'),
          crypto: loaded.includes('crypto'),
          perfHooks: loaded.includes('perf_hooks'),
        }).toEqual({
          args,
          round,
          childProcess: true,
          crypto: false,
          perfHooks: false,
        });
      }
    }
  });

  it('`workflow run` loads node:child_process before it changes V8 flags (which would make it compile from source)', async () => {
    const repo = tempRepo();
    const dir = tempDir('archal-flags-');
    const preload = join(dir, 'flags.cjs');
    const log = join(dir, 'flags.log');
    // Records, for each flag change, whether child_process was loaded by then.
    writeFileSync(
      preload,
      `const v8 = require('node:v8');
const fs = require('node:fs');
const set = v8.setFlagsFromString;
v8.setFlagsFromString = (flags) => {
  fs.appendFileSync(${JSON.stringify(log)}, flags + ' ' + process.moduleLoadList.includes('NativeModule child_process') + '\\n');
  return set(flags);
};
`,
    );
    writeFileSync(join(repo, 'one.yaml'), "name: one\ndescription: one node\nnodes:\n  - id: t\n    bash: 'true'\n");
    const result = await runCli(['workflow', 'run', 'one.yaml'], {
      cwd: repo,
      env: { ARCHAL_HOME: tempDir('archal-home-'), NODE_OPTIONS: `--require ${preload}` },
    });
    expect(result.code).toBe(0);
    const changes = readFileSync(log, 'utf8').trim().split('\n');
    expect(changes).toContain('--no-turbofan true');
    expect(changes.filter((line) => line.endsWith(' false'))).toEqual([]);
  });
});
