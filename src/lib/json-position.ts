/** 1-based line and column of a character offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * JSON.parse with an error that says where: "line 3, column 7: Unexpected token ...".
 * Node reports "at position N" (or "line L column C" in newer versions); both are normalised.
 */
export function parseJsonWithLocation(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(raw);
    const message = raw.replace(/\s*\(line \d+ column \d+\)$/, '').replace(/ in JSON at position \d+.*$/, '');
    if (position) {
      const { line, column } = lineAndColumn(text, Number(position[1]));
      return { ok: false, message: `line ${line}, column ${column}: ${message}` };
    }
    const lineCol = /line (\d+) column (\d+)/.exec(raw);
    if (lineCol) return { ok: false, message: `line ${lineCol[1]}, column ${lineCol[2]}: ${message}` };
    return { ok: false, message };
  }
}
