import "server-only";
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Organization } from "@/lib/yazsana";

/**
 * "List organizations" answers, kept briefly in this process so the header's
 * context switcher does not call Yazsana on every page render.
 *
 * Keyed by workspace, a hash of the API key (never the key itself) and the
 * member's context: a replaced key or a switched context is a different entry
 * at once — on every app instance, since each reads the key and the context
 * from the database per request. What the TTL bounds is staleness of
 * Yazsana's own data (an organization added or disabled, permissions, member
 * credit) as seen in the header. Pages that show that data (the dashboard)
 * read it fresh and refresh this entry.
 */

const DEFAULT_TTL_SECONDS = 30;
// Far more than the workspaces one instance serves at once; bounds memory if many do.
const MAX_ENTRIES = 5_000;

export type OrganizationsCacheKey = { workspaceId: string; apiKey: string; organizationId: string | null };

const CACHE_KEY = Symbol.for("yazsana-portal.organizations-cache");
type CacheHolder = { [CACHE_KEY]?: LRUCache<string, Organization[]> };

// On globalThis: route bundles and server actions each get their own module
// copy in Next.js, but must share (and invalidate) one cache.
function store(): LRUCache<string, Organization[]> {
  const holder = globalThis as CacheHolder;
  holder[CACHE_KEY] ??= new LRUCache<string, Organization[]>({ max: MAX_ENTRIES, ttlAutopurge: false });
  return holder[CACHE_KEY];
}

/** Seconds an entry lives (YAZSANA_ORGANIZATIONS_CACHE_SECONDS); 0 turns the cache off. */
export function organizationsCacheTtlSeconds(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.YAZSANA_ORGANIZATIONS_CACHE_SECONDS?.trim();
  if (!raw) return DEFAULT_TTL_SECONDS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`YAZSANA_ORGANIZATIONS_CACHE_SECONDS must be a whole number ≥ 0 (got "${raw}").`);
  }
  return value;
}

const entryKey = ({ workspaceId, apiKey, organizationId }: OrganizationsCacheKey) =>
  `${workspaceId}:${createHash("sha256").update(apiKey).digest("base64url")}:${organizationId ?? "personal"}`;

export function cachedOrganizations(key: OrganizationsCacheKey): Organization[] | undefined {
  return organizationsCacheTtlSeconds() > 0 ? store().get(entryKey(key)) : undefined;
}

export function rememberOrganizations(key: OrganizationsCacheKey, organizations: Organization[]): void {
  const ttlSeconds = organizationsCacheTtlSeconds();
  if (ttlSeconds > 0) store().set(entryKey(key), organizations, { ttl: ttlSeconds * 1000 });
}

/** Drops every entry of a workspace: its key was set, replaced, removed or re-wrapped, or a member switched context. */
export function forgetOrganizations(workspaceId: string): void {
  const cache = store();
  for (const key of [...cache.keys()]) if (key.startsWith(`${workspaceId}:`)) cache.delete(key);
}
