import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { cliFailure, runJsonLinesCli } from './cli-stream.js';
import { clampEffort, PROVIDER_CAPABILITIES } from './models.js';
import { type Provider, type ProviderRequest, type ProviderResult, type Usage } from './types.js';

export interface CliDefaults {
  command?: string;
  model?: string;
  args?: string[];
}

/** pi's built-in tools, by the names workflows usually give them (Claude Code's). */
const PI_TOOLS: Record<string, string> = {
  read: 'read',
  bash: 'bash',
  edit: 'edit',
  write: 'write',
  grep: 'grep',
  glob: 'find',
  find: 'find',
  ls: 'ls',
};
const PI_DEFAULT_TOOLS = ['read', 'bash', 'edit', 'write'];

/**
 * The pi coding agent in print mode with its JSON event stream (`pi -p --mode json`): one
 * AgentSessionEvent per line. The prompt goes on stdin, which pi reads as the message.
 */
export function createPiProvider(defaults: CliDefaults = {}): Provider {
  return {
    name: 'pi',
    async run(request, onEvent): Promise<ProviderResult> {
      const args = ['-p', '--mode', 'json', ...piArgs(request, defaults)];
      let sessionId: string | undefined;
      let answer: string | undefined;
      let failed: string | undefined;
      let usage: Usage | undefined;
      const result = await runJsonLinesCli(
        {
          label: 'pi CLI',
          command: defaults.command ?? 'pi',
          args,
          configKey: 'assistants.pi.command',
          stdin: request.prompt,
        },
        request,
        (event) => {
          switch (event.type) {
            case 'session':
              if (typeof event.id === 'string') sessionId = event.id;
              return;
            case 'message_end': {
              const message = event.message as Record<string, unknown> | undefined;
              if (message?.role !== 'assistant') return;
              if (message.stopReason === 'error' || message.stopReason === 'aborted')
                failed = typeof message.errorMessage === 'string' ? message.errorMessage : String(message.stopReason);
              const text = textOf(message.content);
              if (text) {
                answer = text;
                onEvent({ type: 'text', text });
              }
              return;
            }
            case 'tool_execution_start':
              onEvent({
                type: 'tool_call',
                id: String(event.toolCallId),
                name: String(event.toolName),
                input: event.args,
              });
              return;
            case 'tool_execution_end':
              onEvent({
                type: 'tool_result',
                id: String(event.toolCallId),
                name: String(event.toolName),
                isError: event.isError === true,
              });
              return;
            case 'turn_end':
              usage = addTurnUsage(usage, (event.message as { usage?: unknown } | undefined)?.usage);
              return;
          }
        },
      );
      if (result.exitCode === 0 && !failed && answer !== undefined) return { text: answer, sessionId, usage };
      if (result.idleTimedOut && answer) return { text: answer, sessionId, usage, idleTimedOut: true };
      throw cliFailure('pi', result, { failed, answered: answer !== undefined, usage });
    },
  };
}

function piArgs(request: ProviderRequest, defaults: CliDefaults): string[] {
  const args: string[] = [];
  const model = request.model ?? defaults.model;
  if (model) args.push('--model', model);
  const options = request.options ?? {};
  const thinking =
    options.thinking?.type === 'disabled'
      ? 'off'
      : options.effort
        ? clampEffort(options.effort, PROVIDER_CAPABILITIES.pi.efforts)
        : options.thinking?.type === 'enabled'
          ? 'high'
          : undefined;
  if (thinking) args.push('--thinking', thinking);
  if (request.resumeSessionId) args.push('--session', request.resumeSessionId);
  if (options.systemPrompt) args.push('--system-prompt', options.systemPrompt);
  if (request.allowedTools) {
    const tools = request.allowedTools.map((tool) => PI_TOOLS[tool.toLowerCase()] ?? tool.toLowerCase());
    args.push(...(tools.length === 0 ? ['--no-tools'] : ['--tools', tools.join(',')]));
  } else if (request.deniedTools?.length) {
    const denied = new Set(request.deniedTools.map((tool) => PI_TOOLS[tool.toLowerCase()] ?? tool.toLowerCase()));
    const tools = PI_DEFAULT_TOOLS.filter((tool) => !denied.has(tool));
    args.push(...(tools.length === 0 ? ['--no-tools'] : ['--tools', tools.join(',')]));
  }
  if (options.skills) {
    // The list is the exact active set: nothing else is discovered.
    args.push('--no-skills');
    for (const skill of options.skills) args.push('--skill', skillPath(skill, request));
  }
  if (options.pi?.enableExtensions === false) args.push('--no-extensions');
  for (const [flag, value] of Object.entries(options.pi?.extensionFlags ?? {})) {
    if (value === false) continue;
    args.push(`--${flag}`, ...(value === true ? [] : [value]));
  }
  args.push(...(defaults.args ?? []));
  return args;
}

/** A skill by name: the first of the places pi and Claude Code keep skills that has it. */
function skillPath(skill: string, request: ProviderRequest): string {
  if (isAbsolute(skill) || skill.includes('/')) return skill;
  const home = request.env.HOME;
  const candidates = [
    join(request.cwd, '.pi', 'skills', skill),
    join(request.cwd, '.agents', 'skills', skill),
    join(request.cwd, '.claude', 'skills', skill),
    ...(home ? [join(home, '.pi', 'agent', 'skills', skill), join(home, '.claude', 'skills', skill)] : []),
  ];
  return candidates.find((candidate) => existsSync(candidate)) ?? skill;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter(
      (block): block is { type: string; text: string } => block?.type === 'text' && typeof block.text === 'string',
    )
    .map((block) => block.text)
    .join('');
}

function addTurnUsage(total: Usage | undefined, raw: unknown): Usage | undefined {
  if (typeof raw !== 'object' || raw === null) return total;
  const usage = raw as Record<string, unknown>;
  const num = (value: unknown) => (typeof value === 'number' ? value : 0);
  const cost = (usage.cost as { total?: unknown } | undefined)?.total;
  return {
    inputTokens: (total?.inputTokens ?? 0) + num(usage.input),
    outputTokens: (total?.outputTokens ?? 0) + num(usage.output),
    cacheReadTokens: (total?.cacheReadTokens ?? 0) + num(usage.cacheRead),
    cacheWriteTokens: (total?.cacheWriteTokens ?? 0) + num(usage.cacheWrite),
    costUsd: typeof cost === 'number' ? (total?.costUsd ?? 0) + cost : total?.costUsd,
  };
}
