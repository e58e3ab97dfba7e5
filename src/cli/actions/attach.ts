import {
  attachDirectory,
  AttachDirectoryError,
  attachStatus,
  checkDatabaseSource,
  detachDirectory,
  pullRegisteredSource,
  readAttachments,
  registerDatabaseSource,
  reprocessJob,
  ReprocessError,
  SourceError,
  type Attachment,
  type CheckReport,
  type FileOutcome,
  type JobSummary,
  type PolicyOptions,
} from '../../attach/index.js';
import { EXIT, UserError } from '../errors.js';
import { policyOptions, untilSignal, withAttach, type AttachContext, type PolicyFlags } from './attach-context.js';
import type { GlobalOptions } from '../host.js';
import { err, out, printJson } from '../output.js';

interface AttachFlags extends PolicyFlags {
  repo?: string;
  once?: boolean;
  source?: 'postgres' | 'supabase';
  databaseUrlEnv?: string;
  sourceName?: string;
  table?: string;
  queryFile?: string;
  check?: boolean;
}

/** Turns the loop's typed errors into exit codes: bad input 2, a source that cannot be used 1. */
function asUserError(error: unknown): never {
  if (error instanceof SourceError)
    throw new UserError(error.message, error.code === 'invalid' ? EXIT.invalidInput : EXIT.failed);
  if (error instanceof AttachDirectoryError || error instanceof ReprocessError) throw new UserError(error.message);
  throw error;
}

function describeJob(job: JobSummary): string {
  const missing =
    job.missing.length > 0 ? `\n      missing: ${job.missing.map((item) => item.what).join('\n               ')}` : '';
  return `  ${job.traceId}: ${job.status} (after ${job.stage})${job.message ? ` — ${job.message}` : ''}${missing}`;
}

function describeImports(outcomes: FileOutcome[], show: (path: string) => string): string[] {
  return outcomes.flatMap((outcome) =>
    outcome.status === 'refused'
      ? [
          `  refused ${show(outcome.file)}: ${outcome.reason}${outcome.failedFile ? ` (→ ${show(outcome.failedFile)})` : ''}`,
        ]
      : outcome.traces
          .filter((trace) => trace.change !== 'unchanged')
          .map(
            (trace) => `  imported ${trace.id} (${trace.change}, ${trace.calls} call(s)) from ${show(outcome.file)}`,
          ),
  );
}

const show = (context: AttachContext) => (path: string) => context.deps.layout.display(path);

const exitFor = (jobs: JobSummary[]) => (jobs.some((job) => job.status === 'failed') ? EXIT.failed : EXIT.ok);

function printCheck(report: CheckReport): void {
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  out(`Source ${report.source}: ${report.ok ? 'ready' : 'not ready'}`);
  out(`  ${mark(report.connection.ok)} connection: ${report.connection.detail}`);
  out(`  ${mark(report.readOnly.ok)} read-only: ${report.readOnly.detail}`);
  out(`  ${mark(report.mapping.ok)} mapping: ${report.mapping.detail}`);
  for (const trace of report.mapping.traces.slice(0, 10))
    out(`      ${trace.id}: ${trace.calls} call(s)${trace.task ? ` — ${trace.task.slice(0, 80)}` : ''}`);
  for (const refused of report.mapping.refused.slice(0, 5)) out(`      refused ${refused.row}: ${refused.reason}`);
}

export async function attachCommand(
  globals: GlobalOptions,
  dir: string | undefined,
  flags: AttachFlags,
): Promise<number> {
  if (flags.source) {
    if (dir) throw new UserError('Give a trace directory or --source, not both.');
    for (const [flag, value] of [
      ['--database-url-env', flags.databaseUrlEnv],
      ['--source-name', flags.sourceName],
    ] as const)
      if (!value) throw new UserError(`--source ${flags.source} needs ${flag}.`);
    if (flags.table && flags.queryFile)
      throw new UserError(`--source ${flags.source}: give --table T or --query-file F, not both.`);
    // --check without them still checks the connection and the role, and lists the tables that hold traces.
    if (!flags.table && !flags.queryFile && !flags.check)
      throw new UserError(
        `--source ${flags.source} needs --table T or --query-file F: the table or view of traces, or a file with the SELECT that returns them (\`--check\` lists the tables the role can read that hold traces).`,
      );
  } else {
    for (const [flag, value] of [
      ['--database-url-env', flags.databaseUrlEnv],
      ['--table', flags.table],
      ['--query-file', flags.queryFile],
      ['--check', flags.check],
    ] as const)
      if (value) throw new UserError(`${flag} describes a database source: add --source postgres (or supabase).`);
    if (dir && flags.sourceName) throw new UserError('Give a trace directory or --source-name, not both.');
    if (!dir && !flags.sourceName)
      throw new UserError(
        'Give a directory of traces (`archal attach ./prod-traces --repo .`), a database source (--source postgres …), or a registered source to pull (--source-name NAME --once).',
      );
    if (flags.sourceName && !flags.once)
      throw new UserError('--source-name without --source pulls that registered source once: add --once.');
  }

  return untilSignal((signal) =>
    withAttach(
      globals,
      flags.repo,
      async (context) => {
        try {
          if (flags.source) return await databaseSource(context, flags);
          const options = policyOptions(context.workspace, flags, registeredPolicy(context, flags));
          if (flags.sourceName) return await pullOnce(context, flags.sourceName, options, flags.json ?? false);
          return await directory(context, dir!, options, flags);
        } catch (error) {
          return asUserError(error);
        }
      },
      signal,
    ),
  );
}

function registeredPolicy(context: AttachContext, flags: AttachFlags): PolicyOptions['policy'] | undefined {
  if (!flags.sourceName) return undefined;
  return readAttachments(context.deps.layout).attachments.find((entry) => entry.name === flags.sourceName)?.policy;
}

async function databaseSource(context: AttachContext, flags: AttachFlags): Promise<number> {
  const request = {
    kind: flags.source!,
    name: flags.sourceName!,
    databaseUrlEnv: flags.databaseUrlEnv!,
    table: flags.table ?? null,
    queryFile: flags.queryFile ?? null,
    policy:
      (flags.executionPolicy as PolicyOptions['policy'] | undefined) ??
      context.workspace.config.attach?.executionPolicy ??
      'reproduce',
  };
  if (flags.check) {
    const report = await checkDatabaseSource(context.deps, request, { mappingOptional: true });
    if (flags.json) printJson(report);
    else printCheck(report);
    return report.ok ? EXIT.ok : EXIT.failed;
  }
  const { attachment, report } = await registerDatabaseSource(context.deps, request);
  if (flags.json) printJson({ registered: attachment, check: report });
  else {
    printCheck(report);
    out(
      `Registered ${attachment.name} (${attachment.kind}, ${attachment.table ? `table ${attachment.table}` : `query ${attachment.queryFile}`}, policy ${attachment.policy}) in ${context.deps.layout.display(context.deps.layout.attachments)} and the run store.`,
    );
    out(
      `Workers pull it; so does \`archal attach --source-name ${attachment.name} --once\`. The connection string stays in ${attachment.databaseUrlEnv}.`,
    );
  }
  return EXIT.ok;
}

async function pullOnce(context: AttachContext, name: string, options: PolicyOptions, json: boolean): Promise<number> {
  const result = await pullRegisteredSource(context.deps, name, {
    ...options,
    owner: context.owner,
    isProcessAlive: context.isProcessAlive,
  });
  if (json) printJson(result);
  else {
    out(
      `Pulled ${name} (${result.kind}${result.rows === null ? '' : `, ${result.rows} row(s)`}): ${result.jobs.length} job(s) processed`,
    );
    for (const line of describeImports(
      result.imported.map((entry) => entry.outcome),
      show(context),
    ))
      out(line);
    for (const job of result.jobs) out(describeJob(job));
  }
  return exitFor(result.jobs);
}

async function directory(
  context: AttachContext,
  dir: string,
  options: PolicyOptions,
  flags: AttachFlags,
): Promise<number> {
  const { deps } = context;
  const result = await attachDirectory(deps, {
    ...options,
    dir,
    once: flags.once ?? false,
    owner: context.owner,
    isProcessAlive: context.isProcessAlive,
    // Said once the directory is attached: `detach` finds it from then on, and a refused one never is.
    onAttached: () => {
      if (!flags.once)
        err(
          `Watching ${dir} (policy ${options.policy}); stop with \`archal detach ${dir} --repo ${flags.repo ?? '.'}\` or Ctrl-C.`,
        );
    },
    onPass: (pass) => {
      if (flags.once || flags.json) return;
      for (const line of describeImports(pass.imported, show(context))) err(line);
      for (const job of pass.jobs) err(describeJob(job));
    },
  });
  const held = new Set(result.traceIds);
  const jobs = (await deps.ledger.jobs()).filter((job) => job.source === result.name || held.has(job.traceId));
  const summaries = jobs.map((job) => ({
    traceId: job.traceId,
    source: job.source,
    stage: job.stage,
    status: job.status,
    message: job.line.message ?? null,
    missing: job.line.missing ?? [],
    artifacts: job.line.artifacts ?? [],
  }));
  // A single pass answers for its files as `trace-source import` does: one that was refused fails it.
  const refused = flags.once ? refusedFiles(result.imported, show(context)) : [];
  if (flags.json)
    printJson({
      attachment: result.name,
      policy: options.policy,
      stopped: result.stopped,
      imported: result.imported,
      ...(flags.once ? { refused } : {}),
      jobs: summaries,
    });
  else {
    out(
      `Attach ${result.name} (policy ${options.policy}): ${summaries.length} trace job(s)${result.stopped === 'once' ? '' : `; stopped (${result.stopped})`}`,
    );
    for (const line of describeImports(result.imported, show(context))) out(line);
    for (const job of summaries) out(describeJob(job));
    out(`Artifacts: ${deps.layout.display(deps.layout.root)}/ (runs.jsonl, grades/, seeds/, runs/, fixes/, failed/)`);
  }
  if (refused.length === 0) return exitFor(summaries);
  err(
    [
      `${refused.length} file(s) of ${result.name} refused:`,
      ...refused.map((file) => `  ${file.file}: ${file.reason}`),
      `Fix or remove the file(s) (each refusal is recorded in ${deps.layout.display(deps.layout.root)}/failed/); the next pass reads them again.`,
    ].join('\n'),
  );
  return EXIT.failed;
}

interface RefusedFile {
  file: string;
  reason: string;
  failedFile: string | null;
}

function refusedFiles(outcomes: FileOutcome[], show: (path: string) => string): RefusedFile[] {
  return outcomes.flatMap((outcome) =>
    outcome.status === 'refused'
      ? [
          {
            file: show(outcome.file),
            reason: outcome.reason,
            failedFile: outcome.failedFile === null ? null : show(outcome.failedFile),
          },
        ]
      : [],
  );
}

export async function detachCommand(
  globals: GlobalOptions,
  dir: string,
  flags: { repo?: string; json?: boolean },
): Promise<number> {
  return withAttach(globals, flags.repo, async (context) => {
    let outcome;
    try {
      outcome = detachDirectory(context.deps, dir, context.isProcessAlive);
    } catch (error) {
      return asUserError(error);
    }
    let stopped = outcome.kind === 'already_detached' || !outcome.running;
    if (outcome.kind === 'detached' && outcome.running && outcome.pid !== null) {
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && context.isProcessAlive(outcome.pid))
        await new Promise((resolve) => setTimeout(resolve, 100));
      stopped = !context.isProcessAlive(outcome.pid);
    }
    if (flags.json) printJson({ ...outcome, stopped });
    else if (outcome.kind === 'already_detached') out(`${outcome.name} was already detached.`);
    else
      out(
        `Detached ${outcome.name}.${outcome.pid === null || !outcome.running ? ' No watcher was running.' : stopped ? ` Its watcher (process ${outcome.pid}) stopped.` : ` Its watcher (process ${outcome.pid}) stops after the stage it is running.`}`,
      );
    return EXIT.ok;
  });
}

export async function attachStatusCommand(
  globals: GlobalOptions,
  flags: { repo?: string; json?: boolean },
): Promise<number> {
  return withAttach(globals, flags.repo, async (context) => {
    const report = await attachStatus(
      context.deps.layout,
      context.deps.ledger,
      context.isProcessAlive,
      context.owner.host,
    );
    if (flags.json) {
      printJson(report);
      return EXIT.ok;
    }
    out(`Attach status of ${report.repo} (${report.dir}/): ${report.totals.jobs} job(s)`);
    for (const attachment of report.attachments)
      out(
        `  source ${attachment.name}: ${attachment.kind}${attachment.kind === 'directory' ? ` ${attachment.status}${watcherNote(attachment)}` : ` via ${attachment.databaseUrlEnv}`}, policy ${attachment.policy}`,
      );
    for (const [stage, statuses] of Object.entries(report.byStage))
      out(
        `  ${stage}: ${Object.entries(statuses)
          .map(([status, count]) => `${count} ${status}`)
          .join(', ')}`,
      );
    for (const job of report.jobs)
      out(
        `  ${job.traceId} [${job.source}]: ${job.status} after ${job.stage}${job.running ? ' (running)' : ''}${job.message ? ` — ${job.message}` : ''}`,
      );
    if (report.blocked.length > 0) out('Blocked:');
    for (const blocked of report.blocked) {
      out(`  ${blocked.traceId} (${blocked.stage}): ${blocked.message ?? ''}`);
      for (const item of blocked.missing) out(`    missing: ${item.what}\n      from: ${item.from}`);
    }
    if (report.failedFiles.length > 0) out('Refused files (failed/):');
    for (const file of report.failedFiles) out(`  ${file.file}: ${file.reason}`);
    return EXIT.ok;
  });
}

export async function reprocessCommand(
  globals: GlobalOptions,
  traceId: string,
  flags: PolicyFlags & { repo?: string },
): Promise<number> {
  return untilSignal((signal) =>
    withAttach(
      globals,
      flags.repo,
      async (context) => {
        const job = await context.deps.ledger.job(traceId);
        const options = policyOptions(context.workspace, flags, job?.policy);
        let summary: JobSummary;
        try {
          summary = await reprocessJob(context.deps, traceId, {
            ...options,
            isProcessAlive: context.isProcessAlive,
            host: context.owner.host,
          });
        } catch (error) {
          return asUserError(error);
        }
        if (flags.json) printJson(summary);
        else out(`Reprocessed ${traceId} (policy ${options.policy}):\n${describeJob(summary)}`);
        return exitFor([summary]);
      },
      signal,
    ),
  );
}

/** Whether an attached directory's watcher runs: an attachment whose process died stays attached. */
function watcherNote(attachment: Extract<Attachment, { kind: 'directory' }> & { running?: boolean }): string {
  if (attachment.status !== 'attached') return '';
  if (attachment.running) return ` (process ${attachment.pid})`;
  const ended = attachment.pid === null ? '' : `: process ${attachment.pid} ended`;
  return ` (no watcher runs${ended}; \`archal attach ${attachment.name}\` starts one)`;
}
