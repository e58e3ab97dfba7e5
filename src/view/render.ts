import type { SecretRedactor } from '../lib/redact.js';
import { html } from './html.js';
import type { PageLinks } from './layout.js';
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
      if (!read) return undefined;
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
      return view ? workflowPage(redactor.value(view), { links }) : undefined;
    }
  }
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
