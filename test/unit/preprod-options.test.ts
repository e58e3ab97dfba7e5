import { describe, expect, it } from '@jest/globals';
import { archalConfigSchema } from '../../src/config/index.js';
import { preprodOverridesSchema, resolvePreprodOptions } from '../../src/preprod/options.js';

describe('pre-prod options: one schema for every host', () => {
  it('applies the defaults when neither the repository nor the host sets anything', () => {
    expect(resolvePreprodOptions(undefined, {})).toEqual({
      ok: true,
      options: {
        plan: false,
        dryRun: false,
        allowExternalExecution: false,
        openPr: false,
        runs: undefined,
        passThreshold: 100,
        concurrency: 4,
        maxFixAttempts: 2,
        fixCommand: undefined,
        fixWorkflow: undefined,
        validationCommand: undefined,
        prCommand: undefined,
        artifacts: '.archal/preprod',
        maxCostUsd: undefined,
        passEnv: [],
        timeouts: { fixMs: 1_800_000, validationMs: 900_000, prMs: 300_000 },
      },
    });
  });

  it('lets the host win over the repository, and a host fixer of either kind replace the repository’s', () => {
    const settings = {
      runs: 2,
      maxFixAttempts: 1,
      fixWorkflow: 'fix',
      validationCommand: 'npm test',
      passEnv: ['OPENAI_API_KEY'],
      timeouts: { fix: 60 },
    };
    const resolved = resolvePreprodOptions(settings, {
      runs: 5,
      fixCommand: 'codex exec fix',
      passEnv: ['GITHUB_TOKEN'],
      timeouts: { pr: 10 },
      allowExternalExecution: true,
    });
    expect(resolved).toMatchObject({
      ok: true,
      options: {
        runs: 5,
        maxFixAttempts: 1,
        fixCommand: 'codex exec fix',
        fixWorkflow: undefined,
        validationCommand: 'npm test',
        passEnv: ['OPENAI_API_KEY', 'GITHUB_TOKEN'],
        timeouts: { fixMs: 60_000, validationMs: 900_000, prMs: 10_000 },
        allowExternalExecution: true,
      },
    });
  });

  it('reports every problem with the option it is about', () => {
    const resolved = resolvePreprodOptions(
      { maxFixAttempts: 11 },
      { fixCommand: 'a', fixWorkflow: 'b', prCommand: 'gh pr create', concurrency: 0, passEnv: ['NOT-A-NAME'] },
    );
    expect(resolved.ok).toBe(false);
    if (resolved.ok) return;
    expect(resolved.problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining(['preprod.maxFixAttempts', 'concurrency', 'passEnv.0']),
    );
    expect(resolvePreprodOptions({}, { fixCommand: 'a', fixWorkflow: 'b' })).toMatchObject({
      ok: false,
      problems: [{ path: 'fixWorkflow', message: expect.stringMatching(/alternatives/) }],
    });
    expect(resolvePreprodOptions({}, { prCommand: 'gh pr create' })).toMatchObject({
      ok: false,
      problems: [{ path: 'prCommand', message: expect.stringMatching(/needs openPr/) }],
    });
    expect(resolvePreprodOptions({}, { openPR: true })).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/unknown option\(s\): openPR/) }],
    });
  });

  it('keeps the switches that allow execution and publishing out of the repository’s config', () => {
    expect(preprodOverridesSchema.safeParse({ allowExternalExecution: true, openPr: true }).success).toBe(true);
    for (const preprod of [{ allowExternalExecution: true }, { openPr: true }])
      expect(archalConfigSchema.safeParse({ preprod }).success).toBe(false);
    expect(resolvePreprodOptions({ openPr: true }, {})).toMatchObject({ ok: false });
  });
});
