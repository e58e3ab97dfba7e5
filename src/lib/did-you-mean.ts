/**
 * Edit distance between two short strings (keys, ids, names), counting an adjacent transposition
 * ("biuld" → "build") as one edit. Used only for suggestions.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest candidate to `input`, if it is close enough to be a plausible typo. */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  // Read twice below: an iterator (a Map's keys) would be empty the second time.
  const names = [...candidates];
  let best: string | undefined;
  let bestDistance = Infinity;
  const needle = input.toLowerCase();
  const compared = needle.slice(0, 64);
  for (const candidate of names) {
    if (candidate.length > 64) continue;
    const distance = editDistance(compared, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = input.length <= 3 ? 1 : Math.max(2, Math.floor(input.length / 3));
  if (bestDistance <= tolerance && bestDistance < input.length) return best;
  // A truncated name ("delay" for "delay_ms") is a typo too.
  if (needle.length < 3) return undefined;
  for (const candidate of names) if (candidate.toLowerCase().startsWith(needle)) return candidate;
  return undefined;
}

/** " Did you mean 'x'?" or an empty string. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const match = closest(input, candidates);
  return match === undefined ? '' : ` Did you mean '${match}'?`;
}
