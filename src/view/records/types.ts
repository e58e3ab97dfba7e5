/** What the viewer lists: scenario suites, pre-prod loops and workflow runs. */
export const RECORD_KINDS = ['suite', 'preprod', 'workflow'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** How a status reads at a glance. */
export type Tone = 'good' | 'bad' | 'active' | 'neutral';

export interface RecordSummary {
  kind: RecordKind;
  id: string;
  title: string;
  status: string;
  tone: Tone;
  startedAt: string;
  /** When it finished, else its last activity: the list is newest first by this. */
  at: string;
  durationMs: number | null;
  /** One line: runs passed, attempts, nodes… */
  detail: string;
  /** Short labels (a suite that was a pre-prod attempt, a workflow's branch). */
  tags: string[];
}

/** What `archal report <ref>` and the viewer's pages name: one record of one kind. */
export type RecordRef = { kind: RecordKind | 'run'; id: string };

/** What each kind of record is called in messages. */
export const RECORD_NAMES: Record<RecordRef['kind'], string> = {
  suite: 'suite',
  run: 'scenario run',
  preprod: 'pre-prod loop',
  workflow: 'workflow run',
};

/** A reference that names no record, several, or one whose file cannot be read. */
export class RecordLookupError extends Error {
  constructor(
    message: string,
    readonly reason: 'not_found' | 'ambiguous' | 'unreadable',
  ) {
    super(message);
    this.name = 'RecordLookupError';
  }
}

export function addMs(iso: string, ms: number | null | undefined): string {
  const start = Date.parse(iso);
  if (Number.isNaN(start)) return iso;
  return new Date(start + (ms ?? 0)).toISOString();
}
