import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isAtOrUnder } from '../../lib/paths.js';
import { parse as parseYaml } from 'yaml';
import type { WorkflowEvent } from '../../workflows/events.js';
import type { RunFilter, RunRecord, StoredEvent } from '../../workflows/run-store.js';
import { NODE_KINDS } from '../../workflows/schema.js';
import type { RecordSummary, Tone } from './types.js';

/** What the viewer reads from the run store (it never writes). */
export interface WorkflowRunReader {
  getRun(id: string): Promise<RunRecord | undefined>;
  findRunsByPrefix(prefix: string): Promise<RunRecord[]>;
  listRuns(filter: RunFilter): Promise<RunRecord[]>;
  listEvents(runId: string, types?: readonly string[]): Promise<StoredEvent[]>;
}

export const NODE_STATES = ['pending', 'running', 'completed', 'failed', 'skipped', 'paused'] as const;
export type NodeState = (typeof NODE_STATES)[number];

export interface NodeView {
  id: string;
  kind: string | null;
  dependsOn: string[];
  state: NodeState;
  startedAt: string | null;
  durationMs: number | null;
  attempts: number | null;
  output: string | null;
  error: string | null;
  skipReason: string | null;
}

export interface WorkflowRunView {
  id: string;
  workflowName: string;
  status: string;
  /** Still going (or waiting for an approval): the page keeps itself up to date. */
  active: boolean;
  workingPath: string;
  userMessage: string;
  startedAt: string;
  completedAt: string | null;
  lastActivityAt: string;
  error: string | null;
  approval: { nodeId: string; message: string; resolved?: string } | null;
  usage: Record<string, unknown> | null;
  branch: string | null;
  /** Where the run was read from: the run store, or only its JSONL transcript. */
  source: 'store' | 'transcript';
  definitionFile: string | null;
  nodes: NodeView[];
  edges: Array<{ from: string; to: string }>;
  /** What could not be read (transcript lines that are not events): the page says so instead of guessing. */
  problems: string[];
  events: Array<Omit<StoredEvent, 'runId'>>;
}

const ACTIVE = new Set(['pending', 'running', 'paused']);
const MAX_STORE_RUNS = 2000;

export function workflowTone(status: string): Tone {
  if (status === 'completed') return 'good';
  if (status === 'failed' || status === 'cancelled') return 'bad';
  if (ACTIVE.has(status)) return 'active';
  return 'neutral';
}

/**
 * Workflow runs of one repository: those in the run store whose working path is the repository
 * (or inside it, or one of its worktrees), and those known only from a transcript in
 * `.archal/logs/<runId>.jsonl` (a store on another machine, a copied artifact).
 */
export class WorkflowRecords {
  private readonly definitions = new Map<string, { mtimeMs: number; nodes: DefinedNode[] | null }>();

  constructor(
    readonly repo: string,
    private readonly store: WorkflowRunReader | undefined,
    private readonly worktrees: readonly string[] = [],
  ) {}

  belongs(path: string): boolean {
    return isAtOrUnder(path, [this.repo, ...this.worktrees]);
  }

  private logsDir(): string {
    return join(this.repo, '.archal', 'logs');
  }

  private transcriptIds(): string[] {
    const dir = this.logsDir();
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith('.jsonl'))
      .map((name) => name.slice(0, -'.jsonl'.length));
  }

  async list(): Promise<RecordSummary[]> {
    // Filtered in the store, so that a busier repository's runs do not crowd this one's out of the
    // limit; and again here, for a reader a host wrote that does not know the filter.
    const runs = this.store
      ? (await this.store.listRuns({ workingPathUnder: [this.repo, ...this.worktrees], limit: MAX_STORE_RUNS })).filter(
          (run) => this.belongs(run.workingPath),
        )
      : [];
    const known = new Set(runs.map((run) => run.id));
    const summaries = runs.map((run) => runSummary(run));
    for (const id of this.transcriptIds()) {
      if (known.has(id)) continue;
      const view = this.fromTranscript(id);
      if (view) summaries.push(viewSummary(view));
    }
    return summaries;
  }

  /** Ids that start with `prefix`, in the store and in transcripts. */
  async idsStartingWith(prefix: string): Promise<string[]> {
    const ids = new Set(this.transcriptIds().filter((id) => id.startsWith(prefix)));
    if (this.store)
      for (const run of await this.store.findRunsByPrefix(prefix)) if (this.belongs(run.workingPath)) ids.add(run.id);
    return [...ids];
  }

  async run(id: string): Promise<WorkflowRunView | undefined> {
    const found = await this.store?.getRun(id);
    // The run store is per user: another repository's runs are not this viewer's to show.
    const stored = found && this.belongs(found.workingPath) ? found : undefined;
    if (!stored) return this.fromTranscript(id);
    const events = await this.store!.listEvents(id);
    // Events are in the store; a store that lost them (or never had them) leaves the transcript.
    const transcript =
      events.length > 0
        ? { events, problems: [] }
        : (readTranscriptFile(join(stored.workingPath, '.archal', 'logs', `${id}.jsonl`)) ?? {
            events: [],
            problems: [],
          });
    return this.buildView(
      {
        id: stored.id,
        workflowName: stored.workflowName,
        status: stored.status,
        workingPath: stored.workingPath,
        userMessage: stored.userMessage,
        startedAt: stored.startedAt,
        completedAt: stored.completedAt,
        lastActivityAt: stored.lastActivityAt,
        error: stored.metadata.error ?? null,
        approval: stored.metadata.approval ?? null,
        usage: (stored.metadata.usage as Record<string, unknown> | undefined) ?? null,
        branch: stored.metadata.branch ?? null,
        source: 'store',
        definitionFile: stored.metadata.workflowFile ?? null,
      },
      transcript,
    );
  }

  private fromTranscript(id: string): WorkflowRunView | undefined {
    if (!/^[A-Za-z0-9._-]+$/.test(id) || id.startsWith('.')) return undefined;
    const transcript = readTranscriptFile(join(this.logsDir(), `${id}.jsonl`));
    if (!transcript || transcript.events.length === 0) return undefined;
    const { events } = transcript;
    const started = events.find((event) => event.type === 'workflow_started');
    const last = events.at(-1)!;
    const terminal = [...events].reverse().find((event) => TERMINAL_EVENTS[event.type] !== undefined);
    const status = terminal ? TERMINAL_EVENTS[terminal.type]! : 'unfinished';
    const data = started?.data ?? {};
    return this.buildView(
      {
        id,
        workflowName: typeof data.workflowName === 'string' ? data.workflowName : '(unknown workflow)',
        status,
        workingPath: typeof data.cwd === 'string' ? data.cwd : this.repo,
        userMessage: typeof data.userMessage === 'string' ? data.userMessage : '',
        startedAt: started?.ts ?? events[0]!.ts,
        completedAt: terminal && status !== 'paused' ? terminal.ts : null,
        lastActivityAt: last.ts,
        error: terminal && typeof terminal.data.error === 'string' ? terminal.data.error : null,
        approval: null,
        usage: null,
        branch: null,
        source: 'transcript',
        definitionFile: null,
      },
      transcript,
    );
  }

  private buildView(
    run: Omit<WorkflowRunView, 'nodes' | 'edges' | 'events' | 'active' | 'problems'>,
    { events, problems }: TranscriptRead,
  ): WorkflowRunView {
    const defined = run.definitionFile ? this.definition(run.definitionFile) : null;
    const nodes = nodeViews(defined ?? [], events);
    const ids = new Set(nodes.map((node) => node.id));
    const edges = nodes.flatMap((node) =>
      node.dependsOn.filter((dep) => ids.has(dep)).map((dep) => ({ from: dep, to: node.id })),
    );
    return {
      ...run,
      active: ACTIVE.has(run.status),
      nodes,
      edges,
      events: events.map(({ runId: _runId, ...event }) => event),
      problems,
    };
  }

  /** The nodes of a workflow file and their dependencies, read leniently: the file may have changed since. */
  private definition(file: string): DefinedNode[] | null {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return null;
    }
    const cached = this.definitions.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.nodes;
    const nodes = readDefinition(file);
    this.definitions.set(file, { mtimeMs, nodes });
    return nodes;
  }
}

interface DefinedNode {
  id: string;
  kind: string | null;
  dependsOn: string[];
}

function readDefinition(file: string): DefinedNode[] | null {
  try {
    const doc = parseYaml(readFileSync(file, 'utf8')) as { nodes?: unknown };
    if (!Array.isArray(doc?.nodes)) return null;
    return doc.nodes.flatMap((node: unknown): DefinedNode[] => {
      if (!node || typeof node !== 'object') return [];
      const record = node as Record<string, unknown>;
      if (typeof record.id !== 'string') return [];
      const dependsOn = Array.isArray(record.depends_on)
        ? record.depends_on.filter((dep): dep is string => typeof dep === 'string')
        : [];
      return [{ id: record.id, kind: NODE_KINDS.find((kind) => kind in record) ?? null, dependsOn }];
    });
  } catch {
    return null;
  }
}

const TERMINAL_EVENTS: Record<string, string> = {
  workflow_completed: 'completed',
  workflow_failed: 'failed',
  workflow_cancelled: 'cancelled',
  workflow_paused: 'paused',
};

interface TranscriptRead {
  events: StoredEvent[];
  problems: string[];
}

function readTranscriptFile(file: string): TranscriptRead | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const events: StoredEvent[] = [];
  const unreadable: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    try {
      const event = JSON.parse(line) as WorkflowEvent;
      if (typeof event?.type === 'string' && typeof event.ts === 'string')
        events.push({ ...event, data: event.data ?? {}, seq: events.length + 1 });
      else unreadable.push(index + 1);
    } catch {
      // A line cut short by a crash: the events around it still tell most of the story.
      unreadable.push(index + 1);
    }
  });
  const shown = unreadable.slice(0, 10).join(', ') + (unreadable.length > 10 ? ', …' : '');
  const problems =
    unreadable.length > 0
      ? [
          `${unreadable.length} line(s) of ${file} are not events (line ${shown}): node states may be missing what they recorded.`,
        ]
      : [];
  return { events, problems };
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** Each node's state, timing, output and error, as its events tell them. */
export function nodeViews(defined: readonly DefinedNode[], events: readonly StoredEvent[]): NodeView[] {
  const nodes = new Map<string, NodeView>();
  const node = (id: string): NodeView => {
    let view = nodes.get(id);
    if (!view) {
      view = {
        id,
        kind: null,
        dependsOn: [],
        state: 'pending',
        startedAt: null,
        durationMs: null,
        attempts: null,
        output: null,
        error: null,
        skipReason: null,
      };
      nodes.set(id, view);
    }
    return view;
  };
  for (const entry of defined) Object.assign(node(entry.id), { kind: entry.kind, dependsOn: entry.dependsOn });
  for (const event of events) {
    if (!event.nodeId || !event.type.startsWith('node_') || event.type === 'node_retrying') {
      if (event.nodeId && event.type === 'approval_requested') node(event.nodeId).state = 'paused';
      continue;
    }
    const view = node(event.nodeId);
    const data = event.data;
    switch (event.type) {
      case 'node_started':
        Object.assign(view, { state: 'running', startedAt: event.ts, error: null, durationMs: null });
        view.kind ??= text(data.kind);
        break;
      case 'node_completed':
      case 'node_skipped_prior_success':
        view.state = 'completed';
        view.output = text(data.node_output) ?? view.output;
        view.durationMs = number(data.duration_ms) ?? view.durationMs;
        view.attempts = number(data.attempts) ?? view.attempts;
        if (event.type === 'node_skipped_prior_success') view.skipReason = 'prior_success';
        break;
      case 'node_failed':
        view.state = 'failed';
        view.error = text(data.error);
        view.durationMs = number(data.duration_ms) ?? view.durationMs;
        view.attempts = number(data.attempts) ?? view.attempts;
        break;
      case 'node_skipped':
        view.state = 'skipped';
        view.skipReason = text(data.reason);
        break;
      default:
        break;
    }
  }
  return [...nodes.values()];
}

function runSummary(run: RunRecord): RecordSummary {
  const counts = run.metadata.nodeCounts;
  const detail = counts
    ? Object.entries(counts)
        .filter(([, count]) => count > 0)
        .map(([state, count]) => `${count} ${state}`)
        .join(' · ')
    : '';
  return {
    kind: 'workflow',
    id: run.id,
    title: `Workflow ${run.workflowName}${run.userMessage ? `: ${run.userMessage}` : ''}`,
    status: run.status,
    tone: workflowTone(run.status),
    startedAt: run.startedAt,
    at: run.completedAt ?? run.lastActivityAt,
    durationMs: run.completedAt ? Date.parse(run.completedAt) - Date.parse(run.startedAt) : null,
    detail: [detail, run.metadata.error?.split('\n')[0]].filter(Boolean).join(' · '),
    tags: run.metadata.branch ? [run.metadata.branch] : [],
  };
}

function viewSummary(view: WorkflowRunView): RecordSummary {
  const counts = new Map<string, number>();
  for (const node of view.nodes) counts.set(node.state, (counts.get(node.state) ?? 0) + 1);
  return {
    kind: 'workflow',
    id: view.id,
    title: `Workflow ${view.workflowName}${view.userMessage ? `: ${view.userMessage}` : ''}`,
    status: view.status,
    tone: workflowTone(view.status),
    startedAt: view.startedAt,
    at: view.completedAt ?? view.lastActivityAt,
    durationMs: view.completedAt ? Date.parse(view.completedAt) - Date.parse(view.startedAt) : null,
    detail: [...counts].map(([state, count]) => `${count} ${state}`).join(' · '),
    tags: ['transcript only'],
  };
}
