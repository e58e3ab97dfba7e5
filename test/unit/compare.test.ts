import { describe, expect, it } from '@jest/globals';
import { compareSides, fisherExactTwoSided, minimumDecisiveRuns, verdictFor } from '../../src/preprod/compare.js';

describe("Fisher's exact test (two-sided, R's convention)", () => {
  it.each([
    // [aPassed, aRuns, bPassed, bRuns, p] — values from R's fisher.test
    [1, 10, 11, 14, 0.002759],
    [3, 4, 1, 4, 0.4857],
    [4, 4, 0, 4, 0.02857],
    [0, 3, 3, 3, 0.1],
    [5, 5, 2, 5, 0.1667],
    [10, 10, 3, 10, 0.003096],
  ])('%i/%i vs %i/%i: p = %f', (a, n, b, m, p) => {
    expect(fisherExactTwoSided(a, n, b, m)).toBeCloseTo(p, 4);
  });

  it('is 1 when a side has no runs or every run agrees', () => {
    expect(fisherExactTwoSided(0, 0, 3, 3)).toBe(1);
    expect(fisherExactTwoSided(3, 3, 5, 5)).toBe(1);
    expect(fisherExactTwoSided(0, 3, 0, 5)).toBe(1);
  });

  it('needs 4 runs a side before any change can be significant at 0.05', () => {
    expect(minimumDecisiveRuns()).toBe(4);
  });
});

describe('verdicts', () => {
  it('decides by the test, never by a bare difference', () => {
    expect(verdictFor({ passedRuns: 0, runs: 4 }, { passedRuns: 4, runs: 4 }).verdict).toBe('regressed');
    expect(verdictFor({ passedRuns: 4, runs: 4 }, { passedRuns: 0, runs: 4 }).verdict).toBe('improved');
    const few = verdictFor({ passedRuns: 0, runs: 3 }, { passedRuns: 3, runs: 3 });
    expect(few.verdict).toBe('inconclusive');
    expect(few.reason).toMatch(/at least 4 runs a side/);
    expect(verdictFor({ passedRuns: 2, runs: 5 }, { passedRuns: 5, runs: 5 }).verdict).toBe('flaky');
    expect(verdictFor({ passedRuns: 3, runs: 3 }, { passedRuns: 3, runs: 3 }).verdict).toBe('unchanged');
    expect(verdictFor({ passedRuns: 0, runs: 2 }, { passedRuns: 0, runs: 2 }).verdict).toBe('unchanged');
    // Significant even though the head passes some runs: the regression wins over flakiness.
    expect(verdictFor({ passedRuns: 3, runs: 10 }, { passedRuns: 10, runs: 10 }).verdict).toBe('regressed');
  });

  it('matches scenarios by file: new and removed ones, deltas and counts', () => {
    const comparison = compareSides(
      [
        { file: 'a.md', title: 'A', passedRuns: 0, runs: 4 },
        { file: 'new.md', title: 'New', passedRuns: 1, runs: 1 },
      ],
      [
        { file: 'a.md', title: 'A', passedRuns: 4, runs: 4 },
        { file: 'old.md', title: 'Old', passedRuns: 1, runs: 1 },
      ],
    );
    expect(comparison.scenarios.map((s) => [s.file, s.verdict, s.delta])).toEqual([
      ['a.md', 'regressed', -100],
      ['new.md', 'new', null],
      ['old.md', 'removed', null],
    ]);
    expect(comparison.counts).toMatchObject({ regressed: 1, new: 1, removed: 1, unchanged: 0 });
  });
});
