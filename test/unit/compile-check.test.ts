import { describe, expect, it } from '@jest/globals';
import { compileCheck, compileDeterministic } from '../../src/evaluate/deterministic.js';
import { isCompiled } from '../../src/evaluate/expression.js';

const checkOf = (text: string, expression?: string) => {
  const compiled = compileDeterministic(text, expression);
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.check;
};

describe('compiling a check ahead of its evaluation', () => {
  it('compiles every expression each kind of check evaluates', () => {
    const checks = [
      checkOf('the run exits successfully'),
      checkOf('no issues were closed'),
      checkOf('every issue assigned to alice has the label "keep-open"'),
    ];
    const sources = checks.flatMap((check) => {
      if (check.form !== 'phrase') return [];
      const phrase = check.check;
      return phrase.kind === 'boolean'
        ? [phrase.expression]
        : phrase.kind === 'count'
          ? [phrase.items]
          : [phrase.items, phrase.failing];
    });
    expect(sources).toHaveLength(4);
    expect(sources.filter(isCompiled)).toEqual([]);
    for (const check of checks) compileCheck(check);
    expect(sources.filter(isCompiled)).toEqual(sources);
  });

  it('leaves an expression that does not compile to its evaluation', () => {
    const source = '$count(github.issues[state = "closed"]) = 4 and ($x';
    expect(() => compileCheck({ form: 'expression', expression: source })).not.toThrow();
    expect(isCompiled(source)).toBe(false);
  });
});
