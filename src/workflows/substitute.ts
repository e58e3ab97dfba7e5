import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT_REF_SOURCE, readOutputRef, valueText, type NodeOutput } from './refs.js';

/** Variables every prompt, command and bash node can use. */
export const STANDARD_VARIABLES = [
  'WORKFLOW_ID',
  'USER_MESSAGE',
  'ARGUMENTS',
  'ARTIFACTS_DIR',
  'BASE_BRANCH',
  'CONTEXT',
  'EXTERNAL_CONTEXT',
  'ISSUE_CONTEXT',
  'LOOP_PREV_OUTPUT',
] as const;
export type StandardVariable = (typeof STANDARD_VARIABLES)[number];

const CONTEXT_VARIABLES: ReadonlySet<string> = new Set(['CONTEXT', 'EXTERNAL_CONTEXT', 'ISSUE_CONTEXT']);

export interface RunVariables {
  runId: string;
  userMessage: string;
  artifactsDir: string;
  /** Undefined when it could not be determined; reading it then fails the node. */
  baseBranch?: string;
  context: string;
  loopPrevOutput?: string;
}

export class SubstitutionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubstitutionError';
  }
}

// Node references first, so that `$CONTEXT.output` reads a node named CONTEXT.
const TOKEN = new RegExp(`${OUTPUT_REF_SOURCE}|\\$(${STANDARD_VARIABLES.join('|')})(?![A-Za-z0-9_])`, 'g');

function variableValue(name: StandardVariable, vars: RunVariables): string {
  switch (name) {
    case 'WORKFLOW_ID':
      return vars.runId;
    case 'USER_MESSAGE':
    case 'ARGUMENTS':
      return vars.userMessage;
    case 'ARTIFACTS_DIR':
      return vars.artifactsDir;
    case 'BASE_BRANCH':
      if (vars.baseBranch === undefined)
        throw new SubstitutionError(
          '$BASE_BRANCH is used but the base branch could not be detected; set worktree.baseBranch in .archal.json',
        );
      return vars.baseBranch;
    case 'CONTEXT':
    case 'EXTERNAL_CONTEXT':
    case 'ISSUE_CONTEXT':
      return vars.context;
    case 'LOOP_PREV_OUTPUT':
      return vars.loopPrevOutput ?? '';
  }
}

/**
 * Substitutes variables and node outputs into AI prompt text, in one pass, so text coming from a
 * variable or an output is never itself substituted again. When the run has context and the text
 * does not place it anywhere, the context is appended.
 */
export function substitutePrompt(text: string, vars: RunVariables, outputs: ReadonlyMap<string, NodeOutput>): string {
  let usedContext = false;
  const result = text.replace(TOKEN, (_match, node?: string, field?: string, variable?: StandardVariable) => {
    if (node !== undefined) return valueText(readOutputRef(outputs, node, field));
    if (CONTEXT_VARIABLES.has(variable!)) usedContext = true;
    return variableValue(variable!, vars);
  });
  return vars.context && !usedContext ? `${result}\n\n---\n\n${vars.context}` : result;
}

/** Longer outputs are written to a file and read back with $(cat …) instead of being spliced. */
export const SHELL_INLINE_LIMIT = 32 * 1024;

/**
 * Prepares a bash script. Node outputs are spliced shell-quoted; run variables are not spliced at
 * all: the script reads them from its environment ($USER_MESSAGE, $ARTIFACTS_DIR…), so text a user
 * controls never becomes shell syntax.
 */
export function substituteShell(
  script: string,
  vars: RunVariables,
  outputs: ReadonlyMap<string, NodeOutput>,
  spillDir: string,
): string {
  return script.replace(TOKEN, (match, node?: string, field?: string, variable?: StandardVariable) => {
    if (node === undefined) {
      if (variable === 'BASE_BRANCH') variableValue(variable, vars);
      return match;
    }
    const text = valueText(readOutputRef(outputs, node, field));
    if (text.length <= SHELL_INLINE_LIMIT) return shellQuote(text);
    mkdirSync(spillDir, { recursive: true, mode: 0o700 });
    const file = join(spillDir, `${node}${field ? `.${field}` : ''}.txt`);
    writeFileSync(file, text, { mode: 0o600 });
    return `"$(cat ${shellQuote(file)})"`;
  });
}

/** The environment through which bash nodes read run variables. */
export function variablesEnvironment(vars: RunVariables): Record<string, string> {
  const env: Record<string, string> = {
    WORKFLOW_ID: vars.runId,
    USER_MESSAGE: vars.userMessage,
    ARGUMENTS: vars.userMessage,
    ARTIFACTS_DIR: vars.artifactsDir,
    CONTEXT: vars.context,
    EXTERNAL_CONTEXT: vars.context,
    ISSUE_CONTEXT: vars.context,
  };
  if (vars.baseBranch !== undefined) env.BASE_BRANCH = vars.baseBranch;
  if (vars.loopPrevOutput !== undefined) env.LOOP_PREV_OUTPUT = vars.loopPrevOutput;
  return env;
}

export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Whether a text reads a variable (used to resolve expensive ones, like the base branch, only when needed). */
export function usesVariable(text: string, name: StandardVariable): boolean {
  return new RegExp(`\\$${name}(?![A-Za-z0-9_])`).test(text);
}
