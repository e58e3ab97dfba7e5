// The files Archal ships beside its bundles, found at run time by src/lib/paths.ts shippedFile():
//  - route-undici.cjs: undici's proxy agent in one file, for route mode's NODE_OPTIONS preload
//    (src/clones/github/route/proxy.ts), which the agent under test loads. Written to build/ and dist/.
//  - github-schema.graphql.gz: GitHub's GraphQL SDL from @octokit/graphql-schema, gzipped (1.2 MB →
//    ~170 KB; read once, when an agent first calls /graphql). dist/ only: an install has the package.
//  - bundled/: the seeds, workflows and commands. dist/ only: an install has the package's own.
// The Action runs from a checkout of action.yml and dist/ with no node_modules and no build/: what it
// needs at run time that is not JavaScript it imports must be here.
//
// `node scripts/shipped.mjs dist` writes the Action's (after ncc), build.mjs calls writeRouteUndici.
import { build } from 'esbuild';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * route-undici.cjs in `dir`: undici's entry point in one file (~410 KB; the whole entry, because it is
 * what gives dispatchers the CONNECT method the proxy agent tunnels with).
 */
export async function writeRouteUndici(dir) {
  await build({
    absWorkingDir: root,
    stdin: {
      contents:
        "const { EnvHttpProxyAgent, setGlobalDispatcher } = require('undici');\nmodule.exports = { EnvHttpProxyAgent, setGlobalDispatcher };",
      resolveDir: root,
      sourcefile: 'route-undici.cjs',
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // The agent under test runs on whatever Node the user has; the preload only acts before Node 24.5.
    target: 'node18',
    minify: true,
    legalComments: 'none',
    outfile: join(dir, 'route-undici.cjs'),
    logLevel: 'warning',
  });
}

/** The licenses of what the Action carries beside its JavaScript, appended to ncc's licenses.txt. */
function addLicenses(dir, packages) {
  const file = join(dir, 'licenses.txt');
  let text = readFileSync(file, 'utf8').trimEnd();
  for (const name of packages) {
    if (text.startsWith(`${name}\n`) || text.includes(`\n\n${name}\n`)) continue;
    const pkg = join(root, 'node_modules', name);
    const { license } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
    const licenseFile = ['LICENSE', 'LICENSE.md'].map((f) => join(pkg, f)).find((f) => existsSync(f));
    text += `\n\n${name}\n${license}\n${readFileSync(licenseFile, 'utf8').trim()}`;
  }
  writeFileSync(file, `${text}\n`);
}

/** Everything the Action's dist/ carries beside ncc's bundle. */
export async function writeActionFiles(dir) {
  await writeRouteUndici(dir);
  const sdl = readFileSync(join(root, 'node_modules', '@octokit', 'graphql-schema', 'schema.graphql'));
  writeFileSync(join(dir, 'github-schema.graphql.gz'), gzipSync(sdl, { level: 9 }));
  cpSync(join(root, 'bundled'), join(dir, 'bundled'), { recursive: true });
  addLicenses(dir, ['undici', '@octokit/graphql-schema']);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/shipped.mjs <dist directory>');
    process.exit(2);
  }
  await writeActionFiles(join(root, dir));
}
