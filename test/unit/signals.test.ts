import { describe, expect, it } from '@jest/globals';
import { detectCompletionSignal, stripCompletionSignal } from '../../src/workflows/signals.js';

describe('loop completion signals', () => {
  it.each([
    ['All stories done. <promise>COMPLETE</promise>', true],
    ['<done> COMPLETE </done> and more text', true],
    ['<PROMISE>COMPLETE</promise>', true],
    ['Finished.\nCOMPLETE\nThanks', true],
    ['Everything passes: COMPLETE', true],
    ['Everything passes: COMPLETE.', true],
    ['The status is not COMPLETE yet.', false],
    ['<COMPLETE>X</done>', false],
    ['<a>COMPLETE</b>', false],
    ['INCOMPLETE', false],
    ['', false],
  ])('%j → %s', (output, expected) => {
    expect(detectCompletionSignal(output, 'COMPLETE')).toBe(expected);
  });

  it('escapes regular-expression characters in the signal', () => {
    expect(detectCompletionSignal('done: A+B?', 'A+B?')).toBe(true);
    expect(detectCompletionSignal('done: AAB', 'A+B?')).toBe(false);
  });

  it('strips promise blocks and tag-wrapped signals from the output', () => {
    expect(stripCompletionSignal('Result text\n<promise>COMPLETE</promise>\n', 'COMPLETE')).toBe('Result text');
    expect(stripCompletionSignal('x <done>COMPLETE</done>', 'COMPLETE')).toBe('x');
  });
});
