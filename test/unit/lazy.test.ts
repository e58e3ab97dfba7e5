import { describe, expect, it } from '@jest/globals';
import * as z from 'zod';
import { lazyRecord, lazySchema, memo } from '../../src/lib/lazy.js';

describe('schemas built on first use', () => {
  const build = () =>
    z
      .object({ name: z.string().min(1, { error: 'name must not be empty' }), runs: z.number().int().optional() })
      .strict()
      .describe('A thing.');

  it('builds a lazySchema once, at its first parse, and parses and fails exactly as the schema it builds', () => {
    let builds = 0;
    const lazy = lazySchema(() => {
      builds++;
      return build();
    });
    const wrapped = z.object({ thing: lazy.optional() });
    expect(builds).toBe(0);

    const eager = z.object({ thing: build().optional() });
    for (const input of [{}, { thing: { name: 'a', runs: 2 } }, { thing: { name: '', runs: 1.5, extra: true } }]) {
      const [got, want] = [wrapped.safeParse(input), eager.safeParse(input)];
      expect(got.success).toBe(want.success);
      expect(got.success ? got.data : got.error.issues).toEqual(want.success ? want.data : want.error.issues);
    }
    expect(builds).toBe(1);
    expect(lazy.unwrap()).toBe(lazy.unwrap());
    expect(builds).toBe(1);
    expect(z.toJSONSchema(lazy)).toEqual(z.toJSONSchema(build()));
  });

  it('memo builds its value once; lazyRecord builds each property on its first read, and lists keys without building', () => {
    let builds = 0;
    const value = memo(() => ({ built: ++builds }));
    expect(builds).toBe(0);
    expect(value()).toBe(value());
    expect(builds).toBe(1);

    const built: string[] = [];
    const record = lazyRecord({
      a: () => (built.push('a'), 1),
      b: () => (built.push('b'), 2),
    });
    expect(Object.keys(record)).toEqual(['a', 'b']);
    expect(built).toEqual([]);
    expect(record.b).toBe(2);
    expect(record.b).toBe(2);
    expect(built).toEqual(['b']);
    expect({ ...record }).toEqual({ a: 1, b: 2 });
    expect(built).toEqual(['b', 'a']);
  });
});
