import "server-only";
import { loadOrganizations } from "@/lib/workspaces/load-organizations";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { PERSONAL_KEY } from "./context-key";

/**
 * Context keys and their names for the spending report: personal credit and
 * the key's organizations. When Yazsana can't be asked, organizations show
 * by id (the report itself comes from our own records and still works).
 */
export async function contextLabels(context: WorkspaceContext, personalLabel: string): Promise<Map<string, string>> {
  const labels = new Map<string, string>([[PERSONAL_KEY, personalLabel]]);
  const view = await loadOrganizations(context, "header");
  if (view.status === "ok") for (const organization of view.organizations) labels.set(organization.id, organization.name);
  return labels;
}
