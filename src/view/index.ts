/**
 * Looking at runs: `archal view` (a local, token-protected web viewer) and `archal report --html` (one
 * self-contained file), over what scenario runs, pre-prod loops and workflow runs already record.
 */
export { RecordSource } from './records/source.js';
export type { RecordList, RecordSourceOptions } from './records/source.js';
export { RECORD_NAMES, RecordLookupError } from './records/types.js';
export type { RecordKind, RecordRef, RecordSummary } from './records/types.js';
export type { WorkflowRunReader } from './records/workflows.js';
export { renderReport, renderReportHtml } from './report.js';
export type { Report, ReportOptions } from './report.js';
export { startViewer } from './server.js';
export type { RunningViewer, ViewerOptions } from './server.js';
