import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir } from '../../lib/paths.js';
import { bashScript, describeExit, runProcess } from '../../lib/process.js';
import type { BashNode } from '../model.js';
import { classifyExit, classifyMessage, NodeFailure } from '../retry.js';
import type { NodeOutcome, NodeRun, RunContext } from '../run-context.js';
import { substituteShell, type RunVariables } from '../substitute.js';
import { nodeEnvironment, processReporter } from './process-env.js';

/** Scripts above this size go through a file: argv has a per-argument limit (128 KiB on Linux). */
const MAX_INLINE_SCRIPT = 100 * 1024;
const MAX_ERROR_TAIL = 2000;

export async function runBashNode({ node, run, signal }: NodeRun<BashNode>): Promise<NodeOutcome> {
  const result = await runScript(run, node.id, node.bash, run.vars, {
    timeoutMs: node.timeout,
    signal,
    label: `Bash node '${node.id}'`,
  });
  if (result.kind === 'ok') return { kind: 'completed', text: result.stdout };
  throw result.failure;
}

export type ScriptResult =
  { kind: 'ok'; stdout: string } | { kind: 'failed'; exitCode: number | null; failure: NodeFailure };

/**
 * Runs a bash script for a node: outputs spliced shell-quoted, run variables in the environment.
 * Stdout loses exactly one trailing newline; a failure carries the tail of stderr (never the script).
 */
export async function runScript(
  run: RunContext,
  nodeId: string,
  script: string,
  vars: RunVariables,
  options: { timeoutMs: number; signal: AbortSignal; label: string; iteration?: number },
): Promise<ScriptResult> {
  // Long outputs and long scripts go through files: working files outside the repository, readable
  // by this user only and removed when the script ends (they hold outputs, which may hold secrets).
  // The directory is created only when something is written there (most scripts write nothing).
  const work = new WorkDir();
  try {
    return await runBody(run, nodeId, substituteShell(script, vars, run.outputs, work.create), work, vars, options);
  } finally {
    work.remove();
  }
}

/** A script's working directory: unguessable per process, then numbered (one random draw, not one per script). */
class WorkDir {
  private static prefix: string | undefined;
  private static count = 0;
  private readonly path = join(
    scratchDir(),
    `${(WorkDir.prefix ??= `archal-node-${process.pid}-${randomBytes(6).toString('hex')}`)}-${++WorkDir.count}`,
  );
  private created = false;

  /** The directory, created (0700) on first call. */
  readonly create = (): string => {
    if (!this.created) {
      mkdirSync(this.path, { recursive: true, mode: 0o700 });
      this.created = true;
    }
    return this.path;
  };

  remove(): void {
    if (this.created) rmSync(this.path, { recursive: true, force: true });
  }
}

async function runBody(
  run: RunContext,
  nodeId: string,
  body: string,
  work: WorkDir,
  vars: RunVariables,
  options: { timeoutMs: number; signal: AbortSignal; label: string; iteration?: number },
): Promise<ScriptResult> {
  const shell = bashScript(body);
  let args = shell.args;
  if (Buffer.byteLength(body) > MAX_INLINE_SCRIPT) {
    const file = join(work.create(), `${nodeId}.sh`);
    writeFileSync(file, body, { mode: 0o600 });
    args = [...args.slice(0, -2), file];
  }
  const result = await runProcess({
    command: shell.command,
    args,
    cwd: run.cwd,
    env: nodeEnvironment(run, nodeId, vars, options.iteration),
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    onProcess: processReporter(run, nodeId),
  });
  if (result.exitCode === 0 && !result.timedOut && !result.aborted) {
    return { kind: 'ok', stdout: result.stdout.endsWith('\n') ? result.stdout.slice(0, -1) : result.stdout };
  }
  const stderr = result.stderr.trim();
  const tail = stderr.length > MAX_ERROR_TAIL ? `…${stderr.slice(-MAX_ERROR_TAIL)}` : stderr;
  const what = result.timedOut
    ? `${options.label} timed out after ${options.timeoutMs}ms`
    : `${options.label} failed [${describeExit(result, options.timeoutMs)}]`;
  const errorClass =
    classifyExit({
      exitCode: result.exitCode,
      timedOut: result.timedOut,
      signal: result.aborted ? null : result.signal,
      spawnErrorCode: result.spawnError?.code,
    }) ?? classifyMessage(stderr);
  return {
    kind: 'failed',
    exitCode: result.exitCode,
    failure: new NodeFailure(
      result.aborted ? `${options.label} was cancelled` : tail ? `${what}: ${tail}` : what,
      result.aborted ? 'fatal' : errorClass,
    ),
  };
}
