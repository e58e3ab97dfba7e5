import type { DomainContext } from '../domain/context.js';
import { protectionRules, type ProtectionRule } from '../state/environment-protection.js';
import { nodeId } from '../render/urls.js';
import type { EnvironmentRecord, RepoRecord } from '../state/model.js';
import { connection, upper, type ConnectionArgs, type Gql } from './context.js';
import { actorObject } from './objects.js';
import { teamObject } from './teams.js';

export interface EnvironmentsArgs extends ConnectionArgs {
  names?: string[] | null;
  orderBy?: { field: 'NAME'; direction: 'ASC' | 'DESC' } | null;
  pinnedEnvironmentFilter?: 'ALL' | 'NONE' | 'ONLY' | null;
}

/** `Repository.environments`: the repository's environments by name (none is pinned here). */
export function environmentConnection(domain: DomainContext, repo: RepoRecord, args: EnvironmentsArgs) {
  const names = new Set((args.names ?? []).map((name) => name.toLowerCase()));
  const environments = domain.store
    .where('environment', `repo:${repo.id}`)
    .filter((environment) => names.size === 0 || names.has(environment.name.toLowerCase()))
    .filter(() => args.pinnedEnvironmentFilter !== 'ONLY')
    .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  if (args.orderBy?.direction === 'DESC') environments.reverse();
  return connection(environments, args, (environment) => environmentObject(domain, environment), 'Environment');
}

export function environmentObject(domain: DomainContext, environment: EnvironmentRecord): Gql {
  return {
    __typename: 'Environment',
    id: nodeId('Environment', environment.id),
    databaseId: environment.id,
    name: environment.name,
    isPinned: false,
    pinnedPosition: null,
    latestCompletedDeployment: null,
    protectionRules: (args: ConnectionArgs) =>
      connection(
        protectionRules(environment),
        args,
        (rule) => protectionRuleObject(domain, rule),
        'DeploymentProtectionRule',
      ),
  };
}

function protectionRuleObject(domain: DomainContext, rule: ProtectionRule): Gql {
  const reviewers = rule.type === 'required_reviewers' ? rule.reviewers : [];
  return {
    __typename: 'DeploymentProtectionRule',
    databaseId: rule.id,
    type: upper(rule.type),
    timeout: rule.type === 'wait_timer' ? rule.waitTimer : 0,
    preventSelfReview: rule.type === 'required_reviewers' ? rule.preventSelfReview : false,
    reviewers: (args: ConnectionArgs) =>
      connection(
        reviewers.flatMap((reviewer) => {
          if (reviewer.type === 'User') {
            const user = domain.store.get('user', reviewer.id);
            return user ? [actorObject(domain, user)] : [];
          }
          const team = domain.store.get('team', reviewer.id);
          return team ? [teamObject(domain, team)] : [];
        }),
        args,
        (reviewer) => reviewer,
        'DeploymentReviewer',
      ),
  };
}
