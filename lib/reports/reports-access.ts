import "server-only";
import type { AppTranslator } from "@/lib/i18n/translator";
import type { YazsanaContext } from "@/lib/yazsana";
import { loadOrganizations } from "@/lib/workspaces/load-organizations";
import { contextAccess } from "@/lib/workspaces/org-permissions";
import { roleCan } from "@/lib/workspaces/roles";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { yazsanaContextFor } from "@/lib/workspaces/yazsana-access";

/** Why reports can't be read; each has its own message and HTTP status for the CSV routes. */
export type ReportsDenial = {
  reason: "unauthenticated" | "forbidden" | "no_key" | "missing_permission" | "unavailable";
  status: 401 | 403 | 409 | 503;
  /** English, for logs; readers get describeReportsDenial's wording (except `unavailable`, already in their language). */
  message: string;
  /** Why Yazsana is unavailable, in the reader's language (loadOrganizations words it), when it said. */
  detail?: string;
  /** The organization that lacks `organization.sms.read`, for the page's wording. */
  organization?: string;
};

export type ReportsAccess =
  | { allowed: true; context: WorkspaceContext; yazsana: YazsanaContext; organizationName: string | null }
  | ({ allowed: false } & ReportsDenial);

/** A denial in the reader's language, for the pages and the CSV routes' plain-text answers. */
export function describeReportsDenial(denial: ReportsDenial, t: AppTranslator<"reports">): string {
  // The upstream's own outage sentence is more specific than a generic one.
  if (denial.reason === "unavailable" && denial.detail) return denial.detail;
  return t(`denied.${denial.reason}`, { organization: denial.organization ?? "" });
}

/**
 * The one check pages and CSV routes share: a member whose role may read SMS
 * reports ("sms.read": viewers and above), in a context that may read them (an
 * organization context needs the organization's `organization.sms.read`).
 * The Yazsana context returned is the effective one, so a saved choice of an
 * organization that is gone or disabled falls back to personal credit exactly
 * as the header shows it.
 */
export async function reportsAccess(context: WorkspaceContext | null): Promise<ReportsAccess> {
  return (await reportsAccessWithRead(context, null)).access;
}

/**
 * reportsAccess, with the page's first upstream read started at once in the
 * member's saved context instead of after the check: in an organization
 * context the check asks Yazsana for the organizations first, so two calls in
 * a row become two at a time. `early` is that read only when the check passed
 * AND it was made in the effective context; otherwise (refused, or the saved
 * organization fell back to personal credit) it is dropped unread — nothing
 * of it is shown — and the caller reads with `access.yazsana` itself.
 */
export async function reportsAccessWithRead<T>(
  context: WorkspaceContext | null,
  read: ((yazsana: YazsanaContext) => Promise<T>) | null,
): Promise<{ access: ReportsAccess; early?: Promise<T> }> {
  if (!context) return { access: { allowed: false, reason: "unauthenticated", status: 401, message: "Log in to read reports." } };
  if (!roleCan(context.role, "sms.read")) {
    return { access: { allowed: false, reason: "forbidden", status: 403, message: "Your role in this workspace does not include reports." } };
  }
  const yazsana = await yazsanaContextFor(context);
  if (!yazsana) return { access: { allowed: false, reason: "no_key", status: 409, message: "This workspace has no Yazsana API key yet, so there are no reports to show." } };
  // Personal credit needs no organization permission: no need to ask Yazsana
  // for the organizations first (the listing itself reports an outage).
  if (!yazsana.organizationId) return { access: { allowed: true, context, yazsana: { apiKey: yazsana.apiKey, organizationId: null }, organizationName: null } };
  const early = read?.({ apiKey: yazsana.apiKey, organizationId: yazsana.organizationId });
  // Dropped unread when the check refuses: its failure must not surface as an unhandled rejection.
  early?.catch(() => {});
  const access = await organizationAccess(context, yazsana.apiKey);
  const usable = access.allowed && access.yazsana.organizationId === yazsana.organizationId;
  return usable && early ? { access, early } : { access };
}

/** The organization context's half of the check: fresh from Yazsana (never the header's cache). */
async function organizationAccess(context: WorkspaceContext, apiKey: string): Promise<ReportsAccess> {
  const view = await loadOrganizations(context);
  const access = contextAccess(view, "organization.sms.read");
  if (!access.allowed) {
    switch (access.reason) {
      case "no_key":
        return { allowed: false, reason: "no_key", status: 409, message: "This workspace has no Yazsana API key yet, so there are no reports to show." };
      case "unavailable":
        return view.status === "error"
          ? { allowed: false, reason: "unavailable", status: 503, message: view.message, detail: view.message }
          : { allowed: false, reason: "unavailable", status: 503, message: "Yazsana is unavailable right now." };
      case "missing_permission":
        return {
          allowed: false,
          reason: "missing_permission",
          status: 403,
          organization: access.organization?.name ?? "",
          message: `The organization ${access.organization?.name ?? "you picked"} does not let this API key read SMS reports. Pick another context or Personal credit.`,
        };
    }
  }
  const organizationId = view.status === "ok" ? view.currentOrganizationId : null;
  return { allowed: true, context, yazsana: { apiKey, organizationId }, organizationName: access.organization?.name ?? null };
}
