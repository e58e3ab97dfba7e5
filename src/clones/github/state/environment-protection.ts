import type { EnvironmentProtection, EnvironmentRecord } from './model.js';

export const NO_PROTECTION: EnvironmentProtection = {
  waitTimer: 0,
  preventSelfReview: false,
  reviewers: [],
  branchPolicy: null,
};

/** One of an environment's protection rules, as both APIs list them. */
export type ProtectionRule =
  | { id: number; type: 'wait_timer'; waitTimer: number }
  | {
      id: number;
      type: 'required_reviewers';
      preventSelfReview: boolean;
      reviewers: EnvironmentProtection['reviewers'];
    }
  | { id: number; type: 'branch_policy' };

/**
 * The rules an environment's protection amounts to: a wait timer when it waits, required reviewers
 * when it names any, a branch policy when it restricts branches. Each rule has an id of its own on
 * GitHub; here it is derived from the environment's, so it is stable across reads.
 */
export function protectionRules(environment: EnvironmentRecord): ProtectionRule[] {
  const protection = environment.protection ?? NO_PROTECTION;
  const id = (offset: number) => environment.id * 10 + offset;
  const rules: ProtectionRule[] = [];
  if (protection.waitTimer > 0) rules.push({ id: id(1), type: 'wait_timer', waitTimer: protection.waitTimer });
  if (protection.reviewers.length > 0)
    rules.push({
      id: id(2),
      type: 'required_reviewers',
      preventSelfReview: protection.preventSelfReview,
      reviewers: protection.reviewers,
    });
  if (protection.branchPolicy) rules.push({ id: id(3), type: 'branch_policy' });
  return rules;
}
