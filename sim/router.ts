import { yazsanaRoutes, type YazsanaOperation } from "../lib/yazsana/routes";

/**
 * Serves the client's own routes table, so a path corrected there is
 * corrected here too. `{name}` segments become captured parameters.
 */
type CompiledRoute = { operation: YazsanaOperation; method: string; pattern: RegExp; names: string[] };

const compiled: CompiledRoute[] = (Object.keys(yazsanaRoutes) as YazsanaOperation[]).map((operation) => {
  const { method, path } = yazsanaRoutes[operation];
  const names: string[] = [];
  const source = path
    .split(/(\{\w+\})/)
    .map((part) => {
      const param = /^\{(\w+)\}$/.exec(part);
      if (!param) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(param[1]!);
      return "([^/]+)";
    })
    .join("");
  return { operation, method, pattern: new RegExp(`^${source}/?$`), names };
});

export type RouteMatch =
  | { kind: "route"; operation: YazsanaOperation; params: Record<string, string> }
  | { kind: "wrong-method"; allowed: string[] }
  | { kind: "none" };

export function matchRoute(method: string, pathname: string): RouteMatch {
  const allowed: string[] = [];
  for (const route of compiled) {
    const found = route.pattern.exec(pathname);
    if (!found) continue;
    if (route.method !== method) {
      allowed.push(route.method);
      continue;
    }
    const params: Record<string, string> = {};
    route.names.forEach((name, index) => (params[name] = safeDecode(found[index + 1]!)));
    return { kind: "route", operation: route.operation, params };
  }
  return allowed.length ? { kind: "wrong-method", allowed } : { kind: "none" };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
