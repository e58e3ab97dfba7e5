import * as core from '@actions/core';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../src/lib/errors.js';
import { writeJsonFile } from '../src/lib/json-file.js';
import type { Comparison } from '../src/preprod/compare.js';
import { junitReport } from '../src/runner/report.js';
import type { SuiteResult } from '../src/runner/results.js';
import { portableSuite, writeSuiteRecord } from '../src/runner/shard-record.js';
import type { MemoryStore } from '../src/store/memory-store.js';
import type { WorkflowRunReader } from '../src/view/records/workflows.js';
import { uploadDirectory, uploadFile, type UploadedArtifact } from './artifacts.js';
import type { ActionSetup } from './setup.js';

/** The runs, records and reports an artifact holds beside the two pre-prod files. */
export function writeRecords(
  dir: string,
  records: { head: SuiteResult | null; headRepo: string; base: SuiteResult | null; baseRepo: string | null },
  comparison: Comparison | null,
): void {
  if (records.head) {
    writeSuiteRecord(dir, records.head, records.headRepo);
    writeFileSync(join(dir, 'junit.xml'), junitReport(portableSuite(records.head, records.headRepo)));
  }
  if (records.base && records.baseRepo) writeSuiteRecord(join(dir, 'base'), records.base, records.baseRepo);
  if (comparison) writeJsonFile(join(dir, 'comparison.json'), comparison);
}

/**
 * The fix workflow's runs, kept in memory for the job (a runner has no disk to keep), written into
 * the artifact: each run's record and its events, redacted.
 */
export async function writeWorkflowRuns(setup: ActionSetup, store: MemoryStore, dir: string): Promise<void> {
  for (const run of await store.listRuns({})) {
    const events = await store.listEvents(run.id);
    writeJsonFile(join(dir, 'workflow-runs', `${run.id}.json`), setup.redactor.value({ run, events }));
  }
}

/** Uploads a directory as an artifact of this workflow run; a failure is a warning, never the job's failure. */
export async function upload(setup: ActionSetup, name: string, dir: string): Promise<UploadedArtifact | null> {
  try {
    const uploaded = await uploadDirectory(name, dir, {
      retentionDays: setup.inputs['retention-days'],
      runUrl: setup.ctx.runUrl,
    });
    core.info(`Uploaded artifact ${name} (id ${uploaded.id})`);
    return uploaded;
  } catch (error) {
    core.warning(`Could not upload the artifact ${name}: ${setup.redactor.text(errorMessage(error))}`);
    return null;
  }
}

/**
 * The run as one self-contained HTML page (the report `archal report --html` writes): the loop, its
 * attempts and the head's runs, and a fix workflow's runs. It goes into the artifact as
 * `report.html`, and up as an artifact of its own, unzipped (`<artifact-name>.html`), which the
 * summary, the check run and the comment link to. Redacted with the runner's secrets; a report that
 * cannot be rendered is a warning.
 */
export async function uploadHtmlReport(
  setup: ActionSetup,
  dir: string,
  runs?: WorkflowRunReader,
): Promise<UploadedArtifact | null> {
  let file: string;
  try {
    const { renderReportHtml } = await import('../src/view/report.js');
    const report = await renderReportHtml({ repo: setup.repoDir, reference: dir, runs, env: setup.runnerEnv });
    writeFileSync(join(dir, 'report.html'), report.html);
    file = join(setup.temp, `${setup.inputs['artifact-name']}.html`);
    copyFileSync(join(dir, 'report.html'), file);
  } catch (error) {
    core.warning(`No HTML report: ${setup.redactor.text(errorMessage(error))}`);
    return null;
  }
  try {
    const uploaded = await uploadFile(file, {
      retentionDays: setup.inputs['retention-days'],
      runUrl: setup.ctx.runUrl,
    });
    core.info(`Uploaded the HTML report ${setup.inputs['artifact-name']}.html (id ${uploaded.id})`);
    return uploaded;
  } catch (error) {
    core.warning(`Could not upload the HTML report: ${setup.redactor.text(errorMessage(error))}`);
    return null;
  }
}
