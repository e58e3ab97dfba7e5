import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { INPUT_NAMES, readInputs, type InputName } from '../../action/inputs.js';
import { ACTION_OUTPUTS } from '../../action/report.js';
import { workspaceEnvironment } from '../../action/setup.js';
import { resolvePreprodOptions } from '../../src/preprod/options.js';
import { REPO_ROOT } from '../helpers/cli.js';

/** Inputs as the runner passes them: '' for every input not given. */
const inputs = (given: Partial<Record<InputName, string>>) => readInputs((name) => given[name] ?? '');

describe("the Action's inputs", () => {
  it("turns the loop's inputs into the loop's options, which the repository's settings sit under", () => {
    const read = inputs({
      runs: '4',
      'pass-threshold': '90.5',
      'allow-external-execution': 'true',
      'open-pr': 'false',
      'fix-command': ' node fix.mjs ',
      'pass-env': 'OPENAI_API_KEY\nEXTRA, MORE',
    });
    expect(read.overrides).toEqual({
      runs: 4,
      passThreshold: 90.5,
      allowExternalExecution: true,
      openPr: false,
      fixCommand: 'node fix.mjs',
      passEnv: ['OPENAI_API_KEY', 'EXTRA', 'MORE'],
    });
    // A switch set to false asks for nothing: only what was asked is refused on a fork.
    expect([...read.given].sort()).toEqual([
      'allow-external-execution',
      'fix-command',
      'pass-env',
      'pass-threshold',
      'runs',
    ]);
    const resolved = resolvePreprodOptions(
      { maxFixAttempts: 1, fixWorkflow: 'fix', validationCommand: 'npm test', passEnv: ['CI_KEY'] },
      read.overrides,
    );
    expect(resolved).toMatchObject({
      ok: true,
      options: {
        runs: 4,
        passThreshold: 90.5,
        maxFixAttempts: 1,
        fixCommand: 'node fix.mjs',
        fixWorkflow: undefined,
        validationCommand: 'npm test',
        passEnv: ['CI_KEY', 'OPENAI_API_KEY', 'EXTRA', 'MORE'],
        allowExternalExecution: true,
        openPr: false,
      },
    });
  });

  it('gives every input its default when the runner passes nothing', () => {
    const read = inputs({});
    expect(read).toMatchObject({
      scenarios: [],
      'working-directory': '.',
      'check-name': 'Archal',
      comment: 'always',
      'compare-base': true,
      'fail-on': 'threshold',
      'artifact-name': 'archal-preprod',
      'merge-shards': false,
      overrides: {},
    });
    expect(read.shard).toBeUndefined();
    expect(read.given.size).toBe(0);
  });

  it('names each input that is wrong, with the bounds of the options schema', () => {
    const wrong = (given: Partial<Record<InputName, string>>) => {
      try {
        inputs(given);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('no error');
    };
    expect(wrong({ concurrency: '0' })).toBe("Input 'concurrency' must be a whole number from 1 to 64 (got '0').");
    expect(wrong({ 'max-fix-attempts': '2.5' })).toBe(
      "Input 'max-fix-attempts' must be a whole number from 0 to 10 (got '2.5').",
    );
    expect(wrong({ 'max-cost-usd': '-1' })).toBe("Input 'max-cost-usd' must be a non-negative number (got '-1').");
    expect(wrong({ 'open-pr': 'yes' })).toBe("Input 'open-pr' must be 'true' or 'false' (got 'yes').");
    expect(wrong({ 'retention-days': '91' })).toBe(
      "Input 'retention-days' must be a whole number from 1 to 90 (got '91').",
    );
    expect(wrong({ shard: '1/2', 'fix-command': 'x' })).toBe(
      "Input 'shard' a shard runs and classifies its slice only: the fix loop belongs to one unsharded job.",
    );
    expect(wrong({ runs: 'x', 'fail-on': 'y' })).toBe(
      "2 inputs are invalid:\n  - 'fail-on' must be one of threshold, regression, never (got 'y')\n  - 'runs' must be a whole number from 1 to 100 (got 'x')",
    );
  });
});

describe("the loop's environment on a runner", () => {
  it("keeps the repository's variables and drops the Action's own credentials", () => {
    const env = workspaceEnvironment({
      PATH: '/usr/bin',
      ANTHROPIC_API_KEY: 'sk-ant-for-the-agent',
      GITHUB_REPOSITORY: 'acme/agent',
      'INPUT_GITHUB-TOKEN': 'ghs_token',
      INPUT_RUNS: '4',
      ACTIONS_RUNTIME_TOKEN: 'eyJ.runtime',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example',
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      ANTHROPIC_API_KEY: 'sk-ant-for-the-agent',
      GITHUB_REPOSITORY: 'acme/agent',
    });
  });
});

describe('action.yml', () => {
  const declared = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    outputs: Record<string, unknown>;
  };

  it('declares exactly the inputs the Action reads and the outputs it writes', () => {
    expect(Object.keys(declared.inputs).sort()).toEqual([...INPUT_NAMES].sort());
    expect(Object.keys(declared.outputs).sort()).toEqual([...ACTION_OUTPUTS].sort());
  });

  it('has defaults that read as valid inputs', () => {
    const defaults = Object.fromEntries(
      Object.entries(declared.inputs).map(([name, input]) => [name, input.default ?? '']),
    ) as Record<InputName, string>;
    defaults['github-token'] = 'ghs_token';
    const read = readInputs((name) => defaults[name]);
    expect(read).toMatchObject({
      'check-name': 'Archal',
      comment: 'always',
      'compare-base': true,
      'fail-on': 'threshold',
    });
    expect(read.overrides).toMatchObject({ passThreshold: 100, concurrency: 4, allowExternalExecution: false });
  });
});
