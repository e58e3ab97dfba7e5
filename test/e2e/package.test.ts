import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { REPO_ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const run = promisify(execFile);
const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** The README's `js` blocks that import from the package (its library examples). */
function libraryExamples(): string[] {
  return [...README.matchAll(/```js\n([\s\S]*?)```/g)]
    .map((match) => match[1]!)
    .filter((code) => /from 'archal(\/[a-z]+)?'/.test(code));
}

/** Every `import { … } from 'archal…'` of the README's examples: entry point → names. */
function documentedImports(): Map<string, Set<string>> {
  const imports = new Map<string, Set<string>>();
  for (const code of libraryExamples())
    for (const [, names, entry] of code.matchAll(/import \{([^}]+)\} from '(archal(?:\/[a-z]+)?)'/g)) {
      const set = imports.get(entry!) ?? new Set<string>();
      for (const name of names!.split(',')) set.add(name.trim());
      imports.set(entry!, set);
    }
  return imports;
}

/** A scratch project with the packed tarball installed as `archal`, its dependencies linked from ours. */
let host: string;

beforeAll(async () => {
  // What `npm pack` and `npm publish` run first (prepack); build/ is already built.
  await run('npm', ['run', '--silent', 'build:types'], { cwd: REPO_ROOT, maxBuffer: 64 << 20 });
  const packs = tempDir('archal-pack-');
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packs], {
    cwd: REPO_ROOT,
    maxBuffer: 64 << 20,
  });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  host = tempDir('archal-host-');
  const installed = join(host, 'node_modules', 'archal');
  mkdirSync(installed, { recursive: true });
  await run('tar', ['xzf', join(packs, filename), '-C', installed, '--strip-components=1']);
  for (const name of readdirSync(join(REPO_ROOT, 'node_modules')))
    if (name !== 'archal') symlinkSync(join(REPO_ROOT, 'node_modules', name), join(host, 'node_modules', name));
  writeFileSync(join(host, 'package.json'), JSON.stringify({ name: 'host', private: true, type: 'module' }));
}, 240_000);

async function typecheck(files: string[], resolution: 'Node16' | 'Bundler') {
  const config = `tsconfig.${resolution}.json`;
  writeFileSync(
    join(host, config),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2023',
        lib: ['ES2023'],
        module: resolution === 'Node16' ? 'Node16' : 'ESNext',
        moduleResolution: resolution,
        strict: true,
        noEmit: true,
        types: ['node'],
        skipLibCheck: false,
      },
      files,
    }),
  );
  const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  return run(process.execPath, [tsc, '-p', config], { cwd: host }).then(
    () => '',
    (error: { stdout: string }) => error.stdout,
  );
}

describe('the packed package, as a host installs it', () => {
  it('gives a TypeScript host the types of every entry point it exports (node16 and bundler resolution)', async () => {
    const pkg = JSON.parse(readFileSync(join(host, 'node_modules', 'archal', 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
    };
    const entries = Object.keys(pkg.exports)
      .filter((key) => key !== './package.json')
      .map((key) => `archal${key.slice(1)}`);
    expect(entries).toHaveLength(8);
    // Each entry point by its namespace, plus names only its declarations give: a host's own code.
    const lines = entries.map((entry, index) => `import * as entry${index} from '${entry}';`);
    lines.push(
      "import { ArchalError, MemoryStore } from 'archal';",
      "import type { PublishTarget } from 'archal/preprod';",
      "import { findConversationRun, type RunRecord } from 'archal/workflows';",
      `void [${entries.map((_, index) => `entry${index}`).join(', ')}];`,
      "const target: PublishTarget = { repository: { owner: 'o', repo: 'r', apiUrl: 'http://x' }, baseBranch: 'b', token: 't' };",
      "const run: Promise<RunRecord> = findConversationRun(new MemoryStore(), 'o/r#1');",
      'run.catch((error: unknown) => { if (error instanceof ArchalError) { const code: string = error.code; void code; } });',
      'void target;',
    );
    writeFileSync(join(host, 'entries.ts'), lines.join('\n') + '\n');
    expect(await typecheck(['entries.ts'], 'Node16')).toBe('');
    expect(await typecheck(['entries.ts'], 'Bundler')).toBe('');
  }, 300_000);

  it("type-checks the README's library examples against the shipped declarations", async () => {
    const examples = libraryExamples();
    expect(examples.length).toBeGreaterThanOrEqual(2);
    // The examples' free names are what a host has at hand.
    const givens = [
      'declare const dir: string;',
      'declare const hostEnv: NodeJS.ProcessEnv;',
      'declare const env: NodeJS.ProcessEnv;',
      'declare const apiUrl: string, token: string, host: string, fixCommand: string;',
      'declare const signal: AbortSignal;',
      'declare const isProcessAlive: (pid: number) => boolean;',
      "declare const publishTarget: import('archal/preprod').PublishTarget;",
    ].join('\n');
    // Each example is a module of its own; its imports stay at the top.
    const files = examples.map((code, index) => {
      writeFileSync(join(host, `readme-example-${index}.ts`), `${code}\n${givens}\nexport {};\n`);
      return `readme-example-${index}.ts`;
    });
    expect(await typecheck(files, 'Node16')).toBe('');
  }, 240_000);

  it('has at run time every name the README imports from an entry point', async () => {
    const imports = documentedImports();
    expect([...imports.keys()].sort()).toEqual([
      'archal',
      'archal/attach',
      'archal/preprod',
      'archal/workflows',
      'archal/workspace',
    ]);
    const script = `
      const documented = ${JSON.stringify(Object.fromEntries([...imports].map(([entry, names]) => [entry, [...names]])))};
      const missing = [];
      for (const [entry, names] of Object.entries(documented)) {
        const module = await import(entry);
        for (const name of names) if (!(name in module)) missing.push(entry + ': ' + name);
      }
      console.log(JSON.stringify(missing));`;
    writeFileSync(join(host, 'documented.mjs'), script);
    const { stdout } = await run(process.execPath, ['documented.mjs'], { cwd: host });
    expect(JSON.parse(stdout)).toEqual([]);
  }, 60_000);

  it('exports from its root every name each subpath exports, as the same value', async () => {
    const script = `
      const root = await import('archal');
      const pkg = (await import('archal/package.json', { with: { type: 'json' } })).default;
      const problems = [];
      for (const key of Object.keys(pkg.exports).filter((key) => key !== '.' && key !== './package.json')) {
        const entry = 'archal' + key.slice(1);
        const module = await import(entry);
        for (const name of Object.keys(module))
          if (!(name in root)) problems.push(entry + ': ' + name + ' missing from the root');
          else if (root[name] !== module[name]) problems.push(entry + ': ' + name + ' is another value in the root');
      }
      console.log(JSON.stringify(problems));`;
    writeFileSync(join(host, 'root.mjs'), script);
    const { stdout } = await run(process.execPath, ['root.mjs'], { cwd: host });
    expect(JSON.parse(stdout)).toEqual([]);
  }, 60_000);
});
