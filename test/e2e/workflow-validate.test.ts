import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { json, runCli } from '../helpers/cli.js';
import { writeFiles } from '../helpers/engine.js';
import { tempDir, tempRepo } from '../helpers/tmp.js';

/** `archal workflow validate` reports every independent error of every node in one pass. */

const env = () => ({ ARCHAL_HOME: tempDir('archal-home-') });

interface Problem {
  message: string;
  file: string;
  node: string | null;
  field: string | null;
  line: number | null;
}

/** Several errors in one node and across nodes; `last` reads nodes that are invalid but whose ids are fine. */
const SEVERAL_ERRORS = `name: several-errors
description: one pass reports every error
nodes:
  - id: fetch
    bash: echo hi
  - id: both
    bash: echo one
    prompt: say two
    depends_on: [fetch]
    trigger_rule: sometimes
    retry:
      max_attempts: 9
    when: "$ghost.output == 'x'"
  - id: mismatch
    prompt: "summarise $nobody.output"
    provider: codex
    model: sonnet
    depends_on: [both]
    trigger_rule: whenever
  - id: cmd
    command: no-such-command
    depends_on: [fetch]
    retry:
      delay_ms: 5
      max_attempts: 2
  - id: last
    bash: "echo $both.output $mismatch.output $cmd.output"
    depends_on: [both, mismatch, cmd]
`;

/** Each error as [line, node, field, part of its message]. */
const EXPECTED: Array<[number, string, string | null, string]> = [
  [6, 'both', null, "'prompt', 'bash' are mutually exclusive"],
  [10, 'both', 'trigger_rule', "'sometimes' is not valid"],
  [12, 'both', 'retry.max_attempts', 'retry.max_attempts must be between 1 and 5'],
  [13, 'both', 'when', "$ghost.output references unknown node 'ghost'"],
  [17, 'mismatch', 'model', 'Model "sonnet" is not compatible with provider "codex"'],
  [19, 'mismatch', 'trigger_rule', "'whenever' is not valid"],
  [15, 'mismatch', 'prompt', "$nobody.output references unknown node 'nobody'"],
  [24, 'cmd', 'retry.delay_ms', 'retry.delay_ms must be between 1000 and 60000'],
  [21, 'cmd', 'command', "command 'no-such-command' not found"],
];

describe('archal workflow validate: every error in one pass', () => {
  it('reports every error of a node with several kinds, a provider/model mismatch or a bad field, with lines, in JSON', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'several.yaml': SEVERAL_ERRORS });
    const file = join(dir, 'several.yaml');
    const result = await runCli(['--cwd', dir, 'workflow', 'validate', 'several.yaml', '--json'], { env: env() });
    expect(result.code).toBe(2);
    const answer = json<{ valid: boolean; workflow: string; errors: Problem[]; warnings: Problem[] }>(result);
    expect(Object.keys(answer).sort()).toEqual(['errors', 'valid', 'warnings', 'workflow']);
    expect(answer).toMatchObject({ valid: false, workflow: 'several-errors', warnings: [] });
    for (const [line, node, field, message] of EXPECTED)
      expect(answer.errors).toContainEqual({ file, line, node, field, message: expect.stringContaining(message) });
    // Nothing else: no duplicates, and no cascade ("unknown node" or "not a dependency" for `last`).
    expect(answer.errors).toHaveLength(EXPECTED.length);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports the same errors, each with its line, in the human output', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'several.yaml': SEVERAL_ERRORS });
    const file = join(dir, 'several.yaml');
    const result = await runCli(['--cwd', dir, 'workflow', 'validate', 'several.yaml'], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`invalid workflow (${EXPECTED.length} errors)`);
    for (const [line, node, field, message] of EXPECTED)
      expect(result.stderr).toContain(`${file}:${line}: node '${node}'${field ? ` field '${field}'` : ''}: ${message}`);
    expect(result.stderr).not.toContain("unknown node 'both'");
    expect(result.stderr).not.toContain('not among the dependencies');
  });

  it('does not cascade from a field that could not be read: depends_on, provider, runtime, output_format', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'cascade.yaml': `name: cascade
description: each invalid field is reported once, and nothing that follows from it
nodes:
  - id: fetch
    bash: echo hi
  - id: listed
    prompt: "use $fetch.output"
    depends_on: fetch
  - id: after
    bash: "echo $fetch.output"
    depends_on: [listed]
  - id: provider
    prompt: hi
    provider: gpt
    model: sonnet
  - id: script
    script: "console.log(1)"
    runtime: deno
  - id: until
    loop:
      prompt: go
      until_field: done
      max_iterations: 2
    output_format: nope
`,
    });
    const file = join(dir, 'cascade.yaml');
    const result = await runCli(['--cwd', dir, 'workflow', 'validate', 'cascade.yaml', '--json'], { env: env() });
    expect(result.code).toBe(2);
    const { errors } = json<{ errors: Problem[] }>(result);
    expect(errors.map(({ node, field, line }) => ({ node, field, line }))).toEqual([
      { node: 'listed', field: 'depends_on', line: 8 },
      { node: 'provider', field: 'provider', line: 14 },
      { node: 'script', field: 'runtime', line: 18 },
      { node: 'until', field: 'output_format', line: 24 },
    ]);
    expect(errors.every((error) => error.file === file)).toBe(true);
  });
  it('reports a misspelt dependency once, not also as "not among the dependencies" of the nodes that read through it', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'typo.yaml': `name: typo
description: a misspelt depends_on
nodes:
  - id: fetch
    bash: echo hi
  - id: gather
    prompt: "read $fetch.output"
    depends_on: [fecth]
  - id: use
    bash: echo $fetch.output
    depends_on: [gather]
`,
    });
    const result = await runCli(['--cwd', dir, 'workflow', 'validate', 'typo.yaml', '--json'], { env: env() });
    expect(result.code).toBe(2);
    expect(json<{ errors: Problem[] }>(result).errors).toEqual([
      {
        file: join(dir, 'typo.yaml'),
        node: 'gather',
        field: 'depends_on',
        line: 8,
        message: "depends on unknown node 'fecth'. Did you mean 'fetch'?",
      },
    ]);
  });
});

describe('archal workflow validate: the line of a reference', () => {
  it('points an output reference at the line that holds it, inside a block scalar too', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'refs.yaml': `name: refs
description: references in long fields
nodes:
  - id: fetch
    bash: echo hi
  - id: report
    depends_on: [fetch]
    bash: |
      echo "fetched: $fetch.output"
      echo "and then"
      echo "$summary.output"
  - id: later
    depends_on: [fetch]
    when: "$report.output != ''"
    prompt: >-
      Read the fetch first.
      Then compare with $report.output.
`,
    });
    const file = join(dir, 'refs.yaml');
    const result = await runCli(['--cwd', dir, 'workflow', 'validate', 'refs.yaml', '--json'], { env: env() });
    expect(result.code).toBe(2);
    const unknown = "$summary.output references unknown node 'summary'";
    const notDependency = "$report.output reads 'report', which is not among the dependencies of 'later'";
    expect(json<{ errors: Problem[] }>(result).errors).toEqual([
      { file, node: 'report', field: 'bash', line: 11, message: expect.stringContaining(unknown) },
      { file, node: 'later', field: 'when', line: 14, message: expect.stringContaining(notDependency) },
      { file, node: 'later', field: 'prompt', line: 17, message: expect.stringContaining(notDependency) },
    ]);
  });

  it('points a cycle at the depends_on that closes it', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'cycle.yaml': `name: cycle\ndescription: x\nnodes:\n  - id: a\n    bash: echo\n    depends_on:\n      - b\n  - id: b\n    bash: echo\n    depends_on: [a]\n`,
    });
    const result = await runCli(['--cwd', dir, 'workflow', 'validate', 'cycle.yaml', '--json'], { env: env() });
    expect(result.code).toBe(2);
    expect(json<{ errors: Problem[] }>(result).errors).toEqual([
      expect.objectContaining({ node: 'a', field: 'depends_on', line: 6, message: 'Cycle detected: a → b → a' }),
    ]);
  });
});

describe('archal workflow validate: an unclosed quote', () => {
  const unclosed = (value: string) =>
    `name: unclosed\ndescription: a quote left open\nnodes:\n  - id: first\n    bash: echo first\n  - id: second\n    bash: ${value}\n    depends_on: [first]\n  - id: third\n    prompt: summarise\n    depends_on: [second]\n`;

  it('is reported at the line where the quote opened, not at the end of the file, in JSON and text', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'open.yaml': unclosed('"echo second') });
    const file = join(dir, 'open.yaml');
    const result = await runCli(['--cwd', dir, 'workflow', 'validate', 'open.yaml', '--json'], { env: env() });
    expect(result.code).toBe(2);
    expect(json<{ errors: Problem[] }>(result).errors).toEqual([
      {
        file,
        node: null,
        field: null,
        line: 7,
        message:
          'YAML parse error: Missing closing "quote: the string opened with " at line 7, column 11 runs to the end of the file; add the closing " where the value ends (write a " inside it as \\")',
      },
    ]);
    const text = await runCli(['--cwd', dir, 'workflow', 'validate', 'open.yaml'], { env: env() });
    expect(text.code).toBe(2);
    expect(text.stderr).toContain(
      `${file}:7: YAML parse error: Missing closing "quote: the string opened with " at line 7`,
    );
  });

  it('names a single quote, one that stops where its value ends, and one opened in a flow list, at their lines', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'single.yaml': unclosed("'echo second"),
      // With a quote further on, yaml cuts the string at the first line indented less than it, and reports it there.
      'stops.yaml': unclosed('echo second')
        .replace('bash: echo first', 'bash: "echo first')
        .replace('prompt: summarise', 'prompt: "summarise"'),
      'flow.yaml': unclosed('echo second').replace('depends_on: [first]', 'depends_on: ["first]'),
    });
    const errorsOf = async (name: string) => {
      const result = await runCli(['--cwd', dir, 'workflow', 'validate', name, '--json'], { env: env() });
      expect(result.code).toBe(2);
      return json<{ errors: Problem[] }>(result).errors;
    };
    expect(await errorsOf('single.yaml')).toEqual([
      expect.objectContaining({
        line: 7,
        message: expect.stringContaining(
          "Missing closing 'quote: the string opened with ' at line 7, column 11 runs to the end of the file; add the closing ' where the value ends (write a ' inside it as '')",
        ),
      }),
    ]);
    expect(await errorsOf('stops.yaml')).toEqual([
      expect.objectContaining({
        line: 5,
        message: expect.stringContaining(
          'the string opened with " at line 5, column 11 is not closed by the end of its value (line 5)',
        ),
      }),
    ]);
    expect(await errorsOf('flow.yaml')).toEqual([
      expect.objectContaining({
        line: 8,
        message: expect.stringContaining('the string opened with " at line 8, column 18 runs to the end of the file'),
      }),
    ]);
  });
});

describe('archal workflow validate: junk and truncated input', () => {
  const VALID = `name: junk
description: a valid workflow, then broken
nodes:
  - id: fetch
    bash: echo hi
  - id: classify
    prompt: "Classify $fetch.output"
    depends_on: [fetch]
    retry:
      max_attempts: 2
`;

  /** [what, text, the line of the error, part of its message] */
  const CASES: Array<[string, string, number | null, string]> = [
    ['truncated inside a quoted string', VALID.slice(0, VALID.indexOf('$fetch')), 7, 'Missing closing "quote'],
    ['truncated before the nodes', VALID.slice(0, VALID.indexOf('nodes:')), null, "Workflow must have 'nodes:'"],
    [
      'a tab for indentation',
      VALID.replace('    bash: echo hi', '\tbash: echo hi'),
      5,
      'YAML parse error: Tabs are not allowed as indentation; indent with spaces',
    ],
    [
      'a key set twice',
      `${VALID}name: again\n`,
      11,
      "Map keys must be unique: 'name' is set twice in the same mapping",
    ],
    [
      'a second document',
      `${VALID}---\nname: other\n`,
      11,
      "more than one YAML document (a '---' line after the first)",
    ],
    ['an empty id', VALID.replace('id: classify', 'id: ""'), 6, 'id must not be empty'],
    [
      'a list where a node should be',
      VALID.slice(0, VALID.indexOf('  - id: classify')) + '  - [classify]\n',
      6,
      'each node must be a mapping',
    ],
    ['not a mapping', '- just\n- a list\n', null, 'a workflow file must be a YAML mapping'],
  ];

  it.each(CASES)('%s: exit 2, one clear located error, no stack trace', async (_what, text, line, message) => {
    const dir = tempDir();
    writeFiles(dir, { 'junk.yaml': text });
    const result = await runCli(['--cwd', dir, 'workflow', 'validate', 'junk.yaml', '--json'], { env: env() });
    expect(result.code).toBe(2);
    const { valid, errors } = json<{ valid: boolean; errors: Problem[] }>(result);
    expect(valid).toBe(false);
    expect(errors).toEqual([
      expect.objectContaining({ file: join(dir, 'junk.yaml'), line, message: expect.stringContaining(message) }),
    ]);
    const human = await runCli(['--cwd', dir, 'workflow', 'validate', 'junk.yaml'], { env: env() });
    expect(human.code).toBe(2);
    expect(human.stderr).toContain(message);
    expect(human.stderr + result.stderr).not.toMatch(/\n\s+at |TypeError|RangeError|undefined/);
  });
});

describe('archal workflow validate and run: a file path from a subdirectory', () => {
  it('reads a relative path from the working directory, and still from the repository root when it is not there', async () => {
    const repo = tempRepo();
    const tiny = `name: tiny\ndescription: one node\nnodes:\n  - id: only\n    bash: printf done\n`;
    mkdirSync(join(repo, 'ops', 'flows'), { recursive: true });
    writeFileSync(join(repo, 'ops', 'flows', 'tiny.yaml'), tiny);
    const ops = join(repo, 'ops');
    const run = (args: string[]) => runCli(args, { cwd: ops, env: env() });

    const here = await run(['workflow', 'validate', 'flows/tiny.yaml', '--json']);
    expect(json<{ valid: boolean; workflow: string }>(here)).toMatchObject({ valid: true, workflow: 'tiny' });
    expect(here.code).toBe(0);
    const viaCwd = await runCli(['--cwd', ops, 'workflow', 'run', 'flows/tiny.yaml', '--json'], { env: env() });
    expect(json<{ status: string; nodes: { only: { output: string } } }>(viaCwd)).toMatchObject({
      status: 'completed',
      nodes: { only: { output: 'done' } },
    });
    expect(viaCwd.code).toBe(0);
    // A path written from the repository's root keeps working from a subdirectory.
    const fromRoot = await run(['workflow', 'validate', 'ops/flows/tiny.yaml', '--json']);
    expect(json<{ valid: boolean }>(fromRoot).valid).toBe(true);
    const missing = await run(['workflow', 'validate', 'flows/none.yaml', '--json']);
    expect(missing.code).toBe(2);
    expect(json<{ errors: Problem[] }>(missing).errors[0]!.message).toBe(
      `Workflow file not found: ${join(repo, 'flows', 'none.yaml')}`,
    );
  });
});

describe('archal workflow validate: YAML beyond plain data', () => {
  const tagged = (value: string) =>
    `name: tagged\ndescription: a tag on a value\nnodes:\n  - id: first\n    bash: echo first\n  - id: second\n    bash: ${value}\n    depends_on: [first]\n`;
  const cases: Array<[string, string, string]> = [
    ['!!binary aGVsbG8=', '!!binary', 'write the text itself'],
    ['!!set {a, b}', '!!set', 'write a list'],
    ['!!omap [a: 1]', '!!omap', 'write a mapping'],
    ['!!timestamp 2001-12-14', '!!timestamp', "quote the date so that it stays text: '2001-12-14'"],
    ['!foo hello', '!foo', 'remove the tag'],
  ];

  it.each(cases)(
    '%s is an error at its line that names the tag and how to write the value',
    async (value, tag, fix) => {
      const dir = tempDir();
      writeFiles(dir, { 'tagged.yaml': tagged(value) });
      const file = join(dir, 'tagged.yaml');
      const result = await runCli(['--cwd', dir, 'workflow', 'validate', 'tagged.yaml', '--json'], { env: env() });
      expect(result.code).toBe(2);
      const errors = json<{ errors: Problem[] }>(result).errors;
      expect(errors).toEqual([
        {
          file,
          node: null,
          field: null,
          line: 7,
          message: expect.stringContaining(`the YAML tag ${tag} is not supported`),
        },
      ]);
      expect(errors[0]!.message).toContain(fix);
      expect(errors[0]!.message).not.toMatch(/Buffer|received (Set|Map|Date)/);
      const text = await runCli(['--cwd', dir, 'workflow', 'validate', 'tagged.yaml'], { env: env() });
      expect(text.code).toBe(2);
      expect(text.stderr).toContain(`${file}:7: the YAML tag ${tag} is not supported`);
    },
  );

  it('keeps the plain tags (!!str, !!int) working', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'plain.yaml': tagged('!!str echo 3').replace('description: a tag', 'description: !!str a tag') });
    const result = await runCli(['--cwd', dir, 'workflow', 'validate', 'plain.yaml'], { env: env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('reports more than 100 anchors and aliases at the line of the first past the limit', async () => {
    const dir = tempDir();
    const aliases = Array.from({ length: 150 }, () => '  - *a\n').join('');
    writeFiles(dir, { 'many.yaml': `name: many\ndescription: x\na: &a x\nlist:\n${aliases}` });
    const result = await runCli(['--cwd', dir, 'workflow', 'validate', 'many.yaml', '--json'], { env: env() });
    expect(result.code).toBe(2);
    expect(json<{ errors: Problem[] }>(result).errors).toEqual([
      expect.objectContaining({
        line: 104,
        message: expect.stringContaining('151 YAML anchors/aliases; the limit is 100'),
      }),
    ]);
  });

  it('reports an alias bomb (billion laughs) at the line of the alias that nests', async () => {
    const dir = tempDir();
    const bomb = [
      'name: bomb',
      'description: x',
      'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'nodes:',
      '  - id: a',
      '    bash: echo hi',
      '',
    ].join('\n');
    writeFiles(dir, { 'bomb.yaml': bomb });
    const file = join(dir, 'bomb.yaml');
    const result = await runCli(['--cwd', dir, 'workflow', 'validate', 'bomb.yaml', '--json'], { env: env() });
    expect(result.code).toBe(2);
    expect(json<{ errors: Problem[] }>(result).errors).toEqual([
      expect.objectContaining({ file, line: 5, message: expect.stringContaining('billion laughs') }),
    ]);
    const text = await runCli(['--cwd', dir, 'workflow', 'validate', 'bomb.yaml'], { env: env() });
    expect(text.stderr).toContain(`${file}:5: YAML aliases expand past 100 values`);
  });
});
