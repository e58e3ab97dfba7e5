/**
 * The `when:` language: comparisons joined by `&&` (binds tighter) and `||`, with parentheses.
 *
 *   $classify.output.type == 'BUG' && $score.output >= 0.8 || $force.output == 'true'
 *
 * Operands are `$id.output`, `$id.output.field` (or Archon's `$id.field`), `$INPUTS.name`,
 * single-quoted strings, numbers and true/false.
 * `==`/`!=` compare exact strings; `< <= > >=` compare numbers and fail when a side is not one.
 */

export const COMPARISON_OPERATORS = ['==', '!=', '<=', '>=', '<', '>'] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export type Operand =
  { type: 'ref'; node: string; field?: string; text: string } | { type: 'literal'; value: string; text: string };

export type ConditionExpr =
  | { type: 'or'; items: ConditionExpr[] }
  | { type: 'and'; items: ConditionExpr[] }
  | { type: 'compare'; op: ComparisonOperator; left: Operand; right: Operand };

export class ConditionSyntaxError extends Error {
  constructor(
    readonly detail: string,
    readonly column: number,
    readonly source: string,
  ) {
    super(`${detail} at column ${column} in "${source}"`);
    this.name = 'ConditionSyntaxError';
  }
}

/** A condition that parsed but cannot be decided (an operand that is not a number, an unreadable ref). */
export class ConditionEvaluationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConditionEvaluationError';
  }
}

type Token =
  | { kind: 'ref'; node: string; field?: string; text: string; pos: number }
  | { kind: 'string' | 'number' | 'bool'; value: string; text: string; pos: number }
  | { kind: 'op'; op: ComparisonOperator; text: string; pos: number }
  | { kind: 'and' | 'or' | 'lparen' | 'rparen'; text: string; pos: number };

const REF = /^\$([A-Za-z_][A-Za-z0-9_-]*)\.output(?:\.([A-Za-z_][A-Za-z0-9_]*))?/;
/** `$INPUTS.<name>`: a run input (read as a reference to the reserved node id INPUTS). */
const INPUT_REF = /^\$(INPUTS)\.([A-Za-z_][A-Za-z0-9_-]*)/;
/** Archon's shorthand `$<node>.<field>` for `$<node>.output.<field>`. */
const SHORT_REF = /^\$([A-Za-z_][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_]*)/;
export const INPUTS_NODE = 'INPUTS';
const NUMBER = /^-?\d+(?:\.\d+)?/;
const MAX_NESTING = 32;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (detail: string, at = i): never => {
    throw new ConditionSyntaxError(detail, at + 1, source);
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = source.slice(i);
    if (ch === '$') {
      const match = INPUT_REF.exec(rest) ?? REF.exec(rest) ?? SHORT_REF.exec(rest);
      if (!match) {
        const word = /^\$[^\s=!<>&|()]*/.exec(rest)![0];
        return fail(
          `'${word}' is not a node reference; write $<node-id>.output or $<node-id>.output.<field>` +
            (word.split('.').length > 3 ? ' (only one field level is supported)' : ''),
        );
      }
      if (/^[.\w-]/.test(rest.slice(match[0].length)))
        return fail(
          `'${/^\$[^\s=!<>&|()]*/.exec(rest)![0]}' has more than one field level; only $id.output.field is supported`,
        );
      tokens.push({ kind: 'ref', node: match[1]!, field: match[2], text: match[0], pos: i });
      i += match[0].length;
      continue;
    }
    if (ch === "'") {
      const end = source.indexOf("'", i + 1);
      if (end === -1) return fail('unterminated string: a quote opened here is never closed');
      const value = source.slice(i + 1, end);
      tokens.push({ kind: 'string', value, text: source.slice(i, end + 1), pos: i });
      i = end + 1;
      continue;
    }
    if (ch === '"') return fail('strings use single quotes: write \'value\', not "value"');
    const number = NUMBER.exec(rest);
    if (number && !/^[A-Za-z_]/.test(rest.slice(number[0].length))) {
      tokens.push({ kind: 'number', value: number[0], text: number[0], pos: i });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest)?.[0];
    if (word === 'true' || word === 'false') {
      tokens.push({ kind: 'bool', value: word, text: word, pos: i });
      i += word.length;
      continue;
    }
    if (word === 'and' || word === 'AND') return fail(`use '&&' instead of '${word}'`);
    if (word === 'or' || word === 'OR') return fail(`use '||' instead of '${word}'`);
    if (rest.startsWith('&&') || rest.startsWith('||')) {
      tokens.push({ kind: rest.startsWith('&&') ? 'and' : 'or', text: rest.slice(0, 2), pos: i });
      i += 2;
      continue;
    }
    const op = COMPARISON_OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (op) {
      if (rest.startsWith('===') || rest.startsWith('!==')) return fail(`use '${op}' (there is no '${op}=')`);
      tokens.push({ kind: 'op', op, text: op, pos: i });
      i += op.length;
      continue;
    }
    if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', text: ch, pos: i });
      i++;
      continue;
    }
    if (ch === '=') return fail("'=' is not an operator; use '==' to compare");
    if (ch === '&' || ch === '|') return fail(`use '${ch}${ch}'`);
    if (ch === '!') return fail("'!' negation is not supported; use '!=' in a comparison");
    if (word) return fail(`unexpected word '${word}'; quote text literals, e.g. '${word}'`);
    return fail(`unexpected character '${ch}'`);
  }
  return tokens;
}

/** Parses a `when:` expression; throws ConditionSyntaxError with the column of the problem. */
export function parseCondition(source: string): ConditionExpr {
  const tokens = tokenize(source);
  let index = 0;
  const peek = () => tokens[index];
  const fail = (detail: string, token = peek()): never => {
    throw new ConditionSyntaxError(detail, (token ? token.pos : source.length) + 1, source);
  };
  if (tokens.length === 0) fail('empty condition');

  const parseOr = (): ConditionExpr => {
    const items = [parseAnd()];
    while (peek()?.kind === 'or') {
      index++;
      items.push(parseAnd());
    }
    return items.length === 1 ? items[0]! : { type: 'or', items };
  };
  const parseAnd = (): ConditionExpr => {
    const items = [parsePrimary()];
    while (peek()?.kind === 'and') {
      index++;
      items.push(parsePrimary());
    }
    return items.length === 1 ? items[0]! : { type: 'and', items };
  };
  let depth = 0;
  const parsePrimary = (): ConditionExpr => {
    const token = peek();
    if (token?.kind === 'lparen') {
      if (++depth > MAX_NESTING) fail(`parentheses nested more than ${MAX_NESTING} deep`);
      index++;
      const inner = parseOr();
      depth--;
      if (peek()?.kind !== 'rparen') fail("expected ')'");
      index++;
      return inner;
    }
    const left = parseOperand();
    const op = peek();
    if (op?.kind !== 'op') {
      return fail(
        op
          ? `expected a comparison operator (== != < <= > >=) after '${left.text}'`
          : `'${left.text}' must be compared to something, e.g. ${left.text} == 'value'`,
      );
    }
    index++;
    const right = parseOperand();
    if (left.type === 'literal' && right.type === 'literal')
      fail(
        `comparing two literals ('${left.text}' and '${right.text}') is always the same; reference a node with $id.output`,
        token,
      );
    return { type: 'compare', op: op.op, left, right };
  };
  const parseOperand = (): Operand => {
    const token = peek();
    if (!token) return fail('expected a value at the end of the condition');
    switch (token.kind) {
      case 'ref':
        index++;
        return { type: 'ref', node: token.node, field: token.field, text: token.text };
      case 'string':
      case 'number':
      case 'bool':
        index++;
        return { type: 'literal', value: token.value, text: token.text };
      default:
        return fail(`expected a value but found '${token.text}'`);
    }
  };

  const expr = parseOr();
  if (index < tokens.length) {
    const token = tokens[index]!;
    fail(token.kind === 'rparen' ? "unbalanced ')'" : `unexpected '${token.text}'; join comparisons with && or ||`);
  }
  return expr;
}

/** Every `$id.output[.field]` a condition reads (`$INPUTS.<name>` aside). */
export function conditionRefs(expr: ConditionExpr): Array<{ node: string; field?: string }> {
  switch (expr.type) {
    case 'or':
    case 'and':
      return expr.items.flatMap(conditionRefs);
    case 'compare':
      return [expr.left, expr.right].flatMap((operand) =>
        operand.type === 'ref' && operand.node !== INPUTS_NODE ? [{ node: operand.node, field: operand.field }] : [],
      );
  }
}

/**
 * Evaluates a condition. `resolve` turns a reference into its text (or throws when it cannot).
 * `&&` and `||` short-circuit, so a reference in an unreached branch is never read.
 */
export function evaluateCondition(expr: ConditionExpr, resolve: (node: string, field?: string) => string): boolean {
  switch (expr.type) {
    case 'or':
      return expr.items.some((item) => evaluateCondition(item, resolve));
    case 'and':
      return expr.items.every((item) => evaluateCondition(item, resolve));
    case 'compare': {
      const left = operandValue(expr.left, resolve);
      const right = operandValue(expr.right, resolve);
      switch (expr.op) {
        case '==':
          return left === right;
        case '!=':
          return left !== right;
        case '<':
        case '<=':
        case '>':
        case '>=': {
          const a = numeric(expr.left, left, expr.op);
          const b = numeric(expr.right, right, expr.op);
          if (expr.op === '<') return a < b;
          if (expr.op === '<=') return a <= b;
          if (expr.op === '>') return a > b;
          return a >= b;
        }
      }
    }
  }
}

function operandValue(operand: Operand, resolve: (node: string, field?: string) => string): string {
  return operand.type === 'literal' ? operand.value : resolve(operand.node, operand.field);
}

const NUMERIC_TEXT = /^\s*-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

function numeric(operand: Operand, value: string, op: ComparisonOperator): number {
  if (!NUMERIC_TEXT.test(value)) {
    const shown = value.length > 200 ? `${value.slice(0, 200)}…` : value;
    throw new ConditionEvaluationError(`'${op}' needs numbers, but ${operand.text} is ${JSON.stringify(shown)}`);
  }
  return Number(value);
}
