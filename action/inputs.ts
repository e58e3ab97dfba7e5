import * as z from 'zod';
import { PREPROD_LIMITS, preprodOverridesSchema, type PreprodOverrides } from '../src/preprod/options.js';
import { shardSchema, type Shard } from '../src/runner/shard.js';

/**
 * The Action's inputs, as the runner passes them (text; '' when unset), turned into typed options.
 * The pre-prod loop's inputs become `PreprodOverrides`, validated by the loop's own schema (the one
 * the CLI's flags and the App's settings go through); the rest are the Action's own. Every problem
 * names its input, so one `core.setFailed` message says what to fix in the workflow.
 */

export const INPUT_NAMES = [
  'scenarios',
  'runs',
  'pass-threshold',
  'concurrency',
  'tags',
  'harness',
  'working-directory',
  'github-token',
  'check-name',
  'comment',
  'compare-base',
  'fail-on',
  'artifact-name',
  'retention-days',
  'shard',
  'merge-shards',
  'fix-command',
  'fix-workflow',
  'max-fix-attempts',
  'allow-external-execution',
  'validation-command',
  'open-pr',
  'pass-env',
  'max-cost-usd',
] as const;
export type InputName = (typeof INPUT_NAMES)[number];

export const COMMENT_MODES = ['always', 'on-failure', 'never'] as const;
export const FAIL_ON = ['threshold', 'regression', 'never'] as const;

type OverrideKey = keyof PreprodOverrides;

/** How an input's text becomes a value of the loop's options. */
type TextKind = 'whole' | 'number' | 'boolean' | 'text' | 'names';

/** The loop's inputs: each is one option of `preprodOverridesSchema`. */
const LOOP_INPUTS = {
  runs: { key: 'runs', kind: 'whole' },
  'pass-threshold': { key: 'passThreshold', kind: 'number' },
  concurrency: { key: 'concurrency', kind: 'whole' },
  'max-fix-attempts': { key: 'maxFixAttempts', kind: 'whole' },
  'fix-command': { key: 'fixCommand', kind: 'text' },
  'fix-workflow': { key: 'fixWorkflow', kind: 'text' },
  'allow-external-execution': { key: 'allowExternalExecution', kind: 'boolean' },
  'validation-command': { key: 'validationCommand', kind: 'text' },
  'open-pr': { key: 'openPr', kind: 'boolean' },
  'pass-env': { key: 'passEnv', kind: 'names' },
  'max-cost-usd': { key: 'maxCostUsd', kind: 'number' },
} as const satisfies Partial<Record<InputName, { key: OverrideKey; kind: TextKind }>>;
type LoopInput = keyof typeof LOOP_INPUTS;

/** The inputs that make the loop run commands of the repository (refused on a fork's pull request). */
export const EXECUTION_INPUTS = [
  'fix-command',
  'fix-workflow',
  'validation-command',
  'open-pr',
  'allow-external-execution',
] as const satisfies readonly LoopInput[];

const inputOf = new Map(Object.entries(LOOP_INPUTS).map(([input, { key }]) => [key as string, input as LoopInput]));

/** A list input: newline- or comma-separated, blanks dropped. */
function listOf(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

const list = z.string().transform(listOf);
const optionalText = z.string().transform((text) => text.trim() || undefined);

/** YAML 1.2 core booleans, as `core.getBooleanInput` reads them; '' is undefined. */
function booleanText(text: string): boolean | undefined | Error {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/^(true|True|TRUE)$/.test(trimmed)) return true;
  if (/^(false|False|FALSE)$/.test(trimmed)) return false;
  return new Error("must be 'true' or 'false'");
}

const boolean = (fallback: boolean) =>
  z.string().transform((text, context) => {
    const value = booleanText(text);
    if (value instanceof Error) {
      context.addIssue({ code: 'custom', message: `${value.message} (got '${text.trim()}')` });
      return z.NEVER;
    }
    return value ?? fallback;
  });

const choice = <T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z
    .string()
    .trim()
    .transform((text, context) => {
      if (text === '') return fallback;
      if ((values as readonly string[]).includes(text)) return text as T[number];
      context.addIssue({ code: 'custom', message: `must be one of ${values.join(', ')} (got '${text}')` });
      return z.NEVER;
    });

/** The Action's own inputs (the loop's are read by `loopOverrides`). */
const ownInputsSchema = z.object({
  scenarios: list,
  tags: list,
  harness: optionalText,
  'working-directory': z.string().transform((text) => text.trim() || '.'),
  'github-token': z.string().transform((text) => text.trim()),
  'check-name': z
    .string()
    .transform((text) => text.trim() || 'Archal')
    .refine((text) => text.length <= 100, { message: 'must be at most 100 characters' }),
  comment: choice(COMMENT_MODES, 'always'),
  'compare-base': boolean(true),
  'fail-on': choice(FAIL_ON, 'threshold'),
  'artifact-name': z
    .string()
    .transform((text) => text.trim() || 'archal-preprod')
    .refine((text) => !/["\\/:<>|*?\r\n]/.test(text), {
      message: 'must not contain any of " : < > | * ? \\ / or a line break',
    }),
  'retention-days': z
    .string()
    .trim()
    .transform((text, context) => {
      if (text === '') return undefined;
      const days = Number(text);
      if (/^\d+$/.test(text) && days >= 1 && days <= 90) return days;
      context.addIssue({ code: 'custom', message: `must be a whole number from 1 to 90 (got '${text}')` });
      return z.NEVER;
    }),
  shard: z
    .string()
    .trim()
    .transform((text, context): Shard | undefined => {
      if (text === '') return undefined;
      const parsed = shardSchema.safeParse(text);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) context.addIssue({ code: 'custom', message: issue.message });
      return z.NEVER;
    }),
  'merge-shards': boolean(false),
});

export type ActionInputs = z.output<typeof ownInputsSchema> & {
  /** The loop's inputs, as the loop's options schema takes them (validated by it). */
  overrides: PreprodOverrides;
  /** The loop's inputs that were given (not empty), by name: what a fork's pull request refuses. */
  given: ReadonlySet<LoopInput>;
};

export interface InputProblem {
  input: string;
  message: string;
}

/** Inputs that were wrong, each with the input it is about. */
export class InputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(
      problems.length === 1
        ? `Input '${problems[0]!.input}' ${problems[0]!.message}.`
        : `${problems.length} inputs are invalid:\n${problems.map((p) => `  - '${p.input}' ${p.message}`).join('\n')}`,
    );
    this.name = 'InputError';
  }
}

/** What an input should be, in words, from the kind of its text and the loop's own bounds. */
function expected(input: LoopInput): string {
  const { key, kind } = LOOP_INPUTS[input];
  const limits = (PREPROD_LIMITS as Record<string, { min: number; max: number } | undefined>)[key];
  switch (kind) {
    case 'whole':
      return limits ? `must be a whole number from ${limits.min} to ${limits.max}` : 'must be a whole number';
    case 'number':
      return limits ? `must be a number from ${limits.min} to ${limits.max}` : 'must be a non-negative number';
    case 'boolean':
      return "must be 'true' or 'false'";
    case 'names':
      return 'must be environment variable names';
    case 'text':
      return 'must not be empty';
  }
}

/** The loop's inputs as `PreprodOverrides`: the text turned into numbers, booleans and lists, nothing decided. */
function loopOverrides(
  get: (name: InputName) => string,
  problems: InputProblem[],
): { overrides: Record<string, unknown>; given: Set<LoopInput> } {
  const overrides: Record<string, unknown> = {};
  const given = new Set<LoopInput>();
  for (const [input, { key, kind }] of Object.entries(LOOP_INPUTS) as Array<
    [LoopInput, (typeof LOOP_INPUTS)[LoopInput]]
  >) {
    const text = get(input).trim();
    if (text === '') continue;
    let value: unknown;
    switch (kind) {
      case 'whole':
      case 'number': {
        const shape = kind === 'whole' ? /^[+]?\d+$/ : /^[+]?(\d+(\.\d*)?|\.\d+)$/;
        value = shape.test(text) ? Number(text) : undefined;
        if (value === undefined) problems.push({ input, message: `${expected(input)} (got '${text}')` });
        break;
      }
      case 'boolean': {
        const parsed = booleanText(text);
        if (parsed instanceof Error) problems.push({ input, message: `${parsed.message} (got '${text}')` });
        else value = parsed;
        break;
      }
      case 'names':
        value = listOf(text);
        break;
      case 'text':
        value = text;
        break;
    }
    if (value === undefined) continue;
    overrides[key] = value;
    // A switch set to false asks for nothing.
    if (value !== false) given.add(input);
  }
  return { overrides, given };
}

/** Reads every input through `get` (core.getInput) and validates them together. */
export function readInputs(get: (name: InputName) => string): ActionInputs {
  const problems: InputProblem[] = [];
  const own = ownInputsSchema.safeParse(Object.fromEntries(INPUT_NAMES.map((name) => [name, get(name)])));
  if (!own.success)
    for (const issue of own.error.issues)
      problems.push({ input: String(issue.path[0] ?? 'inputs'), message: issue.message });
  const { overrides, given } = loopOverrides(get, problems);
  const checked = preprodOverridesSchema.safeParse(overrides);
  if (!checked.success)
    for (const issue of checked.error.issues) {
      const input = inputOf.get(String(issue.path[0] ?? '')) ?? 'inputs';
      const text = input === 'inputs' ? '' : get(input as LoopInput).trim();
      const message =
        issue.code === 'too_big' || issue.code === 'too_small' || issue.code === 'invalid_type'
          ? `${expected(input as LoopInput)} (got '${text}')`
          : issue.path[0] === 'passEnv'
            ? `'${listOf(text)[Number(issue.path[1])]}' is not an environment variable name`
            : inInputNames(issue.message);
      problems.push({ input, message });
    }
  if (problems.length === 0 && own.success) {
    const inputs = { ...own.data, overrides: checked.data as PreprodOverrides, given };
    problems.push(...crossChecks(inputs));
    if (problems.length === 0) return inputs;
  }
  throw new InputError(problems);
}

/** A message of the loop's schema, with its option names as the inputs are named (fixCommand → 'fix-command'). */
function inInputNames(message: string): string {
  return message.replace(/\b[a-z]+(?:[A-Z][a-z]+)+\b/g, (word) => {
    const input = inputOf.get(word);
    return input ? `'${input}'` : word;
  });
}

/** Inputs that are fine alone but not together. */
function crossChecks(inputs: ActionInputs): InputProblem[] {
  const problems: InputProblem[] = [];
  if (inputs.shard && inputs['merge-shards'])
    problems.push({
      input: 'merge-shards',
      message: "a job either runs a shard ('shard') or merges them ('merge-shards: true'), not both",
    });
  if (
    inputs.shard &&
    (inputs.given.has('fix-command') || inputs.given.has('fix-workflow') || inputs.given.has('open-pr'))
  )
    problems.push({
      input: 'shard',
      message: 'a shard runs and classifies its slice only: the fix loop belongs to one unsharded job',
    });
  return problems;
}

export type { Shard };
