// Bundles the CLI into build/ with esbuild: one entry plus lazily loaded chunks, so that
// `archal` starts fast (each command imports only what it needs). Type checking is `npm run typecheck`.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../build', import.meta.url), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'build',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  external: ['better-sqlite3', 'pg', 'pg-native'],
  minifySyntax: true,
  minifyWhitespace: true,
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  banner: {
    js: "import{createRequire as __archalRequire}from'node:module';const require=__archalRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
