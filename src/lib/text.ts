/** `text` cut to at most `max` characters, with an ellipsis when it was longer. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * `text` with its control characters (other than newline and tab) written as `\u001b`: a message
 * that quotes a user's file is shown in a terminal, which would act on them (clear it, recolour it).
 */
export function visibleControls(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * `text` without terminal escape sequences (colours, cursor moves, titles): output captured from a
 * program, shown where a terminal does not interpret them, such as a report file.
 */
export function stripAnsi(text: string): string {
  // CSI sequences (colours, cursor), OSC sequences (titles, links) ended by BEL or ST, then other two-byte escapes.
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g, '');
}

/** A list cut to at most `limit` items per group: the items kept, in order, and after each cut group how many were left out. */
export type Capped<T> = { kind: 'item'; value: T } | { kind: 'more'; file: string; more: number };

/**
 * At most `limit` items of each file (`fileOf`), in their order; a file with more gets one `more`
 * entry after its last listed item. What a person reads of a file with thousands of problems.
 */
export function capPerFile<T>(items: readonly T[], fileOf: (item: T) => string, limit: number): Array<Capped<T>> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(fileOf(item), (counts.get(fileOf(item)) ?? 0) + 1);
  const listed = new Map<string, number>();
  const out: Array<Capped<T>> = [];
  for (const item of items) {
    const file = fileOf(item);
    const seen = (listed.get(file) ?? 0) + 1;
    listed.set(file, seen);
    if (seen > limit) continue;
    out.push({ kind: 'item', value: item });
    const total = counts.get(file)!;
    if (seen === limit && total > limit) out.push({ kind: 'more', file, more: total - limit });
  }
  return out;
}
