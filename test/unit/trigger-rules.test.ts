import { describe, expect, it } from '@jest/globals';
import type { NodeState } from '../../src/workflows/refs.js';
import { TRIGGER_RULES } from '../../src/workflows/schema.js';
import { triggerRuleAllows } from '../../src/workflows/trigger-rules.js';

const TERMINAL: NodeState[] = ['completed', 'failed', 'skipped'];

/** Every combination of terminal states for 1 to 3 dependencies. */
function combinations(size: number): NodeState[][] {
  if (size === 0) return [[]];
  return combinations(size - 1).flatMap((rest) => TERMINAL.map((state) => [state, ...rest]));
}

/** The rules as the documentation states them, written independently of the implementation. */
const documented: Record<(typeof TRIGGER_RULES)[number], (states: NodeState[]) => boolean> = {
  all_success: (states) => states.every((s) => s === 'completed'),
  one_success: (states) => states.some((s) => s === 'completed'),
  none_failed_min_one_success: (states) => !states.includes('failed') && states.some((s) => s === 'completed'),
  all_done: () => true,
};

describe('trigger rules', () => {
  for (const rule of TRIGGER_RULES) {
    for (const size of [1, 2, 3]) {
      it.each(combinations(size).map((states) => [states.join(',') || '(none)', states] as const))(
        `${rule} with dependencies %s`,
        (_label, states) => {
          expect(triggerRuleAllows(rule, states)).toBe(documented[rule](states));
        },
      );
    }
    it(`${rule} always runs a node without dependencies`, () => {
      expect(triggerRuleAllows(rule, [])).toBe(true);
    });
  }

  it('spells out the key cases', () => {
    expect(triggerRuleAllows('all_success', ['completed', 'skipped'])).toBe(false);
    expect(triggerRuleAllows('one_success', ['failed', 'completed'])).toBe(true);
    expect(triggerRuleAllows('none_failed_min_one_success', ['skipped', 'completed'])).toBe(true);
    expect(triggerRuleAllows('none_failed_min_one_success', ['failed', 'completed'])).toBe(false);
    expect(triggerRuleAllows('none_failed_min_one_success', ['skipped', 'skipped'])).toBe(false);
    expect(triggerRuleAllows('all_done', ['failed', 'skipped'])).toBe(true);
  });
});
