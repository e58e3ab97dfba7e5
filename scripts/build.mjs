// Bundles the CLI into build/ with esbuild: one entry plus lazily loaded chunks, so that
// `archal` starts fast (each command imports only what it needs). Type checking is `npm run typecheck`.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

await build({
  plugins: [zodEnglishOnly],
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  outdir: 'build',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  external: ['better-sqlite3', 'pg', 'pg-native'],
  minify: true,
  keepNames: false,
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  banner: {
    js: "import{createRequire as __archalRequire}from'node:module';const require=__archalRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
