import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeExit, runProcess } from '../../lib/process.js';
import type { ScriptNode } from '../model.js';
import { classifyExit, classifyMessage, NodeFailure } from '../retry.js';
import type { NodeOutcome, NodeRun } from '../run-context.js';
import type { ScriptRuntime } from '../schema.js';
import { substituteScript } from '../substitute.js';
import { resolveBindings } from './bindings.js';
import { nodeEnvironment, processReporter } from './process-env.js';

const MAX_INLINE_CODE = 100 * 1024;
const MAX_ERROR_TAIL = 2000;

/** How to get each runtime, for the error when it is missing. */
const INSTALL_HINT: Record<ScriptRuntime, string> = {
  bun: 'install Bun (https://bun.sh) or use runtime: node',
  uv: 'install uv (https://docs.astral.sh/uv/) or use runtime: python',
  node: 'install Node.js',
  python: 'install Python 3',
};

/** The executable of each runtime. */
const EXECUTABLE: Record<ScriptRuntime, string> = { bun: 'bun', uv: 'uv', node: 'node', python: 'python3' };

const EXTENSION: Record<ScriptRuntime, string> = { bun: 'ts', uv: 'py', node: 'mjs', python: 'py' };

/**
 * A script node: inline code (`bun -e`, `uv run python -c`, `node -e`, `python3 -c`) or a named
 * script file, run with its runtime. Node outputs are spliced into inline code as they are (parse
 * them in the script); inputs and run variables arrive in the environment (INPUTS_<NAME>…).
 */
export async function runScriptNode({ node, run, signal }: NodeRun<ScriptNode>): Promise<NodeOutcome> {
  const vars = node.bindings
    ? { ...run.vars, inputs: { ...run.vars.inputs, ...resolveBindings(node.bindings, run, node.id) } }
    : run.vars;
  let file = node.source.kind === 'file' ? node.source.file : undefined;
  const code = node.source.kind === 'inline' ? substituteScript(node.source.code, vars, run.outputs) : undefined;
  if (code !== undefined && Buffer.byteLength(code) > MAX_INLINE_CODE) {
    const dir = join(run.artifactsDir, '.archal', 'scripts');
    mkdirSync(dir, { recursive: true });
    file = join(dir, `${node.id}.${EXTENSION[node.runtime]}`);
    writeFileSync(file, code);
  }
  const label = `Script node '${node.id}'`;
  const result = await runProcess({
    command: EXECUTABLE[node.runtime],
    args: scriptArgs(node, file, code),
    cwd: run.cwd,
    env: nodeEnvironment(run, node.id, vars),
    timeoutMs: node.timeout,
    signal,
    onProcess: processReporter(run, node.id),
  });
  if (result.exitCode === 0 && !result.timedOut && !result.aborted)
    return { kind: 'completed', text: result.stdout.endsWith('\n') ? result.stdout.slice(0, -1) : result.stdout };
  if (result.spawnError?.code === 'ENOENT')
    throw new NodeFailure(
      `${label} needs the '${node.runtime}' runtime, but '${EXECUTABLE[node.runtime]}' is not installed (not found on PATH): ${INSTALL_HINT[node.runtime]}`,
      'fatal',
    );
  if (result.aborted) throw new NodeFailure(`${label} was cancelled`, 'fatal');
  const stderr = result.stderr.trim();
  const tail = stderr.length > MAX_ERROR_TAIL ? `…${stderr.slice(-MAX_ERROR_TAIL)}` : stderr;
  const what = result.timedOut
    ? `${label} timed out after ${node.timeout}ms`
    : `${label} failed [${describeExit(result, node.timeout)}]`;
  const errorClass =
    classifyExit({
      exitCode: result.exitCode,
      timedOut: result.timedOut,
      signal: result.signal,
      spawnErrorCode: result.spawnError?.code,
    }) ?? classifyMessage(stderr);
  throw new NodeFailure(tail ? `${what}: ${tail}` : what, errorClass);
}

function scriptArgs(node: ScriptNode, file: string | undefined, code: string | undefined): string[] {
  const withDeps = (node.deps ?? []).flatMap((dep) => ['--with', dep]);
  switch (node.runtime) {
    case 'bun':
      // --no-env-file: Bun would otherwise load the repository's .env into the script.
      return file ? ['--no-env-file', 'run', file] : ['--no-env-file', '-e', code!];
    case 'uv':
      return file ? ['run', ...withDeps, file] : ['run', ...withDeps, 'python', '-c', code!];
    case 'node':
      return file ? [file] : ['-e', code!];
    case 'python':
      return file ? [file] : ['-c', code!];
  }
}
