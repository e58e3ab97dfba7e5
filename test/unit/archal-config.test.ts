import { describe, expect, it } from '@jest/globals';
import { validateConfig } from '../../src/config/index.js';
import type { ArchalConfig } from '../../src/config/schema.js';
import { harnessEnvironment } from '../../src/harness/run.js';
import { evaluatorFor, withEvaluatorModel } from '../../src/runner/load.js';
import { inlineTaskMarkdown } from '../../src/runner/inline-task.js';
import { parseScenario } from '../../src/scenarios/parse.js';

/** .archal.json as Archal's docs and onboard skill write it, each key with its meaning here. */
const valid = (value: unknown): ArchalConfig => {
  const result = validateConfig(value, '.archal.json');
  if (result.status === 'invalid') throw new Error(JSON.stringify(result.errors));
  return result.config;
};
const problems = (value: unknown) => {
  const result = validateConfig(value, '.archal.json');
  return result.status === 'invalid' ? result.errors : [];
};
const scenarioConfig = (evaluator?: { provider?: 'claude' | 'codex' | 'exec'; model?: string }) => ({
  config: {
    clones: ['github'],
    timeout: 180,
    runs: 1,
    tags: [],
    routing: 'env' as const,
    ...(evaluator ? { evaluator } : {}),
  },
});

describe('.archal.json keys of Archal', () => {
  it('reads the first-party example: title, twins, seeds, agent', () => {
    const config = valid({
      title: 'Exo Mail Agent',
      agent: 'npx tsx src/headless.ts',
      twins: ['github'],
      seeds: { github: 'small-project' },
    });
    expect(config).toEqual({
      title: 'Exo Mail Agent',
      agent: 'npx tsx src/headless.ts',
      clones: ['github'],
      seeds: { github: 'small-project' },
    });
  });

  it('takes clones and twins as one name or a list, and refuses both when they differ', () => {
    expect(valid({ twins: 'github' }).clones).toEqual(['github']);
    expect(valid({ clones: 'github', twins: ['GitHub'] }).clones).toEqual(['github']);
    expect(problems({ clones: ['github'], twins: ['slack'] })).toEqual([
      expect.objectContaining({ path: 'twins', message: expect.stringContaining('Archal\'s older name of "clones"') }),
    ]);
  });

  it('reads model and evaluatorModel as the judge model', () => {
    expect(valid({ model: 'claude-sonnet-4-6' }).evaluatorModel).toBe('claude-sonnet-4-6');
    expect(valid({ evaluatorModel: 'gpt-5', agentModel: 'claude-sonnet-4-6' })).toMatchObject({
      evaluatorModel: 'gpt-5',
      agentModel: 'claude-sonnet-4-6',
    });
    expect(problems({ model: 'a', evaluatorModel: 'b' })[0]?.path).toBe('model');
  });

  it('accepts the hosted-service sections with a warning, and keeps unknown keys errors with a hint', () => {
    const result = validateConfig({ suite: { name: 'ci' }, autoloop: { source: 'x' } }, '.archal.json');
    expect(result.status).toBe('valid');
    expect(result.status === 'valid' && result.warnings?.map((warning) => warning.path)).toEqual(['suite', 'autoloop']);
    expect(problems({ twin: ['github'] })).toEqual([{ path: 'twin', message: "unknown key. Did you mean 'twins'?" }]);
    expect(problems({ evaluatorModell: 'x' })[0]?.message).toContain("Did you mean 'evaluatorModel'?");
  });

  it('says what is wrong inside a value that may take several shapes (a command, or {command, args, env})', () => {
    expect(problems({ agent: { command: 'node', arg: ['a.mjs'] } })).toEqual([
      { path: 'agent.arg', message: "unknown key. Did you mean 'args'?" },
    ]);
    expect(problems({ agent: { args: ['a.mjs'] } })).toEqual([
      { path: 'agent.command', message: expect.stringContaining('expected string, received undefined') },
    ]);
    expect(problems({ agent: { command: 'node', args: 'a.mjs' } })).toEqual([
      { path: 'agent.args', message: expect.stringContaining('expected array, received string') },
    ]);
    expect(problems({ agent: 5 })).toEqual([{ path: 'agent', message: 'expected a string or an object' }]);
    expect(problems({ agent: 'node a.mjs', twins: 7 })).toEqual([
      { path: 'twins', message: 'expected a string or an array' },
    ]);
  });
});

describe('the judge of a scenario', () => {
  it('comes from the model name when no provider is configured', () => {
    expect(evaluatorFor(scenarioConfig(), valid({ evaluatorModel: 'claude-opus-4-6' }))).toEqual({
      provider: 'claude',
      model: 'claude-opus-4-6',
    });
    expect(evaluatorFor(scenarioConfig(), valid({ model: 'gpt-5.3-codex' }))).toEqual({
      provider: 'codex',
      model: 'gpt-5.3-codex',
    });
    expect(evaluatorFor(scenarioConfig(), valid({ evaluatorModel: 'gemini-2.5-pro' }))).toBeUndefined();
    expect(
      evaluatorFor(scenarioConfig(), valid({ evaluatorModel: 'gemini-2.5-pro', assistants: { default: 'opencode' } })),
    ).toEqual({ provider: 'opencode', model: 'gemini-2.5-pro' });
  });

  it('resolves tiers and aliases, and lets the scenario and -m override', () => {
    const config = valid({
      evaluator: { provider: 'claude' },
      evaluatorModel: 'small',
      assistants: { aliases: { '@judge': { provider: 'codex', model: 'gpt-5' } } },
    });
    expect(evaluatorFor(scenarioConfig(), config)).toEqual({ provider: 'claude', model: 'haiku' });
    expect(evaluatorFor(scenarioConfig({ model: '@judge' }), config)).toEqual({ provider: 'codex', model: 'gpt-5' });
    expect(evaluatorFor(scenarioConfig({ provider: 'exec' }), config)).toEqual({ provider: 'exec' });
    expect(evaluatorFor(scenarioConfig(), withEvaluatorModel(config, 'gpt-5'))).toEqual({
      provider: 'codex',
      model: 'gpt-5',
    });
  });

  it("takes a tier or alias with Archon's preset keys (thinking, effort), and names an invalid one's key", () => {
    const reasoning = { provider: 'claude', model: 'opus', thinking: { type: 'enabled', budgetTokens: 8000 } };
    expect(
      valid({
        assistants: { aliases: { '@reasoning': reasoning }, tiers: { large: { ...reasoning, effort: 'high' } } },
      }).assistants,
    ).toEqual({ aliases: { '@reasoning': reasoning }, tiers: { large: { ...reasoning, effort: 'high' } } });
    expect(valid({ assistants: { aliases: { '@quick': { ...reasoning, thinking: 'disabled' } } } }).assistants).toEqual(
      {
        aliases: { '@quick': { ...reasoning, thinking: { type: 'disabled' } } },
      },
    );
    expect(
      problems({
        assistants: { aliases: { '@r': { provider: 'claude', model: 'opus', thinking: 'sometimes', temprature: 1 } } },
      }),
    ).toEqual([
      { path: 'assistants.aliases.@r.thinking', message: expect.stringContaining("thinking must be 'adaptive'") },
      { path: 'assistants.aliases.@r.temprature', message: expect.stringContaining('unknown key') },
    ]);
  });

  it('reads Archal Config keys of a scenario (evaluator-model with a provider prefix, twins)', () => {
    const parsed = parseScenario(
      '# T\n\n## Prompt\nDo it.\n\n## Success Criteria\n- [D] The run exits successfully\n\n## Config\ntwins: github\nevaluator-model: opencode:anthropic/claude-sonnet-4-6\n',
      'x.md',
    );
    expect(parsed.ok && parsed.scenario.config).toMatchObject({
      clones: ['github'],
      evaluator: { provider: 'opencode', model: 'anthropic/claude-sonnet-4-6' },
    });
  });
});

describe("the harness environment in Archal's names", () => {
  it('gives the task, model, clone URLs and token under every name Archal used, and drops stale ones', () => {
    const env = harnessEnvironment({
      agent: { command: 'node', args: [], display: 'node', env: {} },
      task: 'Close the stale issues',
      model: 'claude-sonnet-4-6',
      cloneUrls: { github: 'http://127.0.0.1:4000' },
      github: { apiUrl: 'http://127.0.0.1:4000', token: 'ghp_clone' },
      cwd: '/tmp',
      runDir: '/tmp/run',
      timeoutMs: 1000,
      env: { PATH: '/bin', ARCHAL_ENGINE_TASK: 'an old task', ARCHAL_SLACK_URL: 'http://old', HOME: '/home/x' },
    });
    expect(env).toMatchObject({
      AGENT_TASK: 'Close the stale issues',
      ARCHAL_ENGINE_TASK: 'Close the stale issues',
      ARCHAL_ENGINE_MODE: 'local',
      ARCHAL_ENGINE_MODEL: 'claude-sonnet-4-6',
      AGENT_RUN_MODE: 'local',
      ARCHAL_GITHUB_URL: 'http://127.0.0.1:4000',
      ARCHAL_GITHUB_BASE_URL: 'http://127.0.0.1:4000',
      ARCHAL_GITHUB_REST_URL: 'http://127.0.0.1:4000',
      ARCHAL_TWIN_URLS: '{"github":"http://127.0.0.1:4000"}',
      ARCHAL_CLONE_URLS: '{"github":"http://127.0.0.1:4000"}',
      ARCHAL_TWIN_NAMES: 'github',
      ARCHAL_TOKEN: 'ghp_clone',
      HOME: '/home/x',
    });
    expect(env.ARCHAL_SLACK_URL).toBeUndefined();
  });

  it('writes inline tasks as scenarios (the run succeeds; the judge decides whether the task was done)', () => {
    expect(inlineTaskMarkdown({ text: 'Label issue #1 as bug', clones: ['github'] })).toContain(
      '- [P] The agent did what it was asked: Label issue #1 as bug',
    );
    expect(inlineTaskMarkdown({ text: 'Read only', readOnly: true })).toContain('$count($keys(diff.github)) = 0');
  });
});
