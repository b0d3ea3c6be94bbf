import "server-only";
import { db } from "@/lib/db/client";
import type { Organization } from "@/lib/yazsana";
import { forgetOrganizations } from "./organizations-cache";

/** The form value meaning "no organization: the key owner's personal credit". */
export const PERSONAL_CONTEXT = "personal";

/** The organization a member last chose in a workspace; null = personal credit. */
export async function getOrgContextChoice(userId: string, workspaceId: string): Promise<string | null> {
  const choice = await db.orgContextChoice.findUnique({
    where: { userId_workspaceId: { userId, workspaceId } },
    select: { organizationId: true },
  });
  return choice?.organizationId ?? null;
}

export async function saveOrgContextChoice(userId: string, workspaceId: string, organizationId: string | null): Promise<void> {
  await db.orgContextChoice.upsert({
    where: { userId_workspaceId: { userId, workspaceId } },
    create: { userId, workspaceId, organizationId },
    update: { organizationId },
  });
  // The new context is its own cache entry already; dropping the workspace's
  // entries also makes the switch show the newest organization list.
  forgetOrganizations(workspaceId);
}

export type OrgContextOption = { organizationId: string | null; label: string; disabled: boolean };
/** The words for the options, in the reader's language (workspaces.orgContext in the catalogs). */
export type OrgContextLabels = { personal: string; disabled: (name: string) => string };

/** "Personal credit" first, then every organization the key can act in; disabled ones can't be picked. */
export function orgContextOptions(organizations: Organization[], labels: OrgContextLabels): OrgContextOption[] {
  return [
    { organizationId: null, label: labels.personal, disabled: false },
    ...organizations.map((organization) => ({
      organizationId: organization.id,
      label: organization.state ? organization.name : labels.disabled(organization.name),
      disabled: !organization.state,
    })),
  ];
}

/**
 * The context to use: the saved choice while the key can still act in that
 * organization, otherwise personal credit (an organization removed upstream or
 * disabled must not keep being sent as x-org-id).
 */
export function effectiveOrgContext(saved: string | null, organizations: Organization[]): string | null {
  if (!saved) return null;
  return organizations.some((organization) => organization.id === saved && organization.state) ? saved : null;
}
