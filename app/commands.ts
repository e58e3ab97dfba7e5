/**
 * The `/archal` comment grammar. The first line that starts with `/archal` (any case) is the command;
 * lines inside fenced or indented code blocks, block quotes and HTML comments never count, so quoting
 * someone else's command, or showing one in an example, runs nothing.
 */

export type Command =
  | { kind: 'fix'; instructions: string }
  | { kind: 'run'; workflow: string; message: string }
  | { kind: 'status' }
  | { kind: 'cancel' }
  | { kind: 'approve'; comment: string }
  | { kind: 'reject'; reason: string }
  | { kind: 'retry' }
  | { kind: 'help' }
  | { kind: 'unknown'; word: string }
  /** `problem` is plain text (no markdown): the reply escapes it, as it does every text from a comment. */
  | { kind: 'invalid'; word: string; problem: string };

export type CommandKind = Command['kind'];

export const COMMAND_WORDS = ['fix', 'run', 'status', 'cancel', 'approve', 'reject', 'retry', 'help'] as const;

/** Workflow names `/archal run` accepts: what a workflow file or the `app.workflows` map can name. */
const WORKFLOW_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** What may follow a command word in a sentence without being part of it. */
const TRAILING_PUNCTUATION = /[.,:;!?]+$/;

/** Longest comment read, and longest free text kept (instructions, messages, approval comments). */
const MAX_BODY = 65_536;
const MAX_TEXT = 8_192;

/** Finds the command of a comment, or undefined when it holds none. Never throws. */
export function parseCommand(body: string): Command | undefined {
  const lines = body.slice(0, MAX_BODY).split(/\r\n|\r|\n/);
  const found = findCommandLine(lines);
  if (!found) return undefined;
  const { index, rest } = found;
  const [word = '', ...words] = rest.split(/\s+/).filter(Boolean);
  const inline = rest.slice(word.length).trim();
  const following = lines
    .slice(index + 1)
    .join('\n')
    .trim();
  const text = clip([inline, following].filter(Boolean).join('\n'));
  // `/archal fix.` or `/archal fix: the login bug` is fix: punctuation typed after the word is not part of it.
  const name = word.replace(TRAILING_PUNCTUATION, '').toLowerCase();
  switch (word !== '' && name === '' ? word : name) {
    case '':
    case 'help':
      return { kind: 'help' };
    case 'fix':
      return { kind: 'fix', instructions: text };
    case 'run': {
      const workflow = words[0];
      if (!workflow) return { kind: 'invalid', word: 'run', problem: 'name the workflow: /archal run <workflow>' };
      if (!WORKFLOW_NAME.test(workflow))
        return {
          kind: 'invalid',
          word: 'run',
          problem: `"${clip(workflow, 60)}" is not a workflow name (letters, digits, ".", "_", "-")`,
        };
      const afterName = inline.slice(workflow.length).trim();
      return { kind: 'run', workflow, message: clip([afterName, following].filter(Boolean).join('\n')) };
    }
    case 'status':
      return { kind: 'status' };
    case 'cancel':
      return { kind: 'cancel' };
    case 'approve':
      return { kind: 'approve', comment: text };
    case 'reject':
      return { kind: 'reject', reason: text };
    case 'retry':
      return { kind: 'retry' };
    default:
      return { kind: 'unknown', word: clip(word, 40) };
  }
}

/** The index of the command line and what follows `/archal` on it. */
function findCommandLine(lines: string[]): { index: number; rest: string } | undefined {
  let fence: { char: string; length: number } | undefined;
  let inHtmlComment = false;
  let previousBlank = true;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (fence) {
      const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (closing && closing[1]![0] === fence.char && closing[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    if (inHtmlComment) {
      if (line.includes('-->')) inHtmlComment = false;
      continue;
    }
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (opening) {
      fence = { char: opening[1]![0]!, length: opening[1]!.length };
      continue;
    }
    if (/^ {0,3}<!--/.test(line)) {
      inHtmlComment = !line.includes('-->');
      continue;
    }
    const blank = line.trim() === '';
    // An indented code block starts after a blank line (indented text right after a paragraph continues it).
    const indentedCode = /^( {4,}|\t)/.test(line) && previousBlank;
    const quoted = /^ {0,3}>/.test(line);
    previousBlank = blank;
    if (indentedCode || quoted) continue;
    const match = /^ {0,3}\/archal(?=\s|$)(.*)$/i.exec(line);
    if (match) return { index, rest: match[1]!.trim() };
  }
  return undefined;
}

function clip(text: string, max = MAX_TEXT): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The reply to `/archal help` and to an unknown command. */
export function helpText(options: { fixLabel: string; workflows?: readonly string[] }): string {
  const custom = options.workflows?.length
    ? ` (here: ${options.workflows.map((name) => `\`${name}\``).join(', ')})`
    : '';
  return [
    'Archal commands (one per comment, on its own line):',
    '',
    '| Command | What it does |',
    '|---|---|',
    '| `/archal fix [instructions…]` | Runs the fix workflow for this issue or pull request and opens a draft PR. |',
    `| \`/archal run <workflow> [message…]\` | Runs another workflow${custom}. |`,
    '| `/archal status` | Lists the active and recent runs here. |',
    '| `/archal cancel` | Stops the runs here (those still starting too) and their processes, and drops queued commands. |',
    '| `/archal approve [comment…]` | Approves the step a run is waiting on. |',
    '| `/archal reject [reason…]` | Rejects it; the run is cancelled. |',
    '| `/archal retry` | Resumes the last failed run (completed steps are kept), or repeats the last command. |',
    '| `/archal help` | This message. |',
    '',
    `The label \`${options.fixLabel}\` also starts the fix workflow.`,
  ].join('\n');
}
