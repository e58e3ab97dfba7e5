import { bashScript, describeExit, runProcess } from '../lib/process.js';
import type { SecretRedactor } from '../lib/redact.js';
import type { CommandResult } from './schema.js';

/** The only variables external commands inherit, besides those named with --pass-env. */
export const BASE_ENV_ALLOWLIST = ['PATH', 'HOME', 'LANG', 'TMPDIR'] as const;

export interface ExternalCommand {
  command: string;
  cwd: string;
  /** ARCHAL_PREPROD_* variables for this command. */
  vars: Record<string, string>;
  passEnv: readonly string[];
  timeoutMs: number;
  redactor: SecretRedactor;
  signal?: AbortSignal;
  /** The host's environment the allowlist picks from. */
  env: NodeJS.ProcessEnv;
}

/**
 * The environment of fix, validation and PR commands: an allowlist. No GitHub, Archal, model or
 * cloud credential reaches them unless the user names it with --pass-env.
 */
export function restrictedEnvironment(
  vars: Record<string, string>,
  passEnv: readonly string[],
  env: NodeJS.ProcessEnv,
): NodeJS.ProcessEnv {
  const restricted: NodeJS.ProcessEnv = {};
  for (const name of [...BASE_ENV_ALLOWLIST, ...passEnv]) if (env[name] !== undefined) restricted[name] = env[name];
  return { ...restricted, ...vars };
}

/** Runs a user command (`bash -c`, reading no startup file) in the repository with the restricted environment. */
export async function runExternal(spec: ExternalCommand): Promise<CommandResult & { stdout: string }> {
  const result = await runProcess({
    ...bashScript(spec.command),
    cwd: spec.cwd,
    env: restrictedEnvironment(spec.vars, spec.passEnv, spec.env),
    timeoutMs: spec.timeoutMs,
    signal: spec.signal,
    stderrTailBytes: 16 * 1024,
  });
  const output = `${result.stdout.slice(-6000)}${result.stderr ? `\n${result.stderr.slice(-6000)}` : ''}`.trim();
  const lines = output.split('\n');
  const tail = lines.slice(-40).join('\n');
  return {
    command: spec.redactor.text(spec.command),
    exitCode: result.exitCode,
    timedOut: result.timedOut,
    durationMs: Math.round(result.durationMs),
    outputTail: spec.redactor.text(result.spawnError ? `could not start: ${describeExit(result)}` : tail),
    stdout: result.stdout,
  };
}

/** The last line a command printed (its own words for why it failed), or ''. */
export function lastLine(output: string): string {
  return (
    output
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .at(-1) ?? ''
  );
}

/** How a command failed (`exit 4`, `timed out`) and the last line it printed; undefined when it succeeded. */
export function commandFailure(result: CommandResult): { how: string; said: string } | undefined {
  if (result.exitCode === 0 && !result.timedOut) return undefined;
  const how = result.timedOut
    ? 'timed out'
    : result.exitCode === null
      ? 'did not exit normally'
      : `exit ${result.exitCode}`;
  return { how, said: lastLine(result.outputTail) };
}
