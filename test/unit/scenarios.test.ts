import { describe, expect, it } from '@jest/globals';
import { parseScenario } from '../../src/scenarios/parse.js';
import { formatScenarioProblem } from '../../src/runner/load.js';
import type { ScenarioProblem } from '../../src/scenarios/schema.js';

const staleIssues = `# Close stale issues

## Setup
Repository acme/webapp has 20 open issues; 8 have had no activity for more than 90 days,
and 4 of those are labelled keep-open.

## Prompt
Close every issue with no activity for 90 days, with a comment that explains why.
Skip issues labelled keep-open.

## Expected Behavior
The agent finds the 8 stale issues, leaves the 4 keep-open ones alone and closes the other 4.

## Success Criteria
- [D] Exactly 4 issues are closed
- [D] Every closed issue has a new comment
- [D] Issues labelled keep-open remain open
- [P] Each closing comment is polite and gives the reason
- No issues have the label "wontfix"
- [D] The stale issues are closed => $count(github.issues[state = "closed"]) = 4

## Config
clones: github
seed: stale-issues
timeout: 90
runs: 5
tags: workflow, triage
`;

function errorsOf(text: string): ScenarioProblem[] {
  const result = parseScenario(text, 'scenario.md');
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('scenario markdown', () => {
  it('parses the canonical scenario', () => {
    const result = parseScenario(staleIssues, 'stale.md');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { scenario } = result;
    expect(scenario.title).toBe('Close stale issues');
    expect(scenario.prompt).toBe(
      'Close every issue with no activity for 90 days, with a comment that explains why.\nSkip issues labelled keep-open.',
    );
    expect(scenario.setup).toContain('acme/webapp');
    expect(scenario.expectedBehavior).toContain('closes the other 4');
    expect(scenario.config).toEqual({
      clones: ['github'],
      seed: 'stale-issues',
      timeout: 90,
      runs: 5,
      tags: ['workflow', 'triage'],
      routing: 'both',
    });
    expect(scenario.criteria.map((c) => [c.id, c.kind, c.tagged, c.line])).toEqual([
      ['c1', 'D', true, 15],
      ['c2', 'D', true, 16],
      ['c3', 'D', true, 17],
      ['c4', 'P', true, 18],
      ['c5', 'P', false, 19],
      ['c6', 'D', true, 20],
    ]);
    expect(scenario.criteria[5]).toMatchObject({
      text: 'The stale issues are closed',
      expression: '$count(github.issues[state = "closed"]) = 4',
    });
  });

  it('never lets Setup, Expected Behavior or criteria into the prompt', () => {
    const result = parseScenario(staleIssues, 'stale.md');
    if (!result.ok) throw new Error('invalid');
    expect(result.scenario.prompt).not.toMatch(/acme\/webapp|closes the other 4|Exactly 4/);
  });

  it('accepts the section and config aliases Archal accepts', () => {
    const result = parseScenario(
      `# Label\n\n## Context\nOne issue.\n\n## Task\nLabel it.\n\n## Judge Notes\nAdd enhancement.\n\n## Checks\n* [d] the issue has the label "enhancement"\n1. [p] it was done kindly\n\n## Config\n- twins: github\n- evaluator-model: claude:sonnet\n`,
      'label.md',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario).toMatchObject({
      setup: 'One issue.',
      prompt: 'Label it.',
      expectedBehavior: 'Add enhancement.',
    });
    expect(result.scenario.config).toMatchObject({
      clones: ['github'],
      evaluator: { provider: 'claude', model: 'sonnet' },
      timeout: 180,
      runs: 1,
    });
    expect(result.scenario.criteria.map((c) => c.kind)).toEqual(['D', 'P']);
  });

  it('infers the clone from the wording and applies defaults', () => {
    const result = parseScenario(
      '# T\n## Prompt\nOpen a pull request.\n## Success Criteria\n- [D] x => true\n',
      'x.md',
      { defaultRuns: 3 },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.config).toEqual({ clones: ['github'], timeout: 180, runs: 3, tags: [], routing: 'both' });
  });

  it.each([
    ['## Prompt\nx\n## Success Criteria\n- [D] a => true\n', 1, "missing title: start the scenario with '# <Title>'"],
    ['# T\n## Success Criteria\n- [D] a => true\n', undefined, "missing '## Prompt' section"],
    ['# T\n## Prompt\n\n## Success Criteria\n- [D] a => true\n', 2, "'## Prompt' is empty"],
    ['# T\n## Prompt\nx\n', undefined, "missing '## Success Criteria' section"],
    ['# T\n## Prompt\nx\n## Success Criteria\n\n', 4, 'has no criteria: add list items'],
    ['# T\n## Prompt\nx\n## Success Criteria\nexactly 4 issues\n', 5, 'criteria must be list items'],
    ['# T\n## Prompt\nx\n## Prompt\ny\n## Success Criteria\n- [D] a => true\n', 4, "section '## Prompt' appears twice"],
    ['# T\n## Prompt\nx\n## Success Criteria\n- [P] a => true\n', 5, 'a [P] criterion cannot carry a `=> expression`'],
    ['# T\n## Prompt\nx\n## Success Criteria\n- [D] a =>\n', 5, "'=>' must be followed by a JSONata expression"],
    [
      '# T\n## Prompt\nx\n## Success Criteria\n- [D] a => true\n## Config\ntimeout: soon\n',
      7,
      "timeout must be a number (got 'soon')",
    ],
    [
      '# T\n## Prompt\nx\n## Success Criteria\n- [D] a => true\n## Config\nruns: 0\n',
      7,
      'config runs: must be a whole number from 1 to 100',
    ],
    [
      '# T\n## Prompt\nx\n## Success Criteria\n- [D] a => true\n## Config\nclones: slack\n',
      7,
      "clone 'slack' is not available",
    ],
    [
      '# T\n## Prompt\nx\n## Success Criteria\n- [D] a => true\n## Config\njust words\n',
      7,
      "config lines are 'key: value'",
    ],
    [
      '# T\n## Prompt\nx\n## Success Criteria\n- [D] a => true\n## Seed State\n```json\n{"repos": [}\n```\n',
      6,
      "'## Seed State' must hold a JSON object",
    ],
  ])('reports %j with file and line', (text, line, message) => {
    const errors = errorsOf(text);
    const match = errors.find((error) => error.message.includes(message));
    if (!match) throw new Error(`no error '${message}' in ${JSON.stringify(errors)}`);
    expect(match.file).toBe('scenario.md');
    expect(match.line).toBe(line);
  });

  it('warns about unknown sections and config keys, with a suggestion', () => {
    const result = parseScenario(
      '# T\n## Promt\nx\n## Prompt\ny\n## Success Criteria\n- [D] a => true\n## Config\ntimout: 5\n',
      's.md',
    );
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      { file: 's.md', line: 2, message: "unknown section '## Promt' is ignored. Did you mean 'prompt'?" },
      { file: 's.md', line: 9, message: "unknown config key 'timout' is ignored. Did you mean 'timeout'?" },
    ]);
  });

  it('reads an inline seed and ignores headings inside code fences', () => {
    const result = parseScenario(
      '# T\n## Prompt\n```\n## not a section\n```\n## Success Criteria\n- [D] a => true\n## Seed State\n```json\n{"repos": []}\n```\n',
      's.md',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.prompt).toBe('```\n## not a section\n```');
    expect(result.scenario.seedState).toEqual({ repos: [] });
  });

  it('survives junk without crashing', () => {
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pieces = [
      '# ',
      '## Prompt\n',
      '## Success Criteria\n',
      '- [D] ',
      '- [P] ',
      '=> ',
      '## Config\n',
      'runs: ',
      '```',
      '\n',
      'x',
      '{',
      '}',
    ];
    for (let i = 0; i < 500; i++) {
      let text = '';
      for (let j = 0; j < 30; j++) text += pieces[Math.floor(random() * pieces.length)];
      const result = parseScenario(text, 'fuzz.md');
      if (!result.ok) for (const error of result.errors) expect(typeof error.message).toBe('string');
    }
    expect(parseScenario('\u0000binary', 'b.md').ok).toBe(false);
    expect(parseScenario('x'.repeat(300 * 1024), 'big.md').ok).toBe(false);
  });

  it('reads a scenario saved with a byte-order mark and CRLF line ends like any other', () => {
    const text =
      '\ufeff# T\r\n\r\n## Prompt\r\nDo it.\r\n\r\n## Success Criteria\r\n- [D] the run exits successfully\r\n';
    const result = parseScenario(text, 'crlf.md');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.title).toBe('T');
    expect(result.scenario.prompt).toBe('Do it.');
  });

  it('names the control characters of a value it quotes instead of passing them to the terminal', () => {
    const text =
      '# T\n\n## Prompt\nDo it.\n\n## Success Criteria\n- [D] the run exits successfully\n\n## Config\nruns: 2\u001b[2J\n';
    const result = parseScenario(text, 'c.md');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const shown = result.errors.map((error) => formatScenarioProblem({ ...error, file: 'c.md' }, '.')).join('\n');
      expect(shown).toContain("runs must be a number (got '2\\u001b[2J')");
      expect(shown).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/); // eslint-disable-line no-control-regex
    }
  });
});

describe('scenario markdown as people write it', () => {
  const minimal = (criteria: string, config = '') =>
    `# T\n\n## Prompt\nDo it.\n\n## Success Criteria\n${criteria}\n${config ? `\n## Config\n${config}\n` : ''}`;

  it('reads emphasised and colon-separated [D]/[P] tags as tags', () => {
    const result = parseScenario(
      minimal('- **[D]** No errors\n- `[P]` Polite\n- *[d]*: The run exits successfully\n- __[P]__ Kind'),
      's.md',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.criteria.map(({ kind, tagged, text }) => ({ kind, tagged, text }))).toEqual([
      { kind: 'D', tagged: true, text: 'No errors' },
      { kind: 'P', tagged: true, text: 'Polite' },
      { kind: 'D', tagged: true, text: 'The run exits successfully' },
      { kind: 'P', tagged: true, text: 'Kind' },
    ]);
  });

  it('keeps a [D]-like ending of a criterion tagged before its text as the text', () => {
    const result = parseScenario(minimal('- [D] An issue is titled Flaky [D]\n- [P] The reply quotes [P]'), 's.md');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.criteria.map(({ kind, text }) => ({ kind, text }))).toEqual([
      { kind: 'D', text: 'An issue is titled Flaky [D]' },
      { kind: 'P', text: 'The reply quotes [P]' },
    ]);
  });

  it('reads criteria written as task-list items (- [ ] [D] …, - [x] …) with their tags', () => {
    const result = parseScenario(
      minimal(
        '- [ ] [D] The run exits successfully\n- [x] **[P]** Polite\n* [X] No errors\n1. [ ] [d]: Exactly 1 issue exists',
      ),
      's.md',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.criteria.map(({ kind, tagged, text }) => ({ kind, tagged, text }))).toEqual([
      { kind: 'D', tagged: true, text: 'The run exits successfully' },
      { kind: 'P', tagged: true, text: 'Polite' },
      { kind: 'P', tagged: false, text: 'No errors' },
      { kind: 'D', tagged: true, text: 'Exactly 1 issue exists' },
    ]);
  });

  it('reads config lists written as YAML block lists, in a fence or not', () => {
    const result = parseScenario(
      minimal(
        '- [D] The run exits successfully',
        '```yaml\nclones:\n  - github\ntags:\n  - workflow\n  - "smoke"\nnotes:\n  - ignored\nruns: 2\n```',
      ),
      's.md',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.config).toMatchObject({ clones: ['github'], tags: ['workflow', 'smoke'], runs: 2 });
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining("unknown config key 'notes'"),
    ]);
  });

  it.each([
    ['## 1. Prompt', '## 2. Success Criteria'],
    ['## **Prompt**', '## __Success Criteria__'],
    ['## `Task`', '## *Checks*:'],
    ['## Prompt (what the agent sees)', '## Success Criteria (never shown to the agent)'],
    ['## Prompt — the task', '## Success Criteria - deterministic first'],
    ['## 📝 Prompt', '## ✅ Success Criteria'],
    ['## Step 1: Prompt', '## 3) Assertions'],
  ])('reads decorated section headings (%s, %s) as their sections', (prompt, criteria) => {
    const result = parseScenario(`# T\n\n${prompt}\nDo it.\n\n${criteria}\n- [D] The run exits successfully\n`, 's.md');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.prompt).toBe('Do it.');
    expect(result.scenario.criteria.map((criterion) => criterion.text)).toEqual(['The run exits successfully']);
    expect(result.warnings).toEqual([]);
  });

  it('still ignores headings that only mention a section', () => {
    const result = parseScenario(
      '# T\n\n## Prompt\nDo it.\n\n## Prompt engineering notes\nx\n\n## Success Criteria\n- [D] No errors\n',
      's.md',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.prompt).toBe('Do it.');
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining("unknown section '## Prompt engineering notes'"),
    ]);
  });

  it('reads criteria grouped under subheadings, and skips HTML comments between them', () => {
    const result = parseScenario(
      minimal('\n### Deterministic\n- [D] No errors\n<!-- judged below -->\n\n#### Judged\n- [P] Polite\n'),
      's.md',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.criteria.map(({ kind, text }) => ({ kind, text }))).toEqual([
      { kind: 'D', text: 'No errors' },
      { kind: 'P', text: 'Polite' },
    ]);
  });

  it('reads YAML comments and quoted values in Config as YAML does', () => {
    const result = parseScenario(
      minimal(
        '- [D] No errors',
        '```yaml\n# how often and how long\nruns: 3  # three runs\ntimeout: 60 # seconds\ntwins: github # only github\ntags: [a, "b#1"] # tags\nseed: "small-project"\nrouting: \'env\'\n```',
      ),
      's.md',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.config).toMatchObject({
      runs: 3,
      timeout: 60,
      clones: ['github'],
      tags: ['a', 'b#1'],
      seed: 'small-project',
      routing: 'env',
    });
    expect(result.warnings).toEqual([]);
  });

  it('reads tab-indented text: a criterion wrapped onto a tab-indented line, tab-separated config', () => {
    const result = parseScenario(
      '# T\n\n## Prompt\n\tDo it.\n\n## Success Criteria\n-\t[D] Exactly 0 issues\n\tare closed\n\n## Config\n\truns: 2\n\ttags:\tsmoke\n',
      's.md',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.prompt).toBe('Do it.');
    expect(result.scenario.criteria.map(({ kind, text }) => ({ kind, text }))).toEqual([
      { kind: 'D', text: 'Exactly 0 issues are closed' },
    ]);
    expect(result.scenario.config).toMatchObject({ runs: 2, tags: ['smoke'] });
  });

  it('says where a required section was written as a deeper heading', () => {
    const text = '# T\n\n## Setup\nA repo.\n\n### Prompt\nDo it.\n\n### Success Criteria\n- [D] No errors\n';
    const errors = errorsOf(text);
    expect(errors).toEqual([
      expect.objectContaining({
        line: 6,
        message: expect.stringContaining(
          "'### Prompt' on line 6 is not a section: sections are level-2 headings ('## Prompt')",
        ),
      }),
      expect.objectContaining({
        line: 9,
        message: expect.stringContaining("'### Success Criteria' on line 9 is not a section"),
      }),
    ]);
  });

  it('names the allowed range of timeout and runs, and warns about a key set twice', () => {
    expect(errorsOf(minimal('- [D] No errors', 'timeout: 5000\nruns: 0'))).toEqual([
      expect.objectContaining({
        line: 10,
        message: "config timeout: must be a number of seconds above 0 and at most 3600 (got '5000')",
      }),
      expect.objectContaining({ line: 11, message: "config runs: must be a whole number from 1 to 100 (got '0')" }),
    ]);
    const twice = parseScenario(minimal('- [D] No errors', 'timeout: 30\ntimeout: 60'), 's.md');
    if (!twice.ok) throw new Error(JSON.stringify(twice.errors));
    expect(twice.scenario.config.timeout).toBe(60);
    expect(twice.warnings).toEqual([
      expect.objectContaining({
        line: 11,
        message: "config key 'timeout' is set again (first on line 10); this later value is used",
      }),
    ]);
  });
});

describe('front matter and underlined headings together', () => {
  it('reads an underlined title on the line after the front matter closes', () => {
    const result = parseScenario(
      '---\nruns: 2\n---\nClose nothing\n=============\n\n## Prompt\nDo it.\n\n## Success Criteria\n- [D] No issues were closed\n',
      'fm.md',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.title).toBe('Close nothing');
    expect(result.scenario.config.runs).toBe(2);
  });
});

describe('YAML front matter with comments', () => {
  it('reads a `# comment` line inside closed front matter as a comment, not as the heading that leaves it open', () => {
    const result = parseScenario(
      '---\n# how often to run it\nruns: 2\n# which seed\nseed: small-project\n---\n# T\n\n## Prompt\nDo it.\n\n## Success Criteria\n- [D] No issues were closed\n',
      'fm.md',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.title).toBe('T');
    expect(result.scenario.config.runs).toBe(2);
  });
});
