import { capPerFile, visibleControls } from '../lib/text.js';

/** How many problems of one file are listed before the rest are counted (a broken file can have thousands). */
export const LISTED_WORKFLOW_PROBLEMS_PER_FILE = 20;

/** A load-time error or warning about a workflow, naming where it is. */
export interface WorkflowProblem {
  message: string;
  file: string;
  node?: string;
  field?: string;
  line?: number;
}

/** "file.yaml:12: node 'build' field 'retry.max_attempts': must be between 1 and 5" (control characters named). */
export function formatWorkflowProblem(problem: WorkflowProblem): string {
  return visibleControls(describeWorkflowProblem(problem));
}

function describeWorkflowProblem(problem: WorkflowProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const subject = [
    problem.node === undefined ? undefined : `node '${problem.node}'`,
    problem.field === undefined ? undefined : `field '${problem.field}'`,
  ]
    .filter(Boolean)
    .join(' ');
  return subject ? `${where}: ${subject}: ${problem.message}` : `${where}: ${problem.message}`;
}

/** One problem per line, indented: at most `LISTED_WORKFLOW_PROBLEMS_PER_FILE` of each file, then how many more it has. */
export function formatWorkflowProblems(problems: readonly WorkflowProblem[], indent = '  '): string {
  return capPerFile(problems, (problem) => problem.file, LISTED_WORKFLOW_PROBLEMS_PER_FILE)
    .map((item) =>
      item.kind === 'item'
        ? `${indent}${formatWorkflowProblem(item.value)}`
        : `${indent}… and ${item.more} more problem${item.more === 1 ? '' : 's'} in ${visibleControls(item.file)}`,
    )
    .join('\n');
}
