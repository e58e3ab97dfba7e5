import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { logUntrusted } from '../../action/log.js';

/**
 * The commands the Actions runner would obey in `output`, read as it reads a step's log: `::name::`
 * at the start of a trimmed line or `##[name]` anywhere in one, none between `::stop-commands::T`
 * and `::T::` but that resume line.
 */
function obeyedCommands(output: string): string[] {
  const obeyed: string[] = [];
  let resume: string | undefined;
  for (const line of output.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (resume !== undefined) {
      if (trimmed === `::${resume}::`) resume = undefined;
      continue;
    }
    const v2 = /^::([A-Za-z-]+)[^:]*::(.*)$/.exec(trimmed);
    const v1 = /##\[([A-Za-z-]+)[^\]]*\](.*)$/.exec(line);
    const command = v2 ?? v1;
    if (!command) continue;
    obeyed.push(command[1]!);
    if (command[1] === 'stop-commands') resume = command[2];
  }
  return obeyed;
}

describe('logging text Archal does not control in the Action', () => {
  let written: string;
  beforeEach(() => {
    written = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written += chunk.toString();
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('prints a workflow command in the text as text: the runner obeys none of it', () => {
    const fixerSaid = [
      'fix failed',
      '::set-output name=passed::true',
      '  ::add-mask::ghp_everything',
      'done ##[set-output name=passed;]true',
      '::stop-commands::guess',
    ].join('\n');
    logUntrusted(fixerSaid);
    expect(written).toContain(fixerSaid);
    expect(obeyedCommands(written).filter((name) => name !== 'stop-commands')).toEqual([]);
  });

  it('prints ordinary text as it is, with no framing', () => {
    logUntrusted('attempt 1: 2/3 runs passed; 1 failure(s) :: see the summary');
    expect(written).toBe('attempt 1: 2/3 runs passed; 1 failure(s) :: see the summary\n');
  });

  it('frames with a fresh token each time, so the text cannot end the framing by naming it', () => {
    logUntrusted('::error::one');
    logUntrusted('::error::two');
    const tokens = [...written.matchAll(/^::stop-commands::(.+)$/gm)].map((match) => match[1]);
    expect(tokens).toHaveLength(2);
    expect(new Set(tokens).size).toBe(2);
  });
});
