// `archal run …` (and `archal scenario …`, registered with it) on its own (build/cli-run.cjs): a single
// run pays the CLI's start-up once, and reading and deserialising the code of every other command
// was a good part of it (see runCli).
import { registerRunCommands } from './commands/run.js';
import { runCli } from './program.js';

runCli([registerRunCommands]);
