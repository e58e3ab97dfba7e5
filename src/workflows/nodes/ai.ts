import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { errorMessage } from '../../lib/errors.js';
import { shellQuote } from '../../lib/shell-word.js';
import { resolveMcpConfig, type ResolvedMcpConfig } from '../../providers/mcp-config.js';
import { PROVIDER_CAPABILITIES } from '../../providers/models.js';
import {
  addUsage,
  ProviderError,
  type AiOptions,
  type ProviderEvent,
  type ProviderRequest,
  type ProviderResult,
} from '../../providers/types.js';
import type { AiNode, CommandNode, PromptNode } from '../model.js';
import { compileOutputSchema, declaredFields } from '../output-schema.js';
import { parseJsonObject } from '../refs.js';
import { classifyHttpStatus, classifyMessage, classifyProviderKind, NodeFailure } from '../retry.js';
import type { NodeOutcome, NodeRun, RunContext } from '../run-context.js';
import { substitutePrompt, substituteText, type RunVariables } from '../substitute.js';
import { resolveBindings } from './bindings.js';
import { nodeEnvironment, processReporter } from './process-env.js';

/** AI streams that say nothing for this long are stopped. */
export const DEFAULT_IDLE_TIMEOUT_MS = 30 * 60 * 1000;

/** How many times a provider that cannot enforce output_format is asked again with the validation errors. */
const STRUCTURED_REASKS = 3;

export async function runPromptNode({ node, run, signal }: NodeRun<CommandNode | PromptNode>): Promise<NodeOutcome> {
  const vars =
    node.kind === 'command' && node.bindings
      ? { ...run.vars, inputs: { ...run.vars.inputs, ...resolveBindings(node.bindings, run, node.id) } }
      : run.vars;
  const template = node.kind === 'command' ? node.body : node.prompt;
  const prompt = substitutePrompt(template, vars, run.outputs);
  const session = sessionFor(node, run);
  const result = await callProvider(run, node, { prompt, signal, iteration: 1, vars, ...session });
  return { kind: 'completed', ...result };
}

/** The session an AI node continues, if any: a fork, its own in the previous run or loop iteration, or a chain. */
function sessionFor(
  node: CommandNode | PromptNode,
  run: RunContext,
): Pick<AiCall, 'resumeSessionId' | 'forkSession' | 'sessionOfEarlierRun'> {
  if (node.resumeFrom) {
    const source = run.sessions.get(node.resumeFrom);
    if (!source)
      throw new NodeFailure(
        `Node '${node.id}': context.resume '${node.resumeFrom}' has no session to continue (it did not run an AI session in this run)`,
        'fatal',
      );
    return { resumeSessionId: source.sessionId, forkSession: true };
  }
  if (node.context === 'fresh') return {};
  const group = run.groupSessions?.get(node.id);
  if (group) return { resumeSessionId: group };
  const earlier = node.persistSession ? run.previousSessions.get(node.id) : undefined;
  if (earlier) return { resumeSessionId: earlier, sessionOfEarlierRun: true };
  const inherited = inheritedSession(node, run);
  return inherited ? { resumeSessionId: inherited } : {};
}

/**
 * The session an AI node continues: that of its only dependency, when that is an AI node on the same
 * provider whose only dependent is this node. Anything else (fan-in, fan-out, other providers)
 * starts fresh, so parallel branches never write into one conversation.
 */
function inheritedSession(node: AiNode, run: RunContext): string | undefined {
  if (node.depends_on.length !== 1) return undefined;
  const parent = node.depends_on[0]!;
  const session = run.sessions.get(parent);
  if (!session || session.provider !== node.provider || run.dependentCount.get(parent) !== 1) return undefined;
  return session.sessionId;
}

export interface AiCall {
  prompt: string;
  signal: AbortSignal;
  iteration: number;
  resumeSessionId?: string;
  forkSession?: boolean;
  /**
   * The session is one a previous run left (`persist_session`): the CLI may not have it here (another
   * machine, a cleaned-up home), and then the node starts a fresh one.
   */
  sessionOfEarlierRun?: boolean;
  vars: RunVariables;
}

export interface AiCallResult {
  text: string;
  structured?: unknown;
  usage?: ProviderResult['usage'];
  sessionId?: string;
}

/** One provider call for a node: tool events recorded, errors classified, output_format enforced. */
export async function callProvider(run: RunContext, node: AiNode, call: AiCall): Promise<AiCallResult> {
  const schema = node.output_format;
  const bestEffort = schema !== undefined && PROVIDER_CAPABILITIES[node.provider].structuredOutput === 'best-effort';
  let prompt = bestEffort ? `${call.prompt}\n\n${schemaInstructions(schema)}` : call.prompt;
  let usage: ProviderResult['usage'];
  for (let ask = 0; ; ask++) {
    const result = await providerCall(run, node, { ...call, prompt });
    usage = addUsage(usage, result.usage);
    if (result.idleTimedOut) run.deps.log(`⚠️ Node '${node.id}' went idle; continuing with the output it produced.`);
    for (const warning of result.warnings ?? []) run.deps.log(`⚠️ Node '${node.id}': ${warning}`);
    if (!schema) {
      if (result.text.trim().length === 0)
        throw new NodeFailure(`Node '${node.id}' produced no assistant output`, 'unknown', usage);
      return { text: result.text, usage, sessionId: result.sessionId };
    }
    const structured = result.structuredOutput ?? parseStructured(result.text);
    const compiled = await compileOutputSchema(schema);
    const problem =
      structured === undefined
        ? `returned no JSON (output: ${JSON.stringify(result.text.slice(0, 300))})`
        : compiled.ok
          ? compiled.validate(structured)
          : undefined;
    if (!problem) return { text: JSON.stringify(structured), structured, usage, sessionId: result.sessionId };
    if (!bestEffort || ask >= STRUCTURED_REASKS)
      throw new NodeFailure(`Node '${node.id}' output does not match its output_format: ${problem}`, 'unknown', usage);
    run.deps.log(`⚠️ Node '${node.id}': the answer does not match output_format (${problem}); asking again.`);
    prompt = `${call.prompt}\n\n${schemaInstructions(schema)}\n\n--- CORRECTION ---\nYour previous answer did not match the schema: ${problem}\nAnswer again with only the JSON object.`;
  }
}

function schemaInstructions(schema: Record<string, unknown>): string {
  return `Respond with only a JSON object (no prose, no code fence) that is valid against this JSON Schema:\n${JSON.stringify(schema, null, 2)}`;
}

async function providerCall(run: RunContext, node: AiNode, call: AiCall): Promise<ProviderResult> {
  const provider = run.deps.providers(node.provider);
  const toolStarts = new Map<string, { name: string; at: number }>();
  const onEvent = (event: ProviderEvent) => {
    switch (event.type) {
      case 'text':
        return;
      case 'tool_call':
        toolStarts.set(event.id, { name: event.name, at: run.deps.clock.now() });
        run.emit('tool_called', node.id, {
          tool_name: event.name,
          tool_input: event.input,
          tool_call_id: event.id,
          iteration: call.iteration,
        });
        return;
      case 'tool_result': {
        const start = toolStarts.get(event.id);
        run.emit('tool_completed', node.id, {
          tool_name: event.name ?? start?.name ?? 'unknown',
          tool_call_id: event.id,
          tool_outcome: event.isError ? 'error' : 'success',
          duration_ms: start ? run.deps.clock.now() - start.at : undefined,
          ...(event.exitCode === undefined ? {} : { exit_code: event.exitCode }),
        });
        return;
      }
    }
  };
  const schema = node.output_format;
  let mcp: ResolvedMcpConfig | undefined;
  try {
    const env = nodeEnvironment(run, node.id, call.vars, call.iteration);
    const options = callOptions(run, node, call.vars);
    if (options.mcp) {
      mcp = resolveMcpConfig(options.mcp, env);
      for (const variable of mcp.missing)
        run.deps.log(
          `⚠️ Node '${node.id}': the MCP configuration ${node.options.mcp} names ${variable}, which is not set; it is passed as empty`,
        );
      options.mcp = mcp.file;
    }
    const request: ProviderRequest = {
      prompt: call.prompt,
      cwd: run.cwd,
      env,
      model: node.model,
      allowedTools: node.allowed_tools,
      deniedTools: node.denied_tools,
      outputSchema: schema,
      outputSchemaPath: schema ? writeSchema(run, node.id, schema) : undefined,
      resumeSessionId: call.resumeSessionId,
      forkSession: call.forkSession,
      options,
      reasoningEffort: run.workflow.modelReasoningEffort,
      webSearchMode: run.workflow.webSearchMode,
      additionalDirectories: run.workflow.additionalDirectories,
      exec: node.exec ?? run.workflow.exec,
      nodeId: node.id,
      runId: run.runId,
      workflowName: run.workflow.name,
      iteration: call.iteration,
      idleTimeoutMs: node.idle_timeout ?? DEFAULT_IDLE_TIMEOUT_MS,
      signal: call.signal,
      onProcess: processReporter(run, node.id),
    };
    try {
      return await provider.run(request, onEvent);
    } catch (error) {
      if (!(call.sessionOfEarlierRun && error instanceof ProviderError && error.details.sessionNotFound)) throw error;
      run.deps.log(
        `⚠️ Node '${node.id}': the ${node.provider} CLI no longer has the session ${call.resumeSessionId} of an earlier run; starting a fresh session`,
      );
      return await provider.run({ ...request, resumeSessionId: undefined, forkSession: undefined }, onEvent);
    }
  } catch (error) {
    throw toNodeFailure(error, node.id);
  } finally {
    mcp?.dispose();
  }
}

/** The node's provider settings for this call: paths made absolute, prompt texts substituted. */
function callOptions(run: RunContext, node: AiNode, vars: RunVariables): AiOptions {
  const options: AiOptions = { ...node.options };
  if (options.mcp && !isAbsolute(options.mcp)) options.mcp = join(run.cwd, options.mcp);
  if (options.systemPrompt) options.systemPrompt = substituteText(options.systemPrompt, vars, run.outputs);
  if (options.agents)
    options.agents = Object.fromEntries(
      Object.entries(options.agents).map(([id, agent]) => [
        id,
        {
          ...agent,
          prompt: substituteText(agent.prompt, vars, run.outputs),
          description: substituteText(agent.description, vars, run.outputs),
        },
      ]),
    );
  if (options.hooks) options.hooks = hookSettings(options.hooks);
  return options;
}

/**
 * Archon's hooks answer with a fixed response; Claude Code runs hook commands. Each matcher becomes
 * a command that prints its response, which Claude Code reads as the hook's output.
 */
function hookSettings(hooks: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(hooks).map(([event, matchers]) => [
      event,
      (matchers as Array<{ matcher?: string; response: unknown; timeout?: number }>).map((entry) => ({
        ...(entry.matcher === undefined ? {} : { matcher: entry.matcher }),
        hooks: [
          {
            type: 'command',
            command: `printf '%s' ${shellQuote(JSON.stringify(entry.response))}`,
            ...(entry.timeout === undefined ? {} : { timeout: entry.timeout }),
          },
        ],
      })),
    ]),
  );
}

export function outputFields(node: AiNode): readonly string[] | undefined {
  return declaredFields(node.output_format);
}

function parseStructured(text: string): unknown {
  const object = parseJsonObject(text);
  if (object) return object;
  try {
    return JSON.parse(text.trim());
  } catch {
    return undefined;
  }
}

function writeSchema(run: RunContext, nodeId: string, schema: Record<string, unknown>): string {
  const dir = join(run.artifactsDir, '.archal', 'schemas');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${nodeId}.json`);
  writeFileSync(file, JSON.stringify(schema, null, 2));
  return file;
}

function toNodeFailure(error: unknown, nodeId: string): NodeFailure {
  if (error instanceof NodeFailure) return error;
  if (error instanceof ProviderError) {
    const fromKind = classifyProviderKind(error.kind);
    const fromStatus = error.details.status === undefined ? undefined : classifyHttpStatus(error.details.status);
    const errorClass = fromKind !== 'unknown' ? fromKind : (fromStatus ?? classifyMessage(error.message));
    // The node's own setting is what gave the CLI that long.
    const hint = error.details.idleTimedOut
      ? ' (the idle_timeout of this node; raise it if the work needs longer)'
      : '';
    return new NodeFailure(`Node '${nodeId}': ${error.message}${hint}`, errorClass, error.details.usage);
  }
  const message = errorMessage(error);
  return new NodeFailure(`Node '${nodeId}': ${message}`, classifyMessage(message));
}
