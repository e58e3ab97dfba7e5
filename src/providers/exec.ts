import { expandVariables } from '../lib/expand.js';
import { describeExit, runProcess } from '../lib/process.js';
import type { ExecSpec } from './schema.js';
import { kindFromText, promptWithSystem, stderrTail } from './cli-stream.js';
import { ProviderError, type Provider, type ProviderErrorKind, type ProviderResult } from './types.js';

/**
 * Any command as an AI provider: the prompt on stdin, the answer on stdout. Used by tests, the demo,
 * and agent CLIs Archal has no dedicated provider for.
 */
export function createExecProvider(defaults: { exec?: ExecSpec; model?: string }): Provider {
  return {
    name: 'exec',
    async run(request): Promise<ProviderResult> {
      const spec = request.exec ?? defaults.exec;
      if (!spec)
        throw new ProviderError(
          'invalid_request',
          'provider "exec" has no command (set exec.command or assistants.exec.command)',
        );
      const model = request.model ?? defaults.model;
      const env: NodeJS.ProcessEnv = { ...request.env };
      for (const [key, value] of Object.entries(spec.env ?? {})) env[key] = expandVariables(value, request.env);
      if (model) env.ARCHAL_MODEL = model;
      if (request.outputSchemaPath) env.ARCHAL_OUTPUT_SCHEMA = request.outputSchemaPath;
      if (request.resumeSessionId) env.ARCHAL_SESSION_ID = request.resumeSessionId;

      const result = await runProcess({
        command: expandVariables(spec.command, request.env),
        args: (spec.args ?? []).map((arg) => expandVariables(arg, request.env)),
        cwd: request.cwd,
        env,
        stdin: promptWithSystem(request),
        idleTimeoutMs: request.idleTimeoutMs,
        signal: request.signal,
        onProcess: request.onProcess,
      });
      const stdout = result.stdout.endsWith('\n') ? result.stdout.slice(0, -1) : result.stdout;
      if (result.exitCode === 0 && !result.aborted && !result.idleTimedOut) return { text: stdout };
      if (result.idleTimedOut && stdout.trim()) return { text: stdout, idleTimedOut: true };
      const stderr = stderrTail(result);
      throw new ProviderError(
        execErrorKind(result, stderr),
        `exec command '${spec.command}' ${describeExit(result)}${stderr ? `: ${stderr}` : ''}`,
        { exitCode: result.exitCode },
      );
    },
  };
}

function execErrorKind(result: Awaited<ReturnType<typeof runProcess>>, stderr: string): ProviderErrorKind {
  if (result.spawnError)
    return result.spawnError.code === 'ENOENT' || result.spawnError.code === 'EACCES' ? 'not_installed' : 'crash';
  if (result.aborted) return 'cancelled';
  if (result.idleTimedOut || result.timedOut) return 'timeout';
  if (result.signal) return 'crash';
  if (result.exitCode === 126 || result.exitCode === 127) return 'not_installed';
  if (result.exitCode === 75 || result.exitCode === 124) return 'crash';
  return kindFromText(stderr);
}
