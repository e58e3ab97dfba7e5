import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { didYouMean } from '../lib/did-you-mean.js';
import { shellQuote } from '../lib/shell-word.js';
import {
  INPUTS_REF_SOURCE,
  inputEnvKey,
  LOOP_PREV_REF_SOURCE,
  OUTPUT_REF_SOURCE,
  readOutputRef,
  valueText,
  type NodeOutput,
} from './refs.js';

/** Variables every prompt, command and bash node can use. */
export const STANDARD_VARIABLES = [
  'WORKFLOW_ID',
  'USER_MESSAGE',
  'ARGUMENTS',
  'ARTIFACTS_DIR',
  'STATE_DIR',
  'BASE_BRANCH',
  'DOCS_DIR',
  'CONTEXT',
  'EXTERNAL_CONTEXT',
  'ISSUE_CONTEXT',
  'LOOP_PREV_OUTPUT',
  'LOOP_USER_INPUT',
  'REJECTION_REASON',
] as const;
export type StandardVariable = (typeof STANDARD_VARIABLES)[number];

const CONTEXT_VARIABLES: ReadonlySet<string> = new Set(['CONTEXT', 'EXTERNAL_CONTEXT', 'ISSUE_CONTEXT']);

export interface RunVariables {
  runId: string;
  userMessage: string;
  artifactsDir: string;
  /** Where the run's JSONL transcript is (LOG_DIR for scripts). */
  logDir?: string;
  /** Cross-run state of the project; undefined when the host gave none (reading it then fails the node). */
  stateDir?: string;
  /** Undefined when it could not be determined; reading it then fails the node. */
  baseBranch?: string;
  /** Where the project's documentation is (default `docs/`). */
  docsDir: string;
  context: string;
  /** The run's declared inputs, defaults applied ($INPUTS.<name>). */
  inputs: Readonly<Record<string, unknown>>;
  loopPrevOutput?: string;
  /** What a person answered at an interactive loop's gate (first iteration after it only). */
  loopUserInput?: string;
  /** Why an approval was rejected (its on_reject prompt only). */
  rejectionReason?: string;
  /** Outputs of a loop_group's body in its previous iteration ($LOOP_PREV.<id>.output). */
  loopPrev?: ReadonlyMap<string, NodeOutput>;
}

export class SubstitutionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubstitutionError';
  }
}

// $LOOP_PREV and $INPUTS first, then node references (so `$CONTEXT.output` reads a node named
// CONTEXT), then variables.
const TOKEN = new RegExp(
  `${LOOP_PREV_REF_SOURCE}|${INPUTS_REF_SOURCE}|${OUTPUT_REF_SOURCE}|\\$(${STANDARD_VARIABLES.join('|')})(?![A-Za-z0-9_])`,
  'g',
);

type Match = [
  prevNode?: string,
  prevField?: string,
  input?: string,
  node?: string,
  field?: string,
  variable?: StandardVariable,
];

function variableValue(name: StandardVariable, vars: RunVariables): string {
  switch (name) {
    case 'WORKFLOW_ID':
      return vars.runId;
    case 'USER_MESSAGE':
    case 'ARGUMENTS':
      return vars.userMessage;
    case 'ARTIFACTS_DIR':
      return vars.artifactsDir;
    case 'STATE_DIR':
      if (vars.stateDir === undefined)
        throw new SubstitutionError('$STATE_DIR is used but this run has no state directory');
      return vars.stateDir;
    case 'BASE_BRANCH':
      if (vars.baseBranch === undefined)
        throw new SubstitutionError(
          '$BASE_BRANCH is used but the base branch could not be detected; set worktree.baseBranch in .archal.json',
        );
      return vars.baseBranch;
    case 'DOCS_DIR':
      return vars.docsDir;
    case 'CONTEXT':
    case 'EXTERNAL_CONTEXT':
    case 'ISSUE_CONTEXT':
      return vars.context;
    case 'LOOP_PREV_OUTPUT':
      return vars.loopPrevOutput ?? '';
    case 'LOOP_USER_INPUT':
      return vars.loopUserInput ?? '';
    case 'REJECTION_REASON':
      return vars.rejectionReason ?? '';
  }
}

/** `$INPUTS.<name>`: the run's value as text; an undeclared name is an error that says what exists. */
export function inputValue(name: string, vars: RunVariables): unknown {
  if (Object.prototype.hasOwnProperty.call(vars.inputs, name)) return vars.inputs[name];
  const names = Object.keys(vars.inputs);
  throw new SubstitutionError(
    `Unknown input '$INPUTS.${name}'.${names.length === 0 ? ' This run has no declared inputs.' : `${didYouMean(name, names) || ` Available inputs: ${names.join(', ')}.`}`}`,
  );
}

function loopPrevValue(node: string, field: string | undefined, vars: RunVariables): string {
  if (!vars.loopPrev) return '';
  return valueText(readOutputRef(vars.loopPrev, node, field));
}

/**
 * Substitutes variables and node outputs into AI prompt text, in one pass, so text coming from a
 * variable or an output is never itself substituted again. When the run has context and the text
 * does not place it anywhere, the context is appended.
 */
export function substitutePrompt(text: string, vars: RunVariables, outputs: ReadonlyMap<string, NodeOutput>): string {
  let usedContext = false;
  const result = text.replace(TOKEN, (_match, ...groups: Match) => {
    const [prevNode, prevField, input, node, field, variable] = groups;
    if (prevNode !== undefined) return loopPrevValue(prevNode, prevField, vars);
    if (input !== undefined) return valueText(inputValue(input, vars));
    // A whole $x.output naming no node can only come from a command file's text (inline prompts are
    // checked when the workflow loads): like Archon, it is spliced as empty.
    if (node !== undefined)
      return valueText(field === undefined && !outputs.has(node) ? '' : readOutputRef(outputs, node, field));
    if (CONTEXT_VARIABLES.has(variable!)) usedContext = true;
    return variableValue(variable!, vars);
  });
  return vars.context && !usedContext ? `${result}\n\n---\n\n${vars.context}` : result;
}

/** Substitution of message-like text (approval messages, cancel reasons, sub-run inputs): no appended context. */
export function substituteText(text: string, vars: RunVariables, outputs: ReadonlyMap<string, NodeOutput>): string {
  return substitutePrompt(text, { ...vars, context: '' }, outputs);
}

/** Longer outputs are written to a file and read back with $(cat …) instead of being spliced. */
export const SHELL_INLINE_LIMIT = 32 * 1024;

/**
 * Prepares a bash script. Node outputs are spliced shell-quoted; run variables are not spliced at
 * all: the script reads them from its environment ($USER_MESSAGE, $ARTIFACTS_DIR, $INPUTS_NAME…),
 * so text a user controls never becomes shell syntax.
 */
export function substituteShell(
  script: string,
  vars: RunVariables,
  outputs: ReadonlyMap<string, NodeOutput>,
  /** The directory long outputs are written to, created when first asked for. */
  spillDir: () => string,
): string {
  return script.replace(TOKEN, (match, ...groups: Match) => {
    const [prevNode, prevField, input, node, field, variable] = groups;
    if (input !== undefined) return match;
    if (prevNode === undefined && node === undefined) {
      if (variable === 'BASE_BRANCH' || variable === 'STATE_DIR') variableValue(variable, vars);
      return match;
    }
    const text =
      prevNode !== undefined
        ? loopPrevValue(prevNode, prevField, vars)
        : valueText(readOutputRef(outputs, node!, field));
    if (text.length <= SHELL_INLINE_LIMIT) return shellQuote(text);
    const file = join(
      spillDir(),
      `${prevNode ? 'prev.' : ''}${prevNode ?? node}${(prevField ?? field) ? `.${prevField ?? field}` : ''}.txt`,
    );
    writeFileSync(file, text, { mode: 0o600 });
    return `"$(cat ${shellQuote(file)})"`;
  });
}

/** Prepares an inline bun/uv/node/python script: node outputs spliced as they are (parse them in the script). */
export function substituteScript(script: string, vars: RunVariables, outputs: ReadonlyMap<string, NodeOutput>): string {
  return script.replace(TOKEN, (match, ...groups: Match) => {
    const [prevNode, prevField, input, node, field, variable] = groups;
    if (prevNode !== undefined) return loopPrevValue(prevNode, prevField, vars);
    if (node !== undefined) return valueText(readOutputRef(outputs, node, field));
    if (input === undefined && (variable === 'BASE_BRANCH' || variable === 'STATE_DIR')) variableValue(variable, vars);
    return match;
  });
}

/** The environment through which bash and script nodes read run variables and inputs. */
export function variablesEnvironment(vars: RunVariables): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(vars.inputs)) env[inputEnvKey(name)] = valueText(value);
  Object.assign(env, {
    WORKFLOW_ID: vars.runId,
    USER_MESSAGE: vars.userMessage,
    ARGUMENTS: vars.userMessage,
    ARTIFACTS_DIR: vars.artifactsDir,
    DOCS_DIR: vars.docsDir,
    CONTEXT: vars.context,
    EXTERNAL_CONTEXT: vars.context,
    ISSUE_CONTEXT: vars.context,
    LOOP_USER_INPUT: vars.loopUserInput ?? '',
    LOOP_PREV_OUTPUT: vars.loopPrevOutput ?? '',
    REJECTION_REASON: vars.rejectionReason ?? '',
  });
  if (vars.logDir !== undefined) env.LOG_DIR = vars.logDir;
  if (vars.stateDir !== undefined) env.STATE_DIR = vars.stateDir;
  if (vars.baseBranch !== undefined) env.BASE_BRANCH = vars.baseBranch;
  return env;
}

/** Whether a text reads a variable (used to resolve expensive ones, like the base branch, only when needed). */
export function usesVariable(text: string, name: StandardVariable): boolean {
  return new RegExp(`\\$${name}(?![A-Za-z0-9_])`).test(text);
}
