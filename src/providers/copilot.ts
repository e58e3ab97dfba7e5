import { cliFailure, promptWithSystem, runJsonLinesCli } from './cli-stream.js';
import { clampEffort, PROVIDER_CAPABILITIES } from './models.js';
import type { CliDefaults } from './pi.js';
import { type Provider, type ProviderResult, type Usage } from './types.js';

/**
 * The GitHub Copilot CLI in prompt mode with JSONL output (`copilot -p … --output-format json`):
 * session events (`assistant.message`, `tool.execution_*`, `assistant.usage`, `session.error`)
 * and a terminal `result` line with the session id and exit code. The prompt is an argument.
 */
export function createCopilotProvider(defaults: CliDefaults = {}): Provider {
  return {
    name: 'copilot',
    async run(request, onEvent): Promise<ProviderResult> {
      const args = ['-p', promptWithSystem(request), '--output-format', 'json', '--allow-all-tools', '--no-ask-user'];
      const model = request.model ?? defaults.model;
      if (model) args.push('--model', model);
      const effort =
        request.options?.effort && clampEffort(request.options.effort, PROVIDER_CAPABILITIES.copilot.efforts);
      if (effort) args.push('--effort', effort);
      if (request.resumeSessionId) args.push(`--resume=${request.resumeSessionId}`);
      for (const dir of request.additionalDirectories ?? []) args.push('--add-dir', dir);
      for (const tool of request.allowedTools ?? []) args.push(`--available-tools=${tool}`);
      for (const tool of request.deniedTools ?? []) args.push(`--deny-tool=${tool}`);
      if (request.options?.mcp) args.push('--additional-mcp-config', `@${request.options.mcp}`);
      args.push(...(defaults.args ?? []));

      let sessionId: string | undefined;
      let finalAnswer: string | undefined;
      let lastText: string | undefined;
      let failed: string | undefined;
      let exitCode: number | undefined;
      let usage: Usage | undefined;
      const toolNames = new Map<string, string>();
      const result = await runJsonLinesCli(
        {
          label: 'GitHub Copilot CLI',
          command: defaults.command ?? 'copilot',
          args,
          configKey: 'assistants.copilot.command',
          stdin: '',
        },
        request,
        (event) => {
          const data = (event.data ?? {}) as Record<string, unknown>;
          switch (event.type) {
            case 'assistant.message':
              if (typeof data.content === 'string' && data.content) {
                lastText = data.content;
                if (data.phase === 'final_answer') finalAnswer = data.content;
                onEvent({ type: 'text', text: data.content });
              }
              return;
            case 'tool.execution_start': {
              const id = String(data.toolCallId);
              toolNames.set(id, String(data.toolName));
              onEvent({ type: 'tool_call', id, name: String(data.toolName), input: data.arguments });
              return;
            }
            case 'tool.execution_complete': {
              const id = String(data.toolCallId);
              onEvent({ type: 'tool_result', id, name: toolNames.get(id), isError: data.success !== true });
              return;
            }
            case 'assistant.usage':
              usage = {
                inputTokens: (usage?.inputTokens ?? 0) + num(data.inputTokens),
                outputTokens: (usage?.outputTokens ?? 0) + num(data.outputTokens),
                cacheReadTokens: (usage?.cacheReadTokens ?? 0) + num(data.cacheReadTokens),
                cacheWriteTokens: (usage?.cacheWriteTokens ?? 0) + num(data.cacheWriteTokens),
              };
              return;
            case 'session.error':
              failed = typeof data.message === 'string' ? data.message : 'session error';
              return;
            case 'result':
              if (typeof event.sessionId === 'string') sessionId = event.sessionId;
              if (typeof event.exitCode === 'number') exitCode = event.exitCode;
              return;
          }
        },
      );
      const answer = finalAnswer ?? lastText;
      if (result.exitCode === 0 && (exitCode ?? 0) === 0 && answer && !(failed && !finalAnswer))
        return { text: answer, sessionId, usage };
      if (result.idleTimedOut && answer) return { text: answer, sessionId, usage, idleTimedOut: true };
      throw cliFailure('Copilot', result, { failed, answered: Boolean(answer), usage });
    },
  };
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}
