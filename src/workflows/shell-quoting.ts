import type { NodeLineLookup } from './graph.js';
import type { WorkflowNode } from './model.js';
import type { WorkflowProblem } from './problems.js';
import { findLoopPrevRefs, findOutputRefs, inputEnvKey, type OutputRef } from './refs.js';

/**
 * Quoting pitfalls of `$id.output` in bash scripts. Archal splices an output shell-quoted (`'…'`),
 * which is safe where the reference stands unquoted. Inside double quotes the shell still expands
 * `$(…)` and backticks in the value; inside single quotes the value's own quotes close the user's,
 * leaving it unquoted. In both cases text a node produced can run as a command.
 */

export interface QuotingPitfall {
  /** The reference as written (`$plan.output`, `$plan.output.title`). */
  ref: string;
  quote: 'double' | 'single';
  /** 0-based offset of the reference in the script. */
  index: number;
}

type Context = 'none' | 'double' | 'single';

/** References standing inside double or single quotes (command substitutions open a new context). */
export function quotingPitfalls(script: string): QuotingPitfall[] {
  const refs = splicedRefs(script);
  if (refs.length === 0) return [];
  const contexts = quoteContexts(script);
  const pitfalls: QuotingPitfall[] = [];
  for (const ref of refs) {
    const context = contexts[ref.index];
    if (context === 'double' || context === 'single')
      pitfalls.push({ ref: ref.text, quote: context, index: ref.index });
  }
  return pitfalls;
}

/** What a pitfall does, and the safe form, for a warning. */
export function describePitfall(pitfall: QuotingPitfall): string {
  return pitfall.quote === 'double'
    ? `"${pitfall.ref}" inside double quotes: the shell still expands $(…) and backticks in the output, so text a node produced can run as a command. Archal quotes the output itself: write ${pitfall.ref} without quotes (x=${pitfall.ref}; then use "$x")`
    : `'…${pitfall.ref}…' inside single quotes: the output's own quotes close yours and leave it unquoted, so text a node produced can run as a command. Close your quotes around it: '…'${pitfall.ref}'…' (or x=${pitfall.ref} and use "$x")`;
}

/** The quoting context at each offset of a script (a small scanner: quotes, escapes, $(…), backticks, comments). */
function quoteContexts(script: string): Context[] {
  const contexts: Context[] = new Array<Context>(script.length);
  // The stack of open contexts: a command substitution starts a fresh one inside any quotes.
  const stack: Array<{ context: Context; closer: string | undefined }> = [{ context: 'none', closer: undefined }];
  const top = () => stack[stack.length - 1]!;
  let i = 0;
  while (i < script.length) {
    const { context, closer } = top();
    const ch = script[i]!;
    contexts[i] = context;
    if (context === 'single') {
      if (ch === "'") stack.pop();
      i++;
      continue;
    }
    if (ch === '\\') {
      contexts[i + 1] = context;
      i += 2;
      continue;
    }
    if (ch === '$' && script[i + 1] === '(') {
      stack.push({ context: 'none', closer: ')' });
      contexts[i + 1] = context;
      i += 2;
      continue;
    }
    if (ch === '`') {
      if (closer === '`') stack.pop();
      else stack.push({ context: 'none', closer: '`' });
      i++;
      continue;
    }
    if (context === 'double') {
      if (ch === '"') stack.pop();
      i++;
      continue;
    }
    // Unquoted.
    if (ch === ')' && closer === ')' && stack.length > 1) stack.pop();
    else if (ch === '"') stack.push({ context: 'double', closer: '"' });
    else if (ch === "'") stack.push({ context: 'single', closer: "'" });
    else if (ch === '#' && (i === 0 || /\s|;|&|\|/.test(script[i - 1]!))) {
      // A comment runs to the end of the line.
      while (i < script.length && script[i] !== '\n') contexts[i++] = context;
      continue;
    }
    i++;
  }
  return contexts;
}

/** The references a bash or inline script has spliced into it: `$x.output[.f]` and `$LOOP_PREV.x.output[.f]`. */
function splicedRefs(text: string): OutputRef[] {
  return [...findOutputRefs(text), ...findLoopPrevRefs(text)].sort((a, b) => a.index - b.index);
}

/**
 * The node outputs an inline script (bun, node, python) has spliced into its code as they are: text
 * a node produced (an AI's answer to an issue, say) becomes code there, so a quote in it ends the
 * string it stands in. A `with:` binding gives the script the same text as an environment variable.
 */
export function scriptSplices(node: WorkflowNode): string[] {
  if (node.kind !== 'script' || node.source.kind !== 'inline') return [];
  return splicedRefs(node.source.code).map(({ text, node: from, field }) => {
    const name = `${from}_${field ?? 'output'}`.replace(/-/g, '_');
    return `${text} is spliced into the script's code as it is, so text a node produced can run as code. Bind it instead: with: {${name}: {from: '${text}'}}, and read ${inputEnvKey(name)} from the environment`;
  });
}

/**
 * Node outputs spliced where they can run (inside quotes in bash, anywhere in inline script code),
 * one message per place, `Node <id>: …`. What the App, whose runs read text anyone can write,
 * refuses to run.
 */
export function untrustedSplices(nodes: readonly WorkflowNode[]): string[] {
  return withBodies(nodes).flatMap((node) => nodePitfalls(node).map(({ message }) => `Node ${node.id}: ${message}.`));
}

/** The nodes and, in their place, the body nodes of loop groups. */
function withBodies(nodes: readonly WorkflowNode[]): WorkflowNode[] {
  return nodes.flatMap((node) => (node.kind === 'loop_group' ? [node, ...withBodies(node.loop_group.nodes)] : [node]));
}

/** Warnings for the pitfalls in a workflow's bash scripts (bash nodes and loops' until_bash) and inline script code. */
export function shellQuotingWarnings(
  nodes: readonly WorkflowNode[],
  file: string,
  lines: NodeLineLookup,
): WorkflowProblem[] {
  return withBodies(nodes).flatMap((node) =>
    nodePitfalls(node).map(({ field, message }) => ({ file, node: node.id, field, line: lines.get(node.id), message })),
  );
}

/** A node's pitfalls, each with the field it is in: its bash script (or loop's until_bash), then its inline script's splices. */
function nodePitfalls(node: WorkflowNode): Array<{ field: string; message: string }> {
  const [field, script] =
    node.kind === 'bash' ? ['bash', node.bash] : node.kind === 'loop' ? ['loop.until_bash', node.loop.until_bash] : [];
  return [
    ...(field && script
      ? quotingPitfalls(script).map((pitfall) => ({ field, message: describePitfall(pitfall) }))
      : []),
    ...scriptSplices(node).map((message) => ({ field: 'script', message })),
  ];
}
