import "server-only";
import { cache } from "react";
import { unstable_rethrow } from "next/navigation";
import { isKeyCustodyError } from "@/lib/crypto/key-custody-error";
import { getServerTranslations } from "@/lib/i18n/server-translations";
import { describeErrorForLog } from "@/lib/log/describe-error-for-log";
import { startDeadline } from "@/lib/runtime/deadline";
import { describeYazsanaError, isYazsanaError, listOrganizations, type Organization } from "@/lib/yazsana";
import { effectiveOrgContext } from "./org-context";
import { cachedOrganizations, rememberOrganizations } from "./organizations-cache";
import { yazsanaContextFor } from "./yazsana-access";
import type { WorkspaceContext } from "./workspace-context";
import { componentLogger } from "@/lib/log/logger";

const log = componentLogger("organizations");

export type OrganizationsView =
  | { status: "no_key" }
  | { status: "error"; message: string }
  | { status: "ok"; organizations: Organization[]; currentOrganizationId: string | null };

/**
 * `page`: data the page is about (the dashboard's table, checking a context
 * choice) — always fresh from Yazsana, within the client's own deadline.
 * `header`: the context switcher on every page — served from a short cache,
 * and given up after YAZSANA_HEADER_DEADLINE_MS so a slow Yazsana never holds
 * a page whose own content does not need it.
 */
export type OrganizationsPurpose = "page" | "header";

const DEFAULT_HEADER_DEADLINE_MS = 3_000;

/**
 * The key's organizations and the member's context, once per request and
 * purpose. Never throws for a failure of its own: the header renders on every
 * portal page, so one bad answer (or a misconfiguration) must cost the
 * organization list, not the page. Messages are in the request's language.
 */
export const loadOrganizations = cache(async (context: WorkspaceContext, purpose: OrganizationsPurpose = "page"): Promise<OrganizationsView> => {
  const deadline = purpose === "header" ? startDeadline(headerDeadlineMs()) : undefined;
  try {
    const yazsana = await yazsanaContextFor(context);
    if (!yazsana) return { status: "no_key" };
    const cacheKey = { workspaceId: context.workspace.id, apiKey: yazsana.apiKey, organizationId: yazsana.organizationId ?? null };
    let organizations = purpose === "header" ? cachedOrganizations(cacheKey) : undefined;
    if (!organizations) {
      organizations = await listOrganizations({ apiKey: yazsana.apiKey, ...(deadline && { signal: deadline.signal }) });
      rememberOrganizations(cacheKey, organizations);
    }
    return { status: "ok", organizations, currentOrganizationId: effectiveOrgContext(yazsana.organizationId ?? null, organizations) };
  } catch (error) {
    // Next's own control flow (redirects, dynamic rendering bail-outs) must pass through.
    unstable_rethrow(error);
    const t = await getServerTranslations("yazsana");
    if (deadline?.signal.aborted) {
      log.warn("header gave up waiting for Yazsana");
      return { status: "error", message: t("headerTimeout") };
    }
    if (isYazsanaError(error)) return { status: "error", message: describeYazsanaError(error, t) };
    if (isKeyCustodyError(error)) {
      log.error({ code: error.code }, "stored key unreadable");
      return { status: "error", message: t("cannotDecrypt") };
    }
    log.error({ error: describeErrorForLog(error) }, "could not load organizations");
    return { status: "error", message: t("organizationsUnexpected") };
  } finally {
    deadline?.clear();
  }
});

function headerDeadlineMs(): number {
  const raw = process.env.YAZSANA_HEADER_DEADLINE_MS?.trim();
  const value = raw ? Number(raw) : DEFAULT_HEADER_DEADLINE_MS;
  return Number.isInteger(value) && value >= 1 ? value : DEFAULT_HEADER_DEADLINE_MS;
}
