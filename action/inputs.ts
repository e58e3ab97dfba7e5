import * as z from 'zod';
import { shardSchema, type Shard } from '../src/runner/shard.js';

/**
 * The Action's inputs, as the runner passes them (text; '' when unset), turned into typed options.
 * Every problem names its input, so one `core.setFailed` message says what to fix in the workflow.
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

/** A list input: newline- or comma-separated, blanks dropped. */
const list = z.string().transform((text) =>
  text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean),
);

const optionalText = z.string().transform((text) => text.trim() || undefined);

/** YAML 1.2 core booleans, as `core.getBooleanInput` reads them. */
const boolean = (fallback: boolean) =>
  z
    .string()
    .trim()
    .refine((text) => text === '' || /^(true|True|TRUE|false|False|FALSE)$/.test(text), {
      message: "must be 'true' or 'false'",
    })
    .transform((text) => (text === '' ? fallback : text.toLowerCase() === 'true'));

const number = (what: { min: number; max: number; integer: boolean }) =>
  z
    .string()
    .trim()
    .transform((text, context) => {
      if (text === '') return undefined;
      const value = Number(text);
      const shape = what.integer ? /^[+]?\d+$/ : /^[+]?(\d+(\.\d*)?|\.\d+)$/;
      if (!shape.test(text) || !Number.isFinite(value) || value < what.min || value > what.max) {
        context.addIssue({
          code: 'custom',
          message: `must be ${what.integer ? 'a whole number' : 'a number'} from ${what.min} to ${what.max} (got '${text}')`,
        });
        return z.NEVER;
      }
      return value;
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

const envNames = list.superRefine((names, context) => {
  for (const name of names)
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      context.addIssue({ code: 'custom', message: `'${name}' is not an environment variable name` });
});

/** Inputs by their kebab-case names; every value is the text the runner gives. */
export const actionInputsSchema = z
  .object({
    scenarios: list,
    runs: number({ min: 1, max: 100, integer: true }),
    'pass-threshold': number({ min: 0, max: 100, integer: false }),
    concurrency: number({ min: 1, max: 64, integer: true }),
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
    'retention-days': number({ min: 1, max: 90, integer: true }),
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
    'fix-command': optionalText,
    'fix-workflow': optionalText,
    'max-fix-attempts': number({ min: 0, max: 10, integer: true }),
    'allow-external-execution': boolean(false),
    'validation-command': optionalText,
    'open-pr': boolean(false),
    'pass-env': envNames,
    'max-cost-usd': number({ min: 0, max: 1_000_000, integer: false }),
  })
  .superRefine((inputs, context) => {
    if (inputs.shard && inputs['merge-shards'])
      context.addIssue({
        code: 'custom',
        path: ['merge-shards'],
        message: "a job either runs a shard ('shard') or merges them ('merge-shards: true'), not both",
      });
    if (inputs['fix-command'] && inputs['fix-workflow'])
      context.addIssue({
        code: 'custom',
        path: ['fix-workflow'],
        message: "'fix-command' and 'fix-workflow' are alternatives: give one",
      });
    if (inputs.shard && (inputs['fix-command'] || inputs['fix-workflow'] || inputs['open-pr']))
      context.addIssue({
        code: 'custom',
        path: ['shard'],
        message: 'a shard runs and classifies its slice only: the fix loop belongs to one unsharded job',
      });
  });

export type ActionInputs = z.output<typeof actionInputsSchema>;

/** Inputs that were wrong, each with the input it is about. */
export class InputError extends Error {
  constructor(readonly problems: Array<{ input: string; message: string }>) {
    super(
      problems.length === 1
        ? `Input '${problems[0]!.input}' ${problems[0]!.message}.`
        : `${problems.length} inputs are invalid:\n${problems.map((p) => `  - '${p.input}' ${p.message}`).join('\n')}`,
    );
    this.name = 'InputError';
  }
}

/** Reads every input through `get` (core.getInput) and validates them together. */
export function readInputs(get: (name: InputName) => string): ActionInputs {
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, get(name)]));
  const parsed = actionInputsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new InputError(
    parsed.error.issues.map((issue) => ({ input: String(issue.path[0] ?? 'inputs'), message: issue.message })),
  );
}

export type { Shard };
