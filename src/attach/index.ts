/**
 * The post-prod loop: import traces of agent runs (OTLP/JSON, Archal run records, JSONL), grade
 * them, rebuild the GitHub state the agent saw as a clone seed, reproduce failures with the
 * repository's harness, and hand reproduced failures to the pre-prod loop's fix machinery.
 */
export { createAttachDeps, reprocessJob, ReprocessError } from './deps.js';
export type { AttachHost } from './deps.js';
export { processJob, processQueue, nextStage, summaryOf } from './pipeline.js';
export type { AttachDeps, JobSummary, PolicyOptions } from './pipeline.js';
export type { FixerSettings } from './fix.js';
export { attachDirectory, detachDirectory, attachmentName, AttachDirectoryError } from './local.js';
export type { DetachOutcome, LocalAttachRequest, LocalAttachResult } from './local.js';
export { checkDatabaseSource, pullRegisteredSource, registerDatabaseSource, sourceSpec } from './sources.js';
export type { PullResult, SourceRequest } from './sources.js';
export { pullRegisteredSources } from './registered.js';
export type { RegisteredPull, RegisteredPullHost } from './registered.js';
export { SourceError } from './postgres.js';
export type { CheckReport } from './postgres.js';
export { importFile, importText, traceFiles, TraceInputError, MAX_TRACE_FILE_BYTES } from './import.js';
export type { FileOutcome, ImportContext, ImportedTrace, TraceChange } from './import.js';
export { parseTraceText } from './formats/detect.js';
export type { FormatChoice } from './formats/detect.js';
export { jsonlEventSchema } from './formats/jsonl.js';
export { DirectoryScanner, watchDirectory } from './watch.js';
export { serveOtlp } from './serve.js';
export type { OtlpServer, OtlpServerOptions } from './serve.js';
export { attachStatus, traceSourceStatus } from './status.js';
export type { AttachStatusReport, JobView, TraceSourceStatus } from './status.js';
export { readAttachments, AttachmentsFileError } from './attachments.js';
export { AttachLayout, ATTACH_DIRS } from './layout.js';
export { JobLedger, JobConflictError } from './jobs.js';
export type { AttachStore, AttachJobRow, JobOwner } from './store-port.js';
export {
  EXECUTION_POLICIES,
  JOB_STATUSES,
  STAGES,
  TRACE_FORMATS,
  attachmentSchema,
  fixStatusSchema,
  gradeSchema,
  jobLineSchema,
  manifestSchema,
  traceSchema,
} from './schema.js';
export type {
  Attachment,
  ExecutionPolicy,
  FixStatus,
  Grade,
  JobLine,
  JobStatus,
  Manifest,
  Missing,
  Stage,
  Trace,
  TraceFormat,
} from './schema.js';
