import { parseJsonWithLocation } from '../../lib/json-position.js';
import { SecretRedactor } from '../../lib/redact.js';
import { isWorkflowEventType, WORKFLOW_EVENT_TYPES, type WorkflowEventType } from '../../workflows/events.js';
import { findRun, isStale } from '../../workflows/lifecycle.js';
import { NODE_STATE_EVENTS, nodeStates } from '../../workflows/node-states.js';
import type { RunRecord } from '../../workflows/run-store.js';
import { lifecycleDeps } from '../../workspace/workspace.js';
import { EXIT, UserError } from '../errors.js';
import { withCliRepo, type GlobalOptions } from '../host.js';
import { err, out, printJson } from '../output.js';
import { icon } from '../render/workflow-run.js';

export async function workflowStatus(
  globals: GlobalOptions,
  options: { json?: boolean; limit?: string },
): Promise<number> {
  const limit = options.limit === undefined ? 10 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UserError('--limit must be a positive whole number.');
  return withCliRepo(globals, async (repo) => {
    const deps = lifecycleDeps(repo);
    const active = await repo.store.listRuns({ statuses: ['pending', 'running'], limit: 100 });
    const paused = await repo.store.listRuns({ statuses: ['paused'], limit: 100 });
    const recent = await repo.store.listRuns({ statuses: ['completed', 'failed', 'cancelled'], limit });
    const describe = async (run: RunRecord) => ({
      id: run.id,
      workflow: run.workflowName,
      status: run.status,
      stale: isStale(run, deps),
      workingPath: run.workingPath,
      conversationId: run.conversationId,
      startedAt: run.startedAt,
      completedAt: run.completedAt,
      lastActivityAt: run.lastActivityAt,
      owner: run.ownerPid === null ? null : { pid: run.ownerPid, host: run.ownerHost },
      error: run.metadata.error ?? null,
      approval: run.metadata.approval ?? null,
      usage: run.metadata.usage ?? null,
      nodes: nodeStates(await repo.store.listEvents(run.id, NODE_STATE_EVENTS)),
    });
    const sections = {
      active: await Promise.all(active.map(describe)),
      paused: await Promise.all(paused.map(describe)),
      recent: await Promise.all(recent.map(describe)),
    };
    if (options.json) {
      printJson(sections);
      return EXIT.ok;
    }
    for (const [title, runs] of Object.entries(sections)) {
      out(`${title[0]!.toUpperCase()}${title.slice(1)} runs${runs.length === 0 ? ': none' : ':'}`);
      for (const run of runs) {
        out(
          `  ${run.id}  ${run.workflow}  ${run.status}${run.stale ? ' (stale: its process is gone; resume or cancel it)' : ''}  ${run.workingPath}`,
        );
        if (run.approval && !run.approval.resolved)
          out(`    waiting for approval at '${run.approval.nodeId}': ${run.approval.message}`);
        if (run.error) out(`    ${run.error.split('\n')[0]}`);
        const nodes = Object.entries(run.nodes).map(([id, state]) => `${icon(state)} ${id}`);
        if (nodes.length > 0) out(`    ${nodes.join('  ')}`);
      }
    }
    return EXIT.ok;
  });
}

export async function workflowEventEmit(
  globals: GlobalOptions,
  options: { runId: string; type: string; data?: string; node?: string },
): Promise<number> {
  if (!isWorkflowEventType(options.type)) {
    err(`Error: unknown event type: ${options.type}\nValid types: ${WORKFLOW_EVENT_TYPES.join(', ')}`);
    return EXIT.failed;
  }
  let data: Record<string, unknown> = {};
  if (options.data !== undefined) {
    const parsed = parseJsonWithLocation(options.data);
    if (parsed.ok)
      data =
        typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value)
          ? (parsed.value as Record<string, unknown>)
          : { value: parsed.value };
    else err(`Warning: --data is not valid JSON (${parsed.message}); the event is emitted without data.`);
  }
  return withCliRepo(globals, async (repo) => {
    const run = await findRun(repo.store, options.runId);
    const type: WorkflowEventType = options.type as WorkflowEventType;
    await repo.store.appendEvent({
      type,
      runId: run.id,
      ...(options.node ? { nodeId: options.node } : {}),
      // Recorded as the engine records its own events: without secrets.
      data: new SecretRedactor([], repo.env).value(data),
      ts: new Date().toISOString(),
    });
    out(`Event submitted (best-effort): ${type} for run ${run.id}`);
    return EXIT.ok;
  });
}
