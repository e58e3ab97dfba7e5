import { docsUrl, type RouteSpec } from './http/route.js';

// Apart from the operations page (operations.ts), which loads the MCP tools and the GraphQL lists:
// the control API lists the operations on every clone, and a run whose agent never calls MCP
// should not evaluate the tools.

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  documentation: string;
}

/** The implemented operations, in GitHub's notation, sorted by operation id. */
export function operationList(routes: readonly RouteSpec[]): OperationInfo[] {
  return routes
    .map((route) => ({
      operationId: route.operationId,
      method: route.method,
      path: route.path.replace(/\{(\w+)[+*]\}/g, '{$1}'),
      documentation: docsUrl(route.docs),
    }))
    .sort((a, b) => (a.operationId < b.operationId ? -1 : a.operationId > b.operationId ? 1 : 0));
}
