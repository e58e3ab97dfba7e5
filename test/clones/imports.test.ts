import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/cli.js';
import { importCycles, importGraph } from './support/imports.js';

const CLONE = join(REPO_ROOT, 'src', 'clones', 'github');

/** The folder of a file inside the clone (`.` for the files at its root). */
const folder = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '.');

describe('imports of the GitHub clone', () => {
  const graph = importGraph(CLONE);

  it('form no cycle, type-only imports included', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(importCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('keep the floor (git/, state/) free of everything above it', () => {
    const floor: Record<string, string[]> = { git: ['git'], state: ['state', 'git'] };
    const breaches: string[] = [];
    for (const [file, imports] of graph) {
      const allowed = floor[folder(file)];
      if (!allowed) continue;
      for (const target of imports) {
        if (target.startsWith('..')) continue; // outside the clone (src/lib)
        if (!allowed.includes(folder(target))) breaches.push(`${file} → ${target}`);
      }
    }
    expect(breaches).toEqual([]);
  });

  it('finds a cycle when there is one (the walker is not blind)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archal-imports-'));
    try {
      mkdirSync(join(dir, 'a'));
      writeFileSync(join(dir, 'a', 'one.ts'), "import type { Two } from '../two.js';\nexport type One = Two;\n");
      writeFileSync(join(dir, 'two.ts'), "import { three } from './three.js';\nexport type Two = number;\n");
      writeFileSync(join(dir, 'three.ts'), "export { one } from './a/one.js';\nexport const three = 3;\n");
      writeFileSync(join(dir, 'leaf.ts'), "import { three } from './three.js';\nexport const leaf = three;\n");
      expect(importCycles(importGraph(dir))).toEqual([['a/one.ts', 'two.ts', 'three.ts', 'a/one.ts']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
