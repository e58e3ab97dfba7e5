import * as z from 'zod';

// zod compiles a parser for each object schema (with `new Function`) the first time it parses with
// it. That pays off in a long-lived process; a CLI command parses each schema about once, and the
// compiled parsers cannot come from V8's code cache, so compiling them cost every command its
// start-up. Imported first by main.ts: zod reads this setting when a schema is built.
z.config({ jitless: true });
