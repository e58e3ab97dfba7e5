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
