import { SecretRedactor } from '../lib/redact.js';
import { html } from './html.js';
import { documentHtml, type PageLinks } from './layout.js';
import type { Page } from './pages/page.js';
import { recordPage, relatedRecords } from './render.js';
import { RecordSource, type RecordSourceOptions } from './records/source.js';
import { RECORD_NAMES, RecordLookupError, type RecordRef } from './records/types.js';

export interface ReportOptions extends RecordSourceOptions {
  /** What to report: a suite, scenario run, pre-prod loop or workflow run id (or unique prefix), a path, or `last`. */
  reference: string;
  /** The environment whose secret-named variables' values are redacted, with the usual token formats. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface Report {
  html: string;
  ref: RecordRef;
  title: string;
}

const anchor = (kind: RecordRef['kind'], id: string) => `${kind}-${id}`;

/**
 * One self-contained HTML file for a record and what it refers to (a suite with its runs, a pre-prod
 * loop with every run of every attempt): styles, scripts and data inline, and a content security
 * policy that allows no request, so it opens the same from a CI artifact, a mail or a disk.
 */
export async function renderReportHtml(options: ReportOptions): Promise<Report> {
  const source = new RecordSource(options);
  const ref = await source.resolve(options.reference);
  return renderReport(source, ref, new SecretRedactor([], (options.env ?? {}) as NodeJS.ProcessEnv));
}

export async function renderReport(source: RecordSource, ref: RecordRef, redactor: SecretRedactor): Promise<Report> {
  const problem = source.problem(ref);
  if (problem)
    throw new RecordLookupError(
      `The record of ${RECORD_NAMES[ref.kind]} ${ref.id} cannot be read: ${problem.file}: ${redactor.text(problem.message)}`,
      'unreadable',
    );
  const refs = [ref, ...(await relatedRecords(ref, source))];
  const included = new Set<string>();
  // Links point at sections of this file, so only records that made it in are linked.
  const links: PageLinks = {
    list: null,
    suite: (id) => (included.has(anchor('suite', id)) ? `#${anchor('suite', id)}` : null),
    run: (id) => (included.has(anchor('run', id)) ? `#${anchor('run', id)}` : null),
    loop: (id) => (included.has(anchor('preprod', id)) ? `#${anchor('preprod', id)}` : null),
    workflow: (id) => (included.has(anchor('workflow', id)) ? `#${anchor('workflow', id)}` : null),
    workflowState: () => null,
    allWorkflowEvents: () => null,
  };
  for (const candidate of refs) {
    const key = anchor(candidate.kind, candidate.id);
    if (included.has(key)) continue;
    if (await recordExists(candidate, source)) included.add(key);
    else if (candidate === ref)
      throw new RecordLookupError(`The ${RECORD_NAMES[ref.kind]} ${ref.id} has no readable record.`, 'not_found');
  }
  const pages: Array<{ key: string; page: Page }> = [];
  for (const candidate of refs) {
    const key = anchor(candidate.kind, candidate.id);
    if (!included.has(key) || pages.some((entry) => entry.key === key)) continue;
    const page = await recordPage(candidate, { source, links, redactor });
    if (page) pages.push({ key, page });
  }
  const sections = pages.map(({ key, page }) => html`<section class="record" id="${key}">${page.body}</section>`);
  const chart = pages.some(({ page }) => page.chart);
  const title = pages[0]!.page.title;
  return {
    html: documentHtml({
      title,
      body: html`${sections}`,
      where: redactor.text(source.options.repo),
      mode: 'report',
      links,
      chart,
    }),
    ref,
    title,
  };
}

async function recordExists(ref: RecordRef, source: RecordSource): Promise<boolean> {
  switch (ref.kind) {
    case 'suite':
      return source.suite(ref.id) !== undefined;
    case 'run':
      return source.run(ref.id) !== undefined;
    case 'preprod':
      return source.loop(ref.id) !== undefined;
    case 'workflow':
      return (await source.workflowRun(ref.id)) !== undefined;
  }
}
