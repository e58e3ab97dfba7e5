import { registerAccountCommands } from './commands/account.js';
import { registerAppCommands } from './commands/app.js';
import { registerAttachCommands } from './commands/attach.js';
import { registerCloneCommands } from './commands/clone.js';
import { registerConfigCommands } from './commands/config.js';
import { registerHostedCommands } from './commands/hosted.js';
import { registerIsolationCommands } from './commands/isolation.js';
import { registerPreprodCommands } from './commands/preprod.js';
import { registerReportCommands } from './commands/report.js';
import { registerRunCommands } from './commands/run.js';
import { registerVersionCommand } from './commands/version.js';
import { registerViewCommands } from './commands/view.js';
import { registerWorkflowCommands } from './commands/workflow.js';
import { runCli } from './program.js';

runCli([
  registerVersionCommand,
  registerConfigCommands,
  registerWorkflowCommands,
  registerCloneCommands,
  registerIsolationCommands,
  registerRunCommands,
  registerPreprodCommands,
  registerAppCommands,
  registerAttachCommands,
  registerViewCommands,
  registerReportCommands,
  registerAccountCommands,
  registerHostedCommands,
]);
