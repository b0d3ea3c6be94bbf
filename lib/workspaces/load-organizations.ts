import "server-only";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { isKeyCustodyError } from "@/lib/crypto/key-custody-error";
import { describeYazsanaError, isYazsanaError, listOrganizations, type Organization } from "@/lib/yazsana";
import { effectiveOrgContext } from "./org-context";
import { yazsanaContextFor } from "./yazsana-access";
import type { WorkspaceContext } from "./workspace-context";

export type OrganizationsView =
  | { status: "no_key" }
  /** `message` is in the request's language. */
  | { status: "error"; message: string }
  | { status: "ok"; organizations: Organization[]; currentOrganizationId: string | null };

/** The key's organizations and the member's context, once per request (pages and actions only: it reads the request's language). */
export const loadOrganizations = cache(async (context: WorkspaceContext): Promise<OrganizationsView> => {
  try {
    const yazsana = await yazsanaContextFor(context);
    if (!yazsana) return { status: "no_key" };
    const organizations = await listOrganizations({ apiKey: yazsana.apiKey });
    return { status: "ok", organizations, currentOrganizationId: effectiveOrgContext(yazsana.organizationId ?? null, organizations) };
  } catch (error) {
    if (isYazsanaError(error)) return { status: "error", message: describeYazsanaError(error, await getTranslations("yazsana")) };
    if (isKeyCustodyError(error)) {
      console.error(`[organizations] stored key unreadable: ${error.code}`);
      return { status: "error", message: (await getTranslations("yazsana"))("cannotDecrypt") };
    }
    throw error;
  }
});
