/** The local GitHub clone: REST API, git over HTTP, webhooks, seeds and the request log. */
export { openGitHubClone, startGitHubClone } from './open.js';
export type { OpenedGitHubClone } from './open.js';
export { configureCloneGitPath } from './git/env.js';
export type { GitHubClone, GitHubCloneHandle, GitHubCloneOptions } from './clone.js';
export * from './seeds.js';
export type { StateSnapshot } from './state/snapshot.js';
export type { RequestLogEntry } from './request-log.js';
export type { Change, FieldChange } from './state/store.js';
export type { Delivery, DeliveryAttempt, WebhookConfig } from './webhooks/dispatcher.js';
export type { RateLimitOption } from './http/rate-limit.js';
export type { WorkflowRunRequest, WorkflowRunResponse } from './control/runs.js';
export { signature256 } from './webhooks/sign.js';
export { operationList } from './operation-list.js';
export { operationsMarkdown } from './operations.js';
export type { OperationInfo } from './operation-list.js';
export { ROUTES } from './routes/index.js';
export { startRouteProxy, ROUTED_HOSTS } from './route/index.js';
export type { RefusedRequest, RouteProxy, RouteProxyOptions } from './route/index.js';
