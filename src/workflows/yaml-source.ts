import {
  Composer,
  isMap,
  isPair,
  isScalar,
  Lexer,
  LineCounter,
  Parser,
  visit,
  YAMLParseError,
  type Document,
} from 'yaml';
import { errorMessage } from '../lib/errors.js';

/** Limits that keep hostile or accidental input (huge files, alias bombs, deep nesting) cheap to reject. */
export const YAML_LIMITS = { maxBytes: 512 * 1024, maxAnchorsAndAliases: 100, maxFlowDepth: 64 } as const;

export type YamlParseResult =
  | { ok: true; value: unknown; source: SourceLocator }
  | { ok: false; errors: Array<{ message: string; line?: number }> };

/**
 * Values of YAML texts parsed before, by text: a value taken from it skips parsing (which, for a long
 * workflow in a fresh process, costs more than running some of its nodes).
 */
export interface ParsedYamlCache {
  get(text: string): { value: unknown } | undefined;
  set(text: string, value: unknown): void;
}

interface ParsedDocument {
  doc: Document;
  lines: LineCounter;
  text: string;
}

/** Finds the line of a value or a key in the parsed document, for error messages. */
export class SourceLocator {
  private parsed: ParsedDocument | undefined;

  /** `parse` is called on the first question only: a value from the cache is parsed again only for a message. */
  constructor(private readonly parse: () => ParsedDocument) {}

  private get source(): ParsedDocument {
    return (this.parsed ??= this.parse());
  }

  /** Line of the value at `path` (1-based), if it exists. */
  line(path: ReadonlyArray<string | number>): number | undefined {
    const { doc, lines } = this.source;
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lines.linePos(node.range[0]).line : undefined;
  }

  /**
   * Line where `pattern` first matches inside the value at `path` (a line of a block scalar, say),
   * else the value's own line.
   */
  lineWithin(path: ReadonlyArray<string | number>, pattern: RegExp): number | undefined {
    const { doc, lines, text } = this.source;
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    if (!node?.range) return undefined;
    const at = text.slice(node.range[0], node.range[1]).search(pattern);
    return lines.linePos(node.range[0] + Math.max(at, 0)).line;
  }

  /** Line of the key `key` in the mapping at `path`. */
  keyLine(path: ReadonlyArray<string | number>, key: string): number | undefined {
    const { doc, lines } = this.source;
    const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
    if (!isMap(map)) return undefined;
    for (const pair of map.items) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === key && pair.key.range)
        return lines.linePos(pair.key.range[0]).line;
    }
    return undefined;
  }
}

/**
 * Parses YAML text defensively: every failure is a message with a line, never a crash or a hang.
 * With a cache, a text parsed before (and valid YAML then) takes its value from the cache.
 */
export function parseYaml(text: string, cache?: ParsedYamlCache): YamlParseResult {
  const bytes = Buffer.byteLength(text);
  if (bytes > YAML_LIMITS.maxBytes)
    return {
      ok: false,
      errors: [
        {
          message: `file is ${formatBytes(bytes)}; workflow files are limited to ${formatBytes(YAML_LIMITS.maxBytes)}`,
        },
      ],
    };
  if (text.includes('\u0000'))
    return { ok: false, errors: [{ message: 'file contains NUL bytes; it looks binary, not YAML' }] };
  const cached = cache?.get(text);
  if (cached)
    return {
      ok: true,
      value: cached.value,
      source: new SourceLocator(() => {
        const lines = new LineCounter();
        return { doc: parseDocument(text, Array.from(new Lexer().lex(text)), lines), lines, text };
      }),
    };

  const lines = new LineCounter();
  // Lexed once: the limits are checked on the tokens, which the parser then reads.
  const lexemes = Array.from(new Lexer().lex(text));
  const structure = scanStructure(lexemes);
  if (structure.anchors > YAML_LIMITS.maxAnchorsAndAliases)
    return {
      ok: false,
      errors: [
        {
          message: `file uses ${structure.anchors} YAML anchors/aliases; the limit is ${YAML_LIMITS.maxAnchorsAndAliases} (write the values out instead)`,
          ...(structure.overLimitAt !== undefined ? { line: lineAt(text, structure.overLimitAt) } : {}),
        },
      ],
    };
  if (structure.maxDepth > YAML_LIMITS.maxFlowDepth)
    return {
      ok: false,
      errors: [
        {
          message: `flow collections ([…] / {…}) are nested ${structure.maxDepth} deep; the limit is ${YAML_LIMITS.maxFlowDepth}`,
        },
      ],
    };

  let doc: Document;
  try {
    // prettyErrors is off on purpose: it can exhaust memory on deeply nested input. Lines come from the LineCounter.
    doc = parseDocument(text, lexemes, lines);
  } catch (error) {
    return { ok: false, errors: [{ message: `YAML parse error: ${firstLine(error)}` }] };
  }
  if (doc.errors.length > 0) {
    const seen = new Set<string>();
    const unclosed = unclosedQuote(doc.errors, lexemes);
    // What follows an unclosed quote is inside the string: errors there only follow from it.
    // From a line indented with a tab on, yaml misreads the structure: what it says next follows from it.
    const tab = doc.errors.find((error) => error.code === 'TAB_AS_INDENT');
    const reported = doc.errors.filter(
      (error) =>
        (!unclosed || error.pos[0] < unclosed.start) &&
        (!tab || error.code === 'TAB_AS_INDENT' || error.pos[0] < tab.pos[0]),
    );
    const errors = [...(unclosed ? [unclosed.error] : []), ...reported].flatMap((error) => {
      const line = lines.linePos(unclosed?.error === error ? unclosed.start : error.pos[0]).line;
      const message =
        unclosed?.error === error
          ? `YAML parse error: ${unclosedQuoteMessage(unclosed, text, lines)}`
          : `YAML parse error: ${firstLine(error)}${errorDetail(error, lexemes)}`;
      const key = `${line}:${message}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ message, line }];
    });
    return { ok: false, errors: errors.slice(0, 10) };
  }
  // Only a file with a tag (a `!…` token) needs the walk over its nodes.
  const tags = structure.tagged ? unsupportedTags(doc, lines) : [];
  if (tags.length > 0) return { ok: false, errors: tags.slice(0, 10) };
  try {
    const value: unknown = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAnchorsAndAliases });
    cache?.set(text, value);
    return { ok: true, value, source: new SourceLocator(() => ({ doc, lines, text })) };
  } catch (error) {
    const line = /alias count/i.test(errorMessage(error)) ? nestedAliasLine(doc, lines) : undefined;
    if (line !== undefined)
      return {
        ok: false,
        errors: [
          {
            message: `YAML aliases expand past ${YAML_LIMITS.maxAnchorsAndAliases} values (an alias of a value that itself holds aliases, as in a "billion laughs" file); write the values out instead of nesting aliases`,
            line,
          },
        ],
      };
    return { ok: false, errors: [{ message: `YAML error: ${firstLine(error)}` }] };
  }
}

/** The tags plain YAML data needs; any other tag makes a value that is not text, a number, a list or a mapping. */
const PLAIN_TAGS: ReadonlySet<string> = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`),
);

/** How to write a value without each tag that Archal refuses. */
const TAG_FIXES: Readonly<Record<string, string>> = {
  binary: 'write the text itself (not base64)',
  set: 'write a list: [a, b]',
  omap: 'write a mapping (or a list of one-key mappings)',
  pairs: 'write a mapping (or a list of one-key mappings)',
  timestamp: "quote the date so that it stays text: '2001-12-14'",
};

/** Values with a tag outside plain YAML (`!!binary`, `!!set`, `!!timestamp`, a custom `!foo`…), each at its line. */
function unsupportedTags(doc: Document, lines: LineCounter): Array<{ message: string; line?: number }> {
  const found: Array<{ message: string; line?: number }> = [];
  visit(doc, {
    Node(_key, node) {
      if (!node.tag || PLAIN_TAGS.has(node.tag)) return;
      const core = /^tag:yaml\.org,2002:(.+)$/.exec(node.tag)?.[1];
      const shown = core ? `!!${core}` : node.tag;
      const fix = (core && TAG_FIXES[core]) ?? 'remove the tag and write the value as plain text, a list or a mapping';
      found.push({
        message: `the YAML tag ${shown} is not supported (only plain strings, numbers, booleans, lists and mappings are read): ${fix}`,
        ...(node.range ? { line: lines.linePos(node.range[0]).line } : {}),
      });
    },
  });
  return found;
}

/**
 * Where an alias bomb starts: the first alias whose anchored value holds aliases itself (each level
 * multiplies the values), else the first alias.
 */
function nestedAliasLine(doc: Document, lines: LineCounter): number | undefined {
  let first: number | undefined;
  let nested: number | undefined;
  visit(doc, {
    Alias(_key, alias) {
      if (!alias.range) return;
      const line = lines.linePos(alias.range[0]).line;
      first ??= line;
      const target = alias.resolve(doc);
      let holdsAliases = false;
      if (target)
        visit(target, {
          Alias() {
            holdsAliases = true;
            return visit.BREAK;
          },
        });
      if (holdsAliases) {
        nested = line;
        return visit.BREAK;
      }
    },
  });
  return nested ?? first;
}

/** What a second YAML document in a file is told (each file Archal reads as YAML is one document). */
export const MULTIPLE_DOCUMENTS =
  "the file holds more than one YAML document (a '---' line after the first); it must be one: remove that line";

/** yaml's parseDocument, from tokens already lexed. */
function parseDocument(text: string, lexemes: readonly string[], lines: LineCounter): Document {
  const parser = new Parser(lines.addNewLine);
  const composer = new Composer({ uniqueKeys: true, prettyErrors: false });
  function* tokens() {
    lines.addNewLine(0);
    for (const lexeme of lexemes) yield* parser.next(lexeme);
    yield* parser.end();
  }
  let doc: Document | undefined;
  for (const next of composer.compose(tokens(), true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', MULTIPLE_DOCUMENTS));
      break;
    }
  }
  return doc!;
}

/** Lexemes the yaml lexer adds to the source's text (document start, flow end, scalar start). */
const CONTROL_LEXEMES: ReadonlySet<string> = new Set(['\u0002', '\u0018', '\u001f']);

interface UnclosedQuote {
  error: YAMLParseError;
  /** Offsets of the opening quote and of where the string stops. */
  start: number;
  end: number;
  quote: '"' | "'";
}

/**
 * A quoted string that is never closed runs to the end of the file (or of the lines indented under
 * its key), where yaml reports it: the string that ends there, found among the lexemes, gives the
 * line where the quote opened.
 */
function unclosedQuote(errors: readonly YAMLParseError[], lexemes: readonly string[]): UnclosedQuote | undefined {
  const error = errors.find(
    (candidate) => candidate.code === 'MISSING_CHAR' && /closing ["']quote/.test(candidate.message),
  );
  if (!error) return undefined;
  let offset = 0;
  for (const lexeme of lexemes) {
    if (CONTROL_LEXEMES.has(lexeme)) continue;
    const quote = lexeme[0];
    if ((quote === '"' || quote === "'") && offset + lexeme.length === error.pos[0])
      return { error, start: offset, end: error.pos[0], quote };
    offset += lexeme.length;
  }
  return undefined;
}

function unclosedQuoteMessage(unclosed: UnclosedQuote, text: string, lines: LineCounter): string {
  const { quote } = unclosed;
  const { line, col } = lines.linePos(unclosed.start);
  const stops =
    unclosed.end >= text.length
      ? 'runs to the end of the file'
      : `is not closed by the end of its value (line ${lines.linePos(unclosed.end).line})`;
  const inner = quote === '"' ? '\\"' : "''";
  return `Missing closing ${quote}quote: the string opened with ${quote} at line ${line}, column ${col} ${stops}; add the closing ${quote} where the value ends (write a ${quote} inside it as ${inner})`;
}

/** What yaml's message leaves out: which key is set twice, how to indent. */
function errorDetail(error: YAMLParseError, lexemes: readonly string[]): string {
  if (error.code === 'TAB_AS_INDENT') return '; indent with spaces';
  if (error.code !== 'DUPLICATE_KEY') return '';
  const key = lexemeAt(lexemes, error.pos[0]);
  if (!key) return '';
  return `: ${/^["']/.test(key) ? key : `'${key}'`} is set twice in the same mapping; keep one of them`;
}

/** The source lexeme that starts at `offset`. */
function lexemeAt(lexemes: readonly string[], offset: number): string | undefined {
  let at = 0;
  for (const lexeme of lexemes) {
    if (CONTROL_LEXEMES.has(lexeme)) continue;
    if (at === offset) return lexeme;
    if (at > offset) return undefined;
    at += lexeme.length;
  }
  return undefined;
}

/** 1-based line of a character offset of `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

function scanStructure(lexemes: readonly string[]): {
  anchors: number;
  maxDepth: number;
  tagged: boolean;
  /** Offset of the first anchor or alias past the limit. */
  overLimitAt?: number;
} {
  let anchors = 0;
  let tagged = false;
  let depth = 0;
  let maxDepth = 0;
  let offset = 0;
  let overLimitAt: number | undefined;
  for (const token of lexemes) {
    const first = token[0];
    const at = offset;
    if (!CONTROL_LEXEMES.has(token)) offset += token.length;
    if (first === '&' || first === '*') {
      if (++anchors > YAML_LIMITS.maxAnchorsAndAliases) overLimitAt ??= at;
    } else if (first === '!') tagged = true;
    else if (token === '[' || token === '{') maxDepth = Math.max(maxDepth, ++depth);
    else if (token === ']' || token === '}') depth--;
  }
  return { anchors, maxDepth, tagged, ...(overLimitAt !== undefined ? { overLimitAt } : {}) };
}

function firstLine(error: unknown): string {
  const message = errorMessage(error);
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
