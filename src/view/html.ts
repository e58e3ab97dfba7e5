import { stripAnsi } from '../lib/text.js';

/**
 * HTML built from templates that escape every interpolated value unless it is already `Html`. Agent
 * answers, request bodies, issue titles and node outputs all reach pages through here, so a value can
 * never become markup by forgetting to escape it, and terminal escape sequences (colours, OSC 8
 * links) captured from a program's output are dropped rather than shown as stray `[31m`.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(stripAnsi(String(part)));
}

/** `html\`<td>${text}</td>\``: literal parts are markup, interpolated parts are text (or `Html`, or lists of them). */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  for (let index = 0; index < values.length; index++) out += render(values[index]!) + strings[index + 1]!;
  return new Html(out);
}

/** Markup that is trusted as is (our own constants: CSS, scripts, SVG built from escaped parts). */
export function raw(markup: string): Html {
  return new Html(markup);
}

/** A link target from recorded data: only http(s) URLs; anything else (javascript:, data:) is no link. */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * JSON inside `<script type="application/json">`: `<` is escaped so that no value (an answer holding
 * `</script>`) can close the element.
 */
export function jsonScript(id: string, value: unknown): Html {
  const text = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return raw(`<script type="application/json" id="${escapeHtml(id)}">${text}</script>`);
}

/** Pretty JSON (or the text itself) for a `<pre>`, clipped so that one huge body cannot bloat a page. */
export function pretty(value: unknown, max = 64 * 1024): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? 'null');
  return text.length > max ? `${text.slice(0, max)}\n… (${text.length - max} more characters)` : text;
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms < 10) return `${Number(ms.toFixed(1))} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** `2026-01-31 14:05:09 UTC`: one fixed form, the same in the viewer and in a report opened anywhere. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
