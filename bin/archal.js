#!/usr/bin/env node
// Starts the bundled CLI (build/cli.cjs, build/cli-workflow.cjs or build/cli-run.cjs) through V8's code cache, so that its JavaScript is not
// parsed and compiled from scratch on every start. The cache is tied to the V8 version: when it is
// missing or rejected (another Node.js), the bundle is compiled normally and the cache rewritten.
// CommonJS (bin/package.json): Node's ES module loader would cost every command its start-up.
'use strict';
const {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} = require('node:fs');
// Node's CommonJS loader itself (what `node:module` exports), whose createRequire needs nothing more:
// requiring `node:module` also loads the ES module loader and source maps (~0.2 ms), which no
// command started from here uses. The bundles take it from here too (scripts/build.mjs).
const { createRequire } = module.constructor;
globalThis.__archalCreateRequire = createRequire;
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

// `archal workflow …` and `archal run …` start a bundle of their own (build/cli-workflow.cjs,
// build/cli-run.cjs), which leaves out every other command: reading and deserialising the full CLI's
// code was a good part of their start-up. Every other command, or a build without that bundle,
// starts the full CLI (build/cli.cjs).
const full = join(__dirname, '..', 'build', 'cli.cjs');
const ownBundles = { workflow: 'cli-workflow.cjs', run: 'cli-run.cjs' };
const ownBundle = Object.hasOwn(ownBundles, process.argv[2] ?? '')
  ? join(__dirname, '..', 'build', ownBundles[process.argv[2]])
  : undefined;
const bundle = ownBundle !== undefined && existsSync(ownBundle) ? ownBundle : full;
// A command whose code differs most from a run's (`workflow list`) has a cache of its own, when the
// build wrote one (<bundle>.<command>-<subcommand>.cache); every other command uses the run's.
const commandCache =
  /^[a-z]+$/.test(process.argv[2] ?? '') && /^[a-z]+$/.test(process.argv[3] ?? '')
    ? `${bundle}.${process.argv[2]}-${process.argv[3]}.cache`
    : undefined;
const cacheFile = commandCache && existsSync(commandCache) ? commandCache : `${bundle}.cache`;

// Both files are read into one buffer, the cache over the source once V8 holds the source as a
// string: a buffer of its own for each cost its pages' first touch twice (~170 page faults, which
// on a machine with slow page faults is a good part of a start).
function readBundleAndCache() {
  const sizeOf = (file) => statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  const buffer = Buffer.allocUnsafeSlow(Math.max(sizeOf(bundle), sizeOf(cacheFile)));
  let source;
  try {
    const bytes = readInto(bundle, buffer);
    // ASCII (scripts/ascii-bundle.mjs): read as Latin-1, without decoding UTF-8.
    source = bytes.latin1Slice(0, bytes.length);
  } catch {
    process.stderr.write(`archal: ${bundle} is missing; run \`npm run build\` (npm install does it).\n`);
    process.exit(1);
  }
  try {
    return { source, cachedData: readInto(cacheFile, buffer) };
  } catch {
    // First start after a build.
    return { source, cachedData: undefined };
  }
}

/** The file's bytes, read into `buffer` when they fit (a view of its start), else into a new one. */
function readInto(file, buffer) {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const into = size <= buffer.length ? buffer : Buffer.allocUnsafeSlow(size);
    let offset = 0;
    while (offset < size) {
      const read = readSync(fd, into, offset, size - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return into.subarray(0, offset);
  } finally {
    closeSync(fd);
  }
}

// Code compiled from the cache cannot import() (V8 drops its loader): modules the bundle loads at run
// time (the GitHub App's build/app.js) are imported from here.
globalThis.__archalImport = (url) => import(url);

/** Scripts whose code cache is written at exit: it was missing, rejected, or is to be refreshed. */
const cachesToWrite = [];

/**
 * Compiles a script (one function expression, as Node wraps a CommonJS module: scripts/build.mjs)
 * with its code cache, and runs it as the CommonJS module `file`; its exports.
 */
function runCached(file, source, cachedData, cacheFile) {
  const script = new Script(source, { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected || process.env.ARCHAL_REFRESH_CODE_CACHE === '1')
    cachesToWrite.push({ script, cacheFile });
  const module_ = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(module_.exports, module_.exports, createRequire(file), module_, file, dirname(file));
  module_.loaded = true;
  return module_.exports;
}

// The parts of the bundles they require on first use (build/kysely.cjs: scripts/build.mjs) load
// through a code cache of their own (<part>.cache) too: compiled from source, each would cost the
// command that needs it more than leaving it in the bundle did.
const parts = new Map();
globalThis.__archalRequire = (name) => {
  let exports = parts.get(name);
  if (exports === undefined) {
    const file = join(__dirname, '..', 'build', name);
    const cacheFile = `${file}.cache`;
    let source;
    try {
      source = readInto(file, Buffer.allocUnsafeSlow(0)).latin1Slice();
    } catch (error) {
      throw new Error(
        `${file} is missing (${error.code ?? error.message}); run \`npm run build\` (npm install does it).`,
        { cause: error },
      );
    }
    let cachedData;
    try {
      cachedData = readInto(cacheFile, Buffer.allocUnsafeSlow(0));
    } catch {
      // Written at exit.
    }
    exports = runCached(file, source, cachedData, cacheFile);
    parts.set(name, exports);
  }
  return exports;
};

// The bytes are referenced from this function only: once V8 has read them, the ~1 MB buffer can go,
// and is not in the address space that every node's fork copies.
(() => {
  const { source, cachedData } = readBundleAndCache();
  runCached(bundle, source, cachedData, cacheFile);
})();

// Written at exit, so that the cache also holds the functions this command compiled on the way.
process.once('exit', () => {
  if (cachesToWrite.length === 0) return;
  try {
    // V8 accepts a cache only under the flags it was made with: a command that changed them
    // (src/cli/baseline-code.ts) must not leave a cache that every later start rejects.
    require('node:v8').setFlagsFromString('--turbofan');
  } catch {
    return;
  }
  for (const { script, cacheFile: file } of cachesToWrite) {
    try {
      const temporary = `${file}.${process.pid}`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, file);
    } catch {
      // A read-only install just starts a little slower.
    }
  }
});
