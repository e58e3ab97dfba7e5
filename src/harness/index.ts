export { MissingAgentError, agentSecrets, resolveAgent } from './agent.js';
export type { AgentCommand } from './agent.js';
export { discoverHarness, findRepositoryHarness, HarnessError, harnessManifestSchema, locateAgent } from './locate.js';
export type { AgentSource, HarnessManifest } from './locate.js';
export { extractAnswer } from './extract.js';
export type { AnswerFormat, ExtractedAnswer } from './extract.js';
export { harnessEnvironment, runHarness } from './run.js';
export type { HarnessOutcome, HarnessRequest, HarnessRun } from './run.js';
