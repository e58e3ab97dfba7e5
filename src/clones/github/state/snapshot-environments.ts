import { protectionRules } from './environment-protection.js';
import type { EnvironmentRecord } from './model.js';
import type { Store } from './store.js';

/**
 * An environment's protection in the state snapshot: its rules as GitHub lists them (reviewers as
 * logins and team slugs), which branches may deploy, and the name patterns of custom branch policies.
 */
export function environmentProtection(store: Store, environment: EnvironmentRecord) {
  const branchPolicy = environment.protection?.branchPolicy ?? null;
  return {
    protection_rules: protectionRules(environment).map((rule) => {
      switch (rule.type) {
        case 'wait_timer':
          return { type: rule.type, wait_timer: rule.waitTimer };
        case 'required_reviewers':
          return {
            type: rule.type,
            prevent_self_review: rule.preventSelfReview,
            // A reviewer removed since (a deleted user or team) is left out, as the REST API does.
            reviewers: rule.reviewers.flatMap((reviewer) => {
              const name =
                reviewer.type === 'User' ? store.get('user', reviewer.id)?.login : store.get('team', reviewer.id)?.slug;
              return name === undefined ? [] : [name];
            }),
          };
        case 'branch_policy':
          return { type: rule.type };
        default: {
          const unknown: never = rule;
          return unknown;
        }
      }
    }),
    deployment_branch_policy: branchPolicy && {
      protected_branches: branchPolicy.protectedBranches,
      custom_branch_policies: branchPolicy.customBranchPolicies,
    },
    branch_policies: store
      .where('environmentBranchPolicy', `environment:${environment.id}`)
      .sort((a, b) => a.id - b.id)
      .map((policy) => ({ name: policy.name, type: policy.type })),
  };
}
