import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadWorkflowText, yamlFileCache, type LoadResult, type ParsedYamlCache } from '../../src/workflows/index.js';
import { YAML_LIBRARY_VERSION } from '../../src/workflows/yaml-cache.js';
import { tempDir } from '../helpers/tmp.js';

const header = 'name: cached\ndescription: a workflow read through the cache\n';

function loadWith(text: string, cache: ParsedYamlCache): Promise<LoadResult> {
  return loadWorkflowText(text, {
    file: 'cached.yaml',
    scope: 'file',
    resolveCommand: () => ({ ok: false, message: 'no commands here' }),
    yamlCache: cache,
  });
}

/** A cache that counts its hits, around the real one. */
function counted(cache: ParsedYamlCache): ParsedYamlCache & { hits: number } {
  const counter = {
    hits: 0,
    get(text: string) {
      const found = cache.get(text);
      if (found) counter.hits++;
      return found;
    },
    set: (text: string, value: unknown) => cache.set(text, value),
  };
  return counter;
}

describe('the parsed-YAML cache', () => {
  it('names its entries by the yaml library installed (bump YAML_LIBRARY_VERSION with it)', () => {
    const manifest = createRequire(import.meta.url).resolve('yaml/package.json');
    const installed = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
    expect(YAML_LIBRARY_VERSION).toBe(installed);
  });

  it('gives a text parsed before the same workflow, and a changed text its own', async () => {
    const dir = join(tempDir(), 'cache');
    const cache = counted(yamlFileCache(dir));
    const text = `${header}nodes:\n  - id: a\n    bash: echo hi\n  - id: b\n    bash: echo $a.output\n    depends_on: [a]\n`;
    const first = await loadWith(text, cache);
    expect(cache.hits).toBe(0);
    expect(readdirSync(dir)).toHaveLength(1);
    const second = await loadWith(text, cache);
    expect(cache.hits).toBe(1);
    expect(second).toEqual(first);

    const changed = await loadWith(text.replace('echo hi', 'echo changed'), cache);
    expect(cache.hits).toBe(1);
    expect(changed.ok && changed.workflow.nodes[0]).toMatchObject({ id: 'a', bash: 'echo changed' });
  });

  it('reports the same problems, with their lines, for a text taken from the cache', async () => {
    const cache = counted(yamlFileCache(join(tempDir(), 'cache')));
    const text = `${header}colour: blue\nnodes:\n  - id: a\n    bash: echo\n    trigger_rule: all-success\n  - id: a\n    bash: echo 2\n  - id: c\n    bash: echo\n    depends_on: [zz]\n`;
    const parsed = await loadWith(text, cache);
    const cached = await loadWith(text, cache);
    expect(cache.hits).toBe(1);
    expect(parsed.ok).toBe(false);
    expect(cached).toEqual(parsed);
    if (cached.ok) return;
    expect(cached.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ node: 'a', field: 'trigger_rule', line: 7 }),
        expect.objectContaining({ node: 'a', field: 'id', line: 8 }),
        expect.objectContaining({ node: 'c', field: 'depends_on', line: 12 }),
      ]),
    );
    expect(cached.warnings).toEqual([expect.objectContaining({ field: 'colour', line: 3 })]);
  });

  it('parses again when an entry is unreadable, and never caches YAML that does not parse', async () => {
    const dir = join(tempDir(), 'cache');
    const cache = counted(yamlFileCache(dir));
    const text = `${header}nodes:\n  - id: a\n    bash: echo hi\n`;
    const first = await loadWith(text, cache);
    for (const name of readdirSync(dir)) writeFileSync(join(dir, name), 'not a serialised value');
    expect(await loadWith(text, cache)).toEqual(first);
    expect(cache.hits).toBe(0);

    const broken = `${header}nodes:\n  - id: [a\n`;
    const failed = await loadWith(broken, cache);
    expect(failed).toMatchObject({ ok: false, stage: 'parse' });
    expect(await loadWith(broken, cache)).toEqual(failed);
    expect(cache.hits).toBe(0);
  });

  it('gives an entry back only for the text it was parsed from (another text’s entry under its name misses)', async () => {
    const dir = join(tempDir(), 'cache');
    const cache = counted(yamlFileCache(dir));
    const text = `${header}nodes:\n  - id: a\n    bash: echo mine\n`;
    const first = await loadWith(text, cache);
    const [mine] = readdirSync(dir);
    const other = join(tempDir(), 'cache');
    await loadWith(text.replace('mine', 'other'), yamlFileCache(other));
    const [foreign] = readdirSync(other);
    writeFileSync(join(dir, mine!), readFileSync(join(other, foreign!)));
    expect(await loadWith(text, cache)).toEqual(first);
    expect(cache.hits).toBe(0);
  });
});
