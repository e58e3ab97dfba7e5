import { resolve } from 'node:path';
import { pathKind } from '../../lib/paths.js';
import {
  attachmentName,
  DirectoryScanner,
  importFile,
  serveOtlp,
  sourceSpec,
  SourceError,
  traceFiles,
  TraceInputError,
  traceSourceStatus,
  watchDirectory,
  type FileOutcome,
  type FormatChoice,
  type ImportContext,
} from '../../attach/index.js';
import { pullSource } from '../../attach/postgres.js';
import { EXIT, listenError, UserError } from '../errors.js';
import { untilSignal, withAttach, type AttachContext } from './attach-context.js';
import type { GlobalOptions } from '../host.js';
import { wholeNumber } from '../flags.js';
import { err, out, printJson } from '../output.js';

const SOURCE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function sourceName(flag: string | undefined, fallback: string): string {
  const name = flag ?? fallback;
  if (!SOURCE_NAME.test(name))
    throw new UserError(`--source-name: '${name}' must be letters, digits, '.', '_' or '-' (at most 64).`);
  return name;
}

/** The import context of a command: traces queue a job when they land in .archal/attach/raw/. */
function importContext(
  context: AttachContext,
  source: string,
  format: FormatChoice,
  options: { preview?: boolean; outDir?: string } = {},
): ImportContext {
  const { deps } = context;
  const queue = !options.preview && !options.outDir;
  return {
    layout: deps.layout,
    source,
    format,
    env: deps.env,
    ...options,
    onTrace: queue
      ? async (trace, change) => {
          await deps.ledger.enqueue(trace, deps.config.attach?.executionPolicy ?? 'reproduce', change);
        }
      : undefined,
  };
}

function describe(outcome: FileOutcome, preview: boolean, show: (path: string) => string): string[] {
  outcome = { ...outcome, file: show(outcome.file) };
  if (outcome.status === 'refused')
    return [
      `✗ ${outcome.file}: ${preview ? 'would be refused' : 'refused'}: ${outcome.reason}${outcome.failedFile ? ` (→ ${show(outcome.failedFile)})` : ''}`,
    ];
  return outcome.traces.map(
    (trace) =>
      `✓ ${outcome.file}: ${trace.id} (${outcome.format}, ${trace.calls} call(s), ${trace.change}${preview ? ', preview' : ''})${trace.task ? ` — ${trace.task.replace(/\s+/g, ' ').slice(0, 80)}` : ''}`,
  );
}

/**
 * `--upload --repository owner/repo` sends traces to a hosted service in the product this CLI
 * mirrors; Archal has none. Said with what to run instead, rather than as an unknown option.
 */
function refuseHostedUpload(paths: string[], flags: { upload?: boolean; repository?: string }): void {
  if (!flags.upload && flags.repository === undefined) return;
  const instead = `archal trace-source import ${paths.join(' ')}`;
  if (flags.upload)
    throw new UserError(
      `--upload: Archal has no hosted service to upload traces to; an import is kept in the repository (.archal/attach/raw/) and its run store (ARCHAL_DATABASE_URL, which the App's workers share). Run \`${instead}\`, then \`archal attach --source-name import --once\` to grade and reproduce them.`,
    );
  throw new UserError(
    `--repository: the post-prod loop works on the repository it runs in (--repo); a fix's pull request goes to that repository's origin (\`archal attach … --execution-policy fix --open-pr\`). Run \`${instead}\`.`,
  );
}

export async function traceImportCommand(
  globals: GlobalOptions,
  paths: string[],
  flags: {
    repo?: string;
    preview?: boolean;
    format?: FormatChoice;
    out?: string;
    sourceName?: string;
    json?: boolean;
    upload?: boolean;
    repository?: string;
  },
): Promise<number> {
  refuseHostedUpload(paths, flags);
  return withAttach(globals, flags.repo, async (context) => {
    const cwd = context.workspace.root;
    const show = (path: string) => context.deps.layout.display(path);
    let files: string[];
    try {
      files = traceFiles(paths, resolve(globals.cwd ?? process.cwd()));
    } catch (error) {
      if (error instanceof TraceInputError) throw new UserError(error.message);
      throw error;
    }
    if (!flags.preview) context.deps.layout.ensure();
    const importing = importContext(context, sourceName(flags.sourceName, 'import'), flags.format ?? 'auto', {
      preview: flags.preview,
      outDir: flags.out ? resolve(cwd, flags.out) : undefined,
    });
    const outcomes: FileOutcome[] = [];
    for (const file of files) outcomes.push(await importFile(file, importing));
    const refused = outcomes.filter((outcome) => outcome.status === 'refused').length;
    const traces = outcomes.flatMap((outcome) => (outcome.status === 'imported' ? outcome.traces : []));
    if (flags.json)
      printJson({
        preview: flags.preview ?? false,
        files: outcomes,
        totals: {
          files: outcomes.length,
          refused,
          traces: traces.length,
          new: traces.filter((trace) => trace.change === 'new').length,
          changed: traces.filter((trace) => trace.change === 'changed').length,
          unchanged: traces.filter((trace) => trace.change === 'unchanged').length,
        },
      });
    else {
      for (const outcome of outcomes) for (const line of describe(outcome, flags.preview ?? false, show)) out(line);
      out(
        `${flags.preview ? 'Preview: would import' : 'Imported'} ${traces.length} trace(s) from ${outcomes.length - refused} file(s); ${refused} file(s) refused.`,
      );
    }
    return refused > 0 ? EXIT.failed : EXIT.ok;
  });
}

export async function traceStatusCommand(
  globals: GlobalOptions,
  flags: { repo?: string; json?: boolean },
): Promise<number> {
  return withAttach(globals, flags.repo, async (context) => {
    const status = await traceSourceStatus(context.deps.layout, context.deps.ledger);
    if (flags.json) printJson(status);
    else {
      out(`Trace sources of ${status.repo}: ${status.raw} imported trace(s), ${status.failed} refused file(s)`);
      for (const source of status.sources)
        out(
          `  ${source.name} (${source.kind}${source.status ? `, ${source.status}` : ''}): ${source.traces} trace(s)${
            Object.keys(source.jobs).length
              ? ` — ${Object.entries(source.jobs)
                  .map(([job, count]) => `${count} ${job}`)
                  .join(', ')}`
              : ''
          }`,
        );
      for (const file of status.failedFiles) out(`  refused ${file.file}: ${file.reason}`);
    }
    return EXIT.ok;
  });
}

export async function traceWatchCommand(
  globals: GlobalOptions,
  dir: string,
  flags: { repo?: string; format?: FormatChoice; json?: boolean },
): Promise<number> {
  const path = resolve(globals.cwd ?? process.cwd(), dir);
  // A file would be imported once and then watched for changes that never make it a directory.
  if (pathKind(path) === 'other')
    throw new UserError(
      `${dir} is not a directory: \`archal trace-source watch\` watches a directory of traces (\`archal trace-source import ${dir}\` imports one file).`,
    );
  return untilSignal((signal) =>
    withAttach(globals, flags.repo, async (context) => {
      try {
        traceFiles([path], context.workspace.root);
      } catch (error) {
        if (error instanceof TraceInputError) throw new UserError(error.message);
        throw error;
      }
      context.deps.layout.ensure();
      const show = (file: string) => context.deps.layout.display(file);
      const name = attachmentName(context.deps, path);
      const scanner = new DirectoryScanner(path, importContext(context, name, flags.format ?? 'auto'));
      err(`Watching ${name} for traces (source ${name}); Ctrl-C stops.`);
      await watchDirectory(scanner, {
        intervalMs: 1000,
        signal,
        onScan: (outcomes) => {
          for (const outcome of outcomes) {
            if (outcome.status === 'imported' && outcome.traces.every((trace) => trace.change === 'unchanged'))
              continue;
            if (flags.json) out(JSON.stringify(outcome));
            else for (const line of describe(outcome, false, show)) err(line);
          }
        },
      });
      return EXIT.ok;
    }),
  );
}

export async function traceServeCommand(
  globals: GlobalOptions,
  flags: { repo?: string; port?: string; host?: string; json?: boolean },
): Promise<number> {
  const port = wholeNumber('--port', flags.port, 0, 65535) ?? 4318;
  return untilSignal((signal) =>
    withAttach(globals, flags.repo, async (context) => {
      context.deps.layout.ensure();
      const show = (file: string) => context.deps.layout.display(file);
      const report = (outcome: FileOutcome) => {
        if (flags.json) out(JSON.stringify(outcome));
        else for (const line of describe(outcome, false, show)) err(line);
      };
      let server;
      try {
        server = await serveOtlp(importContext(context, 'otlp-http', 'otlp'), {
          port,
          host: flags.host,
          log: err,
          onImported: report,
          onRefused: report,
        });
      } catch (error) {
        throw listenError(flags.host ?? '127.0.0.1', port, error);
      }
      if (flags.json)
        out(JSON.stringify({ url: server.url, baseUrl: server.baseUrl, source: 'otlp-http', pid: process.pid }));
      else
        err(
          `Receiving OTLP/HTTP JSON at ${server.url} (OTEL_EXPORTER_OTLP_ENDPOINT=${server.baseUrl}, source otlp-http); Ctrl-C stops.`,
        );
      await new Promise<void>((resolveWait) => signal.addEventListener('abort', () => resolveWait(), { once: true }));
      await server.close();
      return EXIT.ok;
    }),
  );
}

export async function traceSyncCommand(
  globals: GlobalOptions,
  flags: {
    repo?: string;
    databaseUrlEnv: string;
    queryFile?: string;
    table?: string;
    sourceName?: string;
    json?: boolean;
  },
): Promise<number> {
  return withAttach(globals, flags.repo, async (context) => {
    const name = sourceName(flags.sourceName, 'postgres');
    const show = (file: string) => context.deps.layout.display(file);
    context.deps.layout.ensure();
    try {
      const spec = sourceSpec(
        context.deps.layout,
        { name, databaseUrlEnv: flags.databaseUrlEnv, table: flags.table ?? null, queryFile: flags.queryFile ?? null },
        context.deps.env,
      );
      const pulled = await pullSource(spec, importContext(context, name, 'auto'));
      const refused = pulled.outcomes.filter((entry) => entry.outcome.status === 'refused').length;
      if (flags.json) printJson({ source: name, rows: pulled.rows, imported: pulled.outcomes });
      else {
        out(`Synced ${name}: ${pulled.rows} row(s)`);
        for (const { outcome } of pulled.outcomes) for (const line of describe(outcome, false, show)) out(line);
      }
      return refused > 0 ? EXIT.failed : EXIT.ok;
    } catch (error) {
      if (error instanceof SourceError)
        throw new UserError(error.message, error.code === 'invalid' ? EXIT.invalidInput : EXIT.failed);
      throw error;
    }
  });
}
