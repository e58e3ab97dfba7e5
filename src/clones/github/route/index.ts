/** Route mode: a loopback proxy and a per-run CA that send an unchanged agent's GitHub traffic to the clone. */
export { startRouteProxy, ROUTED_HOSTS } from './proxy.js';
export type { RefusedRequest, RouteProxy, RouteProxyOptions } from './proxy.js';
