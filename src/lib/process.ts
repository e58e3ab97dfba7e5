import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface RunProcessOptions {
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Written to stdin, which is then closed. Without it stdin is empty. */
  stdin?: string;
  /** Kill the whole process tree after this long. */
  timeoutMs?: number;
  /** Kill the whole process tree when nothing was written to stdout or stderr for this long. */
  idleTimeoutMs?: number;
  signal?: AbortSignal;
  /** Called with each complete stdout line (without its newline), as it arrives. */
  onStdoutLine?: (line: string) => void;
  onStderr?: (chunk: string) => void;
  /** Keep at most this many bytes of stdout; the rest is counted and dropped. Default 32 MiB. */
  maxStdoutBytes?: number;
  /** Keep the last this-many bytes of stderr. Default 64 KiB. */
  stderrTailBytes?: number;
  /** Told the pid (= process group id) once the process started, and again when it is gone. */
  onProcess?: (pid: number, phase: 'start' | 'exit') => void;
}

export interface ProcessResult {
  /** Exit status, or null when the process was killed by a signal or never started. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stdoutTruncated: boolean;
  stderr: string;
  timedOut: boolean;
  idleTimedOut: boolean;
  aborted: boolean;
  /** Set when the process could not be started at all (ENOENT, EACCES...). */
  spawnError?: { code: string; message: string };
  durationMs: number;
}

const KILL_GRACE_MS = 2000;

/**
 * Runs a command in its own process group and always settles: timeouts, idle timeouts and aborts
 * kill the whole tree (SIGTERM, then SIGKILL after a grace period), so no grandchild outlives it.
 */
export function runProcess(options: RunProcessOptions): Promise<ProcessResult> {
  const started = performance.now();
  const maxStdout = options.maxStdoutBytes ?? 32 * 1024 * 1024;
  const stderrTail = options.stderrTailBytes ?? 64 * 1024;

  return new Promise((resolvePromise) => {
    const stdoutChunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stdoutTruncated = false;
    let stderr = '';
    let pendingLine = '';
    let timedOut = false;
    let idleTimedOut = false;
    let aborted = false;
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    let idleTimer: NodeJS.Timeout | undefined;

    if (options.signal?.aborted) {
      resolvePromise(emptyResult({ aborted: true, durationMs: 0 }));
      return;
    }

    const child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });

    if (child.pid !== undefined) options.onProcess?.(child.pid, 'start');

    const killTree = () => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(child.pid, 'SIGTERM');
      killTimer ??= setTimeout(() => child.pid !== undefined && signalGroup(child.pid, 'SIGKILL'), KILL_GRACE_MS);
      killTimer.unref();
    };

    const armIdle = () => {
      if (!options.idleTimeoutMs) return;
      if (idleTimer) idleTimer.refresh();
      else
        idleTimer = setTimeout(() => {
          idleTimedOut = true;
          killTree();
        }, options.idleTimeoutMs);
    };
    armIdle();

    const timeoutTimer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          killTree();
        }, options.timeoutMs)
      : undefined;

    const onAbort = () => {
      aborted = true;
      killTree();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.on('data', (chunk: Buffer) => {
      armIdle();
      if (stdoutBytes + chunk.length <= maxStdout) stdoutChunks.push(chunk);
      else {
        const room = maxStdout - stdoutBytes;
        if (room > 0) stdoutChunks.push(chunk.subarray(0, room));
        stdoutTruncated = true;
      }
      stdoutBytes += chunk.length;
      if (options.onStdoutLine) {
        pendingLine += chunk.toString('utf8');
        let newline = pendingLine.indexOf('\n');
        while (newline !== -1) {
          options.onStdoutLine(pendingLine.slice(0, newline).replace(/\r$/, ''));
          pendingLine = pendingLine.slice(newline + 1);
          newline = pendingLine.indexOf('\n');
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      armIdle();
      const text = chunk.toString('utf8');
      options.onStderr?.(text);
      stderr = (stderr + text).slice(-stderrTail);
    });

    // A child that exits without reading stdin makes writes fail with EPIPE; that is not our error.
    child.stdin.on('error', () => {});
    child.stdin.end(options.stdin ?? '');

    const finish = (result: Omit<ProcessResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      if (timeoutTimer) clearTimeout(timeoutTimer);
      if (idleTimer) clearTimeout(idleTimer);
      options.signal?.removeEventListener('abort', onAbort);
      if (killTimer) clearTimeout(killTimer);
      if (child.pid !== undefined) options.onProcess?.(child.pid, 'exit');
      resolvePromise({ ...result, durationMs: performance.now() - started });
    };

    child.on('error', (error: NodeJS.ErrnoException) => {
      finish({
        ...emptyResult({ aborted, durationMs: 0 }),
        stderr,
        spawnError: { code: error.code ?? 'EUNKNOWN', message: error.message },
      });
    });
    // When the direct child exits, anything it left running in its group would hold the pipes open
    // (and outlive us): kill the group so that 'close' follows promptly.
    child.on('exit', () => {
      if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
    });
    child.on('close', (exitCode, signal) => {
      if (options.onStdoutLine && pendingLine.length > 0) options.onStdoutLine(pendingLine.replace(/\r$/, ''));
      finish({
        exitCode,
        signal,
        stdout: Buffer.concat(stdoutChunks).toString('utf8'),
        stdoutTruncated,
        stderr,
        timedOut,
        idleTimedOut,
        aborted,
      });
    });
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function emptyResult(partial: { aborted: boolean; durationMs: number }): ProcessResult {
  return {
    exitCode: null,
    signal: null,
    stdout: '',
    stdoutTruncated: false,
    stderr: '',
    timedOut: false,
    idleTimedOut: false,
    ...partial,
  };
}

/** "exit 3", "signal SIGKILL", "timed out after 5000 ms"... for messages. */
export function describeExit(result: ProcessResult, timeoutMs?: number): string {
  if (result.spawnError) return `could not start (${result.spawnError.code}: ${result.spawnError.message})`;
  if (result.timedOut) return `timed out after ${timeoutMs ?? '?'} ms`;
  if (result.idleTimedOut) return 'produced no output for too long (idle timeout)';
  if (result.aborted) return 'was cancelled';
  if (result.signal) return `was killed by ${result.signal}`;
  return `exit ${result.exitCode}`;
}

/**
 * Processes of this user whose environment has `name=value` (Linux, through /proc; elsewhere none).
 * Node processes carry their run's id this way, so a run's orphans can be found even when their
 * owner died before it could record them.
 */
export function processesWithEnv(name: string, value: string): number[] {
  const wanted = Buffer.from(`${name}=${value}\0`);
  const found: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Prefixed with NUL so that `XARCHAL_RUN_ID=…` does not match.
      if (
        Buffer.concat([Buffer.from('\0'), readFileSync(`/proc/${entry}/environ`)]).includes(
          Buffer.concat([Buffer.from('\0'), wanted]),
        )
      )
        found.push(Number(entry));
    } catch {
      // Gone, or another user's: not ours to stop.
    }
  }
  return found;
}
