import { describe, expect, it } from '@jest/globals';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkflowText, type LoadResult } from '../../src/workflows/index.js';
import type { CommandLookup } from '../../src/workflows/loader.js';
import {
  validatedFileCache,
  type ValidatedEntry,
  type ValidatedWorkflowCache,
} from '../../src/workflows/validated-cache.js';
import { tempDir } from '../helpers/tmp.js';

const BUILD = '/opt/archal/dist/cli.js\u00001234\u000099\u00001700000000000';
// An unknown key gives a warning, which a hit must give back too.
const TEXT = `name: kept
description: a workflow validated through the cache
colour: blue
nodes:
  - id: a
    bash: echo hi
  - id: b
    command: greet
    depends_on: [a]
`;

/** A cache that counts the entries it gives back, around the real one. */
function counted(dir: string): ValidatedWorkflowCache & { hits: number } {
  const cache = validatedFileCache(dir);
  const counter = {
    hits: 0,
    get(key: string) {
      const found = cache.get(key);
      if (found) counter.hits++;
      return found;
    },
    set: (key: string, entry: ValidatedEntry) => cache.set(key, entry),
  };
  return counter;
}

function loadWith(
  text: string,
  cache: ValidatedWorkflowCache,
  build = BUILD,
  greet: CommandLookup = { ok: true, body: 'Say hello', file: '/cmds/greet.md' },
): Promise<LoadResult> {
  return loadWorkflowText(text, {
    file: '/repo/.archon/workflows/kept.yaml',
    scope: 'archal',
    resolveCommand: (name) => (name === 'greet' ? greet : { ok: false, message: `no command ${name}` }),
    validatedCache: { cache, build },
  });
}

describe('the validated-workflow cache', () => {
  it('gives back the same definition and warnings as a fresh validation', async () => {
    const dir = tempDir();
    const cache = counted(dir);
    const fresh = await loadWith(TEXT, cache);
    expect(fresh.ok).toBe(true);
    expect(fresh.warnings.map((w) => w.message).join('\n')).toMatch(/colour/);
    expect(readdirSync(dir)).toHaveLength(1);
    const again = await loadWith(TEXT, cache);
    expect(cache.hits).toBe(1);
    expect(again).toEqual(fresh);
  });

  it('validates an edited text afresh', async () => {
    const dir = tempDir();
    const cache = counted(dir);
    await loadWith(TEXT, cache);
    const edited = await loadWith(TEXT.replace('echo hi', 'echo bye'), cache);
    expect(cache.hits).toBe(0);
    expect(edited.ok && edited.workflow.nodes[0]).toMatchObject({ bash: 'echo bye' });
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('validates afresh when a command the workflow names has changed', async () => {
    const cache = counted(tempDir());
    await loadWith(TEXT, cache);
    const missing = await loadWith(TEXT, cache, BUILD, { ok: false, message: 'greet is gone' });
    expect(!missing.ok && missing.errors.map((error) => error.message).join('\n')).toMatch(/greet is gone/);
    // With the command back as it was, the entry serves again.
    expect(await loadWith(TEXT, cache)).toMatchObject({ ok: true });
    expect(cache.hits).toBe(2);
  });

  it('ignores a damaged or foreign entry', async () => {
    const dir = tempDir();
    const cache = counted(dir);
    const fresh = await loadWith(TEXT, cache);
    const [entry] = readdirSync(dir);
    writeFileSync(join(dir, entry!), 'not a v8 value');
    expect(await loadWith(TEXT, cache)).toEqual(fresh);
    expect(cache.hits).toBe(0);

    // Another text's entry under this text's name: its key does not match.
    const other = tempDir();
    await loadWith(TEXT.replace('echo hi', 'echo other'), validatedFileCache(other));
    const [foreign] = readdirSync(other);
    const { readFileSync } = await import('node:fs');
    writeFileSync(join(dir, entry!), readFileSync(join(other, foreign!)));
    expect(await loadWith(TEXT, cache)).toEqual(fresh);
    expect(cache.hits).toBe(0);
    // Validated afresh, it is written whole again.
    expect(await loadWith(TEXT, cache)).toEqual(fresh);
    expect(cache.hits).toBe(1);
  });

  it('does not reuse what another build validated', async () => {
    const dir = tempDir();
    const cache = counted(dir);
    await loadWith(TEXT, cache, BUILD);
    await loadWith(TEXT, cache, `${BUILD}1`);
    expect(cache.hits).toBe(0);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('keeps no invalid workflow: its errors and lines come back every time', async () => {
    const dir = tempDir();
    const cache = counted(dir);
    const broken = TEXT.replace('depends_on: [a]', 'depends_on: [nowhere]');
    for (let round = 0; round < 2; round++) {
      const result = await loadWith(broken, cache);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.errors.some((error) => /nowhere/.test(error.message) && error.line === 9)).toBe(true);
    }
    expect(readdirSync(dir)).toHaveLength(0);
    expect(cache.hits).toBe(0);
  });

  it('skips the cache in a home it cannot write', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    const cache = counted(join(file, 'validated'));
    expect((await loadWith(TEXT, cache)).ok).toBe(true);
    expect((await loadWith(TEXT, cache)).ok).toBe(true);
    expect(cache.hits).toBe(0);
  });
});
