import { relative } from 'node:path';
import type { WorkflowRunResult } from '../../workflows/index.js';

/** The `--json` shape of a run (a contract: keep field names stable). */
export function runJson(result: WorkflowRunResult, extra: Record<string, unknown> = {}) {
  return {
    runId: result.runId,
    workflow: result.workflow,
    status: result.status,
    nodes: Object.fromEntries(
      Object.entries(result.nodes).map(([id, node]) => [
        id,
        {
          state: node.state,
          output: node.output ?? null,
          error: node.error ?? null,
          skipReason: node.skipReason ?? null,
          attempts: node.attempts,
          iterations: node.iterations ?? null,
          durationMs: node.durationMs ?? null,
        },
      ]),
    ),
    error: result.error ?? null,
    output: result.output ?? null,
    outcome: result.outcome ?? null,
    pause: result.pause ?? null,
    usage: result.usage ?? null,
    durationMs: result.durationMs,
    artifactsDir: result.artifactsDir,
    logPath: result.logPath,
    ...extra,
  };
}

export function runSummary(result: WorkflowRunResult, cwd: string): string {
  const rows = Object.entries(result.nodes).map(([id, node]) => {
    const detail = node.state === 'failed' ? node.error : node.state === 'skipped' ? node.skipReason : node.output;
    return `  ${icon(node.state)} ${id.padEnd(24)} ${node.state.padEnd(10)} ${oneLine(detail ?? '')}`;
  });
  return [
    `Run ${result.runId}: ${result.workflow} ${result.status}`,
    ...rows,
    ...(result.error ? [`  ${result.error}`] : []),
    `  artifacts: ${displayRelative(cwd, result.artifactsDir)}`,
    `  log:       ${displayRelative(cwd, result.logPath)}`,
  ].join('\n');
}

function displayRelative(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') ? path : rel;
}

export function icon(state: string): string {
  return (
    (
      { completed: '✓', failed: '✗', skipped: '↷', paused: '⏸', pending: '·', running: '…', cancelled: '✗' } as Record<
        string,
        string
      >
    )[state] ?? '·'
  );
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
