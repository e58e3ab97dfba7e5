/** Route mode: a loopback proxy and a CA (kept in the user's Archal home, or made per proxy) that send an unchanged agent's GitHub traffic to the clone. */
export { startRouteProxy, ROUTED_HOSTS } from './proxy.js';
export type { RefusedRequest, RouteProxy, RouteProxyOptions } from './proxy.js';
