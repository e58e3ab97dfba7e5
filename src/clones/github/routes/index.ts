import { Router, type Method } from '../http/router.js';
import { actionRoutes } from './actions.js';
import { appRoutes } from './apps.js';
import { checkRoutes } from './checks.js';
import { collaboratorRoutes } from './collaborators.js';
import { commentRoutes } from './comments.js';
import { commitRoutes } from './commits.js';
import { contentRoutes } from './contents.js';
import { eventRoutes } from './events.js';
import { gistCommentRoutes } from './gist-comments.js';
import { gistRoutes } from './gists.js';
import { gitDataRoutes } from './git-data.js';
import { gitTagRoutes } from './git-tags.js';
import { insightRoutes } from './insights.js';
import { issueRoutes } from './issues.js';
import { labelRoutes } from './labels.js';
import { metaRoutes } from './meta.js';
import { milestoneRoutes } from './milestones.js';
import { notificationRoutes } from './notifications.js';
import { pullRoutes } from './pulls.js';
import { releaseRoutes } from './releases.js';
import { repoRoutes } from './repos.js';
import { reviewCommentRoutes } from './review-comments.js';
import { reviewRoutes } from './reviews.js';
import { searchRoutes } from './search.js';
import { secretRoutes } from './secrets.js';
import { branchPolicyRoutes } from './environment-rules.js';
import { environmentRoutes } from './environments.js';
import { orgActionsRoutes } from './org-actions.js';
import { repoSubscriptionRoutes } from './repo-subscription.js';
import { statusRoutes } from './statuses.js';
import { variableRoutes } from './variables.js';
import { protectionRoutes } from './protection.js';
import { teamRoutes } from './teams.js';
import type { RouteSpec } from '../http/route.js';
import { userRoutes } from './users.js';

/**
 * Every implemented operation. Order matters where templates overlap: literal segments
 * (`issues/comments`) and suffixed greedy refs (`commits/{ref+}/status`) come before the general
 * template (`issues/{issue_number}`, `commits/{ref+}`).
 */
export const ROUTES: readonly RouteSpec[] = [
  ...metaRoutes,
  ...userRoutes,
  ...appRoutes,
  ...repoRoutes,
  ...insightRoutes,
  ...collaboratorRoutes,
  ...commentRoutes,
  ...eventRoutes,
  ...notificationRoutes,
  ...gistRoutes,
  ...gistCommentRoutes,
  ...labelRoutes,
  ...milestoneRoutes,
  ...issueRoutes,
  ...reviewCommentRoutes,
  ...reviewRoutes,
  ...pullRoutes,
  ...gitDataRoutes,
  ...gitTagRoutes,
  ...contentRoutes,
  ...checkRoutes,
  ...statusRoutes,
  // Before commitRoutes: `branches/{branch+}/protection…` must win over `branches/{branch+}`.
  ...protectionRoutes,
  ...commitRoutes,
  ...searchRoutes,
  ...releaseRoutes,
  ...secretRoutes,
  ...variableRoutes,
  ...orgActionsRoutes,
  ...repoSubscriptionRoutes,
  ...environmentRoutes,
  ...branchPolicyRoutes,
  ...actionRoutes,
  ...teamRoutes,
];

/**
 * GitHub operations the clone lacks whose paths another template would read as a name: the branch
 * `main/protection/restrictions`, the ref `<sha>/comments`, the gist `public`. The router knows
 * them (as `null`) so that they answer GitHub's 404 and are logged as not implemented, as every
 * other missing route is, instead of a "Branch not found" that blames the caller.
 */
const LACKED: ReadonlyArray<readonly [Method, string]> = [
  ['GET', '/gists/public'],
  ['GET', '/gists/starred'],
  ['GET', '/repos/{owner}/{repo}/branches/{branch+}/protection/required_signatures'],
  ['GET', '/repos/{owner}/{repo}/branches/{branch+}/protection/required_status_checks/contexts'],
  ['GET', '/repos/{owner}/{repo}/branches/{branch+}/protection/restrictions'],
  ['GET', '/repos/{owner}/{repo}/branches/{branch+}/protection/restrictions/apps'],
  ['GET', '/repos/{owner}/{repo}/branches/{branch+}/protection/restrictions/teams'],
  ['GET', '/repos/{owner}/{repo}/branches/{branch+}/protection/restrictions/users'],
  ['GET', '/repos/{owner}/{repo}/commits/{commit_sha+}/comments'],
];

let router: Router<RouteSpec | null> | undefined;

/** The REST routes; a match whose value is `null` is an operation of GitHub's the clone lacks. */
export function restRouter(): Router<RouteSpec | null> {
  if (router) return router;
  router = new Router<RouteSpec | null>();
  for (const [method, path] of LACKED) router.add(method, path, null);
  for (const route of ROUTES) router.add(route.method, route.path, route);
  return router;
}
