/**
 * Loop completion signals. A signal counts when the agent states it, not when it mentions it:
 * wrapped in a matching tag pair (`<promise>COMPLETE</promise>`), alone on a line, or as the very
 * last word of the output. "The status is not COMPLETE yet." does not count.
 */
export function detectCompletionSignal(output: string, signal: string): boolean {
  const s = escapeRegExp(signal);
  const tagged = new RegExp(`<([A-Za-z][\\w-]*)>\\s*${s}\\s*</\\1>`, 'i');
  const atEnd = new RegExp(`(?:^|\\s)${s}[\\s.,;:!?]*$`);
  const ownLine = new RegExp(`^[ \\t]*${s}[ \\t]*$`, 'm');
  return tagged.test(output) || atEnd.test(output) || ownLine.test(output);
}

/** The output downstream nodes see: `<promise>` blocks and tag-wrapped signals removed, trimmed. */
export function stripCompletionSignal(output: string, signal: string | undefined): string {
  let cleaned = output.replace(/<promise>[\s\S]*?<\/promise>/gi, '');
  if (signal)
    cleaned = cleaned.replace(new RegExp(`<([A-Za-z][\\w-]*)>\\s*${escapeRegExp(signal)}\\s*</\\1>`, 'gi'), '');
  return cleaned.trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
