import { describe, expect, it } from '@jest/globals';
import { helpText, parseCommand } from '../../app/commands.js';
import { inline } from '../../app/markdown.js';

describe('/archal command grammar', () => {
  it('reads each command and its arguments', () => {
    expect(parseCommand('/archal fix')).toEqual({ kind: 'fix', instructions: '' });
    expect(parseCommand('/archal fix keep the API stable')).toEqual({
      kind: 'fix',
      instructions: 'keep the API stable',
    });
    expect(parseCommand('/archal run triage-report look at #3 first')).toEqual({
      kind: 'run',
      workflow: 'triage-report',
      message: 'look at #3 first',
    });
    expect(parseCommand('/archal status')).toEqual({ kind: 'status' });
    expect(parseCommand('/archal cancel')).toEqual({ kind: 'cancel' });
    expect(parseCommand('/archal approve ship it')).toEqual({ kind: 'approve', comment: 'ship it' });
    expect(parseCommand('/archal reject too risky')).toEqual({ kind: 'reject', reason: 'too risky' });
    expect(parseCommand('/archal retry')).toEqual({ kind: 'retry' });
    expect(parseCommand('/archal help')).toEqual({ kind: 'help' });
    expect(parseCommand('/archal')).toEqual({ kind: 'help' });
  });

  it('is case-insensitive and takes the first command line, after any prose', () => {
    expect(parseCommand('/ARCHAL Fix')).toEqual({ kind: 'fix', instructions: '' });
    expect(parseCommand('Thanks!\n\n/Archal STATUS\n/archal cancel')).toEqual({ kind: 'status' });
    expect(parseCommand('  /archal retry')).toEqual({ kind: 'retry' });
  });

  it('reads a command word with the punctuation people type after it, and extra spaces', () => {
    expect(parseCommand('/archal fix.')).toEqual({ kind: 'fix', instructions: '' });
    expect(parseCommand('/archal fix: the login bug')).toEqual({ kind: 'fix', instructions: 'the login bug' });
    expect(parseCommand('/archal   fix,   keep it small  ')).toEqual({ kind: 'fix', instructions: 'keep it small' });
    expect(parseCommand('/archal status?')).toEqual({ kind: 'status' });
    expect(parseCommand('/archal approve! ship it')).toEqual({ kind: 'approve', comment: 'ship it' });
    expect(parseCommand('/archal run: triage now')).toEqual({ kind: 'run', workflow: 'triage', message: 'now' });
    expect(parseCommand('/archal ...')).toEqual({ kind: 'unknown', word: '...' });
  });

  it('keeps the lines after a fix or approval as part of its text', () => {
    expect(parseCommand('/archal fix\nAlso update the docs.\n\nAnd the changelog.')).toEqual({
      kind: 'fix',
      instructions: 'Also update the docs.\n\nAnd the changelog.',
    });
    expect(parseCommand('/archal approve looks good\nthanks')).toEqual({
      kind: 'approve',
      comment: 'looks good\nthanks',
    });
  });

  it('ignores commands in code blocks, quotes, indented code and HTML comments', () => {
    const ignored = [
      '```\n/archal fix\n```',
      '~~~md\n/archal fix\n~~~',
      '````\n```\n/archal fix\n```\n````',
      '> /archal fix',
      '   > /archal fix',
      '>> /archal fix',
      'Example:\n\n    /archal fix',
      '\t/archal fix',
      '<!--\n/archal fix\n-->',
      '<!-- /archal fix -->',
      'Type `/archal fix` to start',
      'please /archal fix',
      '/archalfix',
      '/archal-fix',
      '',
    ];
    for (const body of ignored) expect({ body, command: parseCommand(body) }).toEqual({ body, command: undefined });
  });

  it('finds a command after a closed code block or quote', () => {
    expect(parseCommand('```\n/archal cancel\n```\n/archal fix')).toEqual({ kind: 'fix', instructions: '' });
    expect(parseCommand('> /archal cancel\n\n/archal status')).toEqual({ kind: 'status' });
    expect(parseCommand('<!-- x -->\n/archal retry')).toEqual({ kind: 'retry' });
    // An unclosed fence hides everything after it, as GitHub renders it.
    expect(parseCommand('```\n/archal fix')).toBeUndefined();
    // A shorter fence does not close a longer one.
    expect(parseCommand('````\n```\n/archal fix')).toBeUndefined();
  });

  it('answers unknown and malformed commands instead of guessing', () => {
    expect(parseCommand('/archal deploy now')).toEqual({ kind: 'unknown', word: 'deploy' });
    expect(parseCommand('/archal run')).toMatchObject({ kind: 'invalid', word: 'run' });
    expect(parseCommand('/archal run $(rm -rf /)')).toMatchObject({ kind: 'invalid', word: 'run' });
    expect(parseCommand('/archal run ../../etc/passwd')).toMatchObject({ kind: 'invalid', word: 'run' });
  });

  it('says what is malformed in plain text, which the reply shows as written once escaped', () => {
    for (const body of ['/archal run', '/archal run $(rm -rf /)']) {
      const command = parseCommand(body);
      if (command?.kind !== 'invalid') throw new Error(`${body} is not invalid`);
      // The reply escapes the problem (it may quote the comment): markdown in it would show as backslashes.
      expect(inline(command.problem)).not.toMatch(/\\`|`/);
    }
  });

  it('never throws and bounds what it keeps, whatever the input', () => {
    const alphabet = [
      '/archal',
      ' ',
      '\n',
      '\r\n',
      '`',
      '```',
      '~~~',
      '>',
      '<!--',
      '-->',
      'fix',
      'run',
      'x',
      '\t',
      '    ',
      'é',
      '\u0000',
    ];
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 3_000; round++) {
      const length = Math.floor(random() * 40);
      const body = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const command = parseCommand(body);
      if (command === undefined) continue;
      expect(['fix', 'run', 'status', 'cancel', 'approve', 'reject', 'retry', 'help', 'unknown', 'invalid']).toContain(
        command.kind,
      );
    }
    const huge = `/archal fix ${'a'.repeat(100_000)}`;
    const parsed = parseCommand(huge);
    expect(parsed?.kind).toBe('fix');
    expect(parsed?.kind === 'fix' && parsed.instructions.length).toBeLessThanOrEqual(8_193);
    expect(parseCommand(`${'x\n'.repeat(50_000)}/archal fix`)).toBeUndefined();
  });

  it('the help lists every command and the fix label', () => {
    const help = helpText({ fixLabel: 'archal:fix', workflows: ['triage'] });
    for (const word of ['fix', 'run', 'status', 'cancel', 'approve', 'reject', 'retry', 'help'])
      expect(help).toContain(`/archal ${word}`);
    expect(help).toContain('`archal:fix`');
    expect(help).toContain('`triage`');
  });
});
