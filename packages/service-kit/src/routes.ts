import type { RequestHandler } from 'express';
import type { ApiEndpoint } from './endpoint.js';

export type HttpMethod = 'GET' | 'POST';

/** One entry of a service's API: what /routes lists and what the app mounts. */
export interface RouteSpec {
  method: HttpMethod;
  path: string;
  name: string;
  /** Open routes (health, readiness) skip the bearer check. */
  open?: boolean;
  /** An ApiEndpoint (POST only) is served by the kit's lifecycle; other handlers are express middleware. */
  handler: ApiEndpoint | RequestHandler | readonly RequestHandler[];
}

export interface RouteListing {
  method: HttpMethod;
  path: string;
  name: string;
}

/** `[{"method","path","name"}]` in a stable order: by path, then method. */
export function listRoutes(routes: readonly RouteSpec[]): RouteListing[] {
  return routes
    .map(({ method, path, name }) => ({ method, path, name }))
    .sort((a, b) => (a.path === b.path ? a.method.localeCompare(b.method) : a.path.localeCompare(b.path)));
}

/** The Allow header for each path: GET implies HEAD, and OPTIONS is always answered. */
export function allowedMethodsByPath(routes: readonly RouteSpec[]): Map<string, string> {
  const byPath = new Map<string, Set<string>>();
  for (const route of routes) {
    const methods = byPath.get(route.path) ?? new Set<string>();
    methods.add(route.method);
    if (route.method === 'GET') methods.add('HEAD');
    methods.add('OPTIONS');
    byPath.set(route.path, methods);
  }
  return new Map([...byPath].map(([path, methods]) => [path, [...methods].join(', ')]));
}
