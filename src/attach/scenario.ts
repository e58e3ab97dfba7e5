import type { SeedBuild } from './seed.js';
import type { Grade, Trace } from './schema.js';

/** One line, no markdown structure: for titles and criteria. */
function oneLine(text: string, max: number): string {
  const line = text
    .replace(/\s+/g, ' ')
    .replace(/^[#>\-*\s]+/, '')
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * Text the trace supplied (the task) placed in a markdown section: a line that would open a
 * heading or a code fence is escaped, so that nothing in a trace can add or end a section.
 */
function inert(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (/^\s*(#{1,6}\s|#{1,6}$|```|~~~)/.test(line) ? `\\${line}` : line))
    .join('\n');
}

/**
 * The reproduction scenario: the trace's task as the Prompt, the seed rebuilt from it, and the
 * criteria the grade derived. `archal scenario validate` accepts it.
 */
export function scenarioMarkdown(
  trace: Trace,
  grade: Grade,
  build: SeedBuild,
  options: { timeoutSeconds: number; evaluator: boolean },
): string {
  const { counts } = build;
  const held = [
    `${counts.repos} repositor${counts.repos === 1 ? 'y' : 'ies'}`,
    `${counts.issues} issue(s)`,
    `${counts.pulls} pull request(s)`,
    `${counts.comments} comment(s)`,
    `${counts.labels} label(s)`,
    ...(counts.files > 0 ? [`${counts.files} file(s)`] : []),
  ].join(', ');
  const criteria = grade.criteria
    // A judged criterion needs an evaluator; without one it could not be checked.
    .filter((criterion) => criterion.kind === 'D' || options.evaluator)
    .map((criterion) => {
      const text = oneLine(criterion.text, 300);
      return criterion.expression
        ? `- [${criterion.kind}] ${text} => ${oneLine(criterion.expression, 1000)}`
        : `- [${criterion.kind}] ${text}`;
    });
  if (criteria.length === 0) criteria.push('- [D] The run exits successfully');
  return [
    `# Reproduce trace ${trace.id}: ${oneLine(trace.task ?? 'the agent run', 80)}`,
    '',
    '## Setup',
    `Rebuilt by \`archal attach\` from trace ${trace.id} (${trace.source.format}, source ${oneLine(trace.source.name, 80)}${trace.startedAt ? `, started ${trace.startedAt}` : ''}).`,
    `The seed holds the GitHub state the agent read: ${held}. Times are relative to when the trace started.`,
    '',
    '## Prompt',
    inert(trace.task ?? ''),
    '',
    '## Expected Behavior',
    inert(`The run in production was graded ${grade.verdict}: ${grade.summary}`),
    '',
    '## Success Criteria',
    ...criteria,
    '',
    '## Config',
    'clones: github',
    'seed: seed.json',
    `timeout: ${options.timeoutSeconds}`,
    'runs: 1',
    'tags: attach',
    '',
  ].join('\n');
}
