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
 * JSON.parse with an error that says where: "line 3, column 14: unexpected ','". Node 20's own
 * messages do not always carry a position, so the position comes from a small scanner that walks
 * the JSON grammar and stops at the first character that does not fit.
 */
export function parseJsonWithLocation(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: jsonErrorAt(text) };
  }
}

/** Where text that JSON.parse refused breaks, and why: "line 3, column 14: unexpected ','". */
export function jsonErrorAt(text: string): string {
  const problem = findJsonError(text);
  const { line, column } = lineAndColumn(text, problem.offset);
  return `line ${line}, column ${column}: ${problem.message}`;
}

export function findJsonError(text: string): { offset: number; message: string } {
  return scanJson(text) ?? { offset: 0, message: 'invalid JSON' };
}

/** A key of an object in JSON text: the keys of the objects it is in (array items by index), and where it starts. */
export type JsonKeyVisitor = (path: readonly string[], key: string, offset: number) => void;

/**
 * Walks `text` by the JSON grammar, telling `onKey` of every object key; the first place that breaks
 * it, or undefined when the text is JSON.
 */
export function scanJson(text: string, onKey?: JsonKeyVisitor): { offset: number; message: string } | undefined {
  let i = 0;
  class Stop extends Error {
    constructor(
      readonly at: number,
      message: string,
    ) {
      super(message);
    }
  }
  // A control character is named by its code point: echoed as is, a terminal would act on it.
  const describe = (at: number) => {
    if (at >= text.length) return 'end of input';
    const code = text.charCodeAt(at);
    return code < 0x20 || (code >= 0x7f && code <= 0x9f)
      ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
      : `'${text[at]}'`;
  };
  const fail = (message: string, at = i): never => {
    // Hand-written JSON (a config file) often carries a comment, as JSONC and JSON5 allow.
    if (text.startsWith('//', at) || text.startsWith('/*', at)) message = 'a comment; JSON has none: remove it';
    throw new Stop(Math.min(at, text.length), message);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe(i)}`);
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('control character in string');
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail(`unexpected ${describe(i)}`);
    i += match![0].length;
  };
  const value = (depth: number, path: string[]): void => {
    if (depth > 512) fail('nested too deeply');
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a "quoted" key but found ${describe(i)}`);
        const keyStart = i;
        string();
        const key = onKey ? (JSON.parse(text.slice(keyStart, i)) as string) : '';
        ws();
        if (text[i] !== ':') fail(`expected ':' but found ${describe(i)}`);
        onKey?.(path, key, keyStart);
        i++;
        value(depth + 1, onKey ? [...path, key] : path);
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === '}') fail("trailing comma before '}'");
          continue;
        }
        if (text[i] === '}') return void i++;
        fail(`expected ',' or '}' but found ${describe(i)}`);
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (let index = 0; ; index++) {
        value(depth + 1, onKey ? [...path, String(index)] : path);
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') fail("trailing comma before ']'");
          continue;
        }
        if (text[i] === ']') return void i++;
        fail(`expected ',' or ']' but found ${describe(i)}`);
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number();
    fail(`unexpected ${describe(i)}`);
  };
  try {
    value(0, []);
    ws();
    if (i < text.length) fail(`unexpected ${describe(i)} after the end of the JSON value`);
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return { offset: error.at, message: error.message };
    throw error;
  }
}

/** The JSON in a reply or a Markdown section: the content of its first ``` (or ```json) fence, else the whole text; trimmed. */
export function unfenceJson(text: string): string {
  const fenced = /```(?:json)?\s*\n([\s\S]*?)```/.exec(text);
  return (fenced ? fenced[1]! : text).trim();
}

/** A key given more than once in one object of JSON text (JSON.parse keeps the last one). */
export interface DuplicateJsonKey {
  /** The keys of the objects it is in (array items by index). */
  path: string[];
  key: string;
  /** The 1-based lines it is given on, in order. */
  lines: number[];
}

/** The keys of `text` (which must be JSON) given more than once in the same object. */
export function duplicateJsonKeys(text: string): DuplicateJsonKey[] {
  const seen = new Map<string, { path: string[]; key: string; offsets: number[] }>();
  scanJson(text, (path, key, offset) => {
    const id = JSON.stringify([...path, key]);
    const entry = seen.get(id);
    if (entry) entry.offsets.push(offset);
    else seen.set(id, { path: [...path], key, offsets: [offset] });
  });
  return [...seen.values()]
    .filter((entry) => entry.offsets.length > 1)
    .map(({ path, key, offsets }) => ({
      path,
      key,
      lines: offsets.map((offset) => lineAndColumn(text, offset).line),
    }));
}
