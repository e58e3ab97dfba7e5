import { describeExit } from '../lib/process.js';
import { codexMcpConfig } from './codex-mcp.js';
import { idleTimeoutError, kindFromText, promptWithSystem, runJsonLinesCli, stderrTail } from './cli-stream.js';
import { clampEffort, PROVIDER_CAPABILITIES } from './models.js';
import { ProviderError, type Provider, type ProviderResult, type Usage } from './types.js';

export interface CodexDefaults {
  command?: string;
  model?: string;
  modelReasoningEffort?: string;
  webSearchMode?: string;
  sandbox?: string;
  args?: string[];
}

/** `codex exec --json`: JSONL thread/turn/item events. The prompt goes on stdin (`-`). */
export function createCodexProvider(defaults: CodexDefaults = {}): Provider {
  const threadTotals = new ThreadTotals();
  return {
    name: 'codex',
    async run(request, onEvent): Promise<ProviderResult> {
      const args = [
        'exec',
        '--json',
        '--skip-git-repo-check',
        '--sandbox',
        defaults.sandbox ?? 'workspace-write',
        '-C',
        request.cwd,
      ];
      const model = request.model ?? defaults.model;
      if (model) args.push('-m', model);
      const effort =
        (request.options?.effort && clampEffort(request.options.effort, PROVIDER_CAPABILITIES.codex.efforts)) ??
        request.reasoningEffort ??
        defaults.modelReasoningEffort;
      if (effort) args.push('-c', `model_reasoning_effort="${effort}"`);
      const webSearch = request.webSearchMode ?? defaults.webSearchMode;
      if (webSearch) args.push('-c', `web_search="${webSearch}"`);
      for (const dir of request.additionalDirectories ?? []) args.push('--add-dir', dir);
      if (request.outputSchemaPath) args.push('--output-schema', request.outputSchemaPath);
      const mcp = request.options?.mcp ? codexMcpConfig(request.options.mcp, request.env) : undefined;
      if (mcp) args.push(...mcp.args);
      args.push(...(defaults.args ?? []));
      // Every flag must come before `resume`.
      if (request.resumeSessionId) args.push('resume', request.resumeSessionId);
      args.push('-');

      let sessionId: string | undefined;
      let answer: string | undefined;
      let threadTotal: Usage | undefined;
      let turnFailed: string | undefined;
      let lastError: string | undefined;
      let turnCompleted = false;
      const notices: string[] = [];
      const started = new Set<string>();

      const result = await runJsonLinesCli(
        {
          label: 'Codex CLI',
          command: defaults.command ?? 'codex',
          args,
          configKey: 'assistants.codex.command',
          install: 'npm install -g @openai/codex',
          stdin: promptWithSystem(request),
          ...(mcp && Object.keys(mcp.env).length > 0 ? { env: { ...request.env, ...mcp.env } } : {}),
        },
        request,
        (event) => {
          switch (event.type) {
            case 'thread.started':
              if (typeof event.thread_id === 'string') sessionId = event.thread_id;
              return;
            case 'item.started':
            case 'item.completed':
              handleItem(event.type, event.item, {
                onAnswer: (text) => {
                  answer = text;
                  onEvent({ type: 'text', text });
                },
                onNotice: (message) => notices.push(`Codex: ${message}`),
                onEvent,
                started,
              });
              return;
            case 'turn.completed':
              turnCompleted = true;
              threadTotal = usageOf(event.usage);
              return 'final';
            case 'turn.failed':
              turnFailed = errorMessage(event.error) ?? lastError ?? 'turn failed';
              return 'final';
            case 'error':
              // Usually "Reconnecting… n/5": progress, not failure, unless the turn then fails.
              lastError = typeof event.message === 'string' ? event.message : lastError;
              return;
          }
        },
      );

      const usage = threadTotal && sessionId ? threadTotals.turnUsage(sessionId, threadTotal) : threadTotal;
      const warnings = notices.length > 0 ? { warnings: notices } : {};
      if (turnCompleted && !turnFailed && (result.exitCode === 0 || result.stoppedAfterFinal)) {
        const text = answer ?? '';
        return {
          text,
          structuredOutput: request.outputSchemaPath ? parseJson(text) : undefined,
          sessionId,
          usage,
          ...warnings,
        };
      }
      if (!turnCompleted && !turnFailed && result.idleTimedOut && answer)
        return {
          text: answer,
          sessionId,
          usage,
          idleTimedOut: true,
          ...warnings,
        };
      const stderr = stderrTail(result);
      if (turnFailed)
        throw new ProviderError(kindFromText(turnFailed), `Codex turn failed: ${turnFailed}`, {
          exitCode: result.exitCode,
          usage,
        });
      if (result.idleTimedOut) throw idleTimeoutError('Codex', request);
      // The CLI's own last error event says more than how it exited, or than its stderr (where it
      // also notes progress: "Reading prompt from stdin...").
      const errorKind = lastError ? kindFromText(lastError) : 'unknown';
      const kind =
        errorKind !== 'unknown'
          ? errorKind
          : sessionId || result.signal
            ? 'crash'
            : result.exitCode === 2
              ? 'invalid_request'
              : kindFromText(stderr);
      const detail = [lastError, stderr].filter(Boolean).join('\n');
      throw new ProviderError(
        kind === 'unknown' ? 'crash' : kind,
        `Codex ${describeExit(result)} without completing its turn${detail ? `: ${detail}` : ''}`,
        {
          exitCode: result.exitCode,
        },
      );
    },
  };
}

function handleItem(
  phase: 'item.started' | 'item.completed',
  raw: unknown,
  handlers: {
    onAnswer: (text: string) => void;
    onNotice: (message: string) => void;
    onEvent: Parameters<Provider['run']>[1];
    /** Ids of the items started and not yet completed. */
    started: Set<string>;
  },
): void {
  if (typeof raw !== 'object' || raw === null) return;
  const item = raw as Record<string, unknown>;
  const id = typeof item.id === 'string' ? item.id : '';
  const type = item.type ?? item.item_type;
  switch (type) {
    case 'agent_message':
    case 'assistant_message':
      if (phase === 'item.completed' && typeof item.text === 'string') handlers.onAnswer(item.text);
      return;
    // Not a failure: the CLI's notices (a config warning, a deprecation, a model rerouted).
    case 'error':
      if (phase === 'item.completed' && typeof item.message === 'string') handlers.onNotice(item.message);
      return;
    case 'command_execution':
    case 'mcp_tool_call':
    case 'web_search':
    case 'file_change': {
      const name = type === 'mcp_tool_call' ? `${String(item.server)}.${String(item.tool)}` : String(type);
      const input =
        type === 'command_execution'
          ? { command: item.command }
          : type === 'mcp_tool_call'
            ? item.arguments
            : type === 'web_search'
              ? { query: item.query }
              : { changes: item.changes };
      if (phase === 'item.started') {
        handlers.started.add(id);
        handlers.onEvent({ type: 'tool_call', id, name, input });
      } else {
        // An item that completes without a start (some versions start no file change or quick
        // search) still gets both events; one that started has had its call already.
        if (!handlers.started.delete(id)) handlers.onEvent({ type: 'tool_call', id, name, input });
        const exitCode = typeof item.exit_code === 'number' ? item.exit_code : undefined;
        const isError =
          item.status === 'failed' ||
          item.status === 'declined' ||
          (exitCode !== undefined && exitCode !== 0) ||
          item.error !== undefined;
        handlers.onEvent({ type: 'tool_result', id, name, isError, exitCode });
      }
      return;
    }
  }
}

/**
 * The running token total codex last reported for each thread (`turn.completed` carries the thread's
 * total, which on a resumed thread includes every earlier turn), so that a resumed node is charged
 * for its own turn only. A thread first seen resumed (a session of an earlier process) has no
 * baseline and is charged its whole total.
 */
class ThreadTotals {
  private static readonly MAX_THREADS = 1000;
  private readonly totals = new Map<string, Usage>();

  turnUsage(threadId: string, total: Usage): Usage {
    const before = this.totals.get(threadId);
    this.totals.delete(threadId);
    if (this.totals.size >= ThreadTotals.MAX_THREADS) this.totals.delete(this.totals.keys().next().value!);
    this.totals.set(threadId, total);
    if (!before) return total;
    const since = (now: number | undefined, then: number | undefined) => Math.max(0, (now ?? 0) - (then ?? 0));
    return {
      inputTokens: since(total.inputTokens, before.inputTokens),
      outputTokens: since(total.outputTokens, before.outputTokens),
      cacheReadTokens: since(total.cacheReadTokens, before.cacheReadTokens),
    };
  }
}

function usageOf(raw: unknown): Usage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const usage = raw as Record<string, unknown>;
  const num = (value: unknown) => (typeof value === 'number' ? value : 0);
  return {
    inputTokens: num(usage.input_tokens),
    outputTokens: num(usage.output_tokens),
    cacheReadTokens: num(usage.cached_input_tokens),
  };
}

function errorMessage(raw: unknown): string | undefined {
  if (typeof raw === 'object' && raw !== null && typeof (raw as { message?: unknown }).message === 'string')
    return (raw as { message: string }).message;
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
