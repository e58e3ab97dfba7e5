// The Action's entry (dist/index.js): no logic of its own.
import { run } from './run.js';

await run();
