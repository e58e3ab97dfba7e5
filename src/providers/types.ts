import type { EffortLevel, ExecSpec, ProviderName, ThinkingSetting } from './schema.js';

/** Tokens and money one provider call spent. */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  costUsd?: number;
}

export function addUsage(a: Usage | undefined, b: Usage | undefined): Usage | undefined {
  if (!a) return b;
  if (!b) return a;
  const sum = (x?: number, y?: number) => (x === undefined && y === undefined ? undefined : (x ?? 0) + (y ?? 0));
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: sum(a.cacheReadTokens, b.cacheReadTokens),
    cacheWriteTokens: sum(a.cacheWriteTokens, b.cacheWriteTokens),
    costUsd: sum(a.costUsd, b.costUsd),
  };
}

/** A sub-agent a node defines for the provider (Claude Code's `--agents`). */
export interface AgentDefinition {
  description: string;
  prompt: string;
  model?: string;
  tools?: string[];
  disallowedTools?: string[];
  skills?: string[];
  maxTurns?: number;
}

export type { ThinkingSetting };

/** Node settings a provider maps onto its CLI's own flags (see PROVIDER_CAPABILITIES for who honours what). */
export interface AiOptions {
  effort?: EffortLevel;
  thinking?: ThinkingSetting;
  /** Claude Code hooks, keyed by hook event. */
  hooks?: Record<string, unknown>;
  /** Absolute path of an MCP server configuration (`{"mcpServers": {...}}`). */
  mcp?: string;
  skills?: string[];
  agents?: Record<string, AgentDefinition>;
  systemPrompt?: string;
  fallbackModel?: string;
  settingSources?: Array<'project' | 'user'>;
  betas?: string[];
  sandbox?: Record<string, unknown>;
  maxBudgetUsd?: number;
  /** pi: extension posture of this node. */
  pi?: { enableExtensions?: boolean; interactive?: boolean; extensionFlags?: Record<string, boolean | string> };
}

export interface ProviderRequest {
  prompt: string;
  cwd: string;
  /** The environment the provider's process starts from. */
  env: NodeJS.ProcessEnv;
  model?: string;
  allowedTools?: string[];
  deniedTools?: string[];
  /** JSON Schema the answer must satisfy (output_format). */
  outputSchema?: Record<string, unknown>;
  /** The same schema written to a file, for CLIs that take a path. */
  outputSchemaPath?: string;
  /** Continue this session instead of starting a fresh one. */
  resumeSessionId?: string;
  /** With resumeSessionId: continue a copy of the session, leaving the original as it was. */
  forkSession?: boolean;
  options?: AiOptions;
  reasoningEffort?: string;
  webSearchMode?: string;
  additionalDirectories?: string[];
  /** For the exec provider: the command to run. */
  exec?: ExecSpec;
  nodeId: string;
  runId: string;
  workflowName: string;
  iteration: number;
  /** Abort when the provider produced nothing for this long. */
  idleTimeoutMs?: number;
  signal: AbortSignal;
  /** Told about every process the provider starts, so a run can be cancelled from elsewhere. */
  onProcess?: (pid: number, phase: 'start' | 'exit') => void;
}

export type ProviderEvent =
  | { type: 'text'; text: string }
  | { type: 'tool_call'; id: string; name: string; input: unknown }
  | { type: 'tool_result'; id: string; name?: string; isError: boolean; exitCode?: number };

export interface ProviderResult {
  /** The answer: all assistant text, in order. */
  text: string;
  /** The parsed structured answer, when an output schema was given and the provider returned one. */
  structuredOutput?: unknown;
  sessionId?: string;
  usage?: Usage;
  /** True when the idle timeout stopped the provider after it had produced some output. */
  idleTimedOut?: boolean;
  /** What the user should know about a call that still answered (tools the CLI was refused...). */
  warnings?: string[];
}

/**
 * Why a provider call failed, from structured signals (exit status, HTTP status, error type) so that
 * retry decisions do not depend on message wording.
 */
export const PROVIDER_ERROR_KINDS = [
  'auth',
  'billing',
  'invalid_request',
  'rate_limit',
  'overloaded',
  'server',
  'network',
  'timeout',
  'crash',
  'not_installed',
  'cancelled',
  'unknown',
] as const;
export type ProviderErrorKind = (typeof PROVIDER_ERROR_KINDS)[number];

export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly details: {
      status?: number;
      exitCode?: number | null;
      partialText?: string;
      usage?: Usage;
      /** The session to resume is not one the CLI has (another machine, another directory, cleaned up). */
      sessionNotFound?: boolean;
      /** The idle timeout stopped the CLI before it answered. */
      idleTimedOut?: boolean;
    } = {},
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

export interface Provider {
  readonly name: ProviderName;
  run(request: ProviderRequest, onEvent: (event: ProviderEvent) => void): Promise<ProviderResult>;
}

export type ProviderRegistry = (name: ProviderName) => Provider;
