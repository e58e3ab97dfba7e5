import { mkdirSync, writeFileSync } from 'node:fs';
import { readInputFile } from '../lib/input-file.js';
import { join } from 'node:path';
import { OWNER_MARKS_VARIABLE, bashScriptAsExec, ownerMarks, runProcess, type ProcessResult } from '../lib/process.js';
import type { AgentCommand } from './agent.js';
import { ALIAS_PATTERN, archalAliases } from './aliases.js';
import { extractAnswer, type ExtractedAnswer } from './extract.js';

export interface HarnessRequest {
  agent: AgentCommand;
  /** The scenario prompt: the only instruction the agent gets. */
  task: string;
  model?: string;
  /** Clone name → REST base URL of this run's clone. */
  cloneUrls: Record<string, string>;
  /** The clone's token, and its REST URL for GITHUB_API_URL (none: the agent keeps its default, api.github.com). */
  github?: { apiUrl?: string; token: string };
  /** Route mode's variables (proxy, CA), given the environment built so far; they are set last. */
  route?: (env: NodeJS.ProcessEnv) => Record<string, string>;
  cwd: string;
  /** Where the agent may write its trace and metrics files. */
  runDir: string;
  timeoutMs: number;
  /** The host's environment the agent's starts from (minus real GitHub credentials). */
  env: NodeJS.ProcessEnv;
  preflight?: boolean;
  signal?: AbortSignal;
}

export type HarnessOutcome =
  | { kind: 'ok' }
  | { kind: 'not_started'; detail: string }
  | { kind: 'timed_out' }
  | { kind: 'exited'; exitCode: number }
  | { kind: 'killed'; signal: string }
  | { kind: 'cancelled' };

export interface HarnessRun {
  outcome: HarnessOutcome;
  exitCode: number | null;
  durationMs: number;
  answer: ExtractedAnswer;
  stdoutBytes: number;
  stdoutTruncated: boolean;
  stderrTail: string;
  /** Parsed AGENT_TRACE_FILE / AGENT_METRICS_FILE, when the agent wrote them. */
  trace?: unknown;
  metrics?: unknown;
}

/**
 * Variables that carry credentials, removed from the agent's environment by rule rather than by
 * list: names with TOKEN, SECRET, KEY, PASSWORD/PASSWD or CREDENTIAL, git configuration given through
 * the environment (a credential helper), askpass programs and the SSH agent.
 */
export function isCredentialVariable(name: string): boolean {
  return (
    /TOKEN|SECRET|KEY|PASSWORD|PASSWD|CREDENTIAL/i.test(name) ||
    /^GIT_CONFIG/i.test(name) ||
    ['GIT_ASKPASS', 'SSH_ASKPASS', 'SSH_AUTH_SOCK'].includes(name.toUpperCase())
  );
}

/**
 * Model providers' API keys (`…_API_KEY`) of the host's environment that the agent does not get,
 * by name: why an agent that works when started by hand may fail under Archal.
 */
export function withheldApiKeys(env: NodeJS.ProcessEnv, agent: Pick<AgentCommand, 'env' | 'passEnv'>): string[] {
  const passed = new Set(agent.passEnv ?? []);
  return Object.keys(env)
    .filter((name) => /(?:^|_)API_KEY$/i.test(name) && env[name] && !passed.has(name) && !(name in agent.env))
    .sort();
}

/** What a failure of the agent adds about the API keys it was not given ('' when none were withheld). */
export function withheldKeysHint(env: NodeJS.ProcessEnv, agent: Pick<AgentCommand, 'env' | 'passEnv'>): string {
  const withheld = withheldApiKeys(env, agent);
  return withheld.length > 0
    ? `; not given to the agent: ${withheld.join(', ')} (credentials reach it only when .archal.json "agentPassEnv" names them)`
    : '';
}

/**
 * The harness contract's environment (see README: the agent's environment): the host's, minus its
 * credentials (except those `agentPassEnv` names), plus the agent's own `env` and the contract's variables.
 */
export function harnessEnvironment(request: HarnessRequest): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const { taskPreamble, defaultModel } = request.agent;
  const task = taskPreamble ? `${taskPreamble}\n\n${request.task}` : request.task;
  const model = request.model ?? defaultModel;
  const passed = new Set(request.agent.passEnv ?? []);
  for (const [key, value] of Object.entries(request.env))
    if (passed.has(key) || (!isCredentialVariable(key) && !ALIAS_PATTERN.test(key))) env[key] = value;
  // Archal's other names for the same values: the agent's own settings (agent.env) still win.
  Object.assign(
    env,
    archalAliases({
      task,
      model,
      cloneUrls: request.cloneUrls,
      token: request.github?.token,
    }),
  );
  Object.assign(env, request.agent.env, {
    AGENT_TASK: task,
    AGENT_CLONE_URLS: JSON.stringify(request.cloneUrls),
    AGENT_TRACE_FILE: join(request.runDir, 'agent-trace.json'),
    AGENT_METRICS_FILE: join(request.runDir, 'agent-metrics.json'),
    // As a workflow node's: the agent's processes, even one that left its process group, die with
    // the process that started it, however it dies (lib/process.ts). Not the agent's to set.
    [OWNER_MARKS_VARIABLE]: ownerMarks(),
  });
  if (model) env.AGENT_MODEL = model;
  else delete env.AGENT_MODEL;
  if (request.github) {
    if (request.github.apiUrl) env.GITHUB_API_URL = request.github.apiUrl;
    else delete env.GITHUB_API_URL;
    env.GITHUB_TOKEN = request.github.token;
    env.GH_TOKEN = request.github.token;
  }
  if (request.preflight) env.ARCHAL_PREFLIGHT = '1';
  else delete env.ARCHAL_PREFLIGHT;
  if (request.route) Object.assign(env, request.route(env));
  return env;
}

/** Runs the agent once under the harness contract. Never throws for the agent's failures. */
export async function runHarness(request: HarnessRequest): Promise<HarnessRun> {
  mkdirSync(request.runDir, { recursive: true });
  const env = harnessEnvironment(request);
  if (env.ARCHAL_MCP_SERVERS) {
    // Archal's MCP config file: what an MCP client is pointed at to reach the clones' tools.
    const file = join(request.runDir, 'mcp-config.json');
    writeFileSync(file, JSON.stringify({ mcpServers: JSON.parse(env.ARCHAL_MCP_SERVERS) as unknown }, null, 2));
    env.ARCHAL_MCP_CONFIG = file;
  }
  const cwd = request.agent.cwd ?? request.cwd;
  // A command line that is one plain command starts as bash would exec it, without bash's own start.
  const direct = bashScriptAsExec(request.agent.command, request.agent.args, cwd, env);
  const result = await runProcess({
    command: direct?.command ?? request.agent.command,
    args: direct?.args ?? request.agent.args,
    ...(direct ? { argv0: direct.argv0 } : {}),
    cwd,
    env: direct?.env ?? env,
    timeoutMs: request.timeoutMs,
    signal: request.signal,
    maxStdoutBytes: 4 * 1024 * 1024,
    stderrTailBytes: 4000,
  });
  return {
    outcome: outcomeOf(result),
    exitCode: result.exitCode,
    durationMs: result.durationMs,
    answer: extractAnswer(result.stdout),
    stdoutBytes: Buffer.byteLength(result.stdout),
    stdoutTruncated: result.stdoutTruncated,
    stderrTail: result.stderr,
    trace: readJson(env.AGENT_TRACE_FILE!),
    metrics: readJson(env.AGENT_METRICS_FILE!),
  };
}

/** What happened to the agent process, as the end of "the agent …"; null when it exited 0. */
export function outcomeDetail(outcome: HarnessOutcome): string | null {
  switch (outcome.kind) {
    case 'ok':
      return null;
    case 'not_started':
      return `did not start (${outcome.detail})`;
    case 'timed_out':
      return 'timed out (its whole process tree was killed)';
    case 'exited':
      return `exited with code ${outcome.exitCode}${outcome.exitCode === 127 ? ' (command not found)' : ''}`;
    case 'killed':
      return `was killed by ${outcome.signal}`;
    case 'cancelled':
      return 'was cancelled';
  }
}

function outcomeOf(result: ProcessResult): HarnessOutcome {
  if (result.spawnError)
    return { kind: 'not_started', detail: `${result.spawnError.code}: ${result.spawnError.message}` };
  if (result.aborted) return { kind: 'cancelled' };
  if (result.timedOut) return { kind: 'timed_out' };
  if (result.signal) return { kind: 'killed', signal: result.signal };
  if (result.exitCode !== 0) return { kind: 'exited', exitCode: result.exitCode ?? -1 };
  return { kind: 'ok' };
}

/** A file the agent wrote: only a regular file of at most 8 MiB is read (an agent's FIFO must not hang the run). */
function readJson(file: string): unknown {
  const read = readInputFile(file, { maxBytes: 8 * 1024 * 1024 });
  if (!read.ok) return read.problem === 'missing' ? undefined : { unreadable: true };
  try {
    return JSON.parse(read.text);
  } catch {
    return { unreadable: true };
  }
}
