import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import type { RecordProblem } from './json-files.js';
import { loopSummary, PreprodRecords, type StoredLoop } from './preprod.js';
import {
  ScenarioRecords,
  suiteSummary,
  type ScenarioRunRecord,
  type StoredSuite,
  type StoredSuiteHead,
} from './scenarios.js';
import { RecordLookupError, type RecordRef, type RecordSummary } from './types.js';
import { WorkflowRecords, type WorkflowRunReader, type WorkflowRunView } from './workflows.js';

export interface RecordSourceOptions {
  /** The repository root: its `.archal/` holds the scenario and pre-prod records. */
  repo: string;
  /**
   * More pre-prod artifact directories to look in (`.archal.json` `preprod.artifacts`), relative to
   * `repo`; a function is asked on every look (a setting that may change while the viewer runs).
   */
  preprodDirs?: readonly string[] | (() => readonly string[]);
  /** The run store, when it could be opened: workflow runs come from it. */
  runs?: WorkflowRunReader;
  /** Worktrees of this repository: workflow runs there are the repository's too. */
  worktrees?: readonly string[];
  /** Where a reference that is a relative path starts from (the command's working directory); default `repo`. */
  cwd?: string;
}

export interface RecordList {
  records: RecordSummary[];
  problems: RecordProblem[];
}

/** Which attempt of which loop a scenario run belonged to. */
export interface LoopAttempt {
  loopId: string;
  attempt: number;
}

const MIN_PREFIX = 4;

/** Everything the viewer shows, read from what runs already wrote. Nothing here writes. */
export class RecordSource {
  readonly scenarios: ScenarioRecords;
  readonly preprod: PreprodRecords;
  readonly workflows: WorkflowRecords;
  /** Records named by a path outside the usual places (`archal report results.json`). */
  private readonly extraSuites = new Map<string, StoredSuite>();
  private readonly extraLoops = new Map<string, StoredLoop>();

  constructor(readonly options: RecordSourceOptions) {
    this.scenarios = new ScenarioRecords(join(options.repo, '.archal', 'cache'));
    const dirs = options.preprodDirs ?? [];
    this.preprod = new PreprodRecords(options.repo, typeof dirs === 'function' ? dirs : () => dirs);
    this.workflows = new WorkflowRecords(options.repo, options.runs, options.worktrees);
  }

  /** Suites, pre-prod loops and workflow runs, the most recent first. */
  async list(): Promise<RecordList> {
    const problems: RecordProblem[] = [];
    const loops = this.preprod.list(problems);
    const attempts = attemptsByRun(loops);
    const records = [
      ...this.scenarios.listSuites(problems).map((entry) => suiteSummary(entry, suiteTags(entry, attempts))),
      ...loops.map(loopSummary),
      ...(await this.workflows.list()),
    ];
    records.sort((a, b) => b.at.localeCompare(a.at) || b.startedAt.localeCompare(a.startedAt));
    return { records, problems };
  }

  suite(id: string): StoredSuite | undefined {
    return this.scenarios.suite(id) ?? this.extraSuites.get(id);
  }

  /** Every suite's head (what lists and charts need), newest first. */
  suites(): StoredSuiteHead[] {
    return this.scenarios.listSuites();
  }

  /** Why a record that exists cannot be read (its file and the parse error); undefined when it can, or is not there. */
  problem(ref: RecordRef): RecordProblem | undefined {
    switch (ref.kind) {
      case 'suite':
        return this.extraSuites.has(ref.id) ? undefined : this.scenarios.suiteProblem(ref.id);
      case 'run': {
        const read = this.scenarios.run(ref.id);
        return read && !read.ok ? read.problem : undefined;
      }
      case 'preprod':
      case 'workflow':
        // Loops that cannot be read have no id, and workflow runs are read leniently event by event.
        return undefined;
    }
  }

  run(id: string): ReturnType<ScenarioRecords['run']> {
    return this.scenarios.run(id);
  }

  loop(id: string): StoredLoop | undefined {
    return this.preprod.loop(id) ?? this.extraLoops.get(id);
  }

  loopAttemptOf(runId: string): LoopAttempt | undefined {
    return attemptsByRun(this.preprod.list()).get(runId);
  }

  workflowRun(id: string): Promise<WorkflowRunView | undefined> {
    return this.workflows.run(id);
  }

  /**
   * What a reference names: `last` (the record at the top of the list), a suite, scenario run, pre-prod
   * loop or workflow run id or a unique prefix of one (at least 4 characters), or the path of a
   * pre-prod artifacts directory or its preprod-result.json.
   */
  async resolve(reference: string): Promise<RecordRef> {
    const ref = reference.trim();
    if (ref === 'last') {
      const newest = (await this.list()).records[0];
      if (!newest)
        throw new RecordLookupError(
          `There is no record yet in ${this.options.repo}: run \`archal run\`, \`archal preprod run\` or \`archal workflow run\` first.`,
          'not_found',
        );
      return { kind: newest.kind, id: newest.id };
    }
    const path = resolve(this.options.cwd ?? this.options.repo, ref);
    // Ids never hold a path separator nor end in .json: such a reference is a path or nothing.
    if (ref.includes('/') || ref.includes(sep) || ref.endsWith('.json')) {
      if (existsSync(path)) return this.fromPath(path);
      throw new RecordLookupError(`${path} does not exist.`, 'not_found');
    }
    const candidates = await this.candidates(ref);
    const exact = candidates.filter((candidate) => candidate.id === ref);
    const matches = exact.length > 0 ? exact : ref.length >= MIN_PREFIX ? candidates : [];
    if (matches.length === 1) return matches[0]!;
    // A bare name that is no id may still be a directory here (`archal report artifacts`).
    if (matches.length === 0 && ref !== '' && existsSync(path)) return this.fromPath(path);
    if (matches.length === 0)
      throw new RecordLookupError(
        `No suite, scenario run, pre-prod loop or workflow run is named '${ref}'` +
          (ref.length < MIN_PREFIX ? ` (a prefix needs at least ${MIN_PREFIX} characters)` : '') +
          '. `archal view` lists them; `last` names the most recent.',
        'not_found',
      );
    throw new RecordLookupError(
      `'${ref}' names more than one record: ${matches
        .slice(0, 6)
        .map((match) => `${match.kind} ${match.id}`)
        .join(', ')}. Give more characters.`,
      'ambiguous',
    );
  }

  /** A pre-prod result (or its directory), or a suite's JSON (`archal run -o json`, last-run.json). */
  private fromPath(path: string): RecordRef {
    const file = statSync(path).isDirectory() ? join(path, 'preprod-result.json') : path;
    const loop = this.preprod.fromPath(file);
    if (loop && !('problem' in loop)) {
      this.extraLoops.set(loop.id, loop);
      return { kind: 'preprod', id: loop.id };
    }
    const suite = this.scenarios.suiteFromFile(file);
    if (suite && !('problem' in suite)) {
      this.extraSuites.set(suite.id, suite);
      return { kind: 'suite', id: suite.id };
    }
    const loopProblem = loop && 'problem' in loop ? loop.problem : undefined;
    const suiteProblem = suite && 'problem' in suite ? suite.problem : undefined;
    const problem = basename(file).startsWith('preprod')
      ? (loopProblem ?? suiteProblem)
      : (suiteProblem ?? loopProblem);
    throw new RecordLookupError(
      problem
        ? `${file} is neither a pre-prod result nor a suite's results: ${problem.message}`
        : `${file} does not exist.`,
      'not_found',
    );
  }

  private async candidates(ref: string): Promise<RecordRef[]> {
    const starts = (id: string) => id.startsWith(ref);
    return [
      ...this.scenarios
        .listSuites()
        .filter((entry) => starts(entry.id))
        .map((entry) => ({ kind: 'suite' as const, id: entry.id })),
      ...this.scenarios
        .runIds()
        .filter(starts)
        .map((id) => ({ kind: 'run' as const, id })),
      ...this.preprod
        .list()
        .filter((entry) => starts(entry.id))
        .map((entry) => ({ kind: 'preprod' as const, id: entry.id })),
      ...(await this.workflows.idsStartingWith(ref)).map((id) => ({ kind: 'workflow' as const, id })),
    ];
  }
}

function attemptsByRun(loops: readonly StoredLoop[]): Map<string, LoopAttempt> {
  const byRun = new Map<string, LoopAttempt>();
  for (const loop of loops)
    for (const attempt of loop.result.attempts)
      for (const scenario of attempt.scenarios)
        for (const runId of scenario.runIds) byRun.set(runId, { loopId: loop.id, attempt: attempt.attempt });
  return byRun;
}

function suiteTags(entry: StoredSuiteHead, attempts: Map<string, LoopAttempt>): string[] {
  const firstRun = entry.suite.scenarios.flatMap((scenario) => scenario.results)[0];
  const attempt = firstRun && attempts.get(firstRun.runId);
  return attempt ? [`pre-prod attempt ${attempt.attempt}`] : [];
}

export type { ScenarioRunRecord, StoredLoop, StoredSuite, StoredSuiteHead, WorkflowRunView };
