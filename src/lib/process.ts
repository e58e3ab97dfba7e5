import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants as fsConstants,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { scratchDir } from './paths.js';
import { monotonicMs } from './elapsed.js';

export interface RunProcessOptions {
  command: string;
  args: readonly string[];
  /** The program's argv[0], when not `command`. */
  argv0?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /**
   * Given to the process as its stdin (a file, never a socket: bash reads ~/.bashrc when its stdin
   * is a socket). Without it stdin is /dev/null.
   */
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
 * How long the pipes may stay open once the direct child has exited, or once its group was sent
 * SIGKILL at a timeout: only a process that left the group (setsid, a daemon) still holds them then,
 * and its output is not waited for. Long enough for output already in the pipes to be read.
 */
export const STDIO_DRAIN_GRACE_MS = 1000;

/**
 * How Archal runs a shell script: bash reading no startup file (~/.bashrc, /etc/bash.bashrc,
 * profiles) and no BASH_ENV, so nothing a user's shell setup exports reaches the script.
 */
export function bashScript(script: string): { command: string; args: string[] } {
  return { command: 'bash', args: ['--norc', '--noprofile', '-c', script] };
}

/** A word bash takes as it is: no quoting, expansion, globbing, redirection, operator or comment. */
const PLAIN_WORD = /^[A-Za-z0-9_./,:@%+=-]+$/;

/** Names bash runs itself (builtins, keywords) rather than as a program found on PATH. */
const BASH_OWN = new Set(
  (
    '. : [ alias bg bind break builtin caller cd command compgen complete compopt continue declare dirs disown echo ' +
    'enable eval exec exit export false fc fg getopts hash help history jobs kill let local logout mapfile popd ' +
    'printf pushd pwd read readarray readonly return set shift shopt source suspend test times trap true type ' +
    'typeset ulimit umask unalias unset wait if then else elif fi case esac for select while until do done in ' +
    'function time { } ! [[ ]] coproc'
  ).split(' '),
);

/**
 * Variables bash sets or rewrites when its environment has them, and then passes on as it has them
 * (`IFS` reset, `OPTIND` 1, `PPID` its own...): an environment with any of them is left to bash, as
 * is one with a name that starts with BASH (bash's own, exported functions included).
 */
const BASH_REWRITES = new Set(
  'IFS OPTIND OPTERR PPID RANDOM SRANDOM LINENO HISTCMD EPOCHSECONDS EPOCHREALTIME PS1 PS2 PS3 PS4 SHELLOPTS COMP_WORDBREAKS'.split(
    ' ',
  ),
);

/**
 * The process `bash -c` would exec for a script (as `bashScript` makes it) that is one simple command:
 * plain words, the first naming (on PATH, or by a path) an executable file that starts with `#!` (its
 * interpreter an executable file) or is an ELF binary. bash execs such a command in its own place,
 * by the path it found it at (a PATH entry as written, then the name), with `_` set to that path,
 * `PWD` to the working directory and an `OLDPWD` that names no directory dropped; started the same
 * way directly, the command leaves out bash's own start (its exec, locale and PATH search: a few
 * milliseconds and ~140 page faults before every agent). Undefined for anything else (bash runs
 * it): shell syntax, a builtin or keyword, a function the environment exports, a variable bash
 * rewrites, a command not found (bash's exit 127) or not executable (126).
 */
export function bashScriptAsExec(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): { command: string; args: string[]; argv0: string; env: NodeJS.ProcessEnv } | undefined {
  if (command !== 'bash' || args.length !== 4 || args[0] !== '--norc' || args[1] !== '--noprofile' || args[2] !== '-c')
    return undefined;
  const words = args[3]!.trim().split(/[ \t]+/);
  const [name = ''] = words;
  if (!words.every((word) => PLAIN_WORD.test(word)) || name.includes('=') || BASH_OWN.has(name)) return undefined;
  if (Object.keys(env).some((key) => key.startsWith('BASH') || BASH_REWRITES.has(key))) return undefined;
  const shellLevel = bashExecShellLevel(env.SHLVL);
  if (shellLevel === undefined) return undefined;
  const program = findProgram(name, cwd, env.PATH);
  const pwd = program === undefined ? undefined : bashPwd(cwd, env.PWD);
  if (program === undefined || pwd === undefined) return undefined;
  const execEnv: NodeJS.ProcessEnv = { ...env, _: program, PWD: pwd, SHLVL: shellLevel };
  if (env.OLDPWD !== undefined && !(env.OLDPWD && isDirectory(resolve(cwd, env.OLDPWD)))) delete execEnv.OLDPWD;
  return { command: program, args: words.slice(1), argv0: name, env: execEnv };
}

/**
 * The SHLVL a program bash execs sees: bash counts itself in at start and out again when it execs
 * the script's one command, so a level it keeps as it is stays, and no level becomes "0". Undefined
 * for a level bash would reset (not a number, negative, too high): left to bash.
 */
function bashExecShellLevel(inherited: string | undefined): string | undefined {
  if (inherited === undefined) return '0';
  return /^(0|[1-9][0-9]{0,2})$/.test(inherited) && Number(inherited) < 999 ? inherited : undefined;
}

/**
 * The path bash would exec `name` by: the name itself when it has a slash; else the first PATH
 * entry holding an executable regular file of that name, as written (an empty entry is `.`),
 * joined to the name. Relative paths are the working directory's, as for bash.
 */
function findProgram(name: string, cwd: string, path: string | undefined): string | undefined {
  if (name.includes('/')) return execFile(resolve(cwd, name), cwd) ? name : undefined;
  // Without PATH bash searches a default of its own, and it expands a ~ that starts an entry: left to bash.
  if (path === undefined) return undefined;
  const entries = path.split(':');
  if (entries.some((entry) => entry.startsWith('~'))) return undefined;
  for (const entry of entries) {
    const dir = entry || '.';
    const candidate = dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
    if (execFile(resolve(cwd, candidate), cwd)) return candidate;
  }
  return undefined;
}

/**
 * Whether `file` is an executable regular file that the kernel runs itself: an ELF binary, or a
 * script whose `#!` names an executable file (when it does not, bash reports a bad interpreter).
 */
function execFile(file: string, cwd: string): boolean {
  let fd: number | undefined;
  try {
    // A name missing from most PATH directories: no error made (and thrown) for each.
    if (!executable(file)) return false;
    fd = openSync(file, 'r');
    // The kernel reads a `#!` line of up to 256 bytes.
    const head = Buffer.alloc(256);
    const read = readSync(fd, head, 0, head.length, 0);
    if (read >= 4 && head.subarray(0, 4).equals(ELF_MAGIC)) return true;
    if (read < 2 || head[0] !== 0x23 || head[1] !== 0x21) return false;
    const line = head.subarray(2, read).toString('latin1');
    const newline = line.indexOf('\n');
    if (newline === -1) return false;
    // As the kernel reads it: after spaces and tabs, up to the next (a carriage return is part of the name).
    const interpreter = line
      .slice(0, newline)
      .replace(/^[ \t]+/, '')
      .split(/[ \t]/)[0];
    return !!interpreter && executable(resolve(cwd, interpreter));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);

function executable(file: string): boolean {
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return false;
  try {
    accessSync(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/**
 * bash's PWD: the inherited one when it is an absolute path to the working directory, else the
 * directory's real path; undefined when the directory cannot be read (the start fails as it would).
 */
function bashPwd(cwd: string, inherited: string | undefined): string | undefined {
  try {
    const here = statSync(cwd);
    if (inherited && isAbsolute(inherited)) {
      const there = statSync(inherited, { throwIfNoEntry: false });
      if (there && there.dev === here.dev && there.ino === here.ino) return inherited;
    }
    return realpathSync(cwd);
  } catch {
    return undefined;
  }
}

/** Variables that make a non-interactive shell read a file before the script. */
const SHELL_STARTUP_VARIABLES = ['BASH_ENV', 'ENV'];

/**
 * Runs a command in its own process group and always settles: timeouts, idle timeouts and aborts
 * kill the whole tree (SIGTERM, then SIGKILL after a grace period), so no grandchild outlives it.
 * The group is also killed at once if this process dies, however it dies (see `ownerWatchdog`).
 * The wait is bounded even when a descendant escaped the group holding stdout or stderr: once the
 * direct child has exited, the pipes get `STDIO_DRAIN_GRACE_MS` to close before they are closed on
 * our side and the child's own exit status is reported; a timeout or an abort ends the wait at the
 * latest `KILL_GRACE_MS + STDIO_DRAIN_GRACE_MS` after it fired.
 */
export function runProcess(options: RunProcessOptions): Promise<ProcessResult> {
  const started = monotonicMs();
  const maxStdout = options.maxStdoutBytes ?? 32 * 1024 * 1024;
  const stderrTail = options.stderrTailBytes ?? 64 * 1024;

  return new Promise((resolvePromise) => {
    const stdoutChunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stdoutTruncated = false;
    let stderr = '';
    // A chunk may end inside a multi-byte character: the decoders keep its first bytes for the next.
    const stdoutDecoder = new StringDecoder('utf8');
    const stderrDecoder = new StringDecoder('utf8');
    // The unfinished line, in pieces: joined once when its newline arrives, so a huge line costs its size.
    let pendingLine: string[] = [];
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

    let env = options.env;
    if (SHELL_STARTUP_VARIABLES.some((name) => name in env)) {
      env = { ...env };
      for (const name of SHELL_STARTUP_VARIABLES) delete env[name];
    }
    const stdinFd = options.stdin === undefined ? 'ignore' : stdinFile(options.stdin);
    // Before the process exists: killed the moment after the spawn, this process leaves a watchdog
    // that already holds the pipe, and the group is told to it before the process can do anything.
    ownerWatchdog.ready();
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(options.command, options.args, {
        ...(options.argv0 === undefined ? {} : { argv0: options.argv0 }),
        cwd: options.cwd,
        env,
        detached: true,
        stdio: [stdinFd, 'pipe', 'pipe'],
      });
    } finally {
      if (typeof stdinFd === 'number') closeSync(stdinFd);
    }

    if (child.pid !== undefined) {
      ownerWatchdog.watch(child.pid);
      options.onProcess?.(child.pid, 'start');
    }

    // The direct child's own end, once it has exited: what is reported even if its pipes never close.
    let exited: { exitCode: number | null; signal: NodeJS.Signals | null } | undefined;
    let drainTimer: NodeJS.Timeout | undefined;

    const killTree = () => {
      if (child.pid === undefined || exited) return;
      signalGroup(child.pid, 'SIGTERM');
      killTimer ??= setTimeout(() => {
        if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
        // Unkillable (a process in uninterruptible sleep): stop waiting for it all the same.
        drainTimer ??= setTimeout(stopWaiting, STDIO_DRAIN_GRACE_MS);
      }, KILL_GRACE_MS);
    };

    /** A timeout, an idle timeout or an abort: kill the tree, or, if the child already exited, stop waiting for its pipes. */
    const interrupt = (mark: () => void) => {
      if (exited) {
        stopWaiting();
        return;
      }
      mark();
      killTree();
    };

    const armIdle = () => {
      if (!options.idleTimeoutMs) return;
      if (idleTimer) idleTimer.refresh();
      else idleTimer = setTimeout(() => interrupt(() => (idleTimedOut = true)), options.idleTimeoutMs);
    };
    armIdle();

    const timeoutTimer = options.timeoutMs
      ? setTimeout(() => interrupt(() => (timedOut = true)), options.timeoutMs)
      : undefined;

    const onAbort = () => interrupt(() => (aborted = true));
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout!.on('data', (chunk: Buffer) => {
      armIdle();
      if (stdoutBytes + chunk.length <= maxStdout) stdoutChunks.push(chunk);
      else {
        const room = maxStdout - stdoutBytes;
        if (room > 0) stdoutChunks.push(chunk.subarray(0, room));
        stdoutTruncated = true;
      }
      stdoutBytes += chunk.length;
      if (options.onStdoutLine) {
        const text = stdoutDecoder.write(chunk);
        let start = 0;
        for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
          pendingLine.push(text.slice(start, newline));
          options.onStdoutLine(pendingLine.join('').replace(/\r$/, ''));
          pendingLine = [];
          start = newline + 1;
        }
        if (start < text.length) pendingLine.push(text.slice(start));
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      armIdle();
      const text = stderrDecoder.write(chunk);
      options.onStderr?.(text);
      stderr = (stderr + text).slice(-stderrTail);
    });

    const finish = (result: Omit<ProcessResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      if (timeoutTimer) clearTimeout(timeoutTimer);
      if (idleTimer) clearTimeout(idleTimer);
      if (drainTimer) clearTimeout(drainTimer);
      options.signal?.removeEventListener('abort', onAbort);
      if (killTimer) clearTimeout(killTimer);
      if (child.pid !== undefined) {
        const pid = child.pid;
        const gone = () => {
          ownerWatchdog.unwatch(pid);
          options.onProcess?.(pid, 'exit');
        };
        // Given up on a child that would not die: the watchdog keeps its group until it does.
        if (exited || child.exitCode !== null || child.signalCode !== null) gone();
        else {
          child.once('exit', gone);
          child.unref();
        }
      }
      resolvePromise({ ...result, durationMs: monotonicMs() - started });
    };

    const settle = (exitCode: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      if (options.onStdoutLine) {
        const rest = pendingLine.join('') + stdoutDecoder.end();
        if (rest.length > 0) options.onStdoutLine(rest.replace(/\r$/, ''));
      }
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
    };

    // Output already in the pipes is read first: the immediate runs after this turn's I/O.
    function stopWaiting() {
      setImmediate(() => {
        if (settled) return;
        child.stdout!.destroy();
        child.stderr!.destroy();
        settle(exited?.exitCode ?? null, exited?.signal ?? null);
      });
    }

    child.on('error', (error: NodeJS.ErrnoException) => {
      finish({
        ...emptyResult({ aborted, durationMs: 0 }),
        stderr,
        spawnError: { code: error.code ?? 'EUNKNOWN', message: error.message },
      });
    });
    // When the direct child exits, anything it left running in its group would hold the pipes open
    // (and outlive us): kill the group so that 'close' follows promptly. A process that left the
    // group (setsid) cannot be reached so: its pipes get a short grace, then are closed on our side.
    child.on('exit', (exitCode, signal) => {
      exited = { exitCode, signal };
      if (killTimer) clearTimeout(killTimer);
      if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
      if (drainTimer) clearTimeout(drainTimer);
      drainTimer = setTimeout(stopWaiting, STDIO_DRAIN_GRACE_MS);
    });
    child.on('close', (exitCode, signal) => settle(exitCode, signal));
  });
}

/**
 * Stdin as an open file whose name is already gone: the process reads `text` from a regular file,
 * never from a socket, and nothing is left on disk.
 */
function stdinFile(text: string): number {
  const file = join(scratchDir(), `archal-stdin-${process.pid}-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, text, { mode: 0o600 });
  try {
    return openSync(file, 'r');
  } finally {
    unlinkSync(file);
  }
}

/**
 * The variable that carries, in the environment of every workflow node process, the marks of the
 * processes that own it: the marks it inherited (an `archal` run by a node of another one), then
 * its owner's. Processes keep the environment they were started with, so it is how the watchdog
 * finds an owner's processes that it never heard of.
 */
export const OWNER_MARKS_VARIABLE = 'ARCHAL_OWNERS';

/** This process's mark: random, so that it is found in no environment but those of its processes. */
const OWNER_MARK = `archal-owner-${randomBytes(12).toString('hex')}`;

let ownerMarksValue: string | undefined;

/**
 * The value of `OWNER_MARKS_VARIABLE` for the processes this one starts: on Linux, when this
 * process is killed, every process whose environment carries its mark is killed (see
 * `OwnerWatchdog`), even one started so shortly before that it was not recorded yet, or one that
 * left its process group.
 */
export function ownerMarks(): string {
  ownerMarksValue ??= [process.env[OWNER_MARKS_VARIABLE]?.trim(), OWNER_MARK].filter(Boolean).join(' ');
  return ownerMarksValue;
}

/**
 * The watchdog of this process's process groups. Node has no parent-death signal, so a small shell
 * process holds a pipe from this one, which is never written to: when it closes — this process
 * exited or was killed, even with SIGKILL — the watchdog reads the groups this process started and
 * ended from a file (appended to as they start and end: a write to a file wakes no one, where a
 * line on the pipe would wake the shell at every node) and kills every group still running at once.
 * It runs in a group of its own, so a Ctrl-C meant for this process does not stop it.
 *
 * A group is recorded just after its process started: killed in between (preempted under load,
 * then SIGKILL), this process would leave that group unrecorded. So when this process dies without
 * exiting by itself (a signal; its exit writes `=` to the file, and by then every group it started
 * is recorded), the watchdog also kills, on Linux, every process whose environment carries this
 * process's mark, with its group: `/proc/<pid>/environ` is scanned until two scans 100 ms apart
 * find none (a process forked by one just killed; a process started the moment this one died, not
 * yet past its exec). That work is done once, at the death, never per process started.
 */
class OwnerWatchdog {
  private child: ChildProcess | undefined;
  private file: string | undefined;
  private groupsFd: number | undefined;
  private readonly live = new Set<number>();
  private lines = 0;
  private exitNoted = false;

  /** Starts the watchdog, when it is not running: before the first process it is to watch. */
  ready(): void {
    if (!this.child) this.start();
  }

  watch(pgid: number): void {
    this.ready();
    this.live.add(pgid);
    this.append(`+${pgid}\n`);
  }

  unwatch(pgid: number): void {
    this.live.delete(pgid);
    this.append(`-${pgid}\n`);
  }

  private append(line: string): void {
    if (this.groupsFd === undefined) return;
    try {
      if (++this.lines > MAX_GROUP_LINES) this.compact();
      writeSync(this.groupsFd, line);
    } catch {
      // A full disk: the groups are still killed by a cancel or a resume (see run-processes.ts).
    }
  }

  /** A long-lived process (the App) rewrites the file with the groups still running, so it stays small. */
  private compact(): void {
    const temporary = `${this.file}.${this.lines}`;
    writeFileSync(temporary, [...this.live].map((pgid) => `+${pgid}\n`).join(''), { mode: 0o600 });
    renameSync(temporary, this.file!);
    closeSync(this.groupsFd!);
    this.groupsFd = openSync(this.file!, 'a');
    this.lines = this.live.size;
  }

  private start(): void {
    const file = join(scratchDir(), `archal-groups-${process.pid}-${randomBytes(6).toString('hex')}`);
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch {
      return;
    }
    let child: ChildProcess;
    try {
      child = spawn('/bin/sh', ['-c', WATCHDOG_SCRIPT, 'archal-watchdog', file, OWNER_MARK], {
        stdio: ['pipe', 'ignore', 'ignore'],
        detached: true,
        env: watchdogEnvironment(),
      });
    } catch {
      closeSync(fd);
      rmSync(file, { force: true });
      return;
    }
    // Never a reason for this process to stay alive, nor an error of its own.
    child.unref();
    (child.stdin as Writable & { unref?: () => void }).unref?.();
    child.stdin!.on('error', () => {});
    child.on('error', () => {});
    child.on('exit', () => {
      if (this.child !== child) return;
      this.child = undefined;
      if (this.groupsFd !== undefined) closeSync(this.groupsFd);
      this.groupsFd = undefined;
    });
    this.child = child;
    this.file = file;
    this.groupsFd = fd;
    this.lines = 0;
    // Groups told to an earlier watchdog that has since gone.
    for (const pgid of this.live) this.append(`+${pgid}\n`);
    if (!this.exitNoted) {
      this.exitNoted = true;
      process.once('exit', () => this.noteExit());
    }
  }

  /**
   * This process exits by itself: the watchdog is told so (it then scans no environment). With no
   * group left to kill, the file goes now and the watchdog is told on its pipe (a write on an empty
   * pipe completes at once), so that it needs no `rm` (a process) of its own; otherwise the file says so.
   */
  private noteExit(): void {
    const child = this.child;
    if (this.live.size > 0 || !child || this.file === undefined) {
      this.append('=\n');
      return;
    }
    try {
      unlinkSync(this.file);
    } catch {
      this.append('=\n');
      return;
    }
    child.stdin!.write('=\n');
  }
}

/**
 * The watchdog's environment: PATH alone (for grep, rm and sleep). Without the marks and the run id
 * this process inherited, so that the watchdog of an `archal` run by a node is not killed as one of
 * that node's processes before it has killed its own; and without the rest, which the watchdog does
 * not read: a copy of this process's environment, and its exec, cost every run's first node.
 */
function watchdogEnvironment(): NodeJS.ProcessEnv {
  return process.env.PATH === undefined ? {} : { PATH: process.env.PATH };
}

const MAX_GROUP_LINES = 10_000;

// Waits for its stdin to close, then replays the file: the groups are kept as " 12 34 " and removed
// with parameter expansion (no process per line). Unless the owner exited by itself (`=`, on the
// pipe or in the file), then kills the processes that carry its mark ($2), with their groups: one
// grep reads every environ. Removes the file unless its owner already did.
const WATCHDOG_SCRIPT = `exited=
while IFS= read -r line; do case $line in =) exited=1 ;; esac; done
groups=' '
if [ -f "$1" ]; then
  while IFS= read -r line; do
    case $line in
      +*) groups="$groups\${line#+} " ;;
      -*) id=\${line#-}; case $groups in *" $id "*) groups="\${groups%% $id *} \${groups#* $id }" ;; esac ;;
      =) exited=1 ;;
    esac
  done < "$1"
fi
for id in $groups; do kill -9 -$id 2>/dev/null; done
if [ -z "$exited" ] && [ -n "$2" ] && [ -r /proc/self/environ ]; then
  quiet=0
  scans=0
  while [ $scans -lt 50 ]; do
    scans=$((scans + 1))
    found=$(grep -lsF -e "$2" /proc/[0-9]*/environ)
    if [ -n "$found" ]; then
      for file in $found; do
        id=\${file#/proc/}; id=\${id%/environ}
        kill -9 -$id 2>/dev/null; kill -9 $id 2>/dev/null
      done
      continue
    fi
    quiet=$((quiet + 1))
    [ $quiet -ge 2 ] && break
    sleep 0.1 2>/dev/null || sleep 1
  done
fi
if [ -e "$1" ]; then rm -f "$1"; fi`;

const ownerWatchdog = new OwnerWatchdog();

/**
 * Whether any process of a process group is still alive (a zombie, dead but not yet reaped, does
 * not count). Linux reads /proc; elsewhere a signal-0 probe of the group.
 */
export function processGroupAlive(pgid: number): boolean {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(Number(entry));
    if (stat && stat.pgrp === pgid && stat.state !== 'Z') return true;
  }
  return false;
}

/** Whether a process is alive (a zombie does not count). */
export function processAlive(pid: number): boolean {
  const stat = procStat(pid);
  if (stat) return stat.state !== 'Z';
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // No /proc entry: on Linux the process is gone; elsewhere the probe is all we know.
  return !isLinuxProc();
}

function isLinuxProc(): boolean {
  try {
    readdirSync('/proc/self');
    return true;
  } catch {
    return false;
  }
}

function procStat(pid: number): { state: string; pgrp: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, pgrp: Number(fields[2]) };
  } catch {
    return undefined;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  // Usually the group is already gone (every node's group is killed as its process exits): the
  // error that follows is expected, so V8 is spared capturing its stack.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
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
