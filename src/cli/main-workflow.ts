// `archal workflow …` on its own (build/cli-workflow.cjs): the commands users run most, without the
// code of every other command to read and deserialise at each start (see runCli).
import { registerWorkflowCommands } from './commands/workflow.js';
import { runCli } from './program.js';

runCli([registerWorkflowCommands]);
