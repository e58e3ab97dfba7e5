import { describe, expect, it } from '@jest/globals';
import { quotingPitfalls } from '../../src/workflows/shell-quoting.js';
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
