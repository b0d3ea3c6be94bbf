import "server-only";
import { cache } from "react";
import { unstable_rethrow } from "next/navigation";
import { isKeyCustodyError } from "@/lib/crypto/key-custody-error";
import { describeErrorForLog } from "@/lib/log/describe-error-for-log";
import { describeYazsanaError, isYazsanaError, listOrganizations, type Organization } from "@/lib/yazsana";
import { effectiveOrgContext } from "./org-context";
import { yazsanaContextFor } from "./yazsana-access";
import type { WorkspaceContext } from "./workspace-context";

export type OrganizationsView =
  | { status: "no_key" }
  | { status: "error"; message: string }
  | { status: "ok"; organizations: Organization[]; currentOrganizationId: string | null };

const UNEXPECTED_MESSAGE = "Organizations could not be loaded just now. Try again in a moment.";

/**
 * The key's organizations and the member's context, once per request. Never
 * throws for a failure of its own: the header renders on every portal page,
 * so one bad answer (or a misconfiguration) must cost the organization list,
 * not the page.
 */
export const loadOrganizations = cache(async (context: WorkspaceContext): Promise<OrganizationsView> => {
  try {
    const yazsana = await yazsanaContextFor(context);
    if (!yazsana) return { status: "no_key" };
    const organizations = await listOrganizations({ apiKey: yazsana.apiKey });
    return { status: "ok", organizations, currentOrganizationId: effectiveOrgContext(yazsana.organizationId ?? null, organizations) };
  } catch (error) {
    // Next's own control flow (redirects, dynamic rendering bail-outs) must pass through.
    unstable_rethrow(error);
    if (isYazsanaError(error)) return { status: "error", message: describeYazsanaError(error) };
    if (isKeyCustodyError(error)) {
      console.error(`[organizations] stored key unreadable: ${error.code}`);
      return { status: "error", message: "The stored API key cannot be decrypted on this server. Ask your operator to check KEY_ENCRYPTION_KEYS." };
    }
    console.error(`[organizations] could not load: ${describeErrorForLog(error)}`);
    return { status: "error", message: UNEXPECTED_MESSAGE };
  }
});
