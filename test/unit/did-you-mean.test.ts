import { describe, expect, it } from '@jest/globals';
import { closest, didYouMean } from '../../src/lib/did-you-mean.js';

describe('did-you-mean suggestions', () => {
  it('suggests the closest name within a typo distance, and nothing when none is close', () => {
    expect(closest('biuld', ['build', 'test'])).toBe('build');
    expect(closest('dpeloy', ['build', 'deploy'])).toBe('deploy');
    expect(closest('zzzzzz', ['build', 'deploy'])).toBeUndefined();
    expect(didYouMean('tset', ['test'])).toBe(" Did you mean 'test'?");
    expect(didYouMean('qq', ['test'])).toBe('');
  });

  it('suggests the full name for a truncated one, from any iterable (a Map of outputs included)', () => {
    expect(closest('delay', ['delay_ms_between_attempts'])).toBe('delay_ms_between_attempts');
    const outputs = new Map([['classification_result', 1]]);
    expect(closest('classif', outputs.keys())).toBe('classification_result');
  });
});
