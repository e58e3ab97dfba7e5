/**
 * The answer in an agent's stdout, in this order of precedence:
 *  1. the whole output is one JSON object with `text` or `payloads`;
 *  2. JSON objects with `text`/`payloads` embedded in other output (one per line: NDJSON), the last one wins;
 *  3. otherwise the non-empty lines outside JSON blocks, joined.
 * An agent that is an agent CLI printing its own JSON answers too: Claude Code's `result` object
 * (`-p --output-format json` or `stream-json`) and Codex's `agent_message` items (`exec --json`).
 */
export type AnswerFormat = 'json' | 'embedded_json' | 'ndjson' | 'text' | 'empty';

export interface ExtractedAnswer {
  text: string;
  format: AnswerFormat;
}

export function extractAnswer(stdout: string): ExtractedAnswer {
  const trimmed = stdout.trim();
  if (!trimmed) return { text: '', format: 'empty' };
  const whole = answerOf(tryParse(trimmed));
  if (whole !== undefined) return { text: whole, format: 'json' };

  const blocks = jsonBlocks(stdout);
  const answering = blocks
    .map((block) => ({ ...block, answer: answerOf(tryParse(block.text)) }))
    .filter((block) => block.answer !== undefined);
  if (answering.length > 0) {
    const onOwnLines = blocks.length > 1 && blocks.every((block) => block.ownLine);
    return { text: answering[answering.length - 1]!.answer!, format: onOwnLines ? 'ndjson' : 'embedded_json' };
  }

  let outside = '';
  let cursor = 0;
  for (const block of blocks) {
    outside += stdout.slice(cursor, block.start);
    cursor = block.end;
  }
  outside += stdout.slice(cursor);
  const lines = outside
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim().length > 0);
  return lines.length > 0 ? { text: lines.join('\n'), format: 'text' } : { text: '', format: 'empty' };
}

function answerOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.payloads)) {
    const texts = record.payloads
      .map((payload) =>
        typeof payload === 'string'
          ? payload
          : typeof (payload as { text?: unknown })?.text === 'string'
            ? (payload as { text: string }).text
            : undefined,
      )
      .filter((text): text is string => text !== undefined);
    if (texts.length > 0) return texts.join('\n');
  }
  if (typeof record.text === 'string') return record.text;
  return agentCliAnswer(record);
}

/** The answer of Claude Code's result object, or of a completed Codex agent message. */
function agentCliAnswer(record: Record<string, unknown>): string | undefined {
  if (record.type === 'result' && typeof record.result === 'string') return record.result;
  const item = record.item as { type?: unknown; text?: unknown } | undefined;
  if (record.type === 'item.completed' && item?.type === 'agent_message' && typeof item.text === 'string')
    return item.text;
  return undefined;
}

function tryParse(text: string): unknown {
  if (!text.startsWith('{')) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

interface Block {
  start: number;
  end: number;
  text: string;
  ownLine: boolean;
}

/** Outermost `{…}` spans that parse as JSON, found with a string-aware brace scanner. */
function jsonBlocks(output: string): Block[] {
  const blocks: Block[] = [];
  const limit = Math.min(output.length, 4 * 1024 * 1024);
  let i = 0;
  while (i < limit) {
    const start = output.indexOf('{', i);
    if (start === -1 || start >= limit) break;
    let depth = 0;
    let inString = false;
    let end = -1;
    for (let j = start; j < limit; j++) {
      const ch = output[j];
      if (inString) {
        if (ch === '\\') j++;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) {
        end = j + 1;
        break;
      }
    }
    if (end === -1) break;
    const text = output.slice(start, end);
    if (tryParse(text) !== undefined) {
      const lineStart = output.lastIndexOf('\n', start - 1) + 1;
      const lineEnd = output.indexOf('\n', end);
      const ownLine =
        output.slice(lineStart, start).trim() === '' &&
        output.slice(end, lineEnd === -1 ? output.length : lineEnd).trim() === '';
      blocks.push({ start, end, text, ownLine });
      i = end;
    } else i = start + 1;
  }
  return blocks;
}
