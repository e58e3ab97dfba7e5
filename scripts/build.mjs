// Builds build/ with esbuild (type checking is `npm run typecheck`):
//  - build/cli.cjs: the `archal` command as one CommonJS file, which bin/archal.js loads through
//    V8's code cache (build/cli.cjs.cache). Compiling the bundle's ~2 MB of JavaScript on every
//    start cost more than running a small workflow; with the cache, start-up is mostly Node's own.
//  - build/cli-workflow.cjs: the same for `archal workflow …` alone (~0.55 MB, build/cli-workflow.cjs.cache
//    and .workflow-list.cache): reading and deserialising the code of the other commands cost a
//    workflow run ~5 ms of its start-up.
//  - build/cli-run.cjs: the same for `archal run …` (and `archal scenario …`) alone, with
//    build/cli-run.cjs.cache written by a single run: a run pays the CLI's start-up once.
//  - build/index.js and its subpaths (build/workflows.js, workspace.js, preprod.js, github.js, clone.js, view.js,
//    attach.js):
//    Archal as an ES module library (benchmarks, tests, embedding), with shared code in chunks so
//    that a class is the same class whichever subpath it is imported from.
//  - build/yaml.cjs and build/kysely.cjs: the YAML library and Kysely, each in one file, which the CLI
//    bundles require when they first use them (see LIBRARIES_ON_FIRST_USE).
//  - build/route-undici.cjs: undici in one file, which route mode's preload loads into the agent under test
//    (scripts/shipped.mjs).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asciiBundle } from './ascii-bundle.mjs';
import { writeRouteUndici } from './shipped.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../build', import.meta.url), { recursive: true, force: true });

// zod's `z` namespace re-exports every locale (~40 of them); Archal's messages are English, and
// parsing the rest would cost start-up time on every command.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-locales' } : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: root,
    }));
  },
};

// The CLI bundles better-sqlite3's JavaScript (see src/store/sqlite-driver-bundled.ts); the library
// builds load the package from node_modules.
const bundledSqliteDriver = {
  name: 'bundled-sqlite-driver',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/sqlite-driver\.js$/ }, (args) =>
      /[\\/]src[\\/]store$/.test(args.resolveDir)
        ? { path: join(args.resolveDir, 'sqlite-driver-bundled.ts') }
        : undefined,
    );
  },
};

// The version every command prints (src/cli/commands/version.ts), so that no start reads package.json for it.
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

const common = {
  plugins: [zodEnglishOnly],
  define: { __ARCHAL_VERSION__: JSON.stringify(version) },
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  // Native addons and optional drivers, and the clone's GraphQL and MCP libraries (only loaded when
  // used), come from node_modules at run time.
  external: ['better-sqlite3', 'pg', 'pg-native', 'graphql', '@octokit/graphql-schema', '@modelcontextprotocol/sdk'],
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
};

// What the CLI bundles import() only on the way to something rare stays out of them, so that
// commands do not read and deserialise it: a require of its own file when it is first imported (a
// require, not an import(): code compiled from V8's code cache cannot import()).
//  - ajv (~120 KB with its helpers), from node_modules: it validates the output of nodes that declare
//    output_format, when the first such node runs (an AI node, seconds long) or a workflow is validated.
//  - route mode's certificate library (~330 KB), as build/route-ca.cjs (one file, as reading ~100
//    small modules from node_modules cost more than making the certificates): certificates are
//    made once per Archal home and kept (src/clones/github/route/ca-store.ts).
const LAZY_FILES = [
  { specifier: /^ajv$/, importer: /[\\/]src[\\/]workflows[\\/]output-schema\.ts$/, file: 'ajv' },
  {
    specifier: /^\.\/ca\.js$/,
    importer: /[\\/]src[\\/]clones[\\/]github[\\/]route[\\/]ca-store\.ts$/,
    file: './route-ca.cjs',
  },
];
const requiredWhenImported = {
  name: 'required-when-imported',
  setup(pluginBuild) {
    for (const { specifier, importer, file } of LAZY_FILES)
      pluginBuild.onResolve({ filter: specifier }, (args) =>
        args.kind === 'dynamic-import' && importer.test(args.importer)
          ? { path: file, namespace: 'required-when-imported' }
          : undefined,
      );
    pluginBuild.onResolve({ filter: /.*/, namespace: 'required-when-imported' }, (args) => ({
      path: args.path,
      external: true,
    }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'required-when-imported' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      resolveDir: root,
    }));
  },
};

/**
 * An ES module in place of `library` whose exports load it on first use (`load`: an expression
 * that requires it): each export is a stand-in that forwards calls, `new`, and property reads to the
 * library's own. The stand-ins are pure, so that the bundle keeps only those its code imports, and
 * making them costs a command nothing it does not use (a CommonJS-style module of getters was
 * copied, every name of it, into each importer by esbuild's interop). Values that are neither
 * functions nor objects are the library's own, written in at build time. `own`: exports given
 * instead (source text defining them).
 */
function onFirstUse(library, load, own = {}) {
  const lines = [
    'let library;',
    `const load = () => (library ??= ${load});`,
    '/** A function or class of the library, as `name`. */',
    'function lazyFunction(name) {',
    '  const proxy = new Proxy(function () {}, {',
    '    apply: (_, self, args) => Reflect.apply(load()[name], self, args),',
    '    construct: (_, args, newTarget) => Reflect.construct(load()[name], args, newTarget === proxy ? load()[name] : newTarget),',
    '    get: (_, key) => forwarded(load()[name], key),',
    '    has: (_, key) => key in load()[name],',
    '  });',
    '  return proxy;',
    '}',
    '/** An object of the library, as `name`. */',
    'function lazyObject(name) {',
    '  return new Proxy({}, {',
    '    get: (_, key) => forwarded(load()[name], key),',
    '    has: (_, key) => key in load()[name],',
    '    ownKeys: () => Reflect.ownKeys(load()[name]),',
    '    getOwnPropertyDescriptor: (_, key) => {',
    '      const descriptor = Reflect.getOwnPropertyDescriptor(load()[name], key);',
    '      return descriptor && { ...descriptor, configurable: true };',
    '    },',
    '  });',
    '}',
    "/** A property of the library's `value`, its methods called on `value` itself. */",
    'function forwarded(value, key) {',
    '  const property = Reflect.get(value, key);',
    '  return typeof property === "function" && key !== "prototype" && key !== "constructor" ? property.bind(value) : property;',
    '}',
  ];
  for (const [name, value] of Object.entries(createRequire(import.meta.url)(library))) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name) || name === 'default') continue;
    if (Object.hasOwn(own, name)) lines.push(`export const ${name} = ${own[name]};`);
    else if (typeof value === 'function')
      lines.push(`export const ${name} = /* @__PURE__ */ lazyFunction(${JSON.stringify(name)});`);
    else if (typeof value === 'object' && value !== null)
      lines.push(`export const ${name} = /* @__PURE__ */ lazyObject(${JSON.stringify(name)});`);
    else lines.push(`export const ${name} = ${JSON.stringify(value)};`);
  }
  return lines.join('\n');
}

// Libraries a command may never use stay out of the CLI bundles, each a file of its own that the
// bundles load on first use (onFirstUse):
//  - the YAML library (~115 KB), build/yaml.cjs: only needed when a workflow file is parsed, while a
//    file run or listed before is read from the parsed-YAML cache ($ARCHAL_HOME/cache/yaml/).
//  - Kysely (~165 KB), build/kysely.cjs, through its own code cache (bin/archal.js): the run store
//    reads and writes a SQLite file's runs, events and processes on the connection itself
//    (src/store/sqlite-runs.ts, kysely-store.ts), so a run needs Kysely only to create or migrate the
//    store, on PostgreSQL, and for the store's rarer queries.
const LIBRARIES_ON_FIRST_USE = {
  yaml: { file: 'yaml.cjs', load: 'require("./yaml.cjs")' },
  kysely: { file: 'kysely.cjs', load: 'globalThis.__archalRequire("kysely.cjs")', codeCache: true },
};
const librariesOnFirstUse = {
  name: 'libraries-on-first-use',
  setup(pluginBuild) {
    const names = Object.keys(LIBRARIES_ON_FIRST_USE);
    pluginBuild.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) =>
      /[\\/]src[\\/]/.test(args.importer) ? { path: args.path, namespace: 'libraries-on-first-use' } : undefined,
    );
    pluginBuild.onResolve({ filter: /^\.\/[a-z]+\.cjs$/, namespace: 'libraries-on-first-use' }, (args) => ({
      path: args.path,
      external: true,
    }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'libraries-on-first-use' }, (args) => ({
      contents: onFirstUse(args.path, LIBRARIES_ON_FIRST_USE[args.path].load),
      loader: 'js',
      resolveDir: root,
    }));
  },
};

// Node.js modules a command may never use are required on first use (onFirstUse):
//  - node:child_process (with net, dgram and their streams, ~2 ms to load): commander requires it
//    when it loads (for subcommands that are executables of their own, which Archal has none of), and
//    the git helpers when their module initialises, while `archal workflow list` starts no process.
//  - node:crypto (~15 modules, ~1 ms): a workflow run needs only random names and ids, which
//    src/lib/random.ts makes from the same kernel generator without it (for every importer, as
//    `randomBytes(size)` and `randomUUID()`; `randomBytes` with a callback is node:crypto's own).
//  - node:module (with Node's ES module loader, ~0.2 ms): the bundles need only its createRequire,
//    which bin/archal.js hands them from Node's CommonJS loader (globalThis.__archalCreateRequire).
const BUILTINS_ON_FIRST_USE = {
  child_process: { own: {} },
  module: {
    own: { createRequire: '(file) => (globalThis.__archalCreateRequire ?? load().createRequire)(file)' },
  },
  crypto: {
    imports: `import * as random from ${JSON.stringify(join(root, 'src', 'lib', 'random.ts'))};`,
    own: {
      randomUUID: '(options) => (options === undefined ? random.randomUUID() : load().randomUUID(options))',
      randomBytes:
        '(size, callback) => (callback === undefined ? random.randomBytes(size) : load().randomBytes(size, callback))',
    },
  },
};
const builtinsOnFirstUse = {
  name: 'builtins-on-first-use',
  setup(pluginBuild) {
    const filter = new RegExp(`^(node:)?(${Object.keys(BUILTINS_ON_FIRST_USE).join('|')})$`);
    pluginBuild.onResolve({ filter }, (args) =>
      args.namespace === 'builtins-on-first-use'
        ? { path: args.path, external: true }
        : { path: args.path.replace(/^node:/, ''), namespace: 'builtins-on-first-use' },
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'builtins-on-first-use' }, (args) => ({
      contents: [
        BUILTINS_ON_FIRST_USE[args.path].imports ?? '',
        onFirstUse(`node:${args.path}`, `require("node:${args.path}")`, BUILTINS_ON_FIRST_USE[args.path].own),
      ].join('\n'),
      loader: 'js',
      resolveDir: root,
    }));
  },
};

const cli = {
  ...common,
  plugins: [zodEnglishOnly, bundledSqliteDriver, requiredWhenImported, librariesOnFirstUse, builtinsOnFirstUse],
  external: common.external.filter((name) => name !== 'better-sqlite3'),
  format: 'cjs',
  define: { ...common.define, 'import.meta.url': '__archalModuleUrl' },
  // Written wrapped as Node wraps a CommonJS module, so that bin/archal.js compiles the file as it is
  // read: wrapping it there made V8 copy the whole source once more on every start (~1 ms).
  banner: {
    js: '(function (exports, require, module, __filename, __dirname) {var __archalModuleUrl=require("node:url").pathToFileURL(__filename).href;',
  },
  footer: { js: '\n});' },
};
// The CLI bundles: the whole CLI, `archal workflow …` alone and `archal run …` alone (bin/archal.js
// picks one per command).
const cliBundles = {
  'src/cli/main.ts': 'cli.cjs',
  'src/cli/main-workflow.ts': 'cli-workflow.cjs',
  'src/cli/main-run.ts': 'cli-run.cjs',
};

await Promise.all([
  ...Object.entries(cliBundles).map(([entry, file]) =>
    build({ ...cli, entryPoints: [entry], outfile: `build/${file}` }),
  ),
  build({
    ...common,
    entryPoints: {
      index: 'src/index.ts',
      workflows: 'src/workflows/index.ts',
      workspace: 'src/workspace/index.ts',
      preprod: 'src/preprod/index.ts',
      github: 'src/github/index.ts',
      clone: 'src/clones/github/index.ts',
      attach: 'src/attach/index.ts',
      view: 'src/view/index.ts',
    },
    outdir: 'build',
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    format: 'esm',
    banner: {
      js: "import{createRequire as __archalRequire}from'node:module';const require=__archalRequire(import.meta.url);",
    },
  }),
  // build/app.js: the GitHub App (app/), loaded by `archal app …` at run time. Its dependencies
  // (Probot, graphile-worker) stay in node_modules: they are only loaded when the App runs.
  build({
    ...common,
    entryPoints: ['app/main.ts'],
    outfile: 'build/app.js',
    format: 'esm',
    packages: 'external',
  }),
  ...Object.entries(LIBRARIES_ON_FIRST_USE).map(([name, { file, codeCache }]) =>
    build({
      ...common,
      stdin: { contents: `module.exports = require('${name}');`, resolveDir: root, sourcefile: file },
      outfile: `build/${file}`,
      format: 'cjs',
      // Compiled by bin/archal.js, as the CLI bundles are.
      ...(codeCache ? { banner: cli.banner, footer: cli.footer } : {}),
    }),
  ),
  build({
    ...common,
    entryPoints: ['src/clones/github/route/ca.ts'],
    outfile: 'build/route-ca.cjs',
    format: 'cjs',
  }),
  writeRouteUndici(join(root, 'build')),
]);
for (const file of Object.values(cliBundles)) asciiBundle(join(root, 'build', file));
for (const { file, codeCache } of Object.values(LIBRARIES_ON_FIRST_USE))
  if (codeCache) asciiBundle(join(root, 'build', file));

// Write the code cache now, so that installs ship with it, from a representative command: the cache
// then also holds the functions that loading, validating, storing and running a workflow compile.
const scratch = mkdtempSync(join(tmpdir(), 'archal-build-'));
try {
  execFileSync('git', ['init', '--quiet', scratch]);
  // Run by name, as users mostly do: the lookup by name is then in the cache too.
  mkdirSync(join(scratch, '.archal', 'workflows'), { recursive: true });
  writeFileSync(
    join(scratch, '.archal', 'workflows', 'warm.yaml'),
    "name: warm\ndescription: warms the code cache\nnodes:\n  - id: warm\n    bash: 'true'\n",
  );
  // A single run of one scenario on a named seed, with a trivial Node.js agent, as `archal run` is used.
  writeFileSync(join(scratch, 'agent.cjs'), 'process.stdout.write(JSON.stringify({ text: "ok" }));\n');
  writeFileSync(
    join(scratch, 'warm.md'),
    '# Warm\n\n## Prompt\nSay ok.\n\n## Success Criteria\n- [D] the run exits successfully\n- [D] the answer is ok => run.answer = "ok"\n- [D] no issues were closed\n\n## Config\nseed: small-project\nruns: 1\n',
  );
  const warm = (...command) =>
    execFileSync(process.execPath, [fileURLToPath(new URL('../bin/archal.js', import.meta.url)), ...command], {
      cwd: scratch,
      stdio: 'ignore',
      env: {
        ...process.env,
        ARCHAL_HOME: join(scratch, 'home'),
        ARCHAL_DATABASE_URL: '',
        ARCHAL_REFRESH_CODE_CACHE: '1',
      },
    });
  // The first run creates the run store; each cache is written by a later one, compiled from
  // scratch, so that it holds what every later run does and not the store's creation.
  warm('workflow', 'run', 'warm');
  // The full CLI's cache, used by every other command, from the same run: bin/archal.js starts the
  // full CLI while the workflow bundle is out of the way.
  const workflowBundle = join(root, 'build', 'cli-workflow.cjs');
  renameSync(workflowBundle, `${workflowBundle}.aside`);
  try {
    rmSync(join(root, 'build', 'cli.cjs.cache'), { force: true });
    warm('workflow', 'run', 'warm');
  } finally {
    renameSync(`${workflowBundle}.aside`, workflowBundle);
  }
  rmSync(`${workflowBundle}.cache`);
  warm('workflow', 'run', 'warm');
  // The run bundle's, from a run after the first (which makes route mode's certificates in the home).
  const runBundle = join(root, 'build', 'cli-run.cjs');
  const run = () => warm('run', 'warm.md', '--harness', `"${process.execPath}" agent.cjs`, '--quiet');
  run();
  rmSync(`${runBundle}.cache`);
  run();
  // `workflow list` loads and validates every workflow, where a run loads one: its own cache (an
  // empty file is rejected by V8, so the command compiles from scratch and writes it).
  writeFileSync(`${workflowBundle}.workflow-list.cache`, '');
  warm('workflow', 'list');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
