/**
 * What a scenario run needs of the clone when it starts: seeds, a clone whose port is bound before
 * its routes are loaded (`openGitHubClone`), and route mode. Importing it loads none of the clone's
 * route tables, so that they load while the agent boots; `index.ts` is the whole surface.
 */
export * from './seeds.js';
export { openGitHubClone, startGitHubClone } from './open.js';
export type { OpenedGitHubClone } from './open.js';
export type { GitHubClone, GitHubCloneHandle, GitHubCloneOptions } from './clone.js';
export type { RequestLogEntry } from './request-log.js';
export { startRouteProxy, ROUTED_HOSTS } from './route/index.js';
export type { RefusedRequest, RouteProxy, RouteProxyOptions } from './route/index.js';
