import * as z from 'zod';

/**
 * A schema built the first time it is used (parsed, converted, unwrapped), not when its module
 * loads: building zod schemas is a good part of a command's start-up, and most commands never
 * use most of them (`.archal.json`'s, when the file does not exist). It parses, fails and converts
 * to JSON Schema exactly as the schema `build` returns; `unwrap()` gives that schema.
 */
export function lazySchema<T extends z.ZodType>(build: () => T): z.ZodLazy<T> {
  let built: T | undefined;
  return z.lazy(() => (built ??= build()));
}

/** `build`'s value, built on the first call and returned by every later one. */
export function memo<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

/**
 * An object whose properties are built on first read, each once: a record of schemas (or of what
 * is derived from them) of which a command uses a few.
 */
export function lazyRecord<T extends object>(builders: { readonly [K in keyof T]: () => T[K] }): Readonly<T> {
  const record = {} as T;
  for (const key of Object.keys(builders) as (keyof T & string)[]) {
    const build = memo(builders[key]);
    Object.defineProperty(record, key, { enumerable: true, get: build });
  }
  return record;
}
