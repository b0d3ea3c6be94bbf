import type { Permission } from "./roles";

/**
 * The permission each portal page needs, by path. Pages still check it
 * themselves (requireWorkspace); this copy lets the portal layout refuse
 * before anything streams, because a page under the portal's loading.tsx
 * has already sent "200" by the time it runs, and a refusal must be a real
 * HTTP 403. A test (tests/unit/page-permissions.test.ts) keeps the two in step.
 */
export const PAGE_PERMISSIONS: Record<string, Permission> = {
  "/dashboard": "workspace.read",
  "/reports": "sms.read",
  // Dynamic segments never match a real path; their parent's prefix does (same permission).
  "/reports/[sendingId]": "sms.read",
  "/reports/spending": "spending.manage",
  "/send": "sms.send",
  "/send/approvals": "spending.manage",
  "/send/bulk": "sms.send",
  "/send/campaigns": "sms.read",
  "/send/campaigns/[id]": "sms.read",
  "/services": "sms.read",
  "/settings/api-key": "api_key.manage",
  "/settings/audit": "audit.read",
  "/settings/members": "members.manage",
  "/settings/spending": "spending.manage",
};

/** The permission the page at `path` needs (the longest matching prefix), or null when it needs none. */
export function pagePermission(path: string): Permission | null {
  const pathname = path.split(/[?#]/)[0]!;
  const match = Object.keys(PAGE_PERMISSIONS)
    .filter((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))
    .sort((a, b) => b.length - a.length)[0];
  return match ? PAGE_PERMISSIONS[match]! : null;
}
