import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { findAttachment, readAttachments, saveAttachment } from './attachments.js';
import type { FormatChoice } from './formats/detect.js';
import type { FileOutcome } from './import.js';
import { processQueue, type AttachDeps, type JobSummary, type PolicyOptions } from './pipeline.js';
import type { DirectoryAttachment } from './schema.js';
import { DirectoryScanner, pause } from './watch.js';

/** The directory given to attach or detach is not usable. */
export class AttachDirectoryError extends Error {}

export interface LocalAttachRequest extends PolicyOptions {
  dir: string;
  once: boolean;
  format?: FormatChoice;
  /** How often to look for new files and for a detach (ms). */
  intervalMs?: number;
  owner: { pid: number; host: string };
  isProcessAlive: (pid: number) => boolean;
  /** Told what each pass imported and processed. */
  onPass?: (pass: { imported: FileOutcome[]; jobs: JobSummary[] }) => void;
  /** Told once the directory is recorded in attachments.json (after its checks), before the first pass. */
  onAttached?: (name: string) => void;
}

export interface LocalAttachResult {
  name: string;
  imported: FileOutcome[];
  jobs: JobSummary[];
  /** The traces the directory's files hold (their jobs may have been queued by another source first). */
  traceIds: string[];
  /** Why the loop ended. */
  stopped: 'once' | 'detached' | 'signal';
}

/** The name of a directory attachment: its path relative to the repository. */
export function attachmentName(deps: Pick<AttachDeps, 'layout'>, dir: string): string {
  return deps.layout.display(resolve(deps.layout.repo, dir));
}

/**
 * The local file-backed loop: imports new trace files of `dir` and runs the policy's stages on
 * their jobs; without `once`, keeps watching until `archal detach` marks the attachment detached
 * (or the signal aborts).
 */
export async function attachDirectory(deps: AttachDeps, request: LocalAttachRequest): Promise<LocalAttachResult> {
  const dir = resolve(deps.layout.repo, request.dir);
  // Paths are read relative to the repository, not the working directory: say where it was looked for.
  if (!existsSync(dir))
    throw new AttachDirectoryError(
      `${request.dir}: not a directory of traces: ${dir} does not exist (paths are read relative to the repository, ${deps.layout.repo})`,
    );
  if (!statSync(dir).isDirectory())
    throw new AttachDirectoryError(
      `${request.dir}: not a directory of traces: ${dir} is not a directory (give the directory that holds it)`,
    );
  const name = attachmentName(deps, dir);
  const existing = findAttachment(deps.layout, name);
  if (
    !request.once &&
    existing?.kind === 'directory' &&
    existing.status === 'attached' &&
    existing.pid !== null &&
    existing.pid !== request.owner.pid &&
    existing.host === request.owner.host &&
    request.isProcessAlive(existing.pid)
  )
    throw new AttachDirectoryError(
      `${name} is already attached (process ${existing.pid} watches it); run \`archal detach ${name}\` first`,
    );
  const at = new Date().toISOString();
  const attachment: DirectoryAttachment = {
    kind: 'directory',
    name,
    path: name,
    policy: request.policy,
    status: request.once ? 'detached' : 'attached',
    pid: request.once ? null : request.owner.pid,
    host: request.once ? null : request.owner.host,
    attachedAt: at,
    detachedAt: request.once ? at : null,
  };
  deps.layout.ensure();
  // A single pass records the directory, but never changes the entry of a watcher that is running.
  if (!request.once || !existing || (existing.kind === 'directory' && existing.status === 'detached'))
    saveAttachment(deps.layout, attachment);
  request.onAttached?.(name);

  const scanner = new DirectoryScanner(dir, {
    layout: deps.layout,
    source: name,
    format: request.format ?? 'auto',
    env: deps.env,
    onTrace: async (trace, change) => {
      await deps.ledger.enqueue(trace, request.policy, change);
    },
  });
  const imported: FileOutcome[] = [];
  const jobs = new Map<string, JobSummary>();
  // The traces the directory holds, whichever source imported them first.
  const held = new Set<string>();
  let stopped: LocalAttachResult['stopped'] = 'once';
  const detached = () => {
    const current = findAttachment(deps.layout, name);
    return current?.kind === 'directory' && current.status === 'detached' && current.pid === attachment.pid;
  };
  for (;;) {
    const pass = await scanner.scan();
    imported.push(...pass);
    for (const outcome of pass)
      if (outcome.status === 'imported') for (const trace of outcome.traces) held.add(trace.id);
    const processed = await processQueue(deps, request, { source: name, traceIds: held });
    for (const job of processed) jobs.set(job.traceId, job);
    request.onPass?.({ imported: pass, jobs: processed });
    if (request.once) break;
    if (deps.signal?.aborted) {
      stopped = 'signal';
      break;
    }
    if (detached()) {
      stopped = 'detached';
      break;
    }
    await pause(request.intervalMs ?? 1000, deps.signal);
    if (detached()) {
      stopped = 'detached';
      break;
    }
  }
  if (!request.once && stopped !== 'detached')
    saveAttachment(deps.layout, {
      ...attachment,
      status: 'detached',
      pid: null,
      host: null,
      detachedAt: new Date().toISOString(),
    });
  return { name, imported, jobs: [...jobs.values()], traceIds: [...held], stopped };
}

export type DetachOutcome =
  { kind: 'detached'; name: string; pid: number | null; running: boolean } | { kind: 'already_detached'; name: string };

/**
 * `archal detach`: marks a local directory attachment detached; its watcher stops at its next
 * check (it finishes the stage it is in first). Database sources are not stopped this way.
 */
export function detachDirectory(
  deps: Pick<AttachDeps, 'layout'>,
  dir: string,
  isProcessAlive: (pid: number) => boolean,
): DetachOutcome {
  const name = attachmentName(deps, dir);
  const attachment = findAttachment(deps.layout, name) ?? findAttachment(deps.layout, dir);
  if (!attachment) {
    const directories = readAttachments(deps.layout).attachments.filter((entry) => entry.kind === 'directory');
    const known = (['attached', 'detached'] as const).flatMap((status) => {
      const names = directories.filter((entry) => entry.status === status).map((entry) => entry.name);
      return names.length > 0 ? [`${status}: ${names.join(', ')}`] : [];
    });
    throw new AttachDirectoryError(
      `${dir} is not attached (${known.join('; ') || 'nothing is attached here'}): give the directory as \`archal attach\` was given it, relative to the repository (${deps.layout.repo})`,
    );
  }
  if (attachment.kind !== 'directory')
    throw new AttachDirectoryError(
      `${attachment.name} is a ${attachment.kind} source registered for workers; detach stops local file-backed attachments only`,
    );
  if (attachment.status === 'detached') return { kind: 'already_detached', name: attachment.name };
  saveAttachment(deps.layout, { ...attachment, status: 'detached', detachedAt: new Date().toISOString() });
  return {
    kind: 'detached',
    name: attachment.name,
    pid: attachment.pid,
    running: attachment.pid !== null && isProcessAlive(attachment.pid),
  };
}
