import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir } from '../lib/paths.js';
import { cliFailure, promptWithSystem, runJsonLinesCli } from './cli-stream.js';
import { clampEffort, PROVIDER_CAPABILITIES } from './models.js';
import type { CliDefaults } from './pi.js';
import { type Provider, type ProviderResult, type Usage } from './types.js';

/**
 * `opencode run --format json`: one event per line (`step_start`, `text`, `tool_use`,
 * `step_finish`, `error`), each with the session id. The prompt goes on stdin, which opencode
 * appends to the (empty) message when it is not a terminal.
 */
export function createOpencodeProvider(defaults: CliDefaults = {}): Provider {
  return {
    name: 'opencode',
    async run(request, onEvent): Promise<ProviderResult> {
      const args = ['run', '--format', 'json'];
      const model = request.model ?? defaults.model;
      if (model) args.push('--model', model);
      if (request.resumeSessionId) args.push('--session', request.resumeSessionId);
      const effort =
        request.options?.effort && clampEffort(request.options.effort, PROVIDER_CAPABILITIES.opencode.efforts);
      if (effort) args.push('--variant', effort);
      const agents = request.options?.agents;
      // Inline agents reach opencode as an extra configuration file (OPENCODE_CONFIG); the first one answers.
      const configDir = agents ? mkdtempSync(join(scratchDir(), 'archal-opencode-')) : undefined;
      let env = request.env;
      if (agents && configDir) {
        const file = join(configDir, 'opencode.json');
        writeFileSync(
          file,
          JSON.stringify({
            agent: Object.fromEntries(
              Object.entries(agents).map(([id, agent]) => [
                id,
                {
                  description: agent.description,
                  prompt: agent.prompt,
                  mode: 'primary',
                  ...(agent.model ? { model: agent.model } : {}),
                },
              ]),
            ),
          }),
        );
        env = { ...request.env, OPENCODE_CONFIG: file };
        args.push('--agent', Object.keys(agents)[0]!);
      }
      args.push(...(defaults.args ?? []));

      let sessionId: string | undefined;
      let step: string[] = [];
      let answer = '';
      let failed: string | undefined;
      let usage: Usage | undefined;
      const result = await runJsonLinesCli(
        {
          label: 'OpenCode CLI',
          command: defaults.command ?? 'opencode',
          args,
          configKey: 'assistants.opencode.command',
          stdin: promptWithSystem(request),
          env,
        },
        request,
        (event) => {
          if (typeof event.sessionID === 'string') sessionId = event.sessionID;
          const part = (event.part ?? {}) as Record<string, unknown>;
          switch (event.type) {
            case 'step_start':
              step = [];
              return;
            case 'text':
              if (typeof part.text === 'string') {
                step.push(part.text);
                answer = step.join('\n');
                onEvent({ type: 'text', text: part.text });
              }
              return;
            case 'tool_use': {
              const state = (part.state ?? {}) as Record<string, unknown>;
              const id = String(part.callID ?? part.id ?? '');
              const name = String(part.tool ?? 'unknown');
              onEvent({ type: 'tool_call', id, name, input: state.input });
              onEvent({ type: 'tool_result', id, name, isError: state.status === 'error' });
              return;
            }
            case 'step_finish':
              usage = addStepUsage(usage, part);
              return;
            case 'error': {
              const error = event.error as { name?: unknown; data?: { message?: unknown } } | undefined;
              failed = String(error?.data?.message ?? error?.name ?? 'error');
              return;
            }
          }
        },
      ).finally(() => configDir && rmSync(configDir, { recursive: true, force: true }));
      if (result.exitCode === 0 && !failed && answer) return { text: answer, sessionId, usage };
      if (result.idleTimedOut && answer) return { text: answer, sessionId, usage, idleTimedOut: true };
      throw cliFailure('OpenCode', result, { failed, answered: Boolean(answer), usage });
    },
  };
}

function addStepUsage(total: Usage | undefined, part: Record<string, unknown>): Usage | undefined {
  const tokens = part.tokens as
    { input?: number; output?: number; reasoning?: number; cache?: { read?: number; write?: number } } | undefined;
  if (!tokens && typeof part.cost !== 'number') return total;
  return {
    inputTokens: (total?.inputTokens ?? 0) + (tokens?.input ?? 0),
    outputTokens: (total?.outputTokens ?? 0) + (tokens?.output ?? 0) + (tokens?.reasoning ?? 0),
    cacheReadTokens: (total?.cacheReadTokens ?? 0) + (tokens?.cache?.read ?? 0),
    cacheWriteTokens: (total?.cacheWriteTokens ?? 0) + (tokens?.cache?.write ?? 0),
    costUsd: typeof part.cost === 'number' ? (total?.costUsd ?? 0) + part.cost : total?.costUsd,
  };
}
