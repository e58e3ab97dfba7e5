import { posix } from 'node:path';
import { clip } from '../lib/text.js';
import type { PreprodFailure } from './schema.js';

/** A check run annotation, as GitHub's checks API takes it. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
}

/**
 * One annotation per failure, on the scenario file at the line of the failing criterion (line 1,
 * the title, when no criterion is at fault): `failure`, or `warning` when the scenario is flaky.
 * The message holds the criterion, the values it compared, the failure category and its hint.
 * `pathPrefix` is where the scenario files' directory sits in the repository (the Action's
 * `working-directory`), since annotation paths are relative to the repository root.
 */
export function failureAnnotations(failures: readonly PreprodFailure[], pathPrefix = ''): CheckAnnotation[] {
  return failures.map((failure) => {
    const line = failure.criterion?.line ?? 1;
    const evidence = failure.evidence[0];
    const compared = evidence?.criterion?.detail ?? evidence?.excerpt;
    return {
      path: posix.normalize(
        posix.join(pathPrefix.split('\\').join('/') || '.', failure.scenario.file.split('\\').join('/')),
      ),
      start_line: line,
      end_line: line,
      annotation_level: failure.flaky ? 'warning' : 'failure',
      title: clip(
        `${failure.scenario.title}: ${failure.criterion ? `[${failure.criterion.kind}] ${failure.criterion.text}` : failure.category}`,
        255,
      ),
      message: clip(
        [
          `${failure.criterion ? `Criterion ${failure.criterion.id}: ${failure.criterion.text}` : 'The run failed'} — failed ${failure.failedRuns} of ${failure.runs} run(s)${failure.flaky ? ' (flaky)' : ''}.`,
          compared ? `Compared: ${compared}` : '',
          `Category: ${failure.category}. Hint: ${failure.hint}`,
        ]
          .filter(Boolean)
          .join('\n'),
        64_000,
      ),
    };
  });
}

/** Annotations in batches of at most `size`: GitHub takes 50 per request. */
export function batches<T>(items: readonly T[], size = 50): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}
