import { isRecord } from '../lib/is-record.js';
import { describeExit } from '../lib/process.js';
import {
  idleTimeoutError,
  kindFromText,
  mcpServers,
  runJsonLinesCli,
  stderrTail,
  type CliRunResult,
} from './cli-stream.js';
import { clampEffort, PROVIDER_CAPABILITIES } from './models.js';
import {
  ProviderError,
  type AiOptions,
  type Provider,
  type ProviderErrorKind,
  type ProviderRequest,
  type ProviderResult,
  type Usage,
} from './types.js';

export interface ClaudeDefaults {
  command?: string;
  model?: string;
  permissionMode?: string;
  args?: string[];
}

/** How Claude Code says it has no session of the id given to --resume. */
const SESSION_NOT_FOUND = /No conversation found with session ID/i;

const ASSISTANT_ERROR_KINDS: Record<string, ProviderErrorKind> = {
  authentication_failed: 'auth',
  billing_error: 'billing',
  rate_limit: 'rate_limit',
  invalid_request: 'invalid_request',
  server_error: 'server',
  max_output_tokens: 'unknown',
};

/**
 * The node's `allowed_tools`, plus Claude Code's `Skill` tool when it declares skills: skills are
 * loaded through that tool, so a tool list without it would leave them unusable (Archon adds it too).
 */
function toolsOf(request: ProviderRequest): string[] | undefined {
  if (!request.allowedTools || !request.options?.skills?.length) return request.allowedTools;
  return [...new Set([...request.allowedTools, 'Skill'])];
}

/** `mcp__<server>__*` for each server of the node's MCP configuration. */
function mcpToolPatterns(request: ProviderRequest): string[] {
  const file = request.options?.mcp;
  return file ? Object.keys(mcpServers(file)).map((name) => `mcp__${name}__*`) : [];
}

/**
 * The Claude Code CLI in print mode with stream-json output. The prompt goes on stdin (the tool
 * flags are variadic, so a positional prompt after them would be read as a tool name).
 */
export function createClaudeProvider(defaults: ClaudeDefaults = {}): Provider {
  return {
    name: 'claude',
    async run(request, onEvent): Promise<ProviderResult> {
      const args = ['-p', '--output-format', 'stream-json', '--verbose'];
      const model = request.model ?? defaults.model;
      if (model) args.push('--model', model);
      args.push('--permission-mode', defaults.permissionMode ?? 'bypassPermissions');
      const tools = toolsOf(request);
      // The tools of the node's MCP servers are allowed too, as Archon allows them: a node with
      // allowed_tools: [] and an MCP server uses that server's tools only.
      const allowed = [...(tools ?? []), ...mcpToolPatterns(request)];
      if (tools) args.push(`--tools=${tools.join(',')}`);
      if (tools || allowed.length > 0) args.push(`--allowedTools=${allowed.join(',')}`);
      if (request.deniedTools?.length) args.push(`--disallowedTools=${request.deniedTools.join(',')}`);
      if (request.resumeSessionId) {
        args.push(`--resume=${request.resumeSessionId}`);
        if (request.forkSession) args.push('--fork-session');
      }
      if (request.outputSchema) args.push('--json-schema', JSON.stringify(request.outputSchema));
      for (const dir of request.additionalDirectories ?? []) args.push(`--add-dir=${dir}`);
      args.push(...optionArgs(request.options ?? {}));
      args.push(...(defaults.args ?? []));

      const texts: string[] = [];
      const toolNames = new Map<string, string>();
      let final: Record<string, unknown> | undefined;
      let sessionId: string | undefined;
      let assistantError: string | undefined;
      let sawMessage = false;

      const result = await runJsonLinesCli(
        {
          label: 'Claude Code CLI',
          command: defaults.command ?? 'claude',
          args,
          configKey: 'assistants.claude.command',
          install: 'npm install -g @anthropic-ai/claude-code',
          stdin: request.prompt,
          env: claudeEnv(request),
        },
        request,
        (message) => {
          sawMessage = true;
          if (typeof message.session_id === 'string') sessionId = message.session_id;
          // Sub-agent traffic (parent_tool_use_id set) is the sub-agent's business, not this node's answer.
          if (message.parent_tool_use_id) return;
          switch (message.type) {
            case 'assistant': {
              if (typeof message.error === 'string') assistantError = message.error;
              for (const block of contentBlocks(message)) {
                if (block.type === 'text' && typeof block.text === 'string') {
                  texts.push(block.text);
                  onEvent({ type: 'text', text: block.text });
                } else if (block.type === 'tool_use' && typeof block.id === 'string') {
                  const name = typeof block.name === 'string' ? block.name : 'unknown';
                  toolNames.set(block.id, name);
                  onEvent({ type: 'tool_call', id: block.id, name, input: block.input });
                }
              }
              return;
            }
            case 'user':
              for (const block of contentBlocks(message)) {
                if (block.type === 'tool_result' && typeof block.tool_use_id === 'string')
                  onEvent({
                    type: 'tool_result',
                    id: block.tool_use_id,
                    name: toolNames.get(block.tool_use_id),
                    isError: block.is_error === true,
                  });
              }
              return;
            case 'result':
              final = message;
              return 'final';
          }
        },
      );

      const usage = final ? usageOf(final) : undefined;
      if (final && final.is_error !== true && (result.exitCode === 0 || result.stoppedAfterFinal)) {
        const text = typeof final.result === 'string' && final.result.length > 0 ? final.result : texts.join('');
        const warnings = permissionDenials(final);
        return {
          text,
          structuredOutput: final.structured_output ?? undefined,
          sessionId: typeof final.session_id === 'string' ? final.session_id : sessionId,
          usage,
          ...(warnings.length > 0 ? { warnings } : {}),
        };
      }
      if (!final && result.idleTimedOut && texts.length > 0)
        return { text: texts.join(''), sessionId, idleTimedOut: true };
      if (!final && result.idleTimedOut) throw idleTimeoutError('Claude Code', request);
      throw failure(final, assistantError, result, sawMessage, usage);
    },
  };
}

/** Node settings as Claude Code flags. */
function optionArgs(options: AiOptions): string[] {
  const args: string[] = [];
  const effort = options.effort && clampEffort(options.effort, PROVIDER_CAPABILITIES.claude.efforts);
  if (effort) args.push('--effort', effort);
  const settings = {
    ...(options.hooks ? { hooks: options.hooks } : {}),
    ...(options.sandbox ? { sandbox: options.sandbox } : {}),
  };
  if (Object.keys(settings).length > 0) args.push('--settings', JSON.stringify(settings));
  if (options.mcp) args.push('--mcp-config', options.mcp);
  if (options.agents) args.push('--agents', JSON.stringify(options.agents));
  if (options.systemPrompt) args.push('--system-prompt', options.systemPrompt);
  if (options.fallbackModel) args.push('--fallback-model', options.fallbackModel);
  if (options.settingSources) args.push(`--setting-sources=${options.settingSources.join(',')}`);
  for (const beta of options.betas ?? []) args.push(`--betas=${beta}`);
  if (options.maxBudgetUsd !== undefined) args.push('--max-budget-usd', String(options.maxBudgetUsd));
  return args;
}

/**
 * Variables Claude Code sets for the processes it runs. Inherited (Archal run from a Claude Code
 * session or one of its hooks), they make the CLI refuse to start as a nested session; each call
 * here is a headless session of its own.
 */
const NESTED_SESSION_VARIABLES = ['CLAUDECODE', 'CLAUDE_CODE_ENTRYPOINT'];

/** The CLI's environment: the request's, without nested-session markers, with the thinking budget. */
function claudeEnv(request: ProviderRequest): NodeJS.ProcessEnv {
  const env = { ...request.env };
  for (const name of NESTED_SESSION_VARIABLES) delete env[name];
  // Extended thinking is set through the environment: a budget, or none at all.
  const thinking = request.options?.thinking;
  if (thinking && thinking.type !== 'adaptive')
    env.MAX_THINKING_TOKENS = String(thinking.type === 'disabled' ? 0 : (thinking.budgetTokens ?? 16000));
  return env;
}

function failure(
  final: Record<string, unknown> | undefined,
  assistantError: string | undefined,
  result: CliRunResult,
  sawMessage: boolean,
  usage: Usage | undefined,
): ProviderError {
  const stderr = stderrTail(result);
  if (final) {
    const errors = Array.isArray(final.errors) ? final.errors.filter((e): e is string => typeof e === 'string') : [];
    const detail =
      (typeof final.result === 'string' && final.result) || errors.join('; ') || String(final.subtype ?? 'error');
    const status = typeof final.api_error_status === 'number' ? final.api_error_status : undefined;
    const sessionNotFound = SESSION_NOT_FOUND.test(detail);
    const kind: ProviderErrorKind =
      (assistantError && ASSISTANT_ERROR_KINDS[assistantError]) ||
      // Asking again for the same session cannot succeed.
      (sessionNotFound ? 'invalid_request' : undefined) ||
      (status === 429
        ? 'rate_limit'
        : status === 529
          ? 'overloaded'
          : status && status >= 500
            ? 'server'
            : undefined) ||
      (final.subtype === 'error_max_turns' ? 'unknown' : kindFromText(detail));
    return new ProviderError(kind, `Claude Code failed (${String(final.subtype)}): ${detail}`, {
      status,
      exitCode: result.exitCode,
      usage,
      ...(sessionNotFound ? { sessionNotFound: true } : {}),
    });
  }
  // No result line: either the CLI refused its arguments (plain-text error, no JSON at all) or it died mid-stream.
  // Older versions report a session they do not have this way too.
  const sessionNotFound = !sawMessage && SESSION_NOT_FOUND.test(stderr);
  const kind: ProviderErrorKind =
    sawMessage || result.signal
      ? 'crash'
      : stderr.startsWith('Error:') || sessionNotFound
        ? 'invalid_request'
        : kindFromText(stderr);
  return new ProviderError(
    kind === 'unknown' ? 'crash' : kind,
    `Claude Code ${describeExit(result)} without a result${stderr ? `: ${stderr}` : ''}`,
    {
      exitCode: result.exitCode,
      ...(sessionNotFound ? { sessionNotFound: true } : {}),
    },
  );
}

/**
 * The tool calls a permission mode that asks refused (nobody can answer in print mode): the run
 * still succeeds, often with an answer that only asks for the permission.
 */
function permissionDenials(final: Record<string, unknown>): string[] {
  const denials = Array.isArray(final.permission_denials) ? final.permission_denials : [];
  if (denials.length === 0) return [];
  const names = [
    ...new Set(
      denials.map((denial) =>
        isRecord(denial) && typeof denial.tool_name === 'string' ? denial.tool_name : 'unknown',
      ),
    ),
  ];
  return [
    `Claude Code was denied ${denials.length} tool call${denials.length === 1 ? '' : 's'} (${names.join(', ')}) by its permission mode; allow the tools with allowed_tools, or set assistants.claude.permissionMode`,
  ];
}

type Block = Record<string, unknown>;

function contentBlocks(message: Record<string, unknown>): Block[] {
  const inner = message.message as { content?: unknown } | undefined;
  return Array.isArray(inner?.content)
    ? inner.content.filter((block): block is Block => typeof block === 'object' && block !== null)
    : [];
}

function usageOf(final: Record<string, unknown>): Usage | undefined {
  const usage = final.usage as Record<string, unknown> | undefined;
  const cost = typeof final.total_cost_usd === 'number' ? final.total_cost_usd : undefined;
  if (!usage && cost === undefined) return undefined;
  const num = (value: unknown) => (typeof value === 'number' ? value : 0);
  return {
    inputTokens: num(usage?.input_tokens),
    outputTokens: num(usage?.output_tokens),
    cacheReadTokens: num(usage?.cache_read_input_tokens),
    cacheWriteTokens: num(usage?.cache_creation_input_tokens),
    costUsd: cost,
  };
}
