import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { OutputRefError, readOutputRef, type NodeOutput } from '../../src/workflows/refs.js';
import { shellQuote } from '../../src/lib/shell-word.js';
import {
  substitutePrompt,
  substituteShell,
  SubstitutionError,
  type RunVariables,
} from '../../src/workflows/substitute.js';
import { tempDir } from '../helpers/tmp.js';

const vars: RunVariables = {
  runId: 'run-1',
  userMessage: 'fix $classify.output please',
  artifactsDir: '/tmp/art dir',
  baseBranch: 'main',
  docsDir: 'docs/',
  inputs: {},
  context: '',
};

const outputs = new Map<string, NodeOutput>([
  [
    'classify',
    {
      state: 'completed',
      text: '{"kind":"bug","score":0.9,"tags":["a"],"none":null}',
      structured: { kind: 'bug', score: 0.9, tags: ['a'], none: null },
      declaredFields: ['kind', 'score', 'tags', 'none', 'optional'],
    },
  ],
  ['shell', { state: 'completed', text: 'plain text' }],
  ['json-shell', { state: 'completed', text: '```json\n{"ok": true, "n": 3}\n```' }],
  ['skipped', { state: 'skipped', text: '' }],
  ['broken', { state: 'failed', text: 'partial' }],
  ['evil', { state: 'completed', text: `'; touch pwned; echo '$(touch pwned2)\`touch pwned3\`` }],
]);

describe('prompt substitution', () => {
  it('substitutes variables and outputs in one pass', () => {
    const text = substitutePrompt(
      'Run $WORKFLOW_ID: $USER_MESSAGE / $ARGUMENTS in $ARTIFACTS_DIR on $BASE_BRANCH; kind=$classify.output.kind',
      vars,
      outputs,
    );
    // The user's text contains "$classify.output": it is not substituted a second time.
    expect(text).toBe(
      'Run run-1: fix $classify.output please / fix $classify.output please in /tmp/art dir on main; kind=bug',
    );
  });

  it('renders fields as text: strings raw, other values as JSON', () => {
    // A declared field that is null reads as empty; in schemaless JSON a present null reads as "null".
    expect(
      substitutePrompt('$classify.output.score $classify.output.tags [$classify.output.none]', vars, outputs),
    ).toBe('0.9 ["a"] []');
    expect(
      substitutePrompt('$nulls.output.v', vars, new Map([['nulls', { state: 'completed', text: '{"v": null}' }]])),
    ).toBe('null');
    expect(substitutePrompt('$json-shell.output.n $json-shell.output.ok', vars, outputs)).toBe('3 true');
  });

  it('does not touch unknown or longer variable names', () => {
    expect(substitutePrompt('$HOME $WORKFLOW_IDS $ARGUMENTS_X $PATH', vars, outputs)).toBe(
      '$HOME $WORKFLOW_IDS $ARGUMENTS_X $PATH',
    );
  });

  it('appends the context when the template does not place it', () => {
    expect(substitutePrompt('Do it.', { ...vars, context: 'Issue #4' }, outputs)).toBe('Do it.\n\n---\n\nIssue #4');
    expect(substitutePrompt('Ctx: $ISSUE_CONTEXT', { ...vars, context: 'Issue #4' }, outputs)).toBe('Ctx: Issue #4');
  });

  it('fails when $BASE_BRANCH is used but unknown', () => {
    expect(() => substitutePrompt('on $BASE_BRANCH', { ...vars, baseBranch: undefined }, outputs)).toThrow(
      SubstitutionError,
    );
    expect(substitutePrompt('no branch here', { ...vars, baseBranch: undefined }, outputs)).toBe('no branch here');
  });
});

describe('output references', () => {
  it.each([
    ['unknown-node', 'nope', 'x'],
    ['producer-not-run', 'skipped', 'x'],
    ['producer-failed', 'broken', undefined],
    ['producer-failed', 'broken', 'x'],
    ['not-in-schema', 'classify', 'kimd'],
    ['unparseable', 'shell', 'x'],
    ['missing-key', 'json-shell', 'absent'],
  ])('refuses to read what cannot be read faithfully (%s: $%s.output.%s)', (reason, node, field) => {
    let error: unknown;
    try {
      readOutputRef(outputs, node, field);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OutputRefError);
    expect((error as OutputRefError).reason).toBe(reason);
  });

  it('reads a skipped node as empty, and a declared-but-absent field as empty', () => {
    expect(readOutputRef(outputs, 'skipped')).toBe('');
    expect(readOutputRef(outputs, 'classify', 'optional')).toBe('');
    expect(() => readOutputRef(outputs, 'classify', 'kimd')).toThrow("Did you mean 'kind'?");
  });
});

describe('shell substitution is injection-safe', () => {
  it('quotes outputs so that no text becomes shell syntax', () => {
    const dir = tempDir();
    const script = substituteShell('printf "%s" $evil.output', vars, outputs, () => dir);
    const result = execFileSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8' });
    expect(result).toBe(outputs.get('evil')!.text);
    expect(() => readFileSync(`${dir}/pwned`)).toThrow();
    expect(() => readFileSync(`${dir}/pwned2`)).toThrow();
    expect(() => readFileSync(`${dir}/pwned3`)).toThrow();
  });

  it('leaves run variables to the environment instead of splicing them', () => {
    expect(
      substituteShell('echo "$USER_MESSAGE" $ARGUMENTS $ARTIFACTS_DIR $classify.output.kind', vars, outputs, tempDir),
    ).toBe(`echo "$USER_MESSAGE" $ARGUMENTS $ARTIFACTS_DIR 'bug'`);
  });

  it('spills very large outputs to a file read back with cat', () => {
    const dir = tempDir();
    const big = 'x'.repeat(40_000) + "'quote";
    const script = substituteShell(
      'printf "%s" $big.output | wc -c',
      vars,
      new Map([['big', { state: 'completed', text: big }]]),
      () => dir,
    );
    expect(script).toContain(`"$(cat '${dir}/big.txt')"`);
    expect(execFileSync('bash', ['-c', script], { encoding: 'utf8' }).trim()).toBe(String(big.length));
  });

  it('quotes single quotes correctly', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(execFileSync('bash', ['-c', `printf %s ${shellQuote('a\'b"c$d')}`], { encoding: 'utf8' })).toBe('a\'b"c$d');
  });
});
