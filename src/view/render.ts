import type { SecretRedactor } from '../lib/redact.js';
import { html } from './html.js';
import { badge, link, type PageLinks } from './layout.js';
import { preprodPage } from './pages/preprod.js';
import { scenarioRunPage } from './pages/scenario-run.js';
import type { Page } from './pages/page.js';
import { suitePage } from './pages/suite.js';
import { workflowPage } from './pages/workflow.js';
import type { RecordProblem } from './records/json-files.js';
import type { RecordSource } from './records/source.js';
import type { RecordRef } from './records/types.js';

export interface RenderContext {
  source: RecordSource;
  links: PageLinks;
  /** Everything shown passes through it, like the artifacts: records from the store were never redacted. */
  redactor: SecretRedactor;
  /** A workflow run's page lists every event, not only the newest. */
  allEvents?: boolean;
}

/** The page of one record; undefined when there is no such record. */
export async function recordPage(ref: RecordRef, context: RenderContext): Promise<Page | undefined> {
  const { source, links, redactor } = context;
  switch (ref.kind) {
    case 'suite': {
      const entry = source.suite(ref.id);
      if (!entry) {
        const problem = source.problem(ref);
        return problem && unreadablePage(`Suite ${ref.id}`, problem, redactor);
      }
      const firstRun = entry.suite.scenarios.flatMap((scenario) => scenario.results)[0];
      return suitePage(redactor.value(entry), {
        links,
        suites: source.suites(),
        loopAttempt: firstRun ? source.loopAttemptOf(firstRun.runId) : undefined,
      });
    }
    case 'run': {
      const read = source.run(ref.id);
      if (!read) return missingRunPage(ref.id, context);
      if (!read.ok) return unreadablePage(`Run ${ref.id}`, read.problem, redactor);
      const suite = source
        .suites()
        .find((entry) =>
          entry.suite.scenarios.some((scenario) => scenario.results.some((run) => run.runId === ref.id)),
        );
      return scenarioRunPage(redactor.value(read.record), { links, suiteId: suite?.id });
    }
    case 'preprod': {
      const loop = source.loop(ref.id);
      return loop ? preprodPage(redactor.value(loop), { links }) : undefined;
    }
    case 'workflow': {
      const view = await source.workflowRun(ref.id);
      return view ? workflowPage(redactor.value(view), { links, allEvents: context.allEvents }) : undefined;
    }
  }
}

/**
 * A run a suite lists whose record file is gone (removed, or the suite was recorded elsewhere): what
 * the suite kept of it, and where its record was looked for. Undefined when no suite lists it.
 */
function missingRunPage(runId: string, { source, links, redactor }: RenderContext): Page | undefined {
  for (const head of source.suites()) {
    if (!head.suite.scenarios.some((scenario) => scenario.results.some((run) => run.runId === runId))) continue;
    const scenario = source
      .suite(head.id)
      ?.suite.scenarios.find((entry) => entry.results.some((run) => run.runId === runId));
    const run = scenario?.results.find((entry) => entry.runId === runId);
    const title = `${scenario?.title ?? 'Scenario'} — run ${run?.run ?? '?'}`;
    return {
      title,
      body: html`<h1>
          ${redactor.text(title)} ${run ? badge(run.passed ? 'passed' : 'failed', run.passed ? 'good' : 'bad') : ''}
        </h1>
        <div class="failure" data-missing>
          The record of this run, <code>${source.scenarios.runFile(runId)}</code>, does not exist (removed, or recorded
          on another machine): only what its suite kept is shown.
        </div>
        ${run?.failureSummary ? html`<p>${redactor.text(run.failureSummary)}</p>` : ''}
        <p>${link(links.suite(head.id), 'Its suite')}</p>`,
      chart: false,
    };
  }
  return undefined;
}

/** A record that exists but cannot be read: which file, and why. */
function unreadablePage(title: string, problem: RecordProblem, redactor: SecretRedactor): Page {
  return {
    title,
    body: html`<h1>${title}</h1>
      <div class="failure" data-unreadable>
        The record <code>${problem.file}</code> cannot be read: ${redactor.text(problem.message)}
      </div>`,
    chart: false,
  };
}

/** The records a report of `ref` carries besides `ref` itself: the runs of a suite or of a loop's attempts. */
export async function relatedRecords(ref: RecordRef, source: RecordSource): Promise<RecordRef[]> {
  switch (ref.kind) {
    case 'suite': {
      const entry = source.suite(ref.id);
      return (entry?.suite.scenarios ?? []).flatMap((scenario) =>
        scenario.results.map((run) => ({ kind: 'run' as const, id: run.runId })),
      );
    }
    case 'preprod': {
      const loop = source.loop(ref.id);
      if (!loop) return [];
      const related: RecordRef[] = [];
      for (const attempt of loop.result.attempts) {
        if (attempt.fix?.workflowRunId && (await source.workflowRun(attempt.fix.workflowRunId)))
          related.push({ kind: 'workflow', id: attempt.fix.workflowRunId });
        for (const scenario of attempt.scenarios)
          for (const runId of scenario.runIds) related.push({ kind: 'run', id: runId });
      }
      return related;
    }
    case 'run':
    case 'workflow':
      return [];
  }
}
