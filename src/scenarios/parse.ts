import { INPUT_LIMITS, readInputFile } from '../lib/input-file.js';
import { didYouMean } from '../lib/did-you-mean.js';
import { PROVIDER_NAMES, type ProviderName } from '../providers/schema.js';
import { parseJsonWithLocation, unfenceJson } from '../lib/json-position.js';
import { CLONE_KEYWORDS, inferClones } from './clones.js';
import {
  MAX_TIMEOUT_SECONDS,
  ROUTING_MODES,
  scenarioConfigSchema,
  type Criterion,
  type Routing,
  type Scenario,
  type ScenarioProblem,
} from './schema.js';

/** Section names and their aliases, as Archal accepts them (matched case-insensitively). */
const SECTIONS = {
  setup: ['setup', 'context', 'initial state'],
  prompt: ['prompt', 'task', 'instruction', 'instructions', 'request'],
  expected: ['expected behavior', 'expected behaviour', 'behavior', 'behaviour', 'judge notes', 'evaluation notes'],
  criteria: ['success criteria', 'success', 'criteria', 'checks', 'assertions'],
  config: ['config', 'configuration'],
  seed: ['seed state', 'seed'],
} as const;
type SectionName = keyof typeof SECTIONS;

const CONFIG_ALIASES: Record<string, string> = {
  clones: 'clones',
  clone: 'clones',
  twins: 'clones',
  twin: 'clones',
  seed: 'seed',
  timeout: 'timeout',
  runs: 'runs',
  tags: 'tags',
  tag: 'tags',
  evaluator: 'evaluator',
  'evaluator-model': 'evaluator',
  evaluatormodel: 'evaluator',
  evaluator_model: 'evaluator',
  model: 'evaluator',
  routing: 'routing',
};

/** What the numeric Config keys take, as their errors say it. */
const NUMBER_KEYS: Record<string, string> = {
  timeout: `a number of seconds above 0 and at most ${MAX_TIMEOUT_SECONDS}`,
  runs: 'a whole number from 1 to 100',
};

const DEFAULT_TIMEOUT_SECONDS = 180;
const DEFAULT_RUNS = 1;
const MAX_SCENARIO_BYTES = 256 * 1024;

export type ScenarioParseResult =
  | { ok: true; scenario: Scenario; warnings: ScenarioProblem[] }
  | { ok: false; errors: ScenarioProblem[]; warnings: ScenarioProblem[] };

export interface ParseOptions {
  /** Clones used when a scenario neither names nor implies any (from .archal.json). */
  defaultClones?: string[];
  /** Runs and timeout defaults from .archal.json. */
  defaultRuns?: number;
  defaultTimeout?: number;
  /** How agents reach the clone when a scenario does not say (.archal.json `routing`; default `both`). */
  defaultRouting?: Routing;
}

export function parseScenarioFile(file: string, options: ParseOptions = {}): ScenarioParseResult {
  const read = readInputFile(file, { maxBytes: INPUT_LIMITS.scenario, strictUtf8: true });
  if (!read.ok)
    return { ok: false, errors: [{ file, message: `cannot read the scenario: ${read.message}` }], warnings: [] };
  return parseScenario(read.text, file, options);
}

interface Section {
  name: SectionName;
  heading: string;
  line: number;
  lines: Array<{ text: string; line: number }>;
}

/**
 * Parses Archal-compatible scenario markdown. Every problem carries its file and line; nothing the
 * agent should not see (Setup, Expected Behavior, criteria) ends up in `prompt`.
 */
export function parseScenario(text: string, file: string, options: ParseOptions = {}): ScenarioParseResult {
  const errors: ScenarioProblem[] = [];
  const warnings: ScenarioProblem[] = [];
  if (Buffer.byteLength(text) > MAX_SCENARIO_BYTES)
    return {
      ok: false,
      errors: [
        {
          file,
          message: `scenario is ${Math.round(Buffer.byteLength(text) / 1024)} KiB; the limit is ${MAX_SCENARIO_BYTES / 1024} KiB`,
        },
      ],
      warnings,
    };
  if (!text.replace(/^\ufeff/, '').trim())
    return {
      ok: false,
      errors: [
        {
          file,
          message:
            "the file is empty: a scenario needs a '# Title', a '## Prompt' and '## Success Criteria' with at least one criterion",
        },
      ],
      warnings,
    };
  if (text.includes('\u0000'))
    return {
      ok: false,
      errors: [{ file, message: 'file contains NUL bytes; it looks binary, not markdown' }],
      warnings,
    };

  // A byte-order mark (an editor's, or text that did not come through the file reader) is not the title's.
  const written = text
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const front = frontMatter(written, file, errors);
  const lines = atxHeadings(written, front.end);
  let title: { text: string; line: number } | undefined;
  const sections: Section[] = [];
  let current: Section | undefined;
  let fence: string | undefined;
  /** Lines that name a section but are no section heading: a likely cause when that section is missing. */
  const deeper: Array<{ name: SectionName; line: number; hint: string }> = [];

  lines.forEach((raw, index) => {
    const line = index + 1;
    if (line <= front.end) return;
    const fenced = fenceLine(fence, raw);
    fence = fenced.open;
    const fenceMatch = fenced.marker;
    const heading = fence === undefined || fenceMatch ? /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw) : null;
    if (heading && !fenceMatch) {
      const level = heading[1]!.length;
      const name = heading[2]!.trim();
      if (level === 1) {
        if (title)
          warnings.push({
            file,
            line,
            message: `a second title '# ${name}' is ignored (the title is '${title.text}')`,
          });
        else title = { text: name, line };
        current = undefined;
        return;
      }
      if (level === 2) {
        const section = sectionOf(name);
        if (!section) {
          const known = Object.values(SECTIONS).flat();
          warnings.push({
            file,
            line,
            message: `unknown section '## ${name}' is ignored.${didYouMean(name.toLowerCase(), known)}`,
          });
          current = undefined;
          return;
        }
        if (sections.some((existing) => existing.name === section)) {
          errors.push({
            file,
            line,
            message: `section '## ${name}' appears twice (as '${sections.find((s) => s.name === section)!.heading}' first)`,
          });
          current = undefined;
          return;
        }
        current = { name: section, heading: name, line, lines: [] };
        sections.push(current);
        return;
      }
      const section = sectionOf(name);
      if (section)
        deeper.push({
          name: section,
          line,
          hint: `'${raw.trim()}' on line ${line} is not a section: sections are level-2 headings ('## ${name}')`,
        });
    }
    const unspaced = fence === undefined ? /^(#{1,6})([^#\s].*)$/.exec(raw.trim()) : null;
    const unspacedSection = unspaced ? sectionOf(unspaced[2]!) : undefined;
    if (unspacedSection)
      deeper.push({
        name: unspacedSection,
        line,
        hint: `'${raw.trim()}' on line ${line} is not a heading: write '## ${unspaced![2]!.trim()}', with a space after the '#'s`,
      });
    current?.lines.push({ text: raw, line });
  });

  const section = (name: SectionName) => sections.find((entry) => entry.name === name);
  const body = (name: SectionName) => {
    const found = section(name);
    return found
      ? found.lines
          .map((entry) => entry.text)
          .join('\n')
          .trim()
      : undefined;
  };

  title ??= front.title;
  if (!title) errors.push({ file, line: 1, message: "missing title: start the scenario with '# <Title>'" });
  /** Where a missing section was probably meant: a deeper heading of that name. */
  const misplaced = (name: SectionName) => {
    const found = deeper.find((entry) => entry.name === name);
    return found
      ? {
          line: found.line,
          hint: `; ${found.hint}`,
        }
      : { hint: '' };
  };
  const promptSection = section('prompt');
  const prompt = body('prompt');
  if (!promptSection) {
    const { line, hint } = misplaced('prompt');
    errors.push({
      file,
      ...(line !== undefined ? { line } : {}),
      message: `missing '## Prompt' section (aliases: Task, Instruction(s), Request): it is what the agent is asked${hint}`,
    });
  } else if (!prompt) errors.push({ file, line: promptSection.line, message: "'## Prompt' is empty" });

  const criteria = parseCriteria(section('criteria'), file, errors, misplaced('criteria'));
  const seedState = parseSeedState(section('seed'), file, errors);
  const allText = [title?.text, body('setup'), prompt, body('expected'), ...criteria.map((c) => c.text)]
    .filter(Boolean)
    .join('\n');
  const configSection = section('config');
  // Front matter says what Config says; the section, written later, wins where both set a key.
  const settings: Section | undefined =
    front.lines.length > 0
      ? {
          name: 'config',
          heading: configSection?.heading ?? 'front matter',
          line: configSection?.line ?? 1,
          lines: [...front.lines, ...(configSection?.lines ?? [])],
        }
      : configSection;
  const config = parseConfig(settings, file, allText, options, errors, warnings);

  if (errors.length > 0 || !title || !prompt || !config) return { ok: false, errors, warnings };
  const seedLine = seedState
    ? section('seed')?.line
    : section('config')?.lines.find((entry) => /^\s*(?:[-*]\s+)?seed\s*:/i.test(entry.text))?.line;
  const scenario: Scenario = {
    file,
    title: title.text,
    prompt,
    criteria,
    config,
    ...(body('setup') ? { setup: body('setup') } : {}),
    ...(body('expected') ? { expectedBehavior: body('expected') } : {}),
    ...(seedState ? { seedState } : {}),
    ...(seedLine !== undefined ? { seedLine } : {}),
  };
  return { ok: true, scenario, warnings };
}

/** Whether `raw` is a code fence line, and the fence open after it (closed by the marker that opened it). */
function fenceLine(open: string | undefined, raw: string): { marker: boolean; open: string | undefined } {
  const match = /^\s*(```|~~~)/.exec(raw);
  if (!match) return { marker: false, open };
  return { marker: true, open: open === match[1] ? undefined : (open ?? match[1]) };
}

/**
 * Lines with underlined (setext) headings written as `#` headings, the underline left blank so that
 * line numbers stay: `Title` over `===` when it is the first text, a section name over `---` (or `===`).
 * Any other underlined line is left alone, as a `---` under prose is more often a rule than a heading.
 */
function atxHeadings(lines: readonly string[], from: number): string[] {
  const result = [...lines];
  let fence: string | undefined;
  let titled = false;
  for (let index = from; index < lines.length; index += 1) {
    const raw = lines[index]!;
    const fenced = fenceLine(fence, raw);
    fence = fenced.open;
    if (fence !== undefined || fenced.marker) continue;
    if (/^#\s/.test(raw)) titled = true;
    const underline = /^ {0,3}(={2,}|-{2,})\s*$/.exec(lines[index + 1] ?? '');
    const text = raw.trim();
    // The front matter's closing '---' is not text the heading would continue.
    const above = index === from ? '' : (lines[index - 1] ?? '');
    const plain = text && !/^(#|[-*+>]\s|\d+[.)]\s|\|)/.test(text) && !above.trim();
    if (!underline || !plain) continue;
    if (underline[1]!.startsWith('=') && !titled) {
      result[index] = `# ${text}`;
      titled = true;
    } else if (sectionOf(text)) result[index] = `## ${text}`;
    else continue;
    result[index + 1] = '';
    index += 1;
  }
  return result;
}

/**
 * YAML front matter (`---` on the first line, up to the next `---` or `...`), as markdown tools write
 * it: its `key: value` lines are Config lines, and its `title` names a scenario that has no `# Title`.
 */
function frontMatter(
  lines: readonly string[],
  file: string,
  errors: ScenarioProblem[],
): { end: number; lines: Array<{ text: string; line: number }>; title?: { text: string; line: number } } {
  if (lines[0]?.trim() !== '---') return { end: 0, lines: [] };
  const close = lines.findIndex((text, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(text));
  // Before the closing '---', a `# …` line that more YAML follows is a YAML comment, not the title.
  const yamlComment = (index: number) =>
    index < close &&
    /^#(\s|$)/.test(lines[index]!) &&
    /^(#(\s|$)|[A-Za-z][\w-]*\s*:|\s+\S|-\s|(---|\.\.\.)\s*$)/.test(
      lines.slice(index + 1, close + 1).find((text) => text.trim()) ?? '',
    );
  // A '---' not followed by a `key:` line is a rule above the scenario, not front matter.
  const first = lines.find((text, index) => index > 0 && text.trim() && !yamlComment(index));
  if (!first || !/^[A-Za-z][\w-]*\s*:/.test(first.trim())) return { end: 0, lines: [] };
  const heading = lines.findIndex((text, index) => index > 0 && /^#{1,6}\s/.test(text) && !yamlComment(index));
  if (close === -1 || (heading !== -1 && heading < close)) {
    errors.push({
      file,
      line: 1,
      message: "front matter opened with '---' is not closed: end it with a '---' line before the '# Title'",
    });
    // The scenario from its first heading on is still read, so that its own problems are listed too.
    return { end: heading === -1 ? lines.length : heading, lines: [] };
  }
  const entries = lines.slice(1, close).map((text, index) => ({ text, line: index + 2 }));
  const titled = entries.find((entry) => /^title\s*:/i.test(entry.text));
  const title = titled && yamlScalar(titled.text.replace(/^title\s*:/i, ''));
  return {
    end: close + 1,
    lines: entries.filter((entry) => entry !== titled),
    ...(title ? { title: { text: title, line: titled!.line } } : {}),
  };
}

/**
 * A heading's section name without what people decorate it with: emphasis (`**Prompt**`), numbering
 * (`1. Prompt`, `Step 1: Prompt`), a leading emoji, a trailing colon, a note in parentheses
 * (`Prompt (what the agent sees)`) or after a dash (`Prompt — the task`).
 */
function bareHeading(heading: string): string {
  let name = heading.trim();
  // No section name is this long; a heading that is (junk, or prose) is left as it is, unscanned.
  if (name.length > 200) return name;
  for (;;) {
    const before = name;
    name = name
      .replace(/^(\*\*|__|\*|_|`)(.+)\1(?=\s*[:.]?$)/, '$2')
      .replace(/[:.]$/, '')
      .replace(/^(?:(?:step|part|section)\s+)?\d+(?:\.\d+)*\s*[.):-]?\s+/i, '')
      .replace(/^[^\p{L}\p{N}`*_]+/u, '')
      .replace(/\s*\([^()]*\)$/, '')
      .replace(/\s+[—–-]\s+.*$/, '')
      .trim();
    if (name === before) return name;
  }
}

function sectionOf(heading: string): SectionName | undefined {
  const normalised = bareHeading(heading).toLowerCase().replace(/\s+/g, ' ');
  return (Object.keys(SECTIONS) as SectionName[]).find((name) =>
    (SECTIONS[name] as readonly string[]).includes(normalised),
  );
}

/** A list item, also a task-list item (`- [ ] …`, `- [x] …`), whose checkbox is not part of the criterion. */
const BULLET = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;
/**
 * `[D]` or `[P]` before the criterion, as people write them: also padded (`[ D ]`), emphasised
 * (`**[D]**`, `` `[D]` ``), or followed by a colon or a dash (`[D] - …`, `[D] — …`).
 */
const TAG = /^(\*\*|__|\*|_|`)?\[\s*(D|P)\s*\]\1\s*(?:[:\-–—](?=\s)\s*|:)?/i;
/** The same tag after the criterion (`- exactly 4 issues are closed [D]`). */
const TRAILING_TAG = /\s+(\*\*|__|\*|_|`)?\[\s*(D|P)\s*\]\1\s*$/i;
/** Something in brackets where a tag goes that is not one (`[Q]`, `[Deterministic]`, `[LLM]`). */
const OTHER_TAG = /^(\*\*|__|\*|_|`)?\[\s*([A-Za-z][\w-]{0,19})\s*\]\1(?=[\s:]|$)/;

/** The tag an unknown one was probably meant to be. */
function meantTag(word: string): string {
  const lower = word.toLowerCase();
  if (/^det/.test(lower)) return 'write [D]';
  if (/^(prob|judge|llm|ai$|model|subjective)/.test(lower)) return 'write [P]';
  return "write [D] (checked against the clone's state) or [P] (judged by the evaluator), or no tag to let Archal decide from the wording";
}

/** A criterion's tag, before or after its text (before any `=> expression`), and the text without it. */
function criterionTag(content: string): { kind?: 'D' | 'P'; text: string; problem?: string } {
  const leading = TAG.exec(content);
  const rest = leading ? content.slice(leading[0].length) : content;
  const arrow = rest.indexOf('=>');
  const head = arrow === -1 ? rest : rest.slice(0, arrow);
  const trailing = TRAILING_TAG.exec(head);
  const text = trailing ? `${head.slice(0, trailing.index)}${arrow === -1 ? '' : ` ${rest.slice(arrow)}`}` : rest;
  const kinds = [leading?.[2], trailing?.[2]].filter(Boolean).map((tag) => tag!.toUpperCase() as 'D' | 'P');
  if (kinds.length === 2 && kinds[0] !== kinds[1])
    return { text, problem: 'the criterion is tagged both [D] and [P]: keep the one that says how it is checked' };
  // Tagged before its text, the same tag at its end is the criterion's own words (`… titled Flaky [D]`).
  if (kinds.length === 2) return { kind: kinds[0]!, text: rest };
  if (kinds.length === 0) {
    const other = OTHER_TAG.exec(content);
    if (other)
      return {
        text,
        problem: `unknown criterion tag '[${other[2]}]': ${meantTag(other[2]!)}`,
      };
  }
  return { ...(kinds[0] ? { kind: kinds[0] } : {}), text };
}

function parseCriteria(
  section: Section | undefined,
  file: string,
  errors: ScenarioProblem[],
  misplaced: { line?: number; hint: string },
): Criterion[] {
  if (!section) {
    errors.push({
      file,
      ...(misplaced.line !== undefined ? { line: misplaced.line } : {}),
      message: `missing '## Success Criteria' section (aliases: Success, Criteria, Checks, Assertions)${misplaced.hint}`,
    });
    return [];
  }
  const criteria: Criterion[] = [];
  let last: Criterion | undefined;
  for (const { text, line } of section.lines) {
    // Subheadings that group the criteria ("### Deterministic") and comments are not criteria.
    if (/^\s*#{1,6}\s/.test(text) || /^\s*<!--.*-->\s*$/.test(text)) continue;
    const bullet = BULLET.exec(text);
    if (bullet) {
      const tag = criterionTag(bullet[1]!.trim());
      if (tag.problem) errors.push({ file, line, message: tag.problem });
      last = {
        id: `c${criteria.length + 1}`,
        text: tag.text.trim(),
        kind: tag.kind ?? 'P',
        tagged: tag.kind !== undefined,
        line,
      };
      criteria.push(last);
    } else if (text.trim() && last && /^(?:\s{2,}|\t)\S/.test(text)) {
      last.text = `${last.text} ${text.trim()}`; // a wrapped bullet
    } else if (text.trim()) {
      errors.push({
        file,
        line,
        message: `criteria must be list items ('- [D] …' or '- [P] …'); this line is not: ${JSON.stringify(text.trim().slice(0, 80))}`,
      });
    }
  }
  for (const criterion of criteria) {
    const arrow = criterion.text.indexOf('=>');
    if (arrow !== -1) {
      criterion.expression = criterion.text.slice(arrow + 2).trim();
      criterion.text = criterion.text.slice(0, arrow).trim();
      if (!criterion.expression)
        errors.push({ file, line: criterion.line, message: "'=>' must be followed by a JSONata expression" });
      if (!criterion.tagged) {
        criterion.kind = 'D';
        criterion.tagged = true;
      } else if (criterion.kind === 'P')
        errors.push({
          file,
          line: criterion.line,
          message: 'a [P] criterion cannot carry a `=> expression`; tag it [D]',
        });
    }
    if (!criterion.text) errors.push({ file, line: criterion.line, message: 'empty criterion' });
  }
  if (criteria.length === 0)
    errors.push({
      file,
      line: section.line,
      message: "'## Success Criteria' has no criteria: add list items such as '- [D] exactly 4 issues are closed'",
    });
  return criteria;
}

function parseSeedState(
  section: Section | undefined,
  file: string,
  errors: ScenarioProblem[],
): Record<string, unknown> | undefined {
  if (!section) return undefined;
  const text = section.lines.map((entry) => entry.text).join('\n');
  const json = unfenceJson(text);
  if (!json) return undefined;
  const parsed = parseJsonWithLocation(json);
  if (!parsed.ok) {
    errors.push({
      file,
      line: section.line,
      message: `'## Seed State' must hold a JSON object (a seed): ${parsed.message}`,
    });
    return undefined;
  }
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    errors.push({ file, line: section.line, message: "'## Seed State' must hold a JSON object (a seed)" });
    return undefined;
  }
  return parsed.value as Record<string, unknown>;
}

/**
 * A Config value as YAML reads it: without a trailing `# comment` (a `#` after whitespace, outside
 * quotes) and, when the whole value is quoted, without its quotes. A flow list (`[a, "b"]`) stays as
 * written; its items are unquoted when split.
 */
function yamlScalar(raw: string): string {
  let quote: string | undefined;
  let end = raw.length;
  for (let index = 0; index < raw.length; index += 1) {
    const char = raw[index]!;
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#' && (index === 0 || /\s/.test(raw[index - 1]!))) {
      end = index;
      break;
    }
  }
  const value = raw.slice(0, end).trim();
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(value);
  return quoted ? (quoted[1] ?? quoted[2]!) : value;
}

function parseConfig(
  section: Section | undefined,
  file: string,
  allText: string,
  options: ParseOptions,
  errors: ScenarioProblem[],
  warnings: ScenarioProblem[],
) {
  const raw: Record<string, { value: string; line: number }> = {};
  // A key written with no value, whose items follow as a YAML block list ("tags:" then "  - smoke").
  let listKey: string | undefined;
  for (const { text, line } of section?.lines ?? []) {
    const content = (BULLET.exec(text)?.[1] ?? text).trim();
    // A YAML comment line (in a ```yaml fence) is no setting.
    if (!content || content.startsWith('<!--') || content.startsWith('```') || content.startsWith('#')) continue;
    const pair = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(content);
    if (!pair && listKey !== undefined && BULLET.test(text)) {
      const entry = raw[listKey];
      const item = yamlScalar(content);
      if (entry) entry.value = entry.value ? `${entry.value}, ${item}` : item;
      continue;
    }
    listKey = undefined;
    if (!pair) {
      errors.push({
        file,
        line,
        message: `config lines are 'key: value'; this is not: ${JSON.stringify(content.slice(0, 80))}`,
      });
      continue;
    }
    const key = CONFIG_ALIASES[pair[1]!.toLowerCase()];
    if (!key) {
      warnings.push({
        file,
        line,
        message: `unknown config key '${pair[1]}' is ignored.${didYouMean(pair[1]!.toLowerCase(), Object.keys(CONFIG_ALIASES))}`,
      });
      // Its block list, if any, is ignored with it.
      if (!yamlScalar(pair[2]!)) listKey = '';
      continue;
    }
    const earlier = raw[key];
    if (earlier)
      warnings.push({
        file,
        line,
        message: `config key '${pair[1]}' is set again (first on line ${earlier.line}); this later value is used`,
      });
    const value = yamlScalar(pair[2]!);
    raw[key] = { value, line };
    if (!value) listKey = key;
  }

  const list = (value: string) =>
    value
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map((item) => item.trim().replace(/^['"]|['"]$/g, ''))
      .filter(Boolean);
  const number = (key: string, fallback: number) => {
    const entry = raw[key];
    if (!entry) return fallback;
    const value = Number(entry.value.replace(/s$/, ''));
    if (!Number.isFinite(value) || !entry.value.trim()) {
      errors.push({
        file,
        line: entry.line,
        message: `${key} must be a number (got '${entry.value}'): ${NUMBER_KEYS[key]}, e.g. '${key}: ${key === 'timeout' ? 90 : 3}'`,
      });
      return fallback;
    }
    return value;
  };

  const clones = raw.clones
    ? list(raw.clones.value).map((clone) => clone.toLowerCase())
    : inferClones(allText, options.defaultClones);
  for (const clone of clones) {
    if (!(clone in CLONE_KEYWORDS))
      errors.push({
        file,
        line: raw.clones?.line,
        // Without its own `clones:`, a scenario's unknown clone can only be the configured default.
        message: `clone '${clone}' is not available${raw.clones ? '' : ' (.archal.json "clones", for scenarios that name none)'}; Archal runs these clones locally: ${Object.keys(CLONE_KEYWORDS).join(', ')}`,
      });
  }
  const evaluator = raw.evaluator ? parseEvaluator(raw.evaluator.value) : undefined;
  const candidate = {
    clones,
    seed: raw.seed?.value || undefined,
    timeout: number('timeout', options.defaultTimeout ?? DEFAULT_TIMEOUT_SECONDS),
    runs: number('runs', options.defaultRuns ?? DEFAULT_RUNS),
    tags: raw.tags ? list(raw.tags.value) : [],
    routing: raw.routing
      ? raw.routing.value.replace(/^['"]|['"]$/g, '').toLowerCase()
      : (options.defaultRouting ?? 'both'),
    ...(evaluator ? { evaluator } : {}),
  };
  const result = scenarioConfigSchema.safeParse(candidate);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      const message =
        key === 'routing'
          ? `routing must be one of ${ROUTING_MODES.join(', ')} (got '${raw.routing?.value}')`
          : key === 'timeout' || key === 'runs'
            ? `must be ${NUMBER_KEYS[key]} (got '${raw[key]?.value ?? candidate[key]}')`
            : key === 'clones'
              ? `name at least one clone (${Object.keys(CLONE_KEYWORDS).join(', ')}), or leave the key out to infer it from the scenario's wording`
              : issue.message;
      errors.push({ file, line: raw[key]?.line ?? section?.line, message: `config ${key}: ${message}` });
    }
    return undefined;
  }
  return result.data;
}

/** `claude`, `codex:gpt-5.3-codex`, `opencode:anthropic/claude-sonnet-4-6`, `exec`, or a bare model name (the provider then comes from .archal.json or the name). */
function parseEvaluator(value: string): { provider?: ProviderName; model?: string } {
  const match = /^([a-z]+)(?:[:/](.+))?$/i.exec(value.trim());
  const provider = match?.[1]?.toLowerCase();
  if (provider && (PROVIDER_NAMES as readonly string[]).includes(provider))
    return match![2]
      ? { provider: provider as ProviderName, model: match![2].trim() }
      : { provider: provider as ProviderName };
  return { model: value.trim() };
}
