/**
 * `archal run --task "<text>"`: a one-off scenario written from the command line, as Archal does.
 * The agent is asked the text; the run passes when the agent exits 0 (and, with `--read-only`,
 * changes nothing), and the evaluator, when there is one, judges whether the task was done.
 */
export interface InlineTask {
  text: string;
  /** Clones named with --clone/--twin (default: inferred from the text, then .archal.json, then github). */
  clones?: string[];
  /** `--read-only`: the only check is that the agent changed nothing. */
  readOnly?: boolean;
}

/** The file name inline tasks are reported under (relative to the repository). */
export const INLINE_TASK_FILE = '(--task)';

export function inlineTaskMarkdown(task: InlineTask): string {
  const title = task.text.replace(/\s+/g, ' ').trim();
  const criteria = task.readOnly
    ? ['- [D] The agent changed nothing => $count($keys(diff.github)) = 0']
    : ['- [D] The run exits successfully', `- [P] The agent did what it was asked: ${title.replace(/=>/g, '= >')}`];
  return [
    `# ${title.length > 80 ? `${title.slice(0, 77)}…` : title}`,
    '',
    '## Prompt',
    task.text.trim(),
    '',
    '## Success Criteria',
    ...criteria,
    '',
    ...(task.clones && task.clones.length > 0 ? ['## Config', `clones: ${task.clones.join(', ')}`, ''] : []),
  ].join('\n');
}
