import { describe, expect, it } from '@jest/globals';
import { quotingPitfalls, untrustedSplices } from '../../src/workflows/shell-quoting.js';
import { load } from '../helpers/engine.js';

describe('quoting pitfalls of $x.output in bash scripts', () => {
  it('finds references inside double and single quotes, and only those', () => {
    expect(quotingPitfalls('echo "got $a.output"').map((p) => p.quote)).toEqual(['double']);
    expect(quotingPitfalls("echo 'got $a.output.title here'").map((p) => [p.ref, p.quote])).toEqual([
      ['$a.output.title', 'single'],
    ]);
    // The safe forms: unquoted, assigned, inside a command substitution, escaped or commented.
    for (const safe of [
      'echo $a.output',
      'x=$a.output; echo "$x"',
      'y="$(printf %s $a.output)"',
      'echo "$(cat <<< $a.output)" `echo $a.output`',
      "echo 'quoted' $a.output 'again'",
      'echo \\"$a.output\\"',
      '# "$a.output" in a comment\necho ok',
    ])
      expect({ safe, pitfalls: quotingPitfalls(safe) }).toEqual({ safe, pitfalls: [] });
  });

  it("finds a loop_group body's $LOOP_PREV.<id>.output inside quotes, spliced shell-quoted like $x.output", () => {
    expect(quotingPitfalls('echo "before: $LOOP_PREV.a.output"').map((p) => [p.ref, p.quote])).toEqual([
      ['$LOOP_PREV.a.output', 'double'],
    ]);
    expect(quotingPitfalls("echo 'was $LOOP_PREV.a.output.title'").map((p) => p.quote)).toEqual(['single']);
    expect(quotingPitfalls('x=$LOOP_PREV.a.output; echo "$x"')).toEqual([]);
  });

  it("warns of a loop_group body's pitfalls, and the App refuses them", async () => {
    const result = await load(
      `name: g\ndescription: x\nnodes:\n  - id: g\n    loop_group:\n      until: DONE\n      max_iterations: 2\n      nodes:\n        - id: a\n          bash: echo "again $LOOP_PREV.a.output"\n`,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.filter((warning) => /double quotes/.test(warning.message)).map((w) => w.node)).toEqual([
      'a',
    ]);
    expect(untrustedSplices(result.workflow.nodes)).toEqual([
      expect.stringMatching(/^Node a: "\$LOOP_PREV\.a\.output" inside double quotes/),
    ]);
  });

  it('warns at validation with the node, the line and the safe form', async () => {
    const result = await load(
      `name: q\ndescription: x\nnodes:\n  - id: a\n    bash: echo hi\n  - id: b\n    depends_on: [a]\n    bash: |\n      echo "got $a.output"\n      echo 'got $a.output here'\n      x=$a.output; echo "$x"\n  - id: c\n    depends_on: [a]\n    loop:\n      prompt: go\n      until_bash: test "$a.output" = done\n      max_iterations: 2\n    provider: exec\n    exec: {command: cat}\n`,
    );
    expect(result.ok).toBe(true);
    const warnings = result.warnings.filter((warning) => /quotes/.test(warning.message));
    expect(warnings.map((warning) => [warning.node, warning.field, warning.line])).toEqual([
      ['b', 'bash', 6],
      ['b', 'bash', 6],
      ['c', 'loop.until_bash', 12],
    ]);
    expect(warnings[0]!.message).toContain('write $a.output without quotes (x=$a.output; then use "$x")');
    expect(warnings[1]!.message).toContain("Close your quotes around it: '…'$a.output'…'");
  });
});

describe('node output spliced into inline script code', () => {
  const workflow = (scriptNode: string) =>
    load(
      `name: s\ndescription: x\nnodes:\n  - id: a\n    bash: printf '%s' "$USER_MESSAGE"\n  - id: b\n    depends_on: [a]\n    runtime: node\n${scriptNode}`,
    );

  it('warns at validation, naming the node and the safe form (with: binding, read from the environment)', async () => {
    const result = await workflow('    script: |\n      const seen = "$a.output";\n      console.log(seen);\n');
    expect(result.ok).toBe(true);
    const warnings = result.warnings.filter((warning) => warning.field === 'script');
    expect(warnings.map((warning) => [warning.node, warning.line])).toEqual([['b', 6]]);
    expect(warnings[0]!.message).toContain('$a.output');
    expect(warnings[0]!.message).toContain("with: {a_output: {from: '$a.output'}}");
    expect(warnings[0]!.message).toContain('INPUTS_A_OUTPUT');
  });

  it('is what the App refuses, with the bash quoting pitfalls; a with: binding is not', async () => {
    const spliced = await workflow(
      '    script: |\n      const seen = "$a.output";\n      const again = `$a.output`;\n',
    );
    expect(spliced.ok).toBe(true);
    const refused = untrustedSplices(spliced.ok ? spliced.workflow.nodes : []);
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatch(/^Node b: /);
    const bound = await workflow(
      "    with: {seen: {from: '$a.output'}}\n    script: console.log(process.env.INPUTS_SEEN)\n",
    );
    expect(bound.ok).toBe(true);
    expect(untrustedSplices(bound.ok ? bound.workflow.nodes : [])).toEqual([]);
    const quoted = await load(
      `name: q\ndescription: x\nnodes:\n  - id: a\n    bash: echo hi\n  - id: b\n    depends_on: [a]\n    bash: echo "got $a.output"\n`,
    );
    expect(untrustedSplices(quoted.ok ? quoted.workflow.nodes : [])).toEqual([
      expect.stringMatching(/^Node b: "\$a\.output" inside double quotes/),
    ]);
  });
});
