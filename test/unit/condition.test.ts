import { describe, expect, it } from '@jest/globals';
import {
  ConditionEvaluationError,
  ConditionSyntaxError,
  conditionRefs,
  evaluateCondition,
  parseCondition,
} from '../../src/workflows/condition.js';

const values: Record<string, string> = {
  'classify.type': 'BUG',
  score: '0.85',
  count: '12',
  'flag.enabled': 'true',
  prose: 'not a number',
  empty: '',
};

const resolve = (node: string, field?: string) => {
  const key = field ? `${node}.${field}` : node;
  if (!(key in values)) throw new Error(`unresolvable ${key}`);
  return values[key]!;
};

const check = (source: string) => evaluateCondition(parseCondition(source), resolve);

describe('when: conditions', () => {
  it('compares exact strings with == and !=', () => {
    expect(check("$classify.output.type == 'BUG'")).toBe(true);
    expect(check("$classify.output.type == 'bug'")).toBe(false);
    expect(check("$classify.output.type != 'FEATURE'")).toBe(true);
    expect(check("$empty.output == ''")).toBe(true);
  });

  it('compares numbers with < <= > >=', () => {
    expect(check('$score.output >= 0.8')).toBe(true);
    expect(check('$score.output > 0.85')).toBe(false);
    expect(check('$score.output <= 0.85')).toBe(true);
    expect(check('$count.output < 13')).toBe(true);
    // Numeric, not lexicographic: "12" > "9" as numbers.
    expect(check('$count.output > 9')).toBe(true);
    expect(check('-1 < $count.output')).toBe(true);
  });

  it('lets && bind tighter than ||', () => {
    // false && x || true  ==  (false && x) || true
    expect(check("$classify.output.type == 'X' && $count.output > 1 || $flag.output.enabled == true")).toBe(true);
    // true || x && false  ==  true || (x && false)
    expect(check("$classify.output.type == 'BUG' || $count.output > 100 && $score.output > 5")).toBe(true);
    expect(check("($classify.output.type == 'BUG' || $count.output > 100) && $score.output > 5")).toBe(false);
  });

  it('treats true/false and numbers as their text for ==', () => {
    expect(check('$flag.output.enabled == true')).toBe(true);
    expect(check("$flag.output.enabled == 'true'")).toBe(true);
    expect(check('$count.output == 12')).toBe(true);
    expect(check('$count.output == 12.0')).toBe(false);
  });

  it('short-circuits, so unreached references are never read', () => {
    expect(check("$classify.output.type == 'BUG' || $missing.output == 'x'")).toBe(true);
    expect(check("$classify.output.type == 'NO' && $missing.output == 'x'")).toBe(false);
    expect(() => check("$classify.output.type == 'BUG' && $missing.output == 'x'")).toThrow('unresolvable missing');
  });

  it('fails with the value when an ordering operand is not a number', () => {
    expect(() => check('$prose.output > 3')).toThrow(ConditionEvaluationError);
    expect(() => check('$prose.output > 3')).toThrow(`'>' needs numbers, but $prose.output is "not a number"`);
    expect(() => check('$empty.output >= 0')).toThrow('is ""');
  });

  it('lists the references it reads', () => {
    expect(conditionRefs(parseCondition("$a.output == 'x' || ($b.output.f > 1 && 2 < $c-d.output)"))).toEqual([
      { node: 'a', field: undefined },
      { node: 'b', field: 'f' },
      { node: 'c-d', field: undefined },
    ]);
  });

  it.each([
    ["$a.output = 'x'", "'=' is not an operator; use '==' to compare", 11],
    ['$a.output == "x"', 'strings use single quotes', 14],
    ["$a.output == 'x", 'unterminated string', 14],
    ["$a.output == 'x' and $b.output == 'y'", "use '&&' instead of 'and'", 18],
    ["$a.output == 'x' & $b.output == 'y'", "use '&&'", 18],
    ['$a.output', "'$a.output' must be compared to something", 10],
    ["$a.output == 'x' $b.output", 'unexpected', 18],
    ["$a == 'x'", "'$a' is not a node reference", 1],
    ["$a.output.b.c == 'x'", 'more than one field level', 1],
    ["'x' == 'y'", 'comparing two literals', 1],
    ["($a.output == 'x'", "expected ')'", 18],
    ["$a.output == 'x')", "unbalanced ')'", 17],
    ["$a.output === 'x'", "there is no '==='", 11],
    ["!$a.output == 'x'", "'!' negation is not supported", 1],
    ['', 'empty condition', 1],
    ['$a.output == x', "unexpected word 'x'", 14],
  ])('rejects %j with a message and a column', (source, message, column) => {
    let error: unknown;
    try {
      parseCondition(source);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConditionSyntaxError);
    expect((error as ConditionSyntaxError).message).toContain(message);
    expect((error as ConditionSyntaxError).column).toBe(column);
  });

  it('never crashes or hangs on junk', () => {
    const junk = [
      '$$$$',
      "''''",
      '&&&&||||',
      '((((((((((',
      '$a.output ==',
      '== ==',
      '\u0000\u0001',
      '$'.repeat(10000),
      '('.repeat(100000),
    ];
    for (const source of junk) {
      try {
        parseCondition(source);
      } catch (error) {
        expect(error).toBeInstanceOf(ConditionSyntaxError);
      }
    }
  });
});
