import { existsSync } from 'node:fs';
import { describeExit, runProcess, type ProcessResult } from '../lib/process.js';
import { readMcpConfigJson } from './mcp-config.js';
import { ProviderError, type ProviderRequest, type Usage } from './types.js';

export interface CliInvocation {
  /** Product name for messages ("Claude Code CLI"). */
  label: string;
  command: string;
  args: string[];
  /** The config key that sets the command, for the "not installed" hint. */
  configKey: string;
  /** The command that installs the CLI, for the same hint. */
  install?: string;
  stdin: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * How long a CLI may stay up after its final event (Claude Code's `result`, Codex's turn end) before
 * its process group is stopped: long enough for its own shutdown (hooks, MCP servers), short of
 * waiting out the idle timeout for a CLI that hangs once it has answered.
 */
export const FINAL_EVENT_EXIT_GRACE_MS = 30_000;

export interface CliRunResult extends ProcessResult {
  /** The CLI printed its final event, then did not exit within the grace and was stopped. */
  stoppedAfterFinal: boolean;
}

/**
 * Runs an agent CLI that prints one JSON object per line, handing each parsed object to `onMessage`.
 * Lines that are not JSON objects (banners, debug noise) are ignored, as the CLIs' own SDKs do.
 * `onMessage` returns 'final' for the CLI's last event: the CLI then has a grace to exit.
 */
export async function runJsonLinesCli(
  invocation: CliInvocation,
  request: ProviderRequest,
  onMessage: (message: Record<string, unknown>) => 'final' | void,
): Promise<CliRunResult> {
  let messageError: unknown;
  const stop = new AbortController();
  let sawFinal = false;
  let graceTimer: NodeJS.Timeout | undefined;
  const startGrace = () => {
    const grace = Math.min(FINAL_EVENT_EXIT_GRACE_MS, request.idleTimeoutMs ?? FINAL_EVENT_EXIT_GRACE_MS);
    graceTimer ??= setTimeout(() => stop.abort(), grace);
  };
  const result = await runProcess({
    command: invocation.command,
    args: invocation.args,
    cwd: request.cwd,
    env: invocation.env ?? request.env,
    stdin: invocation.stdin,
    idleTimeoutMs: request.idleTimeoutMs,
    signal: AbortSignal.any([request.signal, stop.signal]),
    onProcess: request.onProcess,
    onStdoutLine: (line) => {
      const trimmed = line.trim();
      if (!trimmed.startsWith('{')) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(trimmed);
      } catch {
        return;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return;
      try {
        if (onMessage(parsed as Record<string, unknown>) === 'final') {
          sawFinal = true;
          startGrace();
        }
      } catch (error) {
        messageError ??= error;
      }
    },
    maxStdoutBytes: 1024 * 1024,
  });
  clearTimeout(graceTimer);
  if (messageError) throw messageError;
  if (result.spawnError) {
    // A working directory that does not exist fails the spawn with ENOENT too, worded as a missing program.
    if (!existsSync(request.cwd))
      throw new ProviderError(
        'invalid_request',
        `${invocation.label} cannot start: its working directory ${request.cwd} does not exist`,
      );
    const missing = result.spawnError.code === 'ENOENT' || result.spawnError.code === 'EACCES';
    const install = invocation.install ? ` (${invocation.install})` : '';
    throw new ProviderError(
      missing ? 'not_installed' : 'crash',
      missing
        ? `${invocation.label} '${invocation.command}' was not found or is not executable; install it${install} or set ${invocation.configKey} in .archal.json`
        : `${invocation.label} could not start: ${result.spawnError.message}`,
    );
  }
  if (request.signal.aborted) throw new ProviderError('cancelled', `${invocation.label} was cancelled`);
  // Stopped by the grace, or gone idle, once the answer was complete: it hung after answering.
  const stoppedAfterFinal = sawFinal && (stop.signal.aborted || result.idleTimedOut);
  if (result.aborted && !stoppedAfterFinal) throw new ProviderError('cancelled', `${invocation.label} was cancelled`);
  return { ...result, stoppedAfterFinal };
}

/**
 * The error of a CLI the idle timeout stopped before it answered, and how long it was given; what
 * sets that is the caller's to say (a workflow node's idle_timeout, a judge's own limit).
 */
export function idleTimeoutError(name: string, request: ProviderRequest): ProviderError {
  return new ProviderError(
    'timeout',
    `${name} printed nothing for ${request.idleTimeoutMs ?? '?'} ms and was stopped`,
    {
      idleTimedOut: true,
    },
  );
}

export function stderrTail(result: ProcessResult, max = 1500): string {
  const text = result.stderr.trim();
  return text.length > max ? `…${text.slice(-max)}` : text;
}

/** Maps error wording from an agent CLI to a kind, when no structured field said. */
export function kindFromText(text: string): ProviderError['kind'] {
  if (/not logged in|please run \/login|invalid api key|authenticat|unauthori[sz]ed|\b401\b/i.test(text)) return 'auth';
  if (/credit balance|usage limit|out of (extra )?usage|insufficient[_ ]quota|billing|\b402\b/i.test(text))
    return 'billing';
  if (/rate[ _-]?limit|too many requests|\b429\b/i.test(text)) return 'rate_limit';
  if (/overloaded|\b529\b|at capacity/i.test(text)) return 'overloaded';
  if (/api error: 5\d\d|\b(500|502|503|504)\b|server[_ ]error|internal error/i.test(text)) return 'server';
  if (/econnrefused|econnreset|etimedout|eai_again|network|socket hang up|stream disconnected/i.test(text))
    return 'network';
  if (/\b403\b|forbidden|permission denied/i.test(text)) return 'auth';
  return 'unknown';
}

/** The prompt with a node's systemPrompt in front, for CLIs that take no system prompt of their own. */
export function promptWithSystem(request: ProviderRequest): string {
  const system = request.options?.systemPrompt;
  return system ? `<system>\n${system}\n</system>\n\n${request.prompt}` : request.prompt;
}

export interface McpServer {
  command?: string;
  args?: string[];
  env?: Record<string, string>;
  url?: string;
  headers?: Record<string, string>;
}

/** The servers of an MCP configuration file (`{"mcpServers": {...}}`, as Claude Code and Copilot read it). */
export function mcpServers(file: string): Record<string, McpServer> {
  const parsed = readMcpConfigJson(file);
  const servers = (parsed as { mcpServers?: unknown } | null)?.mcpServers;
  if (typeof servers !== 'object' || servers === null || Array.isArray(servers))
    throw new ProviderError('invalid_request', `${file} has no "mcpServers" object`);
  return servers as Record<string, McpServer>;
}

/**
 * The error of a CLI run that gave no usable answer: the CLI's own failure message when it reported
 * one, else how the process ended and the tail of its stderr; classified for retries.
 */
export function cliFailure(
  name: string,
  result: ProcessResult,
  outcome: { failed?: string; answered: boolean; usage?: Usage },
): ProviderError {
  const stderr = stderrTail(result);
  const detail = outcome.failed ?? stderr;
  return new ProviderError(
    result.idleTimedOut ? 'timeout' : detail ? kindFromText(detail) : 'crash',
    outcome.failed
      ? `${name} failed: ${outcome.failed}`
      : `${name} ${describeExit(result)}${outcome.answered ? '' : ' without an answer'}${stderr ? `: ${stderr}` : ''}`,
    { exitCode: result.exitCode, usage: outcome.usage },
  );
}
