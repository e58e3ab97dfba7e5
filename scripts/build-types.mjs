// Writes types/: the TypeScript declarations of the library's entry points (package.json "exports"),
// so that hosts written in TypeScript get Archal's types. Run before packing (`prepack`), apart from
// `npm run build`: emitting declarations costs ~30 s, which every test run would otherwise pay.
// The tarball is packed after `prepare` rebuilds build/, so the declarations live outside it.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../types', import.meta.url), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.types.json'], { cwd: root, stdio: 'inherit' });
