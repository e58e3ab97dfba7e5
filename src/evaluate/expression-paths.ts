import jsonata from 'jsonata';
import { Store } from '../clones/github/state/store.js';
import { snapshot } from '../clones/github/state/snapshot.js';
import { closest } from '../lib/did-you-mean.js';
import { memo } from '../lib/lazy.js';

/**
 * Names an `=> expression` reads from the top of its input ({ github, before, diff, run }) that are
 * not there. A misspelt collection (`github.issue`) reads as nothing, so the criterion would fail as
 * if the agent had: that is the scenario's mistake, said before any run. Only paths read from the
 * top are checked; inside filters and functions the context is an item, whose fields vary.
 */

/** The clone state's collections, as an empty clone's snapshot lists them. */
const stateKeys = memo(() => Object.keys(snapshot(new Store(), { seed: 'empty' })));
const ROOTS = ['github', 'before', 'diff', 'run'];
const RUN_KEYS = ['exitCode', 'timedOut', 'durationMs', 'answer', 'requests'];

interface Node {
  type: string;
  value?: unknown;
  steps?: Node[];
  arguments?: Node[];
  expressions?: Node[];
  lhs?: Node | Node[][];
  rhs?: Node;
  expression?: Node;
  condition?: Node;
  then?: Node;
  else?: Node;
}

const nameOf = (node: Node | undefined) =>
  node?.type === 'name' && typeof node.value === 'string' ? node.value : undefined;

/** What is wrong with the names of a path read from the top, or undefined. */
function pathProblem(steps: readonly Node[]): string | undefined {
  const names: string[] = [];
  for (const step of steps) {
    const name = nameOf(step);
    if (name === undefined) break;
    names.push(name);
  }
  const [first, second, third] = names;
  if (first === undefined) return undefined;
  const unknown = (path: string, name: string, known: readonly string[]) => {
    const match = closest(name, known);
    return `${path} is not in what criteria read${match ? `: did you mean ${path.replace(/[^.]+$/, match)}?` : ` (it holds ${known.join(', ')})`}`;
  };
  if (first === 'github' || (first === 'before' && second === 'github') || (first === 'diff' && second === 'github')) {
    const key = first === 'github' ? second : third;
    const path = names.slice(0, first === 'github' ? 2 : 3).join('.');
    return key === undefined || stateKeys().includes(key) ? undefined : unknown(path, key, stateKeys());
  }
  if (first === 'before' || first === 'diff')
    return second === undefined ? undefined : unknown(`${first}.${second}`, second, ['github']);
  if (first === 'run')
    return second === undefined || RUN_KEYS.includes(second) ? undefined : unknown(`run.${second}`, second, RUN_KEYS);
  if (stateKeys().includes(first)) return `${first} is not at the top of what criteria read: write github.${first}`;
  const match = closest(first, ROOTS);
  return `${first} is not in what criteria read (github, before, diff, run)${match ? `: did you mean ${match}?` : ''}`;
}

/** Walks the nodes evaluated against the top of the input; stops where the context changes. */
function walk(node: Node | undefined, problems: string[]): void {
  if (!node) return;
  switch (node.type) {
    case 'path': {
      const problem = pathProblem(node.steps ?? []);
      if (problem) problems.push(problem);
      return;
    }
    case 'name': {
      const problem = pathProblem([node]);
      if (problem) problems.push(problem);
      return;
    }
    case 'function':
    case 'partial':
      for (const argument of node.arguments ?? []) walk(argument, problems);
      return;
    case 'binary':
    case 'bind':
    case 'apply':
      if (!Array.isArray(node.lhs)) walk(node.lhs, problems);
      walk(node.rhs, problems);
      return;
    case 'condition':
      walk(node.condition, problems);
      walk(node.then, problems);
      walk(node.else, problems);
      return;
    case 'block':
      for (const expression of node.expressions ?? []) walk(expression, problems);
      return;
    case 'unary':
      if (node.value === '-') walk(node.expression, problems);
      else if (node.value === '[') for (const expression of node.expressions ?? []) walk(expression, problems);
      else if (node.value === '{' && Array.isArray(node.lhs))
        for (const [key, value] of node.lhs) {
          walk(key, problems);
          walk(value, problems);
        }
      return;
    default:
      return;
  }
}

/** The first name an expression reads from the top that is not there, or undefined (also when it does not parse). */
export function expressionPathProblem(source: string): string | undefined {
  let ast: Node;
  try {
    ast = jsonata(source).ast() as Node;
  } catch {
    return undefined;
  }
  const problems: string[] = [];
  walk(ast, problems);
  return problems[0];
}
