import type { NodeState } from './refs.js';
import type { TriggerRule } from './schema.js';

/** Whether a node may run given the final states of its dependencies. A node without any always may. */
export function triggerRuleAllows(rule: TriggerRule, dependencyStates: readonly NodeState[]): boolean {
  if (dependencyStates.length === 0) return true;
  const completed = dependencyStates.filter((state) => state === 'completed').length;
  switch (rule) {
    case 'all_success':
      return completed === dependencyStates.length;
    case 'one_success':
      return completed > 0;
    case 'none_failed_min_one_success':
      return completed > 0 && !dependencyStates.includes('failed');
    case 'all_done':
      return dependencyStates.every((state) => state === 'completed' || state === 'failed' || state === 'skipped');
  }
}
