import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDeterministic } from '../../src/evaluate/deterministic.js';
import { compiledPhrasesIn } from '../../src/evaluate/phrase-cache.js';
import { runningBuildIdentity } from '../../src/lib/build-identity.js';
import { compilePhrase } from '../../src/evaluate/phrases.js';
import { tempDir } from '../helpers/tmp.js';

/** What the phrase library compiled, kept between processes (in the user's Archal home). */
describe('compiled phrases kept between processes', () => {
  it('are read back by the next process of the same code, beside the files of a few other builds', () => {
    const dir = join(tempDir('archal-home-'), 'cache', 'phrases');
    const first = compiledPhrasesIn(dir, 'build-1');
    expect(compileDeterministic('no issues were closed', undefined, first)).toEqual({
      ok: true,
      check: { form: 'phrase', check: compilePhrase('no issues were closed') },
    });
    expect(compileDeterministic('the moon is made of cheese', undefined, first).ok).toBe(false);
    first.save();
    const [file] = readdirSync(dir);
    expect(file).toMatch(/^phrases-[0-9a-f]{16}\.json$/);
    expect(statSync(join(dir, file!)).mode & 0o777).toBe(0o600);

    // The next process of the same code takes what is kept (here, a check it would not make itself).
    const kept = JSON.parse(readFileSync(join(dir, file!), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(kept).sort()).toEqual(['no issues were closed', 'the moon is made of cheese']);
    const forged = { kind: 'boolean', pattern: 'p', expression: 'true', subject: 's' };
    writeFileSync(join(dir, file!), JSON.stringify({ ...kept, 'no issues were closed': forged }));
    const next = compiledPhrasesIn(dir, 'build-1');
    expect(compileDeterministic('no issues were closed', undefined, next)).toEqual({
      ok: true,
      check: { form: 'phrase', check: forged },
    });
    // A phrase the library did not know stays unknown, with the same reason.
    expect(compileDeterministic('the moon is made of cheese', undefined, next)).toEqual(
      compileDeterministic('the moon is made of cheese', undefined),
    );

    // Other code (another build) compiles again, in a file of its own; only the 4 most recent are kept.
    const other = compiledPhrasesIn(dir, 'build-2');
    expect(compileDeterministic('no issues were closed', undefined, other)).toEqual(
      compileDeterministic('no issues were closed', undefined),
    );
    other.save();
    expect(readdirSync(dir)).toHaveLength(2);
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, file!), old, old);
    for (const build of ['build-3', 'build-4', 'build-5']) {
      const phrases = compiledPhrasesIn(dir, build);
      phrases.set('x', null);
      phrases.save();
    }
    expect(readdirSync(dir)).toHaveLength(4);
    expect(readdirSync(dir)).not.toContain(file);
  });

  it('ignores a damaged file and entries not shaped like a compiled phrase', () => {
    const dir = tempDir('archal-phrases-');
    const phrases = compiledPhrasesIn(dir, 'build-1');
    phrases.set('x', null);
    phrases.save();
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), '{"no issues were closed": {"kind": "count", "op": "~"}, "a": 3}');
    const odd = compiledPhrasesIn(dir, 'build-1');
    expect(odd.get('no issues were closed')).toBeUndefined();
    expect(odd.get('a')).toBeUndefined();
    writeFileSync(join(dir, file!), '{"truncated');
    expect(compiledPhrasesIn(dir, 'build-1').get('x')).toBeUndefined();
  });

  it('are not kept when running from the sources, whose phrase code spans files', () => {
    expect(runningBuildIdentity()).toBeUndefined();
  });
});
